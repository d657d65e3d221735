/**
 * „Vergleichbare Gebiete finden“ (pure): the areas whose values lie within a tolerance band
 * around a reference area on every chosen indicator, nearest first.
 *
 * Bands per indicator: `percent` — |x − x_ref| ≤ |x_ref| · p / 100 (relative to the reference's
 * own value; a reference value of 0 admits only 0); `sd` — |x − x_ref| ≤ k · SD, the population SD
 * of the indicator across the areas with values (comparable across units and indicators near 0,
 * such as changes in percentage points). Distance: Euclidean in z units over the indicators, so
 * that no indicator dominates by its unit.
 */
import { columnStats, type ColumnStats } from './standardise.ts';

export type Band = { kind: 'percent'; percent: number } | { kind: 'sd'; sd: number };

/** Float noise allowance at the band edge (relative). */
const EDGE = 1e-9;

/**
 * Half-width of the band around a reference value.
 * @example bandHalfWidth(20, { kind: 'percent', percent: 10 }, 5) // 2
 * @example bandHalfWidth(20, { kind: 'sd', sd: 0.5 }, 5) // 2.5
 */
export function bandHalfWidth(reference: number, band: Band, sd: number): number {
  return band.kind === 'percent' ? (Math.abs(reference) * band.percent) / 100 : band.sd * sd;
}

export interface SimilarArea {
  /** Row index of the area. */
  index: number;
  /** Euclidean distance in z units to the reference. */
  distance: number;
  /** x − x_ref per indicator (indicator units). */
  differences: number[];
}

export interface SimilarResult {
  /** Areas within the band on every indicator, nearest first (ties by row index). */
  similar: SimilarArea[];
  /** Band half-width per indicator (indicator units). */
  halfWidths: number[];
  /** Statistics per indicator over the rows with a value. */
  stats: ColumnStats[];
}

/**
 * @param rows values per area (null = missing or secret: such areas are never similar)
 * @param reference row index of the reference area; its values must all be present
 * @throws RangeError when the reference has a missing value or the band is negative
 * @example findSimilar([[10, 1], [11, 1], [20, 1]], 0, { kind: 'percent', percent: 15 }).similar.map((s) => s.index) // [1]
 */
export function findSimilar(
  rows: readonly (readonly (number | null)[])[],
  reference: number,
  band: Band,
): SimilarResult {
  const ref = rows[reference];
  if (!ref || ref.some((v) => v === null || !Number.isFinite(v)))
    throw new RangeError('findSimilar: the reference area needs a value for every indicator');
  const width = band.kind === 'percent' ? band.percent : band.sd;
  if (!(width >= 0)) throw new RangeError('findSimilar: the tolerance must not be negative');
  const stats = ref.map((_, j) => {
    const present = rows.flatMap((r) => {
      const v = r[j];
      return v === null || v === undefined || !Number.isFinite(v) ? [] : [v];
    });
    return columnStats(present);
  });
  const refValues = ref as number[];
  const halfWidths = refValues.map((x, j) => bandHalfWidth(x, band, (stats[j] as ColumnStats).sd));
  const similar: SimilarArea[] = [];
  rows.forEach((row, i) => {
    if (i === reference) return;
    const differences: number[] = [];
    let d2 = 0;
    for (let j = 0; j < refValues.length; j++) {
      const v = row[j];
      if (v === null || v === undefined || !Number.isFinite(v)) return;
      const diff = v - (refValues[j] as number);
      const half = halfWidths[j] as number;
      if (Math.abs(diff) > half + EDGE * Math.max(1, Math.abs(half), Math.abs(v))) return;
      differences.push(diff);
      const sd = (stats[j] as ColumnStats).sd;
      if (sd > 0) d2 += (diff / sd) ** 2;
    }
    similar.push({ index: i, distance: Math.sqrt(d2), differences });
  });
  similar.sort((a, b) => a.distance - b.distance || a.index - b.index);
  return { similar, halfWidths, stats };
}
