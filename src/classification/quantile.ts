/**
 * Quantile (equal-count) class breaks, pure.
 *
 * Class i (0-based) of k holds the values up to the one at rank ⌈(i+1)·n/k⌉ of the sorted data,
 * so without ties at a boundary it equals `dplyr::ntile(x, k)` — the method of the published
 * GISD quintiles and deciles (Michalski et al. 2025, see ../shared/data/rki-gisd-kreis). Tied
 * values always stay in one class; boundaries that coincide are merged, so constant data gives one
 * class and no class is ever empty (see docs/methods.md §5).
 */

/**
 * Upper class breaks (inclusive) for equal-count classes, ascending and distinct; the last is the maximum.
 * @param values finite numbers in any order (non-finite ones are ignored)
 * @param k wanted number of classes, an integer ≥ 1
 * @returns between 0 (no values) and k breaks
 * @example quantileBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 5) // [2, 4, 6, 8, 10]
 */
export function quantileBreaks(values: readonly number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`Klassenzahl muss eine ganze Zahl ≥ 1 sein (war ${k}).`);
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  const n = sorted.length;
  const breaks: number[] = [];
  for (let i = 1; i <= k; i++) {
    const value = sorted[Math.ceil((i * n) / k) - 1];
    if (value !== undefined && value !== breaks[breaks.length - 1]) breaks.push(value);
  }
  return breaks;
}
