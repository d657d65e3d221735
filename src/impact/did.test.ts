import { describe, expect, it } from 'vitest';
import { didEstimate, differenceInDifferences, yearlyMeans } from './did.ts';
import type { AreaSummary } from './panel.ts';

const summary = (key: string, preMean: number | null, postMean: number | null): AreaSummary => ({
  key,
  preMean,
  postMean,
  preCount: preMean === null ? 0 : 2,
  trend: null,
  population: null,
});

describe('didEstimate', () => {
  it('is the change of the treated minus the mean change of their comparisons', () => {
    // treated 0: −2 vs (0 + 1)/2; treated 1: +1 vs 0 → (−2.5 + 1) / 2
    const r = didEstimate(
      [-2, 1, 0, 1],
      [0, 1],
      [
        [
          { index: 2, distance: 0 },
          { index: 3, distance: 0 },
        ],
        [{ index: 2, distance: 0 }],
      ],
    );
    expect(r).toEqual({ estimate: -0.75, treatedChange: -0.5, comparisonChange: 0.25 });
  });

  it('weights treated areas by the given weights', () => {
    const r = didEstimate(
      [-2, 1, 0],
      [0, 1],
      [[{ index: 2, distance: 0 }], [{ index: 2, distance: 0 }]],
      [3, 1, 99],
    );
    expect(r.estimate).toBeCloseTo((3 * -2 + 1 * 1) / 4, 12);
  });

  it('refuses a treated area without comparisons', () => {
    expect(() => didEstimate([1, 2], [0], [[]])).toThrow(RangeError);
  });
});

describe('differenceInDifferences', () => {
  it('drops areas without pre- or post-period values and reports them', () => {
    const summaries = [
      summary('t1', 10, 8),
      summary('t2', null, 7),
      summary('t3', 5, 6),
      summary('c1', 10, 10),
      summary('c2', 9, null),
      summary('c3', 4, 5),
    ];
    const { result, dropped } = differenceInDifferences(summaries, [
      { treated: 't1', comparisons: ['c1', 'c2'] },
      { treated: 't2', comparisons: ['c1'] },
      { treated: 't3', comparisons: ['c2'] },
    ]);
    // only t1 with c1 remains: −2 − 0
    expect(result).toEqual({ estimate: -2, treatedChange: -2, comparisonChange: 0 });
    expect(dropped).toEqual(['c2', 't2', 't3']);
  });
});

describe('yearlyMeans', () => {
  it('averages each treated area’s comparisons first and skips missing values', () => {
    const areas = [
      { key: 't', values: { 2019: 4, 2020: null } },
      { key: 'u', values: { 2019: 1, 2020: 2 } },
      { key: 'v', values: { 2019: 3, 2020: null } },
    ];
    const means = yearlyMeans(
      areas,
      [2019, 2020],
      [0],
      [
        [
          { index: 1, distance: 0 },
          { index: 2, distance: 0 },
        ],
      ],
    );
    expect(means).toEqual([
      { year: 2019, treated: 4, comparison: 2 },
      { year: 2020, treated: null, comparison: 2 },
    ]);
  });
});
