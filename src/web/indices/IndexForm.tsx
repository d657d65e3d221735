import { ErrorSummary } from '../ui/ErrorSummary.tsx';
import { useFormSave } from '../ui/use-form-save.ts';
import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { api, type Indicator } from '../api.ts';
import { et } from './editor-texts.ts';
import { Field, FieldError, fieldWiring, IdentityFields } from '../ui/form-field.tsx';
import { emptyPart, toIndexDefinition, type IndexDraft } from './index-draft.ts';
import { fieldLabel, indexFormProblems } from './index-issues.ts';
import { indexApi } from './index-api.ts';
import { PartEditor } from './PartEditor.tsx';
import type { IndexDefinition } from './types.ts';

interface IndexFormProps {
  /** 'edit' keeps the key and replaces the stored definition (PUT); 'create' adds one (POST). */
  mode: 'create' | 'edit';
  draft: IndexDraft;
  onChange: (draft: IndexDraft) => void;
  indicators: readonly Indicator[];
  /** Only look, no changes (users who may not edit). */
  readOnly: boolean;
  /** Finest level, to name the excluded areas. */
  finestLevel: string;
  onSaved: (definition: IndexDefinition) => void;
  onCancel: () => void;
}

const STANDARDISATIONS = Object.keys(et.standardisations) as IndexDefinition['standardisation'][];
const AGGREGATIONS = Object.keys(et.aggregations) as IndexDefinition['aggregation'][];
const MEANS = Object.keys(et.means) as IndexDefinition['mean'][];
const MISSINGS = Object.keys(et.missings) as IndexDefinition['missing'][];

/**
 * The definition of a composite index as a form, part by part. The server checks it; its messages
 * appear at the fields and in a summary that takes the focus.
 */
