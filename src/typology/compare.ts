/**
 * Comparing two areas, or an area with the city or its district (pure helpers).
 */

/**
 * Ranks among areas, highest value first, with competition ranking for ties („1, 2, 2, 4“);
 * areas without a value get no rank.
 * @example rankDescending([5, null, 7, 5]) // [2, null, 1, 2]
 */
export function rankDescending(values: readonly (number | null)[]): (number | null)[] {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => b - a);
  return values.map((v) => {
    if (v === null || !Number.isFinite(v)) return null;
    // first position of v in the descending list (binary search) + 1
    let lo = 0;
    let hi = present.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((present[mid] as number) > v) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  });
}

/**
 * Difference a − b, or null when either value is missing.
 * @example difference(12.5, 10) // 2.5
 */
export function difference(a: number | null, b: number | null): number | null {
  return a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) ? null : a - b;
}

/**
 * z-value of x among the areas (population SD), to put indicators of different units on one
 * chart; null when x is missing or the areas do not vary.
 * @example zOf(12, { mean: 10, sd: 2 }) // 1
 */
export function zOf(x: number | null, stats: { mean: number; sd: number } | null): number | null {
  return x === null || !stats || !(stats.sd > 0) ? null : (x - stats.mean) / stats.sd;
}
