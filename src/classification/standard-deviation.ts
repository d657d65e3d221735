/**
 * Standard-deviation classes: class breaks at whole or half standard deviations around the mean
 * of the areas (unweighted, population SD as in the Berlin MSS, docs/methods.md §3), every
 * inner class one SD wide. An even class count puts a break on the mean (…, −1, 0, +1, …); an odd
 * count centres a class on it (…, −1,5, −0,5, +0,5, +1,5, …). Cf. the "standard deviation"
 * classification of ArcGIS and Slocum et al., Thematic Cartography (2009), ch. 5.
 */

/**
 * Break positions in standard deviations from the mean for k classes.
 * @example sdOffsets(4) // [-1, 0, 1]; sdOffsets(5) // [-1.5, -0.5, 0.5, 1.5]
 */
export function sdOffsets(k: number): number[] {
  if (!Number.isInteger(k) || k < 2)
    throw new RangeError(`Klassenzahl muss eine ganze Zahl ≥ 2 sein (war ${k}).`);
  return Array.from({ length: k - 1 }, (_, i) => i - (k - 2) / 2);
}

/**
 * Arithmetic mean and population standard deviation (divide by n).
 * @example meanAndSd([2, 4, 4, 4, 5, 5, 7, 9]) // { mean: 5, sd: 2 }
 */
export function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  const n = values.length;
  if (n === 0) return { mean: Number.NaN, sd: Number.NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const mean = sum / n;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / n) };
}

/**
 * Class of a value among SD breaks: a value exactly on a break belongs to the class nearer the
 * mean, as in the MSS rule (−1 ≤ z ≤ 1 is "mittel"), so that "< −1 SD" and "> +1 SD" hold exactly.
 * @param breaks break values mean + offset·sd, ascending
 */
export function sdClassIndex(breaks: readonly number[], mean: number, value: number): number {
  let i = 0;
  if (value > mean) while (i < breaks.length && (breaks[i] as number) < value) i++;
  else while (i < breaks.length && (breaks[i] as number) <= value) i++;
  return i;
}
