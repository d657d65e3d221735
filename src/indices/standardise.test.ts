import { describe, expect, it } from 'vitest';
import { geometricInputs, minMax, moments, ranks, standardise, zScores } from './standardise.ts';

const f = (...x: number[]) => Float64Array.from(x);

describe('standardisation', () => {
  it('z-scores with the population SD (divide by n) and the sample SD (n − 1)', () => {
    expect([...zScores(f(1, 2, 3), false)].map((v) => +v.toFixed(6))).toEqual([-1.224745, 0, 1.224745]);
    expect([...zScores(f(1, 2, 3), true)]).toEqual([-1, 0, 1]);
    expect(moments(f(2, 4, 4, 4, 5, 5, 7, 9), false)).toEqual({ n: 8, mean: 5, sd: 2 });
  });

  it('skips NaN (invalid areas, missing values) and keeps it in the output', () => {
    const z = zScores(f(1, NaN, 3), false);
    expect(z[0]).toBe(-1);
    expect(z[1]).toBeNaN();
    expect(z[2]).toBe(1);
    expect(moments(f(NaN, NaN), false).n).toBe(0);
  });

  it('gives 0 for a constant indicator instead of dividing by zero', () => {
    expect([...zScores(f(5, 5, 5), false)]).toEqual([0, 0, 0]);
    expect([...minMax(f(5, 5))]).toEqual([50, 50]);
  });

  it('min-max scales to 0–100 or any range', () => {
    expect([...minMax(f(2, 4, 6))]).toEqual([0, 50, 100]);
    expect([...minMax(f(2, 4, 6), 1, 100)]).toEqual([1, 50.5, 100]);
  });

  it('ranks ascending with averaged ties, NaN left out', () => {
    expect([...ranks(f(10, 30, 20, 20))]).toEqual([1, 4, 2.5, 2.5]);
    const r = ranks(f(3, NaN, 1));
    expect([r[0], r[2]]).toEqual([2, 1]);
    expect(r[1]).toBeNaN();
  });

  it('dispatches by method name', () => {
    const x = f(1, 2, 3, 4);
    expect([...standardise(x, 'rank')]).toEqual([1, 2, 3, 4]);
    expect([...standardise(x, 'minmax')].map(Math.round)).toEqual([0, 33, 67, 100]);
    expect(standardise(x, 'z_sample')[3]).toBeCloseTo(1.161895, 6);
    expect(standardise(x, 'z_population')[3]).toBeCloseTo(1.341641, 6);
  });

  it('prepares strictly positive inputs for the geometric mean (log of 1–100)', () => {
    const g = [...geometricInputs(f(-2, 0, 2))].map(Math.exp);
    [1, 50.5, 100].forEach((v, i) => expect(g[i]).toBeCloseTo(v, 10));
  });
});
