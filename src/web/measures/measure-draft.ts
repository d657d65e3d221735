/**
 * The forms of the page as typed text, checked and turned into request bodies: an entry (create or
 * change), a goal and a decision. Errors by field, in German, as the form shows them.
 */
import type {
  AreaRef,
  Decision,
  Measure,
  MeasureKind,
  MeasurePatch,
  NewGoal,
  NewMeasure,
} from './measures-api.ts';
import { mt } from './texts.ts';

export type Checked<T> = { ok: true; body: T } | { ok: false; errors: Record<string, string> };

/**
 * A number typed the German or the English way; thousands dots are read as such (`250.000`).
 * NaN when it is none.
 * @example parseAmount('250.000') // 250000
 * @example parseAmount('1,5') // 1.5
 * @example parseAmount('1.5') // 1.5
 */
export function parseAmount(text: string): number {
  const t = text.trim().replace(/[\s\u00a0€]/g, '');
  if (!t) return Number.NaN;
  let normalised = t;
  if (t.includes(',')) normalised = t.replace(/\./g, '').replace(',', '.');
  else if (/^-?\d{1,3}(\.\d{3})+$/.test(t)) normalised = t.replace(/\./g, '');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

const numberText = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));
const isDay = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

export interface MilestoneDraft {
  title: string;
  due: string;
  done: boolean;
}

export interface MeasureDraft {
  kind: MeasureKind;
  title: string;
  /** '' for the top level. */
  parentId: string;
  description: string;
  organisation: string;
  funding: string;
  budgetPlanned: string;
  budgetSpent: string;
  startDate: string;
  endDate: string;
  weight: string;
  output: string;
  outcome: string;
  impact: string;
  milestones: MilestoneDraft[];
  areas: AreaRef[];
}

export const emptyMeasureDraft = (): MeasureDraft => ({
  kind: 'massnahme',
  title: '',
  parentId: '',
  description: '',
  organisation: '',
  funding: '',
  budgetPlanned: '',
  budgetSpent: '',
  startDate: '',
  endDate: '',
  weight: '1',
  output: '',
  outcome: '',
  impact: '',
  milestones: [],
  areas: [],
});

/** A stored entry as the form shows it. */
export const draftOf = (m: Measure): MeasureDraft => ({
  kind: m.kind,
  title: m.title,
  parentId: m.parentId === null ? '' : String(m.parentId),
  description: m.description,
  organisation: m.organisation,
  funding: m.funding,
  budgetPlanned: numberText(m.budgetPlanned),
  budgetSpent: numberText(m.budgetSpent),
  startDate: m.startDate ?? '',
  endDate: m.endDate ?? '',
  weight: numberText(m.weight),
  output: m.output,
  outcome: m.outcome,
  impact: m.impact,
  milestones: m.milestones.map((s) => ({ title: s.title, due: s.due ?? '', done: s.done })),
  areas: m.areas.map(({ level, key }) => ({ level, key })),
});

/**
 * The body of a new entry (`POST /api/measures`), or the errors by field.
 * @example measureBody({ ...emptyMeasureDraft(), title: 'Familienzentrum', budgetPlanned: '250.000' })
 */
