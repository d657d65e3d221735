/**
 * Quantile (equal-count) map classification, pure.
 *
 * Class i (0-based) of k holds the values up to the one at rank ⌈(i+1)·n/k⌉ of the sorted data,
 * so without ties at a boundary it equals `dplyr::ntile(x, k)` — the method of the published
 * GISD quintiles (Michalski et al. 2025, see ../shared/data/rki-gisd-kreis). Tied values always
 * stay in one class; boundaries that coincide are merged, so constant data gives one class and
 * no class is ever empty (see ../shared/METHODS.md §5).
 */

/** One class: its upper bound (inclusive) and the smallest and largest member. */
export interface ClassRange {
  /** Smallest value in the class. */
  min: number;
  /** Largest value in the class; also the inclusive upper break. */
  max: number;
  /** Number of values in the class. */
  count: number;
}

export interface Classification {
  /** Classes in ascending order; empty when there are no finite values. */
  classes: ClassRange[];
  /** Class index (0-based) of a value, or null for non-finite values. */
  classOf: (value: number) => number | null;
}

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

/** Index of the first break ≥ value (binary search), or breaks.length if above all. */
function classIndex(breaks: readonly number[], value: number): number {
  let lo = 0;
  let hi = breaks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((breaks[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Classifies values into at most k quantile classes.
 * @example
 * const { classes, classOf } = classifyQuantiles([5, 1, 3, 3, 9], 3);
 * // classes: [{min:1,max:3,count:3}, {min:5,max:5,count:1}, {min:9,max:9,count:1}]; classOf(4) === 1
 */
export function classifyQuantiles(values: readonly number[], k: number): Classification {
  const breaks = quantileBreaks(values, k);
  const classes: ClassRange[] = breaks.map((max) => ({ min: max, max, count: 0 }));
  for (const value of values) {
    if (!Number.isFinite(value)) continue;
    const range = classes[classIndex(breaks, value)];
    if (!range) continue;
    if (range.count === 0 || value < range.min) range.min = value;
    range.count++;
  }
  const last = breaks.length - 1;
  return {
    classes,
    classOf: (value) =>
      Number.isFinite(value) && last >= 0 ? Math.min(classIndex(breaks, value), last) : null,
  };
}
