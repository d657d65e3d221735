import { describe, expect, it } from 'vitest';
import { linearTrend, noChange } from './baselines.ts';
import { mape } from './error.ts';

describe('baselines and their error', () => {
  it('carries the base forward or continues the line, never below zero', () => {
    expect(noChange(120)).toBe(120);
    expect(linearTrend(100, 2021, 110, 2022, 2024)).toBe(130);
    expect(linearTrend(100, 2020, 50, 2022, 2026)).toBe(0);
    expect(() => linearTrend(1, 2020, 2, 2020, 2021)).toThrow(/same/);
  });

  it('averages absolute percentage errors over areas with at least 300 inhabitants', () => {
    const cases = [
      { projected: 110, observed: 100, population: 500 },
      { projected: 95, observed: 100, population: 300 },
      { projected: 500, observed: 100, population: 299 },
      { projected: 5, observed: 0, population: 1000 },
    ];
    expect(mape(cases)).toBeCloseTo(7.5, 12);
    expect(mape([])).toBeNaN();
  });
});