export function measureBody(d: MeasureDraft): Checked<NewMeasure> {
  const errors: Record<string, string> = {};
  const amount = (field: 'budgetPlanned' | 'budgetSpent'): number | null => {
    if (!d[field].trim()) return null;
    const n = parseAmount(d[field]);
    if (Number.isNaN(n)) errors[field] = mt.form.notANumber;
    else if (n < 0) errors[field] = mt.form.negative;
    return n;
  };
  const day = (field: 'startDate' | 'endDate'): string | null => {
    if (!d[field].trim()) return null;
    if (!isDay(d[field])) errors[field] = mt.form.notADate;
    return d[field];
  };
  if (!d.title.trim()) errors.title = mt.form.required;
  const budgetPlanned = amount('budgetPlanned');
  const budgetSpent = amount('budgetSpent');
  const startDate = day('startDate');
  const endDate = day('endDate');
  if (startDate && endDate && !errors.startDate && !errors.endDate && endDate < startDate)
    errors.endDate = mt.form.endBeforeStart;
  const weight = parseAmount(d.weight);
  if (!(weight > 0)) errors.weight = mt.form.notPositive;
  d.milestones.forEach((s, i) => {
    if (!s.title.trim()) errors[`milestones.${i}.title`] = mt.form.required;
    if (s.due && !isDay(s.due)) errors[`milestones.${i}.due`] = mt.form.notADate;
  });
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    body: {
      kind: d.kind,
      title: d.title.trim(),
      parentId: d.parentId ? Number(d.parentId) : null,
      description: d.description.trim(),
      weight,
      organisation: d.organisation.trim(),
      funding: d.funding.trim(),
      budgetPlanned,
      budgetSpent,
      startDate,
      endDate,
      output: d.output.trim(),
      outcome: d.outcome.trim(),
      impact: d.impact.trim(),
      milestones: d.milestones.map((s) => ({ title: s.title.trim(), due: s.due || null, done: s.done })),
      areas: d.areas,
    },
  };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields of a stored entry the form changed (`PATCH /api/measures/{id}`): only those, so the
 * history shows what was really changed. An empty patch when nothing was.
 */
export function measurePatch(stored: Measure, d: MeasureDraft): Checked<MeasurePatch> {
  const checked = measureBody(d);
  if (!checked.ok) return checked;
  const before = measureBody(draftOf(stored));
  const patch: Record<string, unknown> = {};
  if (before.ok)
    for (const [k, v] of Object.entries(checked.body))
      if (!same(v, (before.body as Record<string, unknown>)[k])) patch[k] = v;
  return { ok: true, body: patch };
}

export interface GoalDraft {
  indicator: string;
  level: string;
  /** '' for the city. */
  area: string;
  baselineDate: string;
  /** '' to read it from the data. */
  baselineValue: string;
  targetValue: string;
  targetDate: string;
}

/**
 * The body of a new goal (`POST /api/measures/{id}/goals`), or the errors by field.
 * @example goalBody({ indicator: 'sgb2_quote', level: 'sozialraum', area: '101', baselineDate: '2020-12-31', baselineValue: '', targetValue: '1,0', targetDate: '2030-12-31' })
 */
export function goalBody(d: GoalDraft): Checked<NewGoal> {
  const errors: Record<string, string> = {};
  if (!d.indicator) errors.indicator = mt.form.required;
  if (!d.level) errors.level = mt.form.required;
  if (!isDay(d.baselineDate)) errors.baselineDate = mt.form.notADate;
  if (!isDay(d.targetDate)) errors.targetDate = mt.form.notADate;
  const baselineValue = d.baselineValue.trim() ? parseAmount(d.baselineValue) : null;
  if (Number.isNaN(baselineValue)) errors.baselineValue = mt.form.notANumber;
  const targetValue = parseAmount(d.targetValue);
  if (!d.targetValue.trim()) errors.targetValue = mt.form.required;
  else if (Number.isNaN(targetValue)) errors.targetValue = mt.form.notANumber;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    body: {
      indicator: d.indicator,
      level: d.level,
      area: d.area || null,
      baselineDate: d.baselineDate,
      baselineValue,
      targetValue,
      targetDate: d.targetDate,
    },
  };
}

export interface DecisionDraft {
  body: string;
  meeting: string;
  date: string;
  text: string;
}

export const emptyDecision = (): DecisionDraft => ({ body: '', meeting: '', date: '', text: '' });

/** The decision for `beschlossen`: Gremium and Datum are required. */
export function decisionBody(d: DecisionDraft): Checked<Decision> {
  const errors: Record<string, string> = {};
  if (!d.body.trim()) errors.body = mt.form.required;
  if (!isDay(d.date)) errors.date = mt.form.notADate;
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    body: { body: d.body.trim(), meeting: d.meeting.trim(), date: d.date, text: d.text.trim() },
  };
}
