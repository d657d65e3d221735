/**
 * The „umgerechnet“ marks of an index result in the table and the legend: an area's index value
 * rests on input values converted from an earlier Gebietsstand (`converted` of the API result). The
 * table marks such values with a superscript number and says once under it what the number means,
 * as the report tables do, so a planner reads the same note in the app and in the printed report.
 */
import { convertedFootnotes } from '../../reports/converted-footnotes.ts';
import type { IndexResult } from './types.ts';

export interface ConvertedMarks {
  /** The superscript marker(s) of each marked area by area id, e.g. `¹`. */
  markers: ReadonlyMap<string, string>;
  /** „¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)“, one per source and method. */
  notes: string[];
}

/**
 * Numbers the conversions in the order of the result's areas (not of the table's sort, so a marker
 * keeps its number when the table is sorted).
 * @example convertedMarks({ areas: [{ id: 'M', converted: [{ method: 'area', from: '2000-01-01' }] }] })
 * // { markers: Map { 'M' => '¹' }, notes: ['¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)'] }
 */
export function convertedMarks(result: {
  areas: readonly Pick<IndexResult['areas'][number], 'id' | 'converted'>[];
}): ConvertedMarks {
  const f = convertedFootnotes();
  const markers = new Map<string, string>();
  for (const a of result.areas)
    if (a.converted?.length)
      markers.set(
        a.id,
        a.converted.reduce((text, c) => f.mark(text, c), ''),
      );
  return { markers, notes: f.notes() };
}
