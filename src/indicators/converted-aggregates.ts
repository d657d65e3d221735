/**
 * The „umgerechnet“ mark of city and parent (district) values of a level table. Those values are
 * summed from counts up the area tree (`aggregateUp`: an area's own count where it has one, else
 * the sum of its children's), so the mark depends on what went into the sum, and on what the
 * conversion keeps exact.
 *
 * The conversion (src/areas/convert, docs/methods.md §10.1) stores converted counts only on the
 * new areas of the converted level, never on a parent; it keeps each old area's value inside its
 * parent where that parent is still there, gives each old area's shares the sum 1 and rounds
 * within groups that never cross a parent. So the converted counts below a parent that existed
 * unchanged through the change of Gebietsstand sum to exactly its old counted total, and those
 * over the whole territory to the city's. Hence the rule: a summed value is „umgerechnet“ when a
 * count summed into it was converted AND either
 * - a counted value was summed in with them (a count kept on a new area replaces its converted
 *   share, so the sum is no longer the old total), or
 * - an area whose value is the sum (the parent itself or one between it and the converted areas)
 *   began after the Gebietsstand the counts were converted from (`valid_from` later than the
 *   source's): its border changed with the areas, so the conversion kept nothing exact there.
 * A parent's own count is used as it is, marked only when it was itself converted. The city as the
 * sum of the level's areas (no common top area) covers the whole territory and has no border
 * that could change.
 */
import type { ConvertedFrom } from '../areas/convert/convert.repository.ts';
import type { Db } from '../db/db.ts';
import type { Indicator } from './indicator.schema.ts';

/** What went into one summed value. */
interface Summed {
  /** The first conversion among the summed counts (in tree order), if any. */
  mark: ConvertedFrom | undefined;
  /** A counted (not converted) value was summed in. */
  counted: boolean;
  /** A summing area began after a Gebietsstand summed counts were converted from. */
  changed: boolean;
}

const NOTHING: Summed = { mark: undefined, counted: false, changed: false };

/** One own count of an area: whether it was converted (then with its mark). */
type Own = ConvertedFrom | null;

/**
 * The mark of a value summed for `target` from the own counts `own` (area id → null when counted,
 * the conversion when converted) over the tree: undefined when exact or nothing was converted.
 * Pure (tested on its own).
 * @param target one area, or the level's areas for a city without a common top area
 * @example summedMark(1, new Map([[2, null], [3, { method: 'area', from: '2000-01-01' }]]),
 *   new Map([[1, [2, 3]]]), new Map([[1, '1900-01-01']])) // { method: 'area', from: '2000-01-01' }
 */
export function summedMark(
  target: number | readonly number[],
  own: ReadonlyMap<number, Own>,
  children: ReadonlyMap<number, readonly number[]>,
  validFrom: ReadonlyMap<number, string>,
): ConvertedFrom | undefined {
  const memo = new Map<number, Summed>();
  const combine = (parts: Summed[], since?: string): Summed => {
    let mark: ConvertedFrom | undefined;
    let counted = false;
    let changed = false;
    for (const p of parts) {
      mark ??= p.mark;
      counted ||= p.counted;
      changed ||= p.changed || (since !== undefined && p.mark !== undefined && since > p.mark.from);
    }
    return { mark, counted, changed };
  };
  const walk = (id: number): Summed => {
    const hit = memo.get(id);
    if (hit) return hit;
    const mine = own.get(id);
    const kids = children.get(id);
    const s: Summed =
      mine !== undefined
        ? { mark: mine ?? undefined, counted: mine === null, changed: false }
        : kids?.length
          ? combine(kids.map(walk), validFrom.get(id))
          : NOTHING;
    memo.set(id, s);
    return s;
  };
  // a target with an own count is no sum: its count is marked as an area value is
  const s = typeof target === 'number' ? walk(target) : combine(target.map(walk));
  if (typeof target === 'number' && own.has(target)) return s.mark;
  return s.mark && (s.counted || s.changed) ? s.mark : undefined;
}

/** City and parent marks of one indicator's grid (fields of `IndicatorGrid`), by date index. */
export interface AggregateMarks {
  cityConverted?: ReadonlyMap<number, ConvertedFrom>;
  parentsConverted?: ReadonlyMap<string, ReadonlyMap<number, ConvertedFrom>>;
}

/**
 * The marks of the city and parent values of every indicator by date index (see the rule above),
 * by indicator key; an indicator without any is absent. One query for the tree and one for the
 * counts, and none of them while no conversion was ever stored.
 * @param city the city target of the level table (`cityTarget`)
 * @param parents parent key → area id
 */
