import { useId, type FormEvent } from 'react';
import type { Variable } from '../api.ts';
import { draftProblems, type MappingDraft } from './import-mapping.ts';
import { importTexts } from './texts.ts';

const T = importTexts;

interface ImportMappingFormProps {
  draft: MappingDraft;
  columns: readonly string[];
  variables: readonly Variable[];
  busy: boolean;
  /** The draft differs from the one the report was made with. */
  dirty: boolean;
  onChange: (draft: MappingDraft) => void;
  onRecheck: () => void;
}

/** Which column holds the area key and the Stichtag, and the variable key of each value column. */
export function ImportMappingForm(props: ImportMappingFormProps) {
  const { draft, columns, variables, busy, dirty, onChange, onRecheck } = props;
  const id = useId();
  const problems = draftProblems(draft);
  const blocked = problems.keys.size > 0 || problems.noVariables;
  const set = <K extends keyof MappingDraft>(name: K, value: MappingDraft[K]) =>
    onChange({ ...draft, [name]: value });
  const columnOptions = (current: string) =>
    (columns.includes(current) || !current ? columns : [current, ...columns]).map((c) => (
      <option key={c} value={c}>
        {c}
      </option>
    ));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!blocked) onRecheck();
  };

  return (
    <form className="import-mapping" onSubmit={submit} noValidate data-testid="import-mapping">
      <h3>{T.mapping}</h3>
      <p className="muted import-mapping__hint">{T.mappingHint}</p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-area`}>{T.areaColumn}</label>
          <select
            id={`${id}-area`}
            value={draft.areaColumn}
            onChange={(e) => set('areaColumn', e.target.value)}
          >
            {columnOptions(draft.areaColumn)}
          </select>
        </div>
        <fieldset className="field segmented">
          <legend>{T.dateSource}</legend>
          <div className="segmented__options">
            {(['column', 'fixed'] as const).map((source) => (
              <label key={source} className="segmented__option">
                <input
                  type="radio"
                  name={`${id}-date-source`}
                  value={source}
                  checked={draft.dateSource === source}
                  onChange={() => set('dateSource', source)}
                />
                <span>{source === 'column' ? T.dateFromColumn : T.dateFixed}</span>
              </label>
            ))}
          </div>
        </fieldset>
        {draft.dateSource === 'column' ? (
          <div className="field">
            <label htmlFor={`${id}-date-column`}>{T.dateColumn}</label>
            <select
              id={`${id}-date-column`}
              value={draft.dateColumn}
              onChange={(e) => set('dateColumn', e.target.value)}
            >
              {!draft.dateColumn && <option value="" />}
              {columnOptions(draft.dateColumn)}
            </select>
          </div>
        ) : (
          <div className="field">
            <label htmlFor={`${id}-date`}>{T.fixedDate}</label>
            <input
              id={`${id}-date`}
              type="date"
              value={draft.date}
              onChange={(e) => set('date', e.target.value)}
            />
          </div>
        )}
      </div>

      {draft.form === 'long' ? (
        <p>{T.longColumns(draft.variableColumn.join(', '), draft.valueColumn)}</p>
      ) : (
        <table className="import-variables" aria-describedby={`${id}-variables-hint`}>
          <caption>{T.variables}</caption>
          <thead>
            <tr>
              <th scope="col">{T.column}</th>
              <th scope="col">{T.variableKey}</th>
            </tr>
          </thead>
          <tbody>
            {draft.variables.map((row, i) => {
              const invalid = problems.keys.has(row.column);
              return (
                <tr key={row.column}>
                  <th scope="row">{row.column}</th>
                  <td>
                    <input
                      value={row.key}
                      onChange={(e) =>
                        set(
                          'variables',
                          draft.variables.map((v, j) => (j === i ? { ...v, key: e.target.value } : v)),
                        )
                      }
                      list={`${id}-variables`}
                      aria-label={T.variableKeyLabel(row.column)}
                      aria-invalid={invalid || undefined}
                      aria-describedby={invalid ? `${id}-key-${i}-error` : undefined}
                      autoComplete="off"
                      spellCheck={false}
                    />
                    {invalid && (
                      <p id={`${id}-key-${i}-error`} className="field__error">
                        {T.invalidKey}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <datalist id={`${id}-variables`}>
        {variables.map((v) => (
          <option key={v.key} value={v.key}>
            {v.name}
          </option>
        ))}
      </datalist>
      {draft.form === 'wide' && (
        <p id={`${id}-variables-hint`} className="field__hint">
          {T.variableHint}
        </p>
      )}
      {problems.noVariables && (
        <p className="field__error" role="status">
          {T.noVariables}
        </p>
      )}
      {dirty && !blocked && (
        <p className="notice" role="status" data-testid="import-dirty">
          {T.dirty}
        </p>
      )}
      <p className="button-row">
        <button
          type="submit"
          className="button"
          disabled={busy || blocked}
          aria-disabled={blocked || undefined}
        >
          {T.recheck}
        </button>
      </p>
    </form>
  );
}
