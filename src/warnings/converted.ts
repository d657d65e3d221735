/**
 * The „umgerechnet“ marks of a finding: which of the Stichtage a change, trend or warning compared
 * carry area values converted from an earlier Gebietsstand (src/areas/convert, docs/methods.md
 * §10.1). A change across a Gebietsstand change is only comparable through the conversion, so a
 * reader must see that one end of it is an estimate. Pure: the marks come with the level table.
 */
import type { ConvertedFrom } from '../areas/convert/convert.repository.ts';
import { convertedAt, type IndicatorGrid } from '../indicators/level-table.ts';
import type { ConvertedMark } from './warning.schema.ts';

/**
 * The converted Stichtage among `dates[from..to]` for area `areaIndex`, oldest first; undefined
 * when none was converted (so that responses without conversions stay as they were).
 * @param grid the indicator's grid (its `converted` marks)
 * @param dates Stichtage of the level table, ascending
 * @param from first compared date index (clamped to 0)
 * @example convertedMarks({ converted: new Map([[0, new Map([[3, { method: 'area', from: '2000-01-01' }]])]]) },
 *   ['2020-12-31', '2021-12-31'], 3, 0, 1) // [{ date: '2020-12-31', method: 'area', from: '2000-01-01' }]
 */
export function convertedMarks(
  grid: Pick<IndicatorGrid, 'converted'>,
  dates: readonly string[],
  areaIndex: number,
  from: number,
  to: number,
): ConvertedMark[] | undefined {
  const marks: ConvertedMark[] = [];
  for (let d = Math.max(0, from); d <= to && d < dates.length; d++) {
    const c: ConvertedFrom | undefined = convertedAt(grid, d, areaIndex);
    if (c) marks.push({ date: dates[d]!, method: c.method, from: c.from });
  }
  return marks.length ? marks : undefined;
}
