/**
 * The measures as a tree for the page: Programm → Handlungsfeld → Maßnahme in reading order with
 * their depth, progress and money in words, and the entries a measure may hang under.
 */
import { formatNumber } from '../../core/format.ts';
import type { Measure, MeasureKind } from './measures-api.ts';
import { mt } from './texts.ts';

const KIND_RANK: Record<MeasureKind, number> = { programm: 0, handlungsfeld: 1, massnahme: 2 };

export interface TreeRow {
  measure: Measure;
  /** 0 for the top level. */
  depth: number;
  /** Whether the entry or anything below it has a goal (progress null then means: no value yet). */
  hasGoals: boolean;
}

const bySiblingOrder = (a: Measure, b: Measure) =>
  KIND_RANK[a.kind] - KIND_RANK[b.kind] || a.title.localeCompare(b.title, 'de') || a.id - b.id;

/**
 * The entries in reading order: each followed by those below it, siblings by kind (programmes
 * first) and title. An entry whose parent is not in the list (hidden from the public) is a root.
 * @example measureTree([{id:2,parentId:1,…},{id:1,parentId:null,…}]).map((r) => [r.measure.id, r.depth]) // [[1,0],[2,1]]
 */
export function measureTree(measures: readonly Measure[]): TreeRow[] {
  const ids = new Set(measures.map((m) => m.id));
  const children = new Map<number | null, Measure[]>();
  for (const m of measures) {
    const parent = m.parentId !== null && ids.has(m.parentId) ? m.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), m]);
  }
  const rows: TreeRow[] = [];
  const seen = new Set<number>();
  const visit = (m: Measure, depth: number): boolean => {
    // a cycle cannot come from the server (it checks parents); guard anyway so the page never hangs
    if (seen.has(m.id)) return false;
    seen.add(m.id);
    const row: TreeRow = { measure: m, depth, hasGoals: m.goals.length > 0 };
    rows.push(row);
    for (const c of [...(children.get(m.id) ?? [])].sort(bySiblingOrder))
      if (visit(c, depth + 1)) row.hasGoals = true;
    return row.hasGoals;
  };
  for (const root of [...(children.get(null) ?? [])].sort(bySiblingOrder)) visit(root, 0);
  return rows;
}

/** Progress 0–1 as a whole percentage for the bar (0–100, capped). */
export const barPercent = (progress: number | null): number =>
  progress === null ? 0 : Math.round(Math.min(1, Math.max(0, progress)) * 100);

/**
 * Progress in words: the share of the way from the baseline to the target.
 * @param hasGoals whether there are goals at all (else „noch kein Ziel“)
 * @example progressText(0.4) // '40 % des Wegs zum Ziel'
 * @example progressText(null, false) // 'noch kein Ziel'
 */
export function progressText(progress: number | null, hasGoals = progress !== null): string {
  if (progress === null) return hasGoals ? mt.progress.noValue : mt.progress.noGoal;
  const percent = formatNumber(Math.round(progress * 100), 0);
  if (progress > 1) return mt.progress.beyond(percent);
  if (progress < 0) return mt.progress.wrongWay(percent);
  return mt.progress.share(percent);
}

/**
 * An amount in Euro, whole euros with thousands dots; `–` without an amount.
 * @example formatEuro(250000) // '250.000 €'
 */
export function formatEuro(amount: number | null): string {
  return amount === null ? mt.budget.none : `${formatNumber(amount, 0)}\u00a0€`;
}

/**
 * Planned and spent money in one line for the table.
 * @example budgetText(250000, 80000) // 'geplant 250.000 € / ausgegeben 80.000 €'
 */
export function budgetText(planned: number | null, spent: number | null): string {
  if (planned === null && spent === null) return mt.budget.none;
  return `${mt.budget.planned} ${formatEuro(planned)} / ${mt.budget.spent} ${formatEuro(spent)}`;
}

/**
 * The entries an entry of `kind` may hang under (a coarser kind, as the server checks): for a
 * stored entry neither itself nor anything below it. In tree order.
 */
export function parentChoices(rows: readonly TreeRow[], kind: MeasureKind, self: number | null): TreeRow[] {
  const below = new Set<number>(self === null ? [] : [self]);
  // tree order: an entry's descendants follow it directly, deeper than it
  let inside: number | null = null;
  for (const r of rows) {
    if (inside !== null && r.depth <= inside) inside = null;
    if (r.measure.id === self) inside = r.depth;
    else if (inside !== null) below.add(r.measure.id);
  }
  return rows.filter((r) => KIND_RANK[r.measure.kind] < KIND_RANK[kind] && !below.has(r.measure.id));
}
