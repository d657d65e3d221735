/** Small helpers shared by the classification methods (pure). */

/**
 * Index of the first break ≥ value (binary search), or breaks.length if the value is above all.
 * With inner breaks as inclusive upper class bounds this is the class of the value: a value equal
 * to a break falls into the lower class.
 * @example classIndex([2, 4], 2) // 0; classIndex([2, 4], 3) // 1; classIndex([2, 4], 9) // 2
 */
export function classIndex(breaks: readonly number[], value: number): number {
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
 * Number of decimals needed to write a number exactly (at most `max`), e.g. for fixed breaks.
 * @example fractionDigits(1.5) // 1; fractionDigits(-1) // 0; fractionDigits(0.125) // 3
 */
export function fractionDigits(value: number, max = 4): number {
  for (let d = 0; d < max; d++) {
    const scaled = value * 10 ** d;
    if (Math.abs(scaled - Math.round(scaled)) < 1e-9 * Math.max(1, Math.abs(scaled))) return d;
  }
  return max;
}

/** The finite values, sorted ascending. */
export function finiteSorted(values: readonly (number | null | undefined)[]): number[] {
  const out: number[] = [];
  for (const v of values) if (typeof v === 'number' && Number.isFinite(v)) out.push(v);
  return out.sort((a, b) => a - b);
}

/** Number of distinct values in an ascending array. */
export function distinctCount(sorted: readonly number[]): number {
  let n = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) n++;
  return n;
}
