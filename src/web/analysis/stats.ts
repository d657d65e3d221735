/**
 * Statistics behind the atlas charts (pure): histogram bins, least-squares regression with
 * Pearson's r, Tukey boxplot figures and the standardised deviation from the city. Invalid input
 * (NaN, infinite) is left out by the callers; empty input gives empty results, never an exception.
 */
import { linearRegression, quantileSorted, sampleCorrelation } from 'simple-statistics';

export interface Bin {
  /** Lower edge (inclusive). */
  x0: number;
  /** Upper edge (exclusive, inclusive for the last bin). */
  x1: number;
  count: number;
}

/**
 * A "nice" bin width near `span / bins`: 1, 2, 2.5 or 5 times a power of ten, so that the edges
 * read well in German labels (after the step rule of d3-array `tickIncrement`).
 * @example niceStep(23.7, 7) // 5
 */
export function niceStep(span: number, bins: number): number {
  if (!(span > 0) || !(bins > 0)) return 1;
  const raw = span / bins;
  const power = 10 ** Math.floor(Math.log10(raw));
  const factor = raw / power;
  const nice = factor <= 1 ? 1 : factor <= 2 ? 2 : factor <= 2.5 ? 2.5 : factor <= 5 ? 5 : 10;
  return nice * power;
}

/**
 * Histogram with Sturges' number of bins (⌈log2 n⌉ + 1; Sturges 1926, J. Amer. Statist. Assoc.
 * 21:65–66) on nice edges. Constant values give one bin of width zero.
 * @param binCount override the number of bins (before rounding the width to a nice step)
 * @example histogram([1, 2, 2, 3, 9]).map((b) => b.count) // [1, 3, 0, 0, 1] with edges 0, 2, 4, 6, 8, 10
 */
export function histogram(values: readonly number[], binCount?: number): Bin[] {
  if (!values.length) return [];
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min === max) return [{ x0: min, x1: max, count: values.length }];
  const wanted = binCount ?? Math.ceil(Math.log2(values.length)) + 1;
  const step = niceStep(max - min, wanted);
  // edges on multiples of the step (rounded to kill float noise such as 0.30000000000000004)
  const round = (x: number) => Number(x.toPrecision(12));
  const start = round(Math.floor(min / step) * step);
  // the last bin includes its upper edge, so a maximum on an edge opens no bin of its own
  const n = Math.max(1, Math.ceil(round((max - start) / step)));
  const bins: Bin[] = Array.from({ length: n }, (_, i) => ({
    x0: round(start + i * step),
    x1: round(start + (i + 1) * step),
    count: 0,
  }));
  for (const v of values) {
    const i = Math.min(n - 1, Math.floor(round((v - start) / step)));
    bins[i]!.count++;
  }
  return bins;
}

/** Index of the bin a value falls into, or -1. */
export function binOf(bins: readonly Bin[], value: number): number {
  for (let i = 0; i < bins.length; i++) {
    const b = bins[i]!;
    if (value >= b.x0 && (value < b.x1 || (i === bins.length - 1 && value <= b.x1))) return i;
  }
  return -1;
}

export interface Regression {
  /** y = slope · x + intercept (ordinary least squares of y on x). */
  slope: number;
  intercept: number;
  /** Pearson's correlation coefficient. */
  r: number;
  n: number;
}

/**
 * Least-squares line and Pearson's r of paired values; null for fewer than three pairs or when
 * x or y does not vary (no line, no correlation).
 * @example regression([[10, 8.04], [8, 6.95], [13, 7.58], …]) // Anscombe I: slope 0.5001, intercept 3.0001, r 0.8164
 */
export function regression(pairs: readonly (readonly [number, number])[]): Regression | null {
  if (pairs.length < 3) return null;
  const xs = pairs.map((p) => p[0]);
  const ys = pairs.map((p) => p[1]);
  const varies = (a: number[]) => a.some((v) => v !== a[0]);
  if (!varies(xs) || !varies(ys)) return null;
  const { m, b } = linearRegression(pairs.map((p) => [p[0], p[1]]));
  return { slope: m, intercept: b, r: sampleCorrelation(xs, ys), n: pairs.length };
}

export interface BoxStats {
  n: number;
  min: number;
  q1: number;
  median: number;
  q3: number;
  max: number;
  /** Whisker ends: the most extreme values within 1.5 IQR of the quartiles (Tukey 1977). */
  low: number;
  high: number;
  /** Values beyond the whiskers. */
  outliers: number[];
}

/**
 * Boxplot figures after Tukey (Exploratory Data Analysis, 1977) with quartiles by linear
 * interpolation (Hyndman & Fan type 7, R's default); null for no values.
 * @example boxStats([1, 2, 3, 4, 5, 6, 7, 8, 9, 30]) // q1 3.25, median 5.5, q3 7.75, high 9, outliers [30]
 */
export function boxStats(values: readonly number[]): BoxStats | null {
  if (!values.length) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const q1 = quantileSorted(sorted, 0.25);
  const median = quantileSorted(sorted, 0.5);
  const q3 = quantileSorted(sorted, 0.75);
  const fence = 1.5 * (q3 - q1);
  const inside = sorted.filter((v) => v >= q1 - fence && v <= q3 + fence);
  return {
    n: sorted.length,
    min: sorted[0]!,
    q1,
    median,
    q3,
    max: sorted.at(-1)!,
    low: inside[0] ?? q1,
    high: inside.at(-1) ?? q3,
    outliers: sorted.filter((v) => v < q1 - fence || v > q3 + fence),
  };
}

/**
 * Population standard deviation (divide by n), the spread of all areas of a level.
 * @example populationSd([2, 4, 4, 4, 5, 5, 7, 9]) // 2
 */
export function populationSd(values: readonly number[]): number {
  if (!values.length) return 0;
  const mean = values.reduce((s, v) => s + v, 0) / values.length;
  return Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
}

/**
 * Deviation of an area from the city in standard deviations of the level's areas:
 * (area − city) / SD. Null when a value is missing or the areas do not vary.
 * @example deviationFromCity(15, 10, 2.5) // 2
 */
export function deviationFromCity(value: number | null, city: number | null, sd: number): number | null {
  if (value === null || city === null || !(sd > 0)) return null;
  return (value - city) / sd;
}
