import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { IndexDefinition } from '../../indices/index.schema.ts';
import type { Indicator } from '../api.ts';
import { messageOf } from '../api.ts';
import { Field, fieldWiring } from '../ui/form-field.tsx';
import {
  checkDraft,
  EMPTY_RULE_DRAFT,
  keyFromName,
  toDraft,
  type DraftField,
  type RuleDraft,
} from './rule-draft.ts';
import { wt } from './texts.ts';
import type { WarningRule } from './warnings-api.ts';

interface RuleFormProps {
  /** The rule to edit; null for a new one. */
  rule: WarningRule | null;
  indicators: readonly Indicator[];
  indices: readonly Pick<IndexDefinition, 'key' | 'name' | 'parts'>[];
  onSave: (rule: WarningRule) => Promise<void>;
  onCancel: () => void;
}

const KINDS = ['threshold', 'rising', 'deviation', 'index_class'] as const;

/** Add or edit one warning rule; the fields follow the rule's kind. */
export function RuleForm({ rule, indicators, indices, onSave, onCancel }: RuleFormProps) {
  const prefix = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const isNew = rule === null;
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? toDraft(rule) : EMPTY_RULE_DRAFT));
  // a new rule's key follows its name until the key is typed by hand
  const [keyTouched, setKeyTouched] = useState(!isNew);
  const [issues, setIssues] = useState<Partial<Record<DraftField, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const f = wt.form;
  const wiring = fieldWiring(prefix, issues);
  const set = (patch: Partial<RuleDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const index = indices.find((i) => i.key === draft.index);

  useEffect(() => headingRef.current?.focus(), []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const checked = checkDraft(draft);
    setIssues(checked.issues ?? {});
    if (!checked.rule) {
      setError(f.problems(Object.keys(checked.issues).length));
      return;
    }
    setBusy(true);
    setError(null);
    onSave(checked.rule).then(
      () => setBusy(false),
      (e: unknown) => {
        setBusy(false);
        setError(messageOf(e));
      },
    );
  };

  const indicatorSelect = (allowAll: boolean) => (
    <Field wiring={wiring} path="indicator" label={f.indicator}>
      {(p) => (
        <select {...p} value={draft.indicator} onChange={(e) => set({ indicator: e.target.value })}>
          {allowAll ? <option value="">{f.anyIndicator}</option> : <option value="" />}
          {indicators.map((i) => (
            <option key={i.key} value={i.key}>
              {i.name} ({i.unit})
            </option>
          ))}
        </select>
      )}
    </Field>
  );

  return (
    <form className="rule-form" onSubmit={submit} noValidate data-testid="rule-form">
      <h3 ref={headingRef} tabIndex={-1}>
        {isNew ? f.newTitle : f.editTitle(rule.name)}
      </h3>
      <div className="form-grid">
        <Field wiring={wiring} path="kind" label={f.kind}>
          {(p) => (
            <select
              {...p}
              value={draft.kind}
              disabled={!isNew}
              onChange={(e) => set({ kind: e.target.value as RuleDraft['kind'] })}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {wt.kinds[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field segmented">
          <legend>{f.severity}</legend>
          <div className="segmented__options">
            {(['hoch', 'mittel'] as const).map((s) => (
              <label key={s} className="segmented__option">
                <input
                  type="radio"
                  name={`${prefix}-severity`}
                  checked={draft.severity === s}
                  onChange={() => set({ severity: s })}
                />
                <span>{wt.severity[s]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field wiring={wiring} path="name" label={f.name}>
          {(p) => (
            <input
              {...p}
              value={draft.name}
              onChange={(e) =>
                set(
                  keyTouched
                    ? { name: e.target.value }
                    : { name: e.target.value, key: keyFromName(e.target.value) },
                )
              }
            />
          )}
        </Field>
        <Field wiring={wiring} path="key" label={f.key} hint={isNew ? f.keyHint : undefined}>
          {(p) => (
            <input
              {...p}
              value={draft.key}
              readOnly={!isNew}
              onChange={(e) => {
                setKeyTouched(true);
                set({ key: e.target.value });
              }}
            />
          )}
        </Field>

        {draft.kind === 'threshold' && (
          <>
            {indicatorSelect(false)}
            <Field wiring={wiring} path="value" label={f.value}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={draft.value}
                  onChange={(e) => set({ value: e.target.value })}
                />
              )}
            </Field>
            <fieldset className="field segmented">
              <legend>{f.direction}</legend>
              <div className="segmented__options">
                {(['above', 'below'] as const).map((d) => (
                  <label key={d} className="segmented__option">
                    <input
                      type="radio"
                      name={`${prefix}-direction`}
                      checked={draft.direction === d}
                      onChange={() => set({ direction: d })}
                    />
                    <span>{f[d]}</span>
                  </label>
                ))}
              </div>
            </fieldset>
            <Field wiring={wiring} path="crossing" label={f.trigger}>
              {(p) => (
                <select
                  {...p}
                  value={draft.crossing ? 'crossing' : 'always'}
                  onChange={(e) => set({ crossing: e.target.value === 'crossing' })}
                >
                  <option value="always">{f.always}</option>
                  <option value="crossing">{f.crossing}</option>
                </select>
              )}
            </Field>
          </>
        )}
        {draft.kind === 'rising' && (
          <>
            {indicatorSelect(true)}
            <Field wiring={wiring} path="periods" label={f.periods} hint={f.periodsHint}>
              {(p) => (
                <input
                  {...p}
                  inputMode="numeric"
                  value={draft.periods}
                  onChange={(e) => set({ periods: e.target.value })}
                />
              )}
            </Field>
          </>
        )}
        {draft.kind === 'deviation' && (
          <>
            {indicatorSelect(true)}
            <Field wiring={wiring} path="k" label={f.k} hint={f.kHint}>
              {(p) => (
                <input
                  {...p}
                  inputMode="decimal"
                  value={draft.k}
                  onChange={(e) => set({ k: e.target.value })}
                />
              )}
            </Field>
          </>
        )}
        {draft.kind === 'index_class' && (
          <>
            <Field wiring={wiring} path="index" label={f.index}>
              {(p) => (
                <select {...p} value={draft.index} onChange={(e) => set({ index: e.target.value, part: '' })}>
                  <option value="" />
                  {indices.map((i) => (
                    <option key={i.key} value={i.key}>
                      {i.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field wiring={wiring} path="part" label={f.part}>
              {(p) => (
                <select {...p} value={draft.part} onChange={(e) => set({ part: e.target.value })}>
                  <option value="">{f.anyPart}</option>
                  {(index?.parts ?? []).map((part) => (
                    <option key={part.key} value={part.key}>
                      {part.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}

        {draft.kind !== 'index_class' && (
          <Field wiring={wiring} path="minPopulation" label={f.minPopulation} hint={f.minPopulationHint}>
            {(p) => (
              <input
                {...p}
                inputMode="numeric"
                value={draft.minPopulation}
                onChange={(e) => set({ minPopulation: e.target.value })}
              />
            )}
          </Field>
        )}
        <Field wiring={wiring} path="description" label={f.description} wide>
          {(p) => (
            <textarea
              {...p}
              rows={2}
              value={draft.description}
              onChange={(e) => set({ description: e.target.value })}
            />
          )}
        </Field>
        <label className="checkbox-field form-grid__wide">
          <input type="checkbox" checked={draft.active} onChange={(e) => set({ active: e.target.checked })} />{' '}
          {f.active}
        </label>
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {f.save}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}
