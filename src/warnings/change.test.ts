import { describe, expect, it } from 'vitest';
import type { Cell } from '../core/value-status.ts';
import { trendSlope } from '../indicators/formula.ts';
import {
  changeUnit,
  compareWithCity,
  consecutiveRun,
  periodChange,
  populationSd,
  trendOver,
} from './change.ts';

const v = (value: number): Cell => ({ value, status: 'value' });
const secret: Cell = { value: null, status: 'secret' };
const missing: Cell = { value: null, status: 'missing' };
const yearly = (from: number, n: number) => Array.from({ length: n }, (_, i) => `${from + i}-12-31`);

describe('periodChange', () => {
  it('is the absolute difference to the previous period', () => {
    expect(periodChange(v(19.5), v(18.2))).toBeCloseTo(1.3, 12);
    expect(periodChange(v(10), v(12.5))).toBe(-2.5);
  });
  it('gives no number when a value is secret or missing (a secret stays secret)', () => {
    expect(periodChange(secret, v(1))).toBeNull();
    expect(periodChange(v(1), missing)).toBeNull();
    expect(periodChange(v(1), undefined)).toBeNull();
  });
});

describe('changeUnit', () => {
  it('names differences of shares in percentage points', () => {
    expect(changeUnit('%')).toBe('Pp.');
    expect(changeUnit('‰')).toBe('‰-Punkte');
    expect(changeUnit('Personen')).toBe('Personen');
    expect(changeUnit('Pp.')).toBe('Pp.');
  });
});

describe('compareWithCity', () => {
  it('subtracts the city change from the area change and gives the current gap', () => {
    expect(compareWithCity({ now: v(12), before: v(10) }, { now: v(9), before: v(8) })).toEqual({
      change: 2,
      cityChange: 1,
      changeVsCity: 1,
      gapToCity: 3,
    });
  });
  it('keeps what it can compute when the previous value is secret', () => {
    expect(compareWithCity({ now: v(12), before: secret }, { now: v(9), before: v(8) })).toEqual({
      change: null,
      cityChange: 1,
      changeVsCity: null,
      gapToCity: 3,
    });
  });
  it('gives no gap when the current value is secret', () => {
    expect(compareWithCity({ now: secret, before: v(1) }, { now: v(9), before: v(8) }).gapToCity).toBeNull();
  });
});

describe('trendOver', () => {
  const dates = yearly(2015, 10);
  const cells = [3, 4, 2, 5, 6, 5.5, 7, 8, 7.5, 9].map(v);

  it('is the least-squares slope over the last n years (n + 1 yearly points), as formula.ts trendSlope', () => {
    const t = trendOver(dates, cells, 9, 5);
    expect(t.from).toBe('2019-12-31');
    expect(t.points).toBe(6);
    const expected = trendSlope(cells.slice(4).map((c, i) => [2019 + i, c]));
    expect(t.slope).toBe(expected.value);
    // by hand: y = 6, 5.5, 7, 8, 7.5, 9; x − x̄ = −2.5 … 2.5; Σ(x−x̄)(y−ȳ) = 11, Σ(x−x̄)² = 17.5
    expect(t.slope).toBeCloseTo(11 / 17.5, 12);
  });

  it('uses only the Stichtage before the current one', () => {
    const t = trendOver(dates, cells, 4, 3);
    expect(t.from).toBe('2016-12-31');
    expect(t.points).toBe(4);
    expect(t.slope).toBeCloseTo(trendSlope(cells.slice(1, 5).map((c, i) => [2016 + i, c])).value!, 12);
  });

  it('gives no trend with fewer than 3 points or a gap', () => {
    expect(trendOver(dates, cells, 1, 5).slope).toBeNull();
    const gap = [...cells];
    gap[7] = secret;
    expect(trendOver(dates, gap, 9, 5).slope).toBeNull();
    expect(trendOver(dates, gap, 6, 5).slope).not.toBeNull();
  });

  it('measures time in years when the Stichtage are irregular', () => {
    const irregular = ['2020-06-30', '2021-12-31', '2023-06-30'];
    const t = trendOver(irregular, [v(1), v(2.5), v(4)], 2, 5);
    expect(t.slope).toBeCloseTo(1, 2);
  });
});

describe('consecutiveRun', () => {
  it('counts the changes in the same direction up to the Stichtag', () => {
    expect(consecutiveRun([1, 2, 3, 2.5, 3, 4, 5], 6)).toEqual({ direction: 'up', length: 3 });
    expect(consecutiveRun([5, 4, 3, 2], 3)).toEqual({ direction: 'down', length: 3 });
    expect(consecutiveRun([1, 2, 3, 2.5, 3, 4, 5], 3)).toEqual({ direction: 'down', length: 1 });
  });
  it('ends a run at a gap or an unchanged value', () => {
    expect(consecutiveRun([1, null, 2, 3, 4], 4)).toEqual({ direction: 'up', length: 2 });
    expect(consecutiveRun([1, 2, 2, 3], 3)).toEqual({ direction: 'up', length: 1 });
    expect(consecutiveRun([1, 2, 2], 2)).toEqual({ direction: null, length: 0 });
    expect(consecutiveRun([1, 2, null], 2)).toEqual({ direction: null, length: 0 });
    expect(consecutiveRun([1], 0)).toEqual({ direction: null, length: 0 });
  });
});

describe('populationSd', () => {
  it('divides by n and skips gaps', () => {
    expect(populationSd([2, 4, 4, 4, 5, 5, 7, 9, null])).toBe(2);
    expect(populationSd([1])).toBeNull();
    expect(populationSd([null, null])).toBeNull();
  });
});
