/**
 * z-standardisation of indicator columns across the areas of a level (pure), on top of the
 * composite indices' `moments` (src/indices/standardise.ts), so that the typology and the index
 * share one definition of mean and SD.
 *
 * Method: z = (x − mean) / SD with the population SD (divide by n, not n − 1), unweighted — the
 * rule of the Berlin MSS (docs/methods.md §3), so that the typology's distances are in the
 * units planners already read in the index (1 = one SD across the areas).
 */
import { moments } from '../indices/standardise.ts';

/** Mean and population standard deviation of one indicator across the clustered areas. */
export interface ColumnStats {
  mean: number;
  /** Population SD (÷ n). 0 for a constant column. */
  sd: number;
}

/**
 * Mean and population SD of a list of numbers.
 * @param values finite numbers, at least one
 * @throws RangeError on an empty list or a non-finite value
 * @example columnStats([2, 4, 4, 4, 5, 5, 7, 9]) // { mean: 5, sd: 2 }
 */
export function columnStats(values: readonly number[]): ColumnStats {
  if (values.length === 0) throw new RangeError('columnStats: no values');
  for (const v of values)
    if (!Number.isFinite(v)) throw new RangeError(`columnStats: not a finite number (${v})`);
  const { mean, sd } = moments(Float64Array.from(values), false);
  return { mean, sd };
}

/**
 * z-values of one column. A constant column (SD 0) gives 0 everywhere: it cannot separate areas,
 * and dividing by 0 would poison every distance.
 * @example zScores([2, 4, 4, 4, 5, 5, 7, 9])[0] // -1.5
 */
export function zScores(values: readonly number[], stats: ColumnStats = columnStats(values)): number[] {
  return values.map((v) => (stats.sd > 0 ? (v - stats.mean) / stats.sd : 0));
}

/**
 * Standardises every column of a row-major matrix (rows = areas, columns = indicators).
 * @param rows at least one row; all rows of the same length
 * @returns the z-matrix (same shape) and the statistics per column, to map centres back to the
 *   original units (x = mean + z · SD)
 * @example standardiseColumns([[1, 10], [3, 30]]).z // [[-1, -1], [1, 1]]
 */
export function standardiseColumns(rows: readonly (readonly number[])[]): {
  z: number[][];
  stats: ColumnStats[];
} {
  const first = rows[0];
  if (!first) throw new RangeError('standardiseColumns: no rows');
  const width = first.length;
  for (const r of rows)
    if (r.length !== width) throw new RangeError('standardiseColumns: rows differ in length');
  const stats: ColumnStats[] = [];
  for (let j = 0; j < width; j++) stats.push(columnStats(rows.map((r) => r[j] as number)));
  const z = rows.map((r) =>
    r.map((v, j) => {
      const s = stats[j] as ColumnStats;
      return s.sd > 0 ? (v - s.mean) / s.sd : 0;
    }),
  );
  return { z, stats };
}
