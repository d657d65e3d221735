/**
 * The „umgerechnet“ marks of the short area profile (the atlas's table of a selected area): the
 * area value where a count it is computed from was converted from an earlier Gebietsstand, the city
 * value by the rule for summed values (src/indicators/converted-aggregates.ts) — the marks
 * `/api/indicators/{key}/values` gives the same cells, so the atlas's map and table agree.
 */
import { convertedCounts, type ConvertedFrom } from '../areas/convert/convert.repository.ts';
import type { Db } from '../db/db.ts';
import { aggregateConversionMarks, cityConvertedAt } from '../indicators/converted-aggregates.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';

/** The marks of one indicator row: absent fields where nothing was converted. */
export interface RowMarks {
  converted?: ConvertedFrom;
  cityConverted?: ConvertedFrom;
}

/**
 * The marks of every indicator of `indicators` for area `areaId` and the city at `date`, by
 * indicator key; an indicator without any is absent. Two queries for all indicators, none while no
 * conversion was ever stored.
 * @param city the city target of the area's level (`cityTarget`)
 */
export async function shortProfileMarks(
  db: Db,
  areaId: number,
  city: number | readonly number[],
  date: string,
  indicators: readonly Indicator[],
): Promise<Map<string, RowMarks>> {
  const inputs = (i: Indicator) => [i.numerator, ...(i.denominator ? [i.denominator] : [])];
  const variables = [...new Set(indicators.flatMap(inputs))];
  const out = new Map<string, RowMarks>();
  if (!variables.length) return out;
  const [rows, summed] = await Promise.all([
    convertedCounts(db, [areaId], variables, date),
    aggregateConversionMarks(db, city, new Map(), [date], indicators),
  ]);
  for (const i of indicators) {
    const own = new Set(inputs(i));
    // the last input in the query's order, as the values route and the level table pick it
    const row = rows.findLast((r) => own.has(r.variable));
    const cityMark = summed.get(i.key) && cityConvertedAt(summed.get(i.key)!, 0);
    if (row || cityMark)
      out.set(i.key, {
        ...(row && { converted: { method: row.method, from: row.from } }),
        ...(cityMark && { cityConverted: cityMark }),
      });
  }
  return out;
}
