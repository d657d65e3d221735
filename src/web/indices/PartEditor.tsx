import type { Indicator } from '../api.ts';
import { byTheme } from '../indicators/catalogue.ts';
import { et } from './editor-texts.ts';
import { Field, FieldError, type FieldWiring } from '../ui/form-field.tsx';
import {
  emptyClass,
  emptyIndicator,
  type ClassDraft,
  type IndicatorDraft,
  type PartDraft,
} from './index-draft.ts';

interface PartEditorProps {
  part: PartDraft;
  /** Position in the definition (0-based). */
  index: number;
  indicators: readonly Indicator[];
  wiring: FieldWiring;
  canRemove: boolean;
  onChange: (part: PartDraft) => void;
  onRemove: () => void;
}

/** One part index (e.g. Status): its indicators with code, direction and weight, and its classes. */
export function PartEditor({
  part,
  index,
  indicators,
  wiring,
  canRemove,
  onChange,
  onRemove,
}: PartEditorProps) {
  const base = `parts.${index}`;
  const n = index + 1;
  const setIndicator = (i: number, patch: Partial<IndicatorDraft>) =>
    onChange({
      ...part,
      indicators: part.indicators.map((row, j) => (j === i ? { ...row, ...patch } : row)),
    });
  const setClass = (i: number, patch: Partial<ClassDraft>) =>
    onChange({ ...part, classes: part.classes.map((row, j) => (j === i ? { ...row, ...patch } : row)) });
  const known = new Set(indicators.map((i) => i.key));

  return (
    <fieldset className="index-part" data-testid={`index-part-${index}`}>
      <legend>
        {et.part(n)}
        {part.label ? `: ${part.label}` : ''}
      </legend>
      <div className="form-grid">
        <Field wiring={wiring} path={`${base}.key`} label={et.partKey} hint={et.partKeyHint}>
          {(props) => (
            <input
              {...props}
              value={part.key}
              onChange={(e) => onChange({ ...part, key: e.target.value })}
              autoComplete="off"
              spellCheck={false}
              maxLength={31}
            />
          )}
        </Field>
        <Field wiring={wiring} path={`${base}.label`} label={et.partLabel}>
          {(props) => (
            <input
              {...props}
              value={part.label}
              onChange={(e) => onChange({ ...part, label: e.target.value })}
              maxLength={100}
            />
          )}
        </Field>
      </div>

      <h3 className="index-part__heading">{et.indicators}</h3>
      <FieldError wiring={wiring} path={`${base}.indicators`} />
      <table className="index-part__table">
        <thead>
          <tr>
            <th scope="col">{et.indicator}</th>
            <th scope="col">{et.code}</th>
            <th scope="col">{et.direction}</th>
            <th scope="col">{et.weight}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {part.indicators.map((row, i) => {
            const p = `${base}.indicators.${i}`;
            const label = (field: string) => `${et.part(n)}, ${et.indicatorRow(i + 1)}: ${field}`;
            return (
              <tr key={i}>
                <td>
                  <select
                    {...wiring.control(`${p}.indicator`)}
                    aria-label={label(et.indicator)}
                    value={row.indicator}
                    onChange={(e) => setIndicator(i, { indicator: e.target.value })}
                  >
                    <option value="">{et.indicatorChoose}</option>
                    {row.indicator && !known.has(row.indicator) && (
                      <option value={row.indicator}>{row.indicator}</option>
                    )}
                    {byTheme(indicators).map(([theme, group]) => (
                      <optgroup key={theme} label={theme}>
                        {group.map((ind) => (
                          <option key={ind.key} value={ind.key}>
                            {ind.name}
                          </option>
                        ))}
                      </optgroup>
                    ))}
                  </select>
                  <FieldError wiring={wiring} path={`${p}.indicator`} />
                </td>
                <td>
                  <input
                    {...wiring.control(`${p}.code`)}
                    aria-label={label(et.code)}
                    className="index-part__short"
                    value={row.code}
                    onChange={(e) => setIndicator(i, { code: e.target.value })}
                    maxLength={10}
                  />
                  <FieldError wiring={wiring} path={`${p}.code`} />
                </td>
                <td>
                  <select
                    {...wiring.control(`${p}.direction`)}
                    aria-label={label(et.direction)}
                    value={row.direction}
                    onChange={(e) => setIndicator(i, { direction: e.target.value === '-1' ? '-1' : '1' })}
                  >
                    <option value="1">{et.directions['1']}</option>
                    <option value="-1">{et.directions['-1']}</option>
                  </select>
                  <FieldError wiring={wiring} path={`${p}.direction`} />
                </td>
                <td>
                  <input
                    {...wiring.control(`${p}.weight`)}
                    aria-label={label(et.weight)}
                    className="index-part__short"
                    inputMode="decimal"
                    value={row.weight}
                    onChange={(e) => setIndicator(i, { weight: e.target.value })}
                    maxLength={12}
                  />
                  <FieldError wiring={wiring} path={`${p}.weight`} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button button--danger-outline"
                    aria-label={et.removeIndicator(i + 1)}
                    title={et.removeIndicator(i + 1)}
                    disabled={part.indicators.length <= 1}
                    onClick={() =>
                      onChange({ ...part, indicators: part.indicators.filter((_, j) => j !== i) })
                    }
                  >
                    ×
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p>
        <button
          type="button"
          className="button"
          onClick={() => onChange({ ...part, indicators: [...part.indicators, emptyIndicator()] })}
        >
          {et.addIndicator}
        </button>
      </p>

      <h3 className="index-part__heading">{et.classes}</h3>
      <p className="field__hint">{et.classesHint}</p>
      <FieldError wiring={wiring} path={`${base}.classes`} />
      <table className="index-part__table">
        <thead>
          <tr>
            <th scope="col">{et.code}</th>
            <th scope="col">{et.label}</th>
            <th scope="col">{et.min}</th>
            <th scope="col">{et.max}</th>
            <th scope="col">{et.severity}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {part.classes.map((row, i) => {
            const p = `${base}.classes.${i}`;
            const label = (field: string) => `${et.part(n)}, ${et.classRow(i + 1)}: ${field}`;
            const text = (
              field: 'code' | 'label' | 'min' | 'max' | 'severity',
              short: boolean,
              max: number,
            ) => (
              <td>
                <input
                  {...wiring.control(`${p}.${field}`)}
                  aria-label={label(et[field])}
                  className={short ? 'index-part__short' : undefined}
                  inputMode={field === 'code' || field === 'label' ? undefined : 'decimal'}
                  value={row[field]}
                  onChange={(e) => setClass(i, { [field]: e.target.value })}
                  maxLength={max}
                />
                {(field === 'min' || field === 'max') && (
                  <label className="index-part__inclusive">
                    <input
                      type="checkbox"
                      checked={field === 'min' ? row.minInclusive : row.maxInclusive}
                      onChange={(e) =>
                        setClass(
                          i,
                          field === 'min'
                            ? { minInclusive: e.target.checked }
                            : { maxInclusive: e.target.checked },
                        )
                      }
                      aria-label={label(`${et[field]} ${et.minInclusive}`)}
                    />
                    <span aria-hidden="true">{et.minInclusive}</span>
                  </label>
                )}
                <FieldError wiring={wiring} path={`${p}.${field}`} />
              </td>
            );
            return (
              <tr key={i}>
                {text('code', true, 10)}
                {text('label', false, 60)}
                {text('min', true, 20)}
                {text('max', true, 20)}
                {text('severity', true, 10)}
                <td>
                  <button
                    type="button"
                    className="button button--danger-outline"
                    aria-label={et.removeClass(i + 1)}
                    title={et.removeClass(i + 1)}
                    disabled={part.classes.length <= 1}
                    onClick={() => onChange({ ...part, classes: part.classes.filter((_, j) => j !== i) })}
                  >
                    ×
                  </button>
                  <FieldError wiring={wiring} path={p} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="button-row">
        <button
          type="button"
          className="button"
          onClick={() => onChange({ ...part, classes: [...part.classes, emptyClass()] })}
        >
          {et.addClass}
        </button>
        {canRemove && (
          <button type="button" className="button button--danger-outline" onClick={onRemove}>
            {et.removePart(n)}
          </button>
        )}
      </div>
    </fieldset>
  );
}