export async function aggregateConversionMarks(
  db: Db,
  city: number | readonly number[],
  parents: ReadonlyMap<string, number>,
  dates: readonly string[],
  indicators: readonly Indicator[],
): Promise<Map<string, AggregateMarks>> {
  const out = new Map<string, AggregateMarks>();
  const inputs = (i: Indicator) => [i.numerator, ...(i.denominator ? [i.denominator] : [])];
  const variables = [...new Set(indicators.flatMap(inputs))];
  if (!variables.length) return out;
  const [any] = await db.query(`SELECT 1 AS one FROM data_source WHERE kind = 'conversion' LIMIT 1`);
  if (!any) return out;
  const tree = await db.query<{ id: number; parent_id: number | null; valid_from: string }>(
    `SELECT id, parent_id, valid_from::text AS valid_from FROM area WHERE valid_to IS NULL`,
  );
  const children = new Map<number, number[]>();
  for (const a of tree) {
    if (a.parent_id === null) continue;
    const list = children.get(a.parent_id);
    if (list) list.push(a.id);
    else children.set(a.parent_id, [a.id]);
  }
  const validFrom = new Map(tree.map((a) => [a.id, a.valid_from]));
  // every own count of the current areas, as the level table's sums read them (any status)
  const counts = await db.query<{
    area_id: number;
    variable: string;
    ref_date: string;
    method: ConvertedFrom['method'] | null;
    from: string | null;
  }>(
    `SELECT o.area_id, v.key AS variable, o.ref_date::text AS ref_date,
            CASE WHEN s.kind = 'conversion' THEN coalesce(s.details->>'variant', s.details->>'method') END AS method,
            CASE WHEN s.kind = 'conversion' THEN s.details->>'fromValidFrom' END AS "from"
       FROM observation o JOIN variable v ON v.id = o.variable_id
       JOIN area a ON a.id = o.area_id AND a.valid_to IS NULL
       LEFT JOIN data_source s ON s.id = o.source_id
      WHERE v.key = ANY($1::text[]) AND o.breakdown = ''`,
    [variables],
  );
  const dateIndex = new Map(dates.map((d, k) => [d, k]));
  // variable → date index → area id → own count
  const own = new Map<string, Map<number, Map<number, Own>>>();
  for (const c of counts) {
    const d = dateIndex.get(c.ref_date);
    if (d === undefined) continue;
    let byDate = own.get(c.variable);
    if (!byDate) own.set(c.variable, (byDate = new Map<number, Map<number, Own>>()));
    let cells = byDate.get(d);
    if (!cells) byDate.set(d, (cells = new Map<number, Own>()));
    cells.set(c.area_id, c.method !== null && c.from !== null ? { method: c.method, from: c.from } : null);
  }
  // variable → date index → target ('' the city, else a parent key) → mark
  const marks = new Map<string, Map<number, Map<string, ConvertedFrom>>>();
  for (const [variable, byDate] of own) {
    const m = new Map<number, Map<string, ConvertedFrom>>();
    for (const [d, cells] of byDate) {
      // nothing converted at this Stichtag: nothing to walk
      if (![...cells.values()].some((c) => c !== null)) continue;
      const at = new Map<string, ConvertedFrom>();
      const cityMark = summedMark(city, cells, children, validFrom);
      if (cityMark) at.set('', cityMark);
      for (const [key, id] of parents) {
        const mark = summedMark(id, cells, children, validFrom);
        if (mark) at.set(key, mark);
      }
      if (at.size) m.set(d, at);
    }
    if (m.size) marks.set(variable, m);
  }
  for (const i of indicators) {
    const cityConverted = new Map<number, ConvertedFrom>();
    const parentsConverted = new Map<string, Map<number, ConvertedFrom>>();
    // numerator first, so that where two inputs differ the mark is the numerator's
    for (const variable of inputs(i))
      for (const [d, at] of marks.get(variable) ?? []) {
        for (const [key, mark] of at) {
          if (key === '') {
            if (!cityConverted.has(d)) cityConverted.set(d, mark);
            continue;
          }
          let p = parentsConverted.get(key);
          if (!p) parentsConverted.set(key, (p = new Map<number, ConvertedFrom>()));
          if (!p.has(d)) p.set(d, mark);
        }
      }
    if (cityConverted.size || parentsConverted.size)
      out.set(i.key, {
        ...(cityConverted.size && { cityConverted }),
        ...(parentsConverted.size && { parentsConverted }),
      });
  }
  return out;
}

/** The „umgerechnet“ mark of the city value at `dateIndex`, if it was computed from converted counts. */
export const cityConvertedAt = (
  grid: Pick<AggregateMarks, 'cityConverted'>,
  dateIndex: number,
): ConvertedFrom | undefined => grid.cityConverted?.get(dateIndex);

/** The „umgerechnet“ mark of the value of parent `parentKey` at `dateIndex`, if any. */
export const parentConvertedAt = (
  grid: Pick<AggregateMarks, 'parentsConverted'>,
  parentKey: string,
  dateIndex: number,
): ConvertedFrom | undefined => grid.parentsConverted?.get(parentKey)?.get(dateIndex);
