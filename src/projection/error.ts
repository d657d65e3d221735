/**
 * Error of a projection against what was later observed (docs/methods.md §8.5): the mean absolute
 * percentage error (MAPE) over the areas with at least {@link MIN_POPULATION} inhabitants, the
 * usual measure of small-area projection accuracy (Smith, Tayman & Swanson 2013, ch. 13) — below
 * that, a few persons are tens of percent and would dominate the mean.
 */

/** Areas with fewer inhabitants (at the observed date) are left out of the error. */
export const MIN_POPULATION = 300;

/** One area's projected and observed value, and its observed inhabitants. */
export interface ErrorCase {
  projected: number;
  observed: number;
  /** All inhabitants of the area, deciding whether it counts. */
  population: number;
}

/**
 * Mean of |projected − observed| / observed × 100 over the cases with `population` ≥ `min`
 * and observed > 0.
 * @returns percent; NaN when no case counts
 * @example mape([{ projected: 110, observed: 100, population: 500 }, { projected: 95, observed: 100, population: 400 }]) // 7.5
 */
export function mape(cases: readonly ErrorCase[], min = MIN_POPULATION): number {
  let sum = 0;
  let n = 0;
  for (const c of cases) {
    if (c.population < min || !(c.observed > 0)) continue;
    sum += Math.abs(c.projected - c.observed) / c.observed;
    n++;
  }
  return n ? (100 * sum) / n : NaN;
}
