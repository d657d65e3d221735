import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { Formula, Indicator } from '../../indicators/indicator.schema.ts';
import { api, ApiError, messageOf } from '../api.ts';
import { TEMPORAL_FORMULAS } from './catalogue.ts';
import { formProblems, type Field, type FormProblems } from './indicator-issues.ts';
import {
  denominatorOptional,
  toDefinition,
  usesDenominator,
  withFormula,
  type Draft,
} from './indicator-draft.ts';
import { t } from '../texts.ts';

const FORMULAS = Object.keys(t.formula) as Formula[];
const POLARITIES = Object.keys(t.polarityShort) as Indicator['polarity'][];

interface IndicatorFormProps {
  /** 'edit' keeps the key fixed and replaces the definition (PUT). */
  mode: 'create' | 'edit';
  initial: Draft;
  themes: readonly string[];
  variables: readonly string[];
  onSaved: (indicator: Indicator) => void;
  onCancel: () => void;
}

/** Labels of the fields, for the error summary. */
const LABELS: Record<Field, string> = {
  key: t.editor.key,
  name: t.editor.name,
  theme: t.editor.theme,
  numerator: t.editor.numerator,
  denominator: t.editor.denominator,
  formula: t.editor.formula,
  periodYears: t.editor.periodYears,
  unit: t.editor.unit,
  polarity: t.editor.polarity,
  decimals: t.editor.decimals,
  description: t.editor.description,
  source: t.editor.source,
  updateCycle: t.editor.updateCycle,
  published: t.editor.published,
  classification: t.editor.classification,
  target: t.editor.target,
};

/**
 * The definition of an indicator as a form. The server checks it (schema, known variables,
 * unique key); its messages appear at the fields and in a summary that takes the focus.
 */
