import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblems } from '../ui/ErrorSummary.tsx';
import { Link } from '../ui/Link.tsx';
import { Field, fieldWiring } from '../ui/form-field.tsx';
import { areasApi, type AreaLevel, type DeriveLevelResult } from './api.ts';
import { csvHeader } from './csv-header.ts';
import { deriveProblems, deriveRequest, type DeriveDraft } from './derive-form.ts';
import { at, deriveFieldLabels } from './texts.ts';
import { atlasLevelHref } from './upload-request.ts';

interface DeriveSectionProps {
  levels: AreaLevel[];
  /** Level to derive from when it has areas (the one just imported), else the finest. */
  preferredFrom: string | null;
  onDerived: () => void;
  announce: (message: string) => void;
}

const EMPTY: DeriveDraft = {
  level: '',
  name: '',
  from: '',
  rule: 'prefix',
  prefix: '',
  table: null,
  childField: '',
  parentField: '',
  parentNameField: '',
};

/** „Übergeordnete Ebene bilden“: a parent level from a key prefix or a key table (CSV). */
export function DeriveSection({ levels, preferredFrom, onDerived, announce }: DeriveSectionProps) {
  const id = useId();
  const sources = levels.filter((l) => l.rank >= 1 && l.areaCount > 0);
  const [draft, setDraft] = useState<DeriveDraft>(EMPTY);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const [result, setResult] = useState<{
    derived: DeriveLevelResult;
    levelName: string;
    fromName: string;
  } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const wiring = fieldWiring(id, problems?.fields ?? {});

  // the level to derive from follows the import until the planner chooses one
  const fallbackFrom =
    (preferredFrom && sources.find((l) => l.key === preferredFrom)?.key) ?? sources.at(-1)?.key ?? '';
  const from = draft.from && sources.some((l) => l.key === draft.from) ? draft.from : fallbackFrom;

  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const change = (patch: Partial<DeriveDraft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setResult(null);
  };

  const readTable = (file: File | undefined) => {
    if (!file) return change({ table: null, childField: '', parentField: '', parentNameField: '' });
    file.text().then(
      (text) => {
        const columns = csvHeader(text).filter(Boolean);
        // the first two columns are child and parent in most key tables
        change({
          table: { fileName: file.name, text, columns },
          childField: columns[0] ?? '',
          parentField: columns[1] ?? '',
          parentNameField: '',
        });
      },
      () => setProblems({ summary: at.keyTableUnreadable, fields: { keyTable: at.keyTableUnreadable } }),
    );
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const made = deriveRequest({ ...draft, from });
    if (made.problems) return setProblems(made.problems);
    const body = made.body;
    setBusy(true);
    setProblems(null);
    areasApi.derive(body).then(
      (derived) => {
        setBusy(false);
        const levelName = body.name ?? levels.find((l) => l.key === derived.level)?.name ?? derived.level;
        const fromName = levels.find((l) => l.key === derived.from)?.name ?? derived.from;
        setResult({ derived, levelName, fromName });
        announce(at.derived(derived.derived, derived.children, fromName));
        onDerived();
      },
      (error: unknown) => {
        setBusy(false);
        setProblems(deriveProblems(error, body));
      },
    );
  };

  const columns = draft.table?.columns ?? [];
  const columnSelect = (path: 'childField' | 'parentField' | 'parentNameField', label: string) => (
    <Field wiring={wiring} path={`keyTable.${path}`} label={label}>
      {(control) => (
        <select {...control} value={draft[path]} onChange={(e) => change({ [path]: e.target.value })}>
          {(path === 'parentNameField' || !draft[path]) && (
            <option value="">{path === 'parentNameField' ? at.noColumn : at.chooseField}</option>
          )}
          {columns.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <section className="import-step" aria-labelledby={`${id}-title`} data-testid="area-derive">
      <h2 id={`${id}-title`}>{at.derive}</h2>
      <p className="page-intro">{at.deriveIntro}</p>
      {sources.length === 0 ? (
        <p className="muted">{at.deriveNoLevels}</p>
      ) : (
        <>
          <ErrorSummary problems={problems} idOf={wiring.id} labelOf={(p) => deriveFieldLabels[p] ?? p} />
          <form onSubmit={submit} noValidate data-testid="area-derive-form">
            <div className="form-grid">
              <Field wiring={wiring} path="name" label={at.deriveName}>
                {(control) => (
                  <input
                    {...control}
                    value={draft.name}
                    maxLength={80}
                    autoComplete="off"
                    onChange={(e) => change({ name: e.target.value })}
                  />
                )}
              </Field>
              <Field wiring={wiring} path="level" label={at.deriveLevel} hint={at.deriveLevelHint}>
                {(control) => (
                  <input
                    {...control}
                    value={draft.level}
                    maxLength={40}
                    autoComplete="off"
                    spellCheck={false}
                    onChange={(e) => change({ level: e.target.value })}
                  />
                )}
              </Field>
              <Field wiring={wiring} path="from" label={at.deriveFrom}>
                {(control) => (
                  <select {...control} value={from} onChange={(e) => change({ from: e.target.value })}>
                    {sources.map((l) => (
                      <option key={l.key} value={l.key}>
                        {at.fromOption(l.name, l.key, l.areaCount)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            </div>
            <fieldset className="area-import__rule">
              <legend>{at.rule}</legend>
              <label className="checkbox-field">
                <input
                  type="radio"
                  name={`${id}-rule`}
                  checked={draft.rule === 'prefix'}
                  onChange={() => change({ rule: 'prefix' })}
                />
                {at.rulePrefix}
              </label>
              <label className="checkbox-field">
                <input
                  type="radio"
                  name={`${id}-rule`}
                  checked={draft.rule === 'table'}
                  onChange={() => change({ rule: 'table' })}
                />
                {at.ruleTable}
              </label>
            </fieldset>
            {draft.rule === 'prefix' ? (
              <div className="form-grid">
                <Field wiring={wiring} path="keyPrefix" label={at.prefixLength} hint={at.prefixHint}>
                  {(control) => (
                    <input
                      {...control}
                      type="number"
                      min={1}
                      max={40}
                      step={1}
                      value={draft.prefix}
                      onChange={(e) => change({ prefix: e.target.value })}
                    />
                  )}
                </Field>
              </div>
            ) : (
              <div className="form-grid">
                <Field wiring={wiring} path="keyTable" label={at.keyTable} hint={at.keyTableHint} wide>
                  {(control) => (
                    <input
                      {...control}
                      type="file"
                      accept=".csv,.txt,text/csv,text/plain"
                      onChange={(e) => readTable(e.currentTarget.files?.[0])}
                    />
                  )}
                </Field>
                {draft.table && (
                  <>
                    <p className="muted form-grid__wide" data-testid="area-key-table-columns">
                      {at.keyTableColumns(columns.length, draft.table.fileName)}
                    </p>
                    {columnSelect('childField', at.childField)}
                    {columnSelect('parentField', at.parentKeyField)}
                    {columnSelect('parentNameField', at.parentNameField)}
                  </>
                )}
              </div>
            )}
            <p className="button-row">
              <button
                type="submit"
                className="button button--primary"
                disabled={busy}
                aria-busy={busy || undefined}
              >
                {busy ? at.deriving : at.deriveSubmit}
              </button>
            </p>
          </form>
          {result && (
            <div ref={resultRef} className="success" tabIndex={-1} data-testid="area-derive-result">
              <p>{at.derived(result.derived.derived, result.derived.children, result.fromName)}</p>
              <p>
                <Link to={atlasLevelHref(result.derived.level)}>{at.toAtlasLevel(result.levelName)}</Link>
              </p>
            </div>
          )}
        </>
      )}
    </section>
  );
}
