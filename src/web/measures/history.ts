/**
 * The history of a measure in German: who did what when, and for each changed field its value
 * before → after, written as people read it (Euro, dates, status labels, entry titles).
 */
import { formatDate, formatNumber } from '../../core/format.ts';
import type { HistoryEntry, MeasureKind, Status } from './measures-api.ts';
import { formatEuro } from './measure-tree.ts';
import { mt } from './texts.ts';

export interface HistoryChange {
  field: string;
  before: string;
  after: string;
}

export interface HistoryLine {
  at: string;
  by: string;
  action: string;
  changes: HistoryChange[];
}

const NONE = '–';
const MAX_TEXT = 120;
const h = mt.history;

/** goal_removed keeps the stored row (snake case): read it with the API's names. */
const GOAL_ROW: Record<string, string> = {
  indicator_key: 'indicator',
  level_key: 'level',
  area_key: 'area',
  baseline_date: 'baselineDate',
  baseline_value: 'baselineValue',
  target_value: 'targetValue',
  target_date: 'targetDate',
};
/** Not worth a line: internal ids of the stored goal row. */
const SKIPPED = new Set(['id', 'measure_id', 'area_name']);

/** Names for the keys and ids a history stores: entries, areas, levels, indicators. */
export interface HistoryNames {
  measures: ReadonlyMap<number, string>;
  /** By `level|key` (keys are unique within a level only). */
  areas: ReadonlyMap<string, string>;
  levels: ReadonlyMap<string, string>;
  indicators: ReadonlyMap<string, string>;
}

const isEmpty = (v: unknown) =>
  v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * One value as text, keys and ids by their names where known.
 * @param level the level of an `area` key (stored beside it)
 */
export function historyValue(field: string, value: unknown, names: HistoryNames, level?: unknown): string {
  if (isEmpty(value)) return NONE;
  switch (field) {
    case 'budgetPlanned':
    case 'budgetSpent':
      return typeof value === 'number' ? formatEuro(value) : String(value);
    case 'startDate':
    case 'endDate':
    case 'baselineDate':
    case 'targetDate':
      return formatDate(String(value));
    case 'status':
      return mt.statuses[value as Status] ?? String(value);
    case 'kind':
      return mt.kinds[value as MeasureKind] ?? String(value);
    case 'parentId':
      return typeof value === 'number' ? (names.measures.get(value) ?? h.entryNo(value)) : String(value);
    case 'areas':
      return Array.isArray(value)
        ? value
            .map((a: { level?: unknown; key?: unknown }) =>
              typeof a.key === 'string' ? (names.areas.get(`${String(a.level)}|${a.key}`) ?? a.key) : '',
            )
            .join(', ')
        : String(value);
    case 'milestones':
      return Array.isArray(value)
        ? value.map((s: { title?: unknown }) => (typeof s.title === 'string' ? s.title : '')).join('; ')
        : String(value);
    case 'decision': {
      const d = value as { body?: unknown; meeting?: unknown; date?: unknown };
      return [d.body, d.meeting, typeof d.date === 'string' ? formatDate(d.date) : null]
        .filter((x) => !isEmpty(x))
        .map(String)
        .join(', ');
    }
    case 'area':
      return names.areas.get(`${String(level)}|${String(value)}`) ?? String(value);
    case 'level':
      return names.levels.get(String(value)) ?? String(value);
    case 'indicator':
      return names.indicators.get(String(value)) ?? String(value);
  }
  if (typeof value === 'number') return formatNumber(value, Number.isInteger(value) ? 0 : 2);
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
}

/** The fields of a change in a fixed order (the labels' order), unknown ones last. */
function fieldsOf(...records: (Record<string, unknown> | null)[]): string[] {
  const keys = new Set<string>();
  for (const r of records) for (const k of Object.keys(r ?? {})) keys.add(k);
  const order = Object.keys(h.fields);
  const rank = (k: string) => (order.includes(k) ? order.indexOf(k) : order.length);
  return [...keys].sort((a, b) => rank(a) - rank(b));
}

const renamed = (r: Record<string, unknown> | null) =>
  r && Object.fromEntries(Object.entries(r).map(([k, v]) => [GOAL_ROW[k] ?? k, v]));

const timestamp = (iso: string, timeZone?: string) =>
  new Intl.DateTimeFormat('de-DE', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(
    new Date(iso),
  );

/**
 * The history as lines for the table. A new entry lists the fields it was given; a change the
 * fields before → after; a goal its indicator, area and values; a goal the city has no area key.
 * @param timeZone for tests; the browser's by default
 */
export function historyLines(
  entries: readonly HistoryEntry[],
  names: HistoryNames,
  timeZone?: string,
): HistoryLine[] {
  return entries.map((e) => {
    const before = renamed(e.before);
    const after = renamed(e.after);
    const changes: HistoryChange[] = [];
    for (const field of fieldsOf(before, after)) {
      if (SKIPPED.has(field)) continue;
      const b = before?.[field];
      const a = after?.[field];
      // a new entry: only what was given; a goal for the city: say so
      if (e.action === 'created' && isEmpty(a)) continue;
      if (field === 'area' && (e.action === 'goal_added' || e.action === 'goal_removed')) {
        const record = e.action === 'goal_added' ? after : before;
        const value = historyValue(field, record?.[field], names, record?.level);
        changes.push({
          field: h.fields.area ?? field,
          before: e.action === 'goal_removed' ? (value === NONE ? h.city : value) : NONE,
          after: e.action === 'goal_added' ? (value === NONE ? h.city : value) : NONE,
        });
        continue;
      }
      const bt = historyValue(field, b, names);
      const at = historyValue(field, a, names);
      if (e.action === 'changed' && bt === at) continue;
      changes.push({ field: h.fields[field] ?? field, before: bt, after: at });
    }
    return {
      at: timestamp(e.at, timeZone),
      by: e.by ?? h.unknownUser,
      action: h.actions[e.action] ?? e.action,
      changes,
    };
  });
}
