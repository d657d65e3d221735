import { useId, useState, type FormEvent } from 'react';
import { messageOf, type AppConfig } from '../api.ts';
import { ErrorSummary, type FormProblems } from '../ui/ErrorSummary.tsx';
import { Field, fieldWiring } from '../ui/form-field.tsx';
import { AreaPicker } from './AreaPicker.tsx';
import { draftOf, emptyMeasureDraft, measureBody, measurePatch, type MeasureDraft } from './measure-draft.ts';
import { parentChoices, type TreeRow } from './measure-tree.ts';
import { measuresApi, type Measure, type MeasureKind } from './measures-api.ts';
import { MilestoneFields } from './MilestoneFields.tsx';
import { mt } from './texts.ts';

interface MeasureFormProps {
  /** null: a new entry. */
  stored: Measure | null;
  rows: readonly TreeRow[];
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  onSaved: (measure: Measure, created: boolean) => void;
  onCancel: () => void;
}

const f = mt.form;
const KINDS: MeasureKind[] = ['programm', 'handlungsfeld', 'massnahme'];

/** Creates an entry or changes a stored one (only the changed fields are sent). */
export function MeasureForm({ stored, rows, levels, defaultLevel, onSaved, onCancel }: MeasureFormProps) {
  const id = useId();
  const [draft, setDraft] = useState<MeasureDraft>(() => (stored ? draftOf(stored) : emptyMeasureDraft()));
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const [busy, setBusy] = useState(false);
  const wiring = fieldWiring(id, problems?.fields ?? {});
  const set = <K extends keyof MeasureDraft>(key: K, value: MeasureDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const parents = parentChoices(rows, draft.kind, stored?.id ?? null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let send: () => Promise<Measure>;
    if (stored) {
      const checked = measurePatch(stored, draft);
      if (!checked.ok) return setProblems({ summary: f.problems, fields: checked.errors });
      if (Object.keys(checked.body).length === 0)
        return setProblems({ summary: f.nothingChanged, fields: {} });
      send = () => measuresApi.patch(stored.id, checked.body);
    } else {
      const checked = measureBody(draft);
      if (!checked.ok) return setProblems({ summary: f.problems, fields: checked.errors });
      send = () => measuresApi.create(checked.body);
    }
    setBusy(true);
    setProblems(null);
    try {
      onSaved(await send(), !stored);
    } catch (err) {
      // the server's German message, e.g. an entry that may not hang under the chosen one
      setProblems({ summary: messageOf(err), fields: {} });
    } finally {
      setBusy(false);
    }
  };

  const text = (path: 'title' | 'organisation' | 'funding', label: string) => (
    <Field wiring={wiring} path={path} label={label}>
      {(p) => <input {...p} type="text" value={draft[path]} onChange={(e) => set(path, e.target.value)} />}
    </Field>
  );
  const area = (path: 'description' | 'output' | 'outcome' | 'impact', label: string) => (
    <Field wiring={wiring} path={path} label={label} wide>
      {(p) => <textarea {...p} rows={2} value={draft[path]} onChange={(e) => set(path, e.target.value)} />}
    </Field>
  );
  const input = (path: 'budgetPlanned' | 'budgetSpent' | 'weight', label: string) => (
    <Field wiring={wiring} path={path} label={label}>
      {(p) => (
        <input
          {...p}
          type="text"
          inputMode="decimal"
          value={draft[path]}
          onChange={(e) => set(path, e.target.value)}
        />
      )}
    </Field>
  );
  const day = (path: 'startDate' | 'endDate', label: string) => (
    <Field wiring={wiring} path={path} label={label}>
      {(p) => <input {...p} type="date" value={draft[path]} onChange={(e) => set(path, e.target.value)} />}
    </Field>
  );
  const labelOf = (path: string) => {
    const row = /^milestones\.(\d+)\./.exec(path);
    if (row) return f.milestoneTitle(Number(row[1]) + 1);
    return (f as Record<string, unknown>)[path] as string;
  };

  return (
    <form className="measure-form" onSubmit={(e) => void submit(e)} noValidate data-testid="measure-form">
      <ErrorSummary problems={problems} idOf={wiring.id} labelOf={labelOf} />
      <div className="form-grid">
        <Field wiring={wiring} path="kind" label={f.kind}>
          {(p) => (
            <select {...p} value={draft.kind} onChange={(e) => set('kind', e.target.value as MeasureKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {mt.kinds[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        {text('title', f.title)}
        <Field wiring={wiring} path="parentId" label={f.parent}>
          {(p) => (
            <select {...p} value={draft.parentId} onChange={(e) => set('parentId', e.target.value)}>
              <option value="">{f.noParent}</option>
              {parents.map(({ measure: m, depth }) => (
                <option key={m.id} value={String(m.id)}>
                  {`${'\u00a0\u00a0'.repeat(depth)}${m.title} (${mt.kinds[m.kind]})`}
                </option>
              ))}
            </select>
          )}
        </Field>
        {input('weight', f.weight)}
        {area('description', f.description)}
        {text('organisation', f.organisation)}
        {text('funding', f.funding)}
        {input('budgetPlanned', f.budgetPlanned)}
        {input('budgetSpent', f.budgetSpent)}
        {day('startDate', f.startDate)}
        {day('endDate', f.endDate)}
        {area('output', f.output)}
        {area('outcome', f.outcome)}
        {area('impact', f.impact)}
        <AreaPicker
          levels={levels}
          defaultLevel={defaultLevel}
          value={draft.areas}
          onChange={(areas) => set('areas', areas)}
        />
        <MilestoneFields wiring={wiring} value={draft.milestones} onChange={(m) => set('milestones', m)} />
      </div>
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
          {stored ? f.save : f.create}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {f.cancel}
        </button>
      </div>
    </form>
  );
}
