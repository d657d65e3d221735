/**
 * The „umgerechnet“ mark of a result computed from several indicators of a level table (a
 * composite index, a Sozialraumtyp): such a result rests on every input value of its area, so it
 * is as much an estimate as its most estimated input — marked when any input value of the area at
 * that Stichtag was converted from an earlier Gebietsstand. Pure: the marks come with the table.
 */
import type { ConvertedFrom } from '../areas/convert/convert.repository.ts';
import { convertedAt, type LevelTable } from './level-table.ts';

/**
 * The distinct conversions (source Gebietsstand and method) among the values of `indicatorKeys`
 * for area `areaIndex` at `dateIndex`, in indicator order; undefined when none was converted (so
 * that results without conversions stay as they were).
 * @example convertedInputs(table, ['einwohner', 'alo_quote'], 2, 5)
 * // [{ method: 'area', from: '2000-01-01' }]
 */
export function convertedInputs(
  table: Pick<LevelTable, 'grids'>,
  indicatorKeys: readonly string[],
  dateIndex: number,
  areaIndex: number,
): ConvertedFrom[] | undefined {
  const marks = new Map<string, ConvertedFrom>();
  for (const key of indicatorKeys) {
    const grid = table.grids.get(key);
    const c = grid && convertedAt(grid, dateIndex, areaIndex);
    if (c && !marks.has(`${c.from}|${c.method}`)) marks.set(`${c.from}|${c.method}`, c);
  }
  return marks.size ? [...marks.values()] : undefined;
}