export function IndicatorForm({ mode, initial, themes, variables, onSaved, onCancel }: IndicatorFormProps) {
  const id = useId();
  const [draft, setDraft] = useState(initial);
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const [saving, setSaving] = useState(false);

  const fieldId = (name: Field) => `${id}-${name}`;
  const set = <K extends keyof Draft>(name: K, value: Draft[K]) => setDraft((d) => ({ ...d, [name]: value }));
  const temporal = TEMPORAL_FORMULAS.has(draft.formula);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const definition = toDefinition(draft);
    setSaving(true);
    const save =
      mode === 'edit' ? api.replaceIndicator(definition.key, definition) : api.createIndicator(definition);
    save.then(
      (saved) => {
        setSaving(false);
        onSaved(saved);
      },
      (err: unknown) => {
        setSaving(false);
        setProblems(
          err instanceof ApiError ? formProblems(err, definition) : { fields: {}, summary: messageOf(err) },
        );
      },
    );
  };

  /** Label, control, hint and error of one field, wired up for assistive technology. */
  const field = (
    name: Field,
    label: string,
    control: (props: {
      id: string;
      name: string;
      'aria-invalid': true | undefined;
      'aria-describedby': string | undefined;
    }) => ReactNode,
    hint?: string,
    wide = false,
  ) => {
    const error = problems?.fields[name];
    const described = [hint ? `${fieldId(name)}-hint` : '', error ? `${fieldId(name)}-error` : '']
      .filter(Boolean)
      .join(' ');
    return (
      <div className={`field${wide ? ' form-grid__wide' : ''}${error ? ' field--invalid' : ''}`}>
        <label htmlFor={fieldId(name)}>{label}</label>
        {control({
          id: fieldId(name),
          name,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': described || undefined,
        })}
        {hint && (
          <p id={`${fieldId(name)}-hint`} className="field__hint">
            {hint}
          </p>
        )}
        {error && (
          <p id={`${fieldId(name)}-error`} className="field__error">
            {error}
          </p>
        )}
      </div>
    );
  };

  return (
    <form className="indicator-form" onSubmit={submit} noValidate data-testid="indicator-form">
      <ErrorSummary
        problems={problems}
        idOf={(name) => fieldId(name as Field)}
        labelOf={(name) => LABELS[name as Field]}
      />

      <div className="form-grid">
        {field(
          'key',
          t.editor.key,
          (props) => (
            <input
              {...props}
              value={draft.key}
              onChange={(e) => set('key', e.target.value)}
              readOnly={mode === 'edit'}
              required
              autoComplete="off"
              spellCheck={false}
              maxLength={63}
            />
          ),
          mode === 'edit' ? t.editor.keyFixed : t.editor.keyHint,
        )}
        {field('name', t.editor.name, (props) => (
          <input
            {...props}
            value={draft.name}
            onChange={(e) => set('name', e.target.value)}
            required
            maxLength={200}
          />
        ))}
        {field(
          'theme',
          t.editor.theme,
          (props) => (
            <>
              <input
                {...props}
                value={draft.theme}
                onChange={(e) => set('theme', e.target.value)}
                list={`${id}-themes`}
                required
                maxLength={100}
                autoComplete="off"
              />
              <datalist id={`${id}-themes`}>
                {themes.map((theme) => (
                  <option key={theme} value={theme} />
                ))}
              </datalist>
            </>
          ),
          t.editor.themeHint,
        )}
        {field('formula', t.editor.formula, (props) => (
          <select
            {...props}
            value={draft.formula}
            onChange={(e) => setDraft((d) => withFormula(d, e.target.value as Formula))}
          >
            {FORMULAS.map((f) => (
              <option key={f} value={f}>
                {t.formula[f](null)}
              </option>
            ))}
          </select>
        ))}
        {temporal &&
          field(
            'periodYears',
            t.editor.periodYears,
            (props) => (
              <input
                {...props}
                type="number"
                inputMode="numeric"
                min={1}
                max={30}
                step={1}
                value={draft.periodYears}
                onChange={(e) => set('periodYears', e.target.value)}
                required
              />
            ),
            t.editor.periodHint,
          )}
        {field(
          'numerator',
          t.editor.numerator,
          (props) => (
            <input
              {...props}
              value={draft.numerator}
              onChange={(e) => set('numerator', e.target.value)}
              list={`${id}-variables`}
              required
              autoComplete="off"
              spellCheck={false}
            />
          ),
          t.editor.variableHint,
        )}
        {usesDenominator(draft.formula) &&
          field(
            'denominator',
            denominatorOptional(draft.formula) ? t.editor.denominatorOptional : t.editor.denominator,
            (props) => (
              <input
                {...props}
                value={draft.denominator}
                onChange={(e) => set('denominator', e.target.value)}
                list={`${id}-variables`}
                required={!denominatorOptional(draft.formula)}
                autoComplete="off"
                spellCheck={false}
              />
            ),
          )}
        <datalist id={`${id}-variables`}>
          {variables.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
        {field('unit', t.editor.unit, (props) => (
          <input {...props} value={draft.unit} onChange={(e) => set('unit', e.target.value)} maxLength={50} />
        ))}
        {field('decimals', t.editor.decimals, (props) => (
          <input
            {...props}
            type="number"
            inputMode="numeric"
            min={0}
            max={4}
            step={1}
            value={draft.decimals}
            onChange={(e) => set('decimals', e.target.value)}
            required
          />
        ))}
        {field('target', t.editor.target, (props) => (
          <input
            {...props}
            inputMode="decimal"
            value={draft.target}
            onChange={(e) => set('target', e.target.value)}
            maxLength={30}
          />
        ))}
        {field('polarity', t.editor.polarity, (props) => (
          <select
            {...props}
            value={draft.polarity}
            onChange={(e) => set('polarity', e.target.value as Indicator['polarity'])}
          >
            {POLARITIES.map((p) => (
              <option key={p} value={p}>
                {t.polarity[p]}
              </option>
            ))}
          </select>
        ))}
        {field(
          'description',
          t.editor.description,
          (props) => (
            <textarea
              {...props}
              rows={4}
              value={draft.description}
              onChange={(e) => set('description', e.target.value)}
              maxLength={4000}
            />
          ),
          undefined,
          true,
        )}
        {field('source', t.editor.source, (props) => (
          <input
            {...props}
            value={draft.source}
            onChange={(e) => set('source', e.target.value)}
            maxLength={500}
          />
        ))}
        {field('updateCycle', t.editor.updateCycle, (props) => (
          <input
            {...props}
            value={draft.updateCycle}
            onChange={(e) => set('updateCycle', e.target.value)}
            maxLength={100}
          />
        ))}
        <div className="form-grid__wide checkbox-field">
          <input
            id={fieldId('published')}
            type="checkbox"
            checked={draft.published}
            onChange={(e) => set('published', e.target.checked)}
          />
          <label htmlFor={fieldId('published')}>{t.editor.published}</label>
        </div>
      </div>

      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={saving}>
          {saving ? t.editor.saving : t.editor.save}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {t.editor.cancel}
        </button>
      </div>
    </form>
  );
}
