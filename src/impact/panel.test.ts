import { describe, expect, it } from 'vitest';
import { olsSlope, panelYears, periodYears, summariseArea } from './panel.ts';

describe('periodYears', () => {
  it('puts the start year into the post-period and honours the window', () => {
    const years = [2019, 2015, 2016, 2017, 2018, 2018];
    expect(periodYears(years, 2018)).toEqual({ pre: [2015, 2016, 2017], post: [2018, 2019] });
    expect(periodYears(years, 2018, { pre: 2, post: 1 })).toEqual({ pre: [2016, 2017], post: [2018] });
  });

  it('refuses a window that is not a whole number of years', () => {
    expect(() => periodYears([2015], 2016, { pre: 0 })).toThrow(RangeError);
    expect(() => periodYears([2015], 2016, { post: 1.5 })).toThrow(RangeError);
  });
});

describe('olsSlope', () => {
  it('is the least-squares slope', () => {
    expect(olsSlope([2015, 2016, 2017], [10, 12, 14])).toBe(2);
    // y = 1, 3, 2 on x = 0, 1, 2: Σ(x−1)(y−2) = 1, Σ(x−1)² = 2
    expect(olsSlope([0, 1, 2], [1, 3, 2])).toBe(0.5);
  });

  it('is null with fewer than two points', () => {
    expect(olsSlope([2015], [3])).toBeNull();
    expect(olsSlope([], [])).toBeNull();
  });
});

describe('summariseArea', () => {
  it('skips missing values and takes the population of the last pre-period year that has one', () => {
    const s = summariseArea(
      {
        key: 'a',
        values: { 2015: 10, 2016: null, 2017: 12, 2018: 9, 2019: Number.NaN },
        population: { 2016: 900, 2017: null, 2018: 1200 },
      },
      { pre: [2015, 2016, 2017], post: [2018, 2019] },
    );
    expect(s).toEqual({ key: 'a', preMean: 11, postMean: 9, preCount: 2, trend: 1, population: 900 });
  });

  it('has no period mean where the period has no value', () => {
    const s = summariseArea({ key: 'b', values: { 2018: 5 } }, { pre: [2016, 2017], post: [2018] });
    expect(s.preMean).toBeNull();
    expect(s.trend).toBeNull();
    expect(s.population).toBeNull();
  });
});

describe('panelYears', () => {
  it('collects the years of all areas in order', () => {
    expect(
      panelYears([
        { key: 'a', values: { 2017: 1 } },
        { key: 'b', values: { 2015: null, 2017: 2 } },
      ]),
    ).toEqual([2015, 2017]);
  });
});
