/**
 * The stocks a projection starts from (docs/methods.md §8.6): the areas of one level, the counts
 * of the finest level with population at the base summed up to them, grouped per Stichtag and
 * area, and read as single years by sex (`bev`) or as age bands split into single years (§8.1).
 */
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { Stocks } from './hamilton-perry.ts';
import { ageCounts, currentAreasWithRank, type CountRow } from './projection.repository.ts';
import { splitBands } from './split-bands.ts';
import { bandsFromVariables, stocksFromBreakdown } from './stocks.ts';

export interface AreaRef {
  id: number;
  key: string;
}

/** The level's areas, and the counts of the finest level with data summed up to them. */
export async function loadLevel(db: Db, level: string, base: string, components: readonly string[]) {
  const all = await currentAreasWithRank(db);
  const mine = all.filter((a) => a.level === level);
  if (!mine.length) throw notFound('areas.unknown_level', `Die Ebene „${level}“ hat keine Gebiete.`);
  const rank = mine[0]!.rank;
  const byId = new Map(all.map((a) => [a.id, a]));
  const ancestor = (id: number): number | null => {
    for (let a = byId.get(id); a; a = a.parent_id === null ? undefined : byId.get(a.parent_id))
      if (a.level === level) return a.id;
    return null;
  };
  const candidates = all.filter((a) => a.rank >= rank);
  const rows = await ageCounts(
    db,
    candidates.map((a) => a.id),
    base,
    components,
  );
  // Counts of one level only, the finest with population at the base, so nothing counts twice.
  const ranks = new Set(rows.filter((r) => r.ref_date === base).map((r) => byId.get(r.area_id)!.rank));
  const source = ranks.size ? Math.max(...ranks) : rank;
  const counts: CountRow[] = [];
  for (const r of rows) {
    if (byId.get(r.area_id)!.rank !== source) continue;
    const to = ancestor(r.area_id);
    if (to !== null) counts.push({ ...r, area_id: to });
  }
  const byLevelKey = new Map(all.map((a) => [`${a.level}|${a.key}`, a.id]));
  return {
    areas: mine.map((a) => ({ id: a.id, key: a.key })).sort((x, y) => (x.key < y.key ? -1 : 1)),
    counts,
    /** The key of the level's area holding an area of the same or a finer level; null: none. */
    holder: (levelKey: string, areaKey: string): string | null => {
      const id = byLevelKey.get(`${levelKey}|${areaKey}`);
      const to = id === undefined ? null : ancestor(id);
      return to === null ? null : byId.get(to)!.key;
    },
  };
}

export interface AreaCounts {
  totals: Record<string, number>;
  cells: { breakdown: string; value: number }[];
}

/** date → area id → summed totals and `bev` cells. */
export function groupCounts(rows: CountRow[]): Map<string, Map<number, AreaCounts>> {
  const out = new Map<string, Map<number, AreaCounts>>();
  for (const r of rows) {
    let d = out.get(r.ref_date);
    if (!d) out.set(r.ref_date, (d = new Map<number, AreaCounts>()));
    let a = d.get(r.area_id);
    if (!a) d.set(r.area_id, (a = { totals: {}, cells: [] }));
    if (r.variable === 'bev') a.cells.push({ breakdown: r.breakdown, value: r.value });
    else if (r.breakdown === '') a.totals[r.variable] = (a.totals[r.variable] ?? 0) + r.value;
  }
  return out;
}

export type StockKind = 'single' | 'bands';

/**
 * Every area's stocks at one date: single years by sex where every area has them, else split
 * bands; null when an area has neither.
 */
export function stocksAt(
  counts: Map<number, AreaCounts>,
  areas: AreaRef[],
  kind?: StockKind,
): { kind: StockKind; stocks: Stocks[] } | null {
  if (kind !== 'bands') {
    const single = areas.map((a) => stocksFromBreakdown(counts.get(a.id)?.cells ?? []));
    if (single.every((s) => s !== null)) return { kind: 'single', stocks: single };
    if (kind === 'single') return null;
  }
  const banded = areas.map((a) => {
    const b = bandsFromVariables(counts.get(a.id)?.totals ?? {});
    return b ? { all: splitBands(b) } : null;
  });
  return banded.every((s) => s !== null) ? { kind: 'bands', stocks: banded } : null;
}
