import { describe, expect, it } from 'vitest';
import {
  binOf,
  boxStats,
  deviationFromCity,
  histogram,
  niceStep,
  populationSd,
  regression,
} from './stats.ts';

// Anscombe (1973), "Graphs in Statistical Analysis", The American Statistician 27(1): 17–21, set I.
const ANSCOMBE_X = [10, 8, 13, 9, 11, 14, 6, 4, 12, 7, 5];
const ANSCOMBE_Y1 = [8.04, 6.95, 7.58, 8.81, 8.33, 9.96, 7.24, 4.26, 10.84, 4.82, 5.68];

describe('regression', () => {
  it('reproduces Anscombe I: y = 3.0001 + 0.5001 x, r = 0.8164', () => {
    const r = regression(ANSCOMBE_X.map((x, i) => [x, ANSCOMBE_Y1[i]!] as const))!;
    expect(r.slope).toBeCloseTo(0.5001, 4);
    expect(r.intercept).toBeCloseTo(3.0001, 4);
    expect(r.r).toBeCloseTo(0.81642, 5);
    expect(r.n).toBe(11);
  });

  it('gives r = ±1 on a line and null when it cannot say anything', () => {
    expect(
      regression([
        [1, 5],
        [2, 3],
        [3, 1],
      ]),
    ).toEqual({ slope: -2, intercept: 7, r: -1, n: 3 });
    expect(
      regression([
        [1, 1],
        [2, 2],
      ]),
    ).toBeNull();
    expect(
      regression([
        [1, 1],
        [1, 2],
        [1, 3],
      ]),
    ).toBeNull();
    expect(
      regression([
        [1, 4],
        [2, 4],
        [3, 4],
      ]),
    ).toBeNull();
  });
});

describe('boxStats', () => {
  it('matches R quantile(type = 7) and Tukey fences', () => {
    // R: quantile(c(1:9, 30)) → 1, 3.25, 5.5, 7.75, 30; IQR 4.5, upper fence 14.5
    expect(boxStats([30, 9, 8, 7, 6, 5, 4, 3, 2, 1])).toEqual({
      n: 10,
      min: 1,
      q1: 3.25,
      median: 5.5,
      q3: 7.75,
      max: 30,
      low: 1,
      high: 9,
      outliers: [30],
    });
  });

  it('handles one value and no values', () => {
    expect(boxStats([4])).toMatchObject({ q1: 4, median: 4, q3: 4, low: 4, high: 4, outliers: [] });
    expect(boxStats([])).toBeNull();
  });
});

describe('histogram', () => {
  it('uses Sturges bins on nice edges, the last bin closed', () => {
    const bins = histogram([1, 2, 2, 3, 9]);
    expect(bins).toEqual([
      { x0: 0, x1: 2, count: 1 },
      { x0: 2, x1: 4, count: 3 },
      { x0: 4, x1: 6, count: 0 },
      { x0: 6, x1: 8, count: 0 },
      { x0: 8, x1: 10, count: 1 },
    ]);
    expect(histogram([0, 10])).toEqual([
      { x0: 0, x1: 5, count: 1 },
      { x0: 5, x1: 10, count: 1 },
    ]);
  });

  it('counts every value once and keeps decimal edges clean', () => {
    const values = Array.from({ length: 62 }, (_, i) => 0.1 * i + 0.3);
    const bins = histogram(values);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(62);
    expect(bins.length).toBeGreaterThanOrEqual(5);
    for (const b of bins) expect(String(b.x0)).toMatch(/^\d+(\.\d)?$/);
    for (const v of values) expect(binOf(bins, v)).toBeGreaterThanOrEqual(0);
    expect(binOf(bins, 1000)).toBe(-1);
  });

  it('gives one bin for constant values and none for no values', () => {
    expect(histogram([3, 3, 3])).toEqual([{ x0: 3, x1: 3, count: 3 }]);
    expect(binOf(histogram([3, 3, 3]), 3)).toBe(0);
    expect(histogram([])).toEqual([]);
  });

  it('handles negative values (changes in Pp.)', () => {
    const bins = histogram([-2.4, -0.5, 0, 0.7, 1.9]);
    expect(bins[0]!.x0).toBeLessThanOrEqual(-2.4);
    expect(bins.at(-1)!.x1).toBeGreaterThanOrEqual(1.9);
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5);
  });

  it('rounds the bin width to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect(niceStep(23.7, 7)).toBe(5);
    expect(niceStep(0.9, 7)).toBe(0.2);
    expect(niceStep(1, 4)).toBe(0.25);
    expect(niceStep(0, 4)).toBe(1);
  });
});

describe('deviation from the city', () => {
  it('divides by the population SD of the areas', () => {
    expect(populationSd([2, 4, 4, 4, 5, 5, 7, 9])).toBe(2);
    expect(deviationFromCity(15, 10, 2.5)).toBe(2);
    expect(deviationFromCity(null, 10, 2.5)).toBeNull();
    expect(deviationFromCity(15, 10, 0)).toBeNull();
  });
});