export function IndexForm(props: IndexFormProps) {
  const { mode, draft, onChange, indicators, readOnly, finestLevel, onSaved, onCancel } = props;
  const id = useId();
  const { problems, saving, save } = useFormSave();
  const wiring = useMemo(() => fieldWiring(id, problems?.fields ?? {}), [id, problems]);
  const set = <K extends keyof IndexDraft>(name: K, value: IndexDraft[K]) =>
    onChange({ ...draft, [name]: value });

  // names of the excluded areas, so a typo in a key shows at once
  const [areaNames, setAreaNames] = useState<Map<string, string> | null>(null);
  useEffect(() => {
    let current = true;
    api.areas(finestLevel).then(
      (fc) => current && setAreaNames(new Map(fc.features.map((f) => [f.properties.id, f.properties.name]))),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [finestLevel]);
  const excludedKeys = draft.excluded.split(/[\s,;]+/).filter(Boolean);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (readOnly) return;
    const definition = toIndexDefinition(draft);
    save(
      mode === 'edit' ? indexApi.replace(definition.key, definition) : indexApi.create(definition),
      onSaved,
      (err) => indexFormProblems(err, definition),
    );
  };

  return (
    <form className="indicator-form index-form" onSubmit={submit} noValidate data-testid="index-form">
      <ErrorSummary problems={problems} idOf={wiring.id} labelOf={fieldLabel} />
      <fieldset className="index-form__body" disabled={readOnly}>
        <h2 className="index-form__heading">{et.general}</h2>
        <div className="form-grid">
          <IdentityFields
            wiring={wiring}
            mode={mode}
            value={draft}
            onChange={set}
            labels={et}
            descriptionRows={3}
          />
        </div>

        <h2 className="index-form__heading">{et.parts}</h2>
        <FieldError wiring={wiring} path="parts" />
        {draft.parts.map((part, i) => (
          <PartEditor
            key={i}
            part={part}
            index={i}
            indicators={indicators}
            wiring={wiring}
            canRemove={draft.parts.length > 1}
            onChange={(next) =>
              set(
                'parts',
                draft.parts.map((p, j) => (j === i ? next : p)),
              )
            }
            onRemove={() =>
              set(
                'parts',
                draft.parts.filter((_, j) => j !== i),
              )
            }
          />
        ))}
        <p>
          <button
            type="button"
            className="button"
            onClick={() => set('parts', [...draft.parts, emptyPart(draft.parts.length)])}
          >
            {et.addPart}
          </button>
        </p>

        <h2 className="index-form__heading">{et.method}</h2>
        <div className="form-grid">
          <Field wiring={wiring} path="standardisation" label={et.standardisation}>
            {(p) => (
              <select
                {...p}
                value={draft.standardisation}
                onChange={(e) => set('standardisation', e.target.value as IndexDraft['standardisation'])}
              >
                {STANDARDISATIONS.map((s) => (
                  <option key={s} value={s}>
                    {et.standardisations[s]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field wiring={wiring} path="aggregation" label={et.aggregation}>
            {(p) => (
              <select
                {...p}
                value={draft.aggregation}
                onChange={(e) => set('aggregation', e.target.value as IndexDraft['aggregation'])}
              >
                {AGGREGATIONS.map((a) => (
                  <option key={a} value={a}>
                    {et.aggregations[a]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field wiring={wiring} path="mean" label={et.mean}>
            {(p) => (
              <select
                {...p}
                value={draft.mean}
                onChange={(e) => set('mean', e.target.value as IndexDraft['mean'])}
              >
                {MEANS.map((m) => (
                  <option key={m} value={m}>
                    {et.means[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field wiring={wiring} path="codeJoin" label={et.codeJoin} hint={et.codeJoinHint}>
            {(p) => (
              <input
                {...p}
                className="index-part__short"
                value={draft.codeJoin}
                onChange={(e) => set('codeJoin', e.target.value)}
                maxLength={5}
              />
            )}
          </Field>
          <div className="form-grid__wide checkbox-field">
            <input
              id={wiring.id('restandardise')}
              type="checkbox"
              checked={draft.restandardise}
              onChange={(e) => set('restandardise', e.target.checked)}
            />
            <label htmlFor={wiring.id('restandardise')}>{et.restandardise}</label>
          </div>
        </div>

        <h2 className="index-form__heading">{et.validity}</h2>
        <div className="form-grid">
          <Field
            wiring={wiring}
            path="validity.minPopulation"
            label={et.minPopulation}
            hint={et.minPopulationHint}
          >
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={draft.minPopulation}
                onChange={(e) => set('minPopulation', e.target.value)}
                maxLength={9}
              />
            )}
          </Field>
          <Field wiring={wiring} path="missing" label={et.missing}>
            {(p) => (
              <select
                {...p}
                value={draft.missing}
                onChange={(e) => set('missing', e.target.value as IndexDraft['missing'])}
              >
                {MISSINGS.map((m) => (
                  <option key={m} value={m}>
                    {et.missings[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field wiring={wiring} path="validity.excluded" label={et.excluded} hint={et.excludedHint} wide>
            {(p) => (
              <>
                <textarea
                  {...p}
                  rows={2}
                  value={draft.excluded}
                  onChange={(e) => set('excluded', e.target.value)}
                  spellCheck={false}
                />
                {areaNames && excludedKeys.length > 0 && (
                  <p className="field__hint" aria-live="polite">
                    {excludedKeys.some((k) => areaNames.has(k)) &&
                      et.excludedKnown(
                        excludedKeys
                          .filter((k) => areaNames.has(k))
                          .map((k) => `${areaNames.get(k) ?? k} (${k})`)
                          .join(', '),
                      )}{' '}
                    {excludedKeys.some((k) => !areaNames.has(k)) &&
                      et.excludedUnknown(excludedKeys.filter((k) => !areaNames.has(k)).join(', '))}
                  </p>
                )}
              </>
            )}
          </Field>
        </div>
      </fieldset>

      {!readOnly && (
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={saving}>
            {saving ? et.saving : et.save}
          </button>
          <button type="button" className="button" onClick={onCancel}>
            {et.cancel}
          </button>
        </div>
      )}
    </form>
  );
}
