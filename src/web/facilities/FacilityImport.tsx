import { useId, useState, type FormEvent } from 'react';
import { ApiError, messageOf } from '../api.ts';
import {
  facilityApi,
  type FacilityImportFields,
  type FacilityType,
  type ImportFacilitiesResult,
} from './facility-api.ts';
import { importProblems, type ListedProblem } from './import-problems.ts';
import { ft } from './texts.ts';

const T = ft.importing;

interface FacilityImportProps {
  types: readonly FacilityType[];
  /** The type shown on the page: the delivery's type unless another one is chosen. */
  type: string;
  today: string;
  onImported: (result: ImportFacilitiesResult) => void;
}

type Outcome =
  | { kind: 'done'; result: ImportFacilitiesResult; problems: ListedProblem[] }
  | { kind: 'refused'; message: string; problems: ListedProblem[] };

const OPTIONAL: (keyof Omit<FacilityImportFields, 'type' | 'validFrom' | 'closeMissing'>)[] = [
  'idField',
  'nameField',
  'capacityField',
  'carrierField',
  'xField',
  'yField',
  'crs',
];

/**
 * The upload of a delivery through POST /api/facilities/import: all or nothing, every problem
 * listed with file, row and field.
 */
export function FacilityImport({ types, type, today, onImported }: FacilityImportProps) {
  const id = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [chosenType, setChosenType] = useState<string | null>(null);
  const [validFrom, setValidFrom] = useState(today);
  const [closeMissing, setCloseMissing] = useState(false);
  const [optional, setOptional] = useState<Partial<Record<(typeof OPTIONAL)[number], string>>>({});
  const [busy, setBusy] = useState(false);
  const [noFile, setNoFile] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const deliveryType = chosenType ?? type;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!files.length) return setNoFile(true);
    setBusy(true);
    setOutcome(null);
    try {
      const result = await facilityApi.import(files, {
        type: deliveryType,
        validFrom,
        closeMissing,
        ...Object.fromEntries(Object.entries(optional).map(([k, v]) => [k, v.trim()])),
      });
      setOutcome({ kind: 'done', result, problems: importProblems(result.problems, result.fileName) });
      onImported(result);
    } catch (error) {
      const details = error instanceof ApiError ? error.details : {};
      const file = typeof details.file === 'string' ? details.file : (files[0]?.name ?? '');
      setOutcome({
        kind: 'refused',
        message: messageOf(error),
        problems: importProblems(details.problems, file),
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section
      className="import-step facility-import"
      aria-labelledby={`${id}-title`}
      data-testid="facility-import"
    >
      <h2 id={`${id}-title`}>{T.title}</h2>
      <p className="page-intro">{T.intro}</p>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div className="facility-import__grid">
          <div className={`field${noFile ? ' field--invalid' : ''}`}>
            <label htmlFor={`${id}-files`}>{T.files}</label>
            <input
              id={`${id}-files`}
              type="file"
              multiple
              accept=".geojson,.json,.zip,.shp,.shx,.dbf,.prj,.cpg,.csv,.txt"
              aria-invalid={noFile || undefined}
              aria-describedby={noFile ? `${id}-files-error` : undefined}
              onChange={(e) => {
                setFiles([...(e.target.files ?? [])]);
                setNoFile(false);
              }}
            />
            {noFile && (
              <p id={`${id}-files-error`} className="field__error">
                {T.noFile}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${id}-type`}>{T.type}</label>
            <select id={`${id}-type`} value={deliveryType} onChange={(e) => setChosenType(e.target.value)}>
              {types.map((t) => (
                <option key={t.key} value={t.key}>
                  {t.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{T.validFrom}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={validFrom}
              aria-describedby={`${id}-from-hint`}
              onChange={(e) => setValidFrom(e.target.value)}
            />
            <p id={`${id}-from-hint`} className="field__hint">
              {T.validFromHint}
            </p>
          </div>
        </div>
        <label className="checkbox-field">
          <input type="checkbox" checked={closeMissing} onChange={(e) => setCloseMissing(e.target.checked)} />
          {T.closeMissing}
        </label>
        <details className="facility-import__fields">
          <summary>{T.fields}</summary>
          <div className="facility-import__grid">
            {OPTIONAL.map((field) => (
              <div key={field} className="field">
                <label htmlFor={`${id}-${field}`}>{T[field]}</label>
                <input
                  id={`${id}-${field}`}
                  value={optional[field] ?? ''}
                  autoComplete="off"
                  spellCheck={false}
                  onChange={(e) => setOptional((o) => ({ ...o, [field]: e.target.value }))}
                />
              </div>
            ))}
          </div>
        </details>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
            {busy ? T.running : T.submit}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {outcome?.kind === 'done' && (
          <p className="success" data-testid="facility-import-done">
            {T.done(outcome.result)}
          </p>
        )}
        {outcome?.kind === 'refused' && (
          <div className="alert" role="alert" data-testid="facility-import-refused">
            <p>{T.refused}</p>
            <p>{outcome.message}</p>
          </div>
        )}
      </div>
      {outcome && outcome.problems.length > 0 && <ProblemTable problems={outcome.problems} />}
    </section>
  );
}

function ProblemTable({ problems }: { problems: readonly ListedProblem[] }) {
  return (
    <div className="import-problems">
      <table data-testid="facility-import-problems">
        <caption>{T.problems}</caption>
        <thead>
          <tr>
            <th scope="col">{T.file}</th>
            <th scope="col" className="num">
              {T.row}
            </th>
            <th scope="col">{T.field}</th>
            <th scope="col">{T.severity}</th>
            <th scope="col">{T.message}</th>
          </tr>
        </thead>
        <tbody>
          {problems.map((p, i) => (
            <tr key={i}>
              <td>{p.file}</td>
              <td className="num">{p.row ?? T.whole}</td>
              <td>{p.field ?? '–'}</td>
              <td>
                <span className={`severity severity--${p.severity}`}>
                  {p.severity === 'error' ? T.error : T.warning}
                </span>
              </td>
              <td>{p.message}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
