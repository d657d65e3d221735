import { useId, useMemo, useState, type FormEvent } from 'react';
import { api, messageOf, type AppConfig, type Indicator } from '../api.ts';
import { DateSelect } from '../ui/DateSelect.tsx';
import { Field, fieldWiring } from '../ui/form-field.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { goalBody, type GoalDraft } from './measure-draft.ts';
import { measuresApi, type Measure } from './measures-api.ts';
import { mt } from './texts.ts';

interface GoalFormProps {
  measure: Measure;
  indicators: readonly Indicator[];
  levels: AppConfig['levels'];
  config: AppConfig;
  onAdded: (measure: Measure, indicator: string) => void;
}

const g = mt.goal;

/**
 * A goal on an indicator for one area or the city: from the value at a Stichtag (typed, or read
 * from the data by the server) to a target value by a date.
 */
export function GoalForm({ measure, indicators, levels, config, onAdded }: GoalFormProps) {
  const id = useId();
  const firstArea = measure.areas[0];
  const [draft, setDraft] = useState<GoalDraft>(() => ({
    indicator: indicators[0]?.key ?? '',
    level: firstArea?.level ?? config.defaultLevel ?? levels.at(-1)?.key ?? '',
    area: firstArea?.key ?? '',
    baselineDate: config.currentDate ?? config.dates.at(-1) ?? '',
    baselineValue: '',
    targetValue: '',
    targetDate: '',
  }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wiring = fieldWiring(id, errors);
  const set = (key: keyof GoalDraft, value: string) => setDraft((d) => ({ ...d, [key]: value }));
  const areas = useFetched(draft.level ? `areas#${draft.level}` : null, () => api.areas(draft.level));
  const options = useMemo(
    () =>
      (areas.data?.features ?? [])
        .map((f) => f.properties)
        .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [areas.data],
  );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const checked = goalBody(draft);
    setErrors(checked.ok ? {} : checked.errors);
    if (!checked.ok) return;
    setBusy(true);
    setError(null);
    try {
      const changed = await measuresApi.addGoal(measure.id, checked.body);
      setDraft((d) => ({ ...d, baselineValue: '', targetValue: '', targetDate: '' }));
      onAdded(changed, indicators.find((i) => i.key === draft.indicator)?.name ?? draft.indicator);
    } catch (err) {
      // e.g. no value at the baseline Stichtag, or a target equal to the baseline
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  if (config.dates.length === 0) return <p className="muted">{g.noDates}</p>;
  return (
    <form onSubmit={(e) => void submit(e)} noValidate className="goal-form" data-testid="goal-form">
      <div className="form-grid">
        <Field wiring={wiring} path="indicator" label={g.indicator}>
          {(p) => (
            <select {...p} value={draft.indicator} onChange={(e) => set('indicator', e.target.value)}>
              {indicators.map((i) => (
                <option key={i.key} value={i.key}>
                  {i.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field wiring={wiring} path="level" label={g.level}>
          {(p) => (
            <select
              {...p}
              value={draft.level}
              onChange={(e) => setDraft((d) => ({ ...d, level: e.target.value, area: '' }))}
            >
              {levels.map((l) => (
                <option key={l.key} value={l.key}>
                  {l.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field wiring={wiring} path="area" label={g.area}>
          {(p) => (
            <select {...p} value={draft.area} onChange={(e) => set('area', e.target.value)}>
              <option value="">{g.city}</option>
              {options.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <DateSelect
          id={wiring.id('baselineDate')}
          label={g.baselineDate}
          dates={config.dates}
          value={draft.baselineDate}
          onChange={(date) => set('baselineDate', date)}
        />
        <Field wiring={wiring} path="baselineValue" label={g.baselineValue}>
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="decimal"
              value={draft.baselineValue}
              onChange={(e) => set('baselineValue', e.target.value)}
            />
          )}
        </Field>
        <Field wiring={wiring} path="targetValue" label={g.targetValue}>
          {(p) => (
            <input
              {...p}
              type="text"
              inputMode="decimal"
              value={draft.targetValue}
              onChange={(e) => set('targetValue', e.target.value)}
            />
          )}
        </Field>
        <Field wiring={wiring} path="targetDate" label={g.targetDate}>
          {(p) => (
            <input
              {...p}
              type="date"
              value={draft.targetDate}
              onChange={(e) => set('targetDate', e.target.value)}
            />
          )}
        </Field>
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {g.add}
        </button>
      </div>
    </form>
  );
}
