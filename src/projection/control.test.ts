import { describe, expect, it } from 'vitest';
import { controlToTotal, DEFAULT_VARIANTS, scaleToTotal, variantTotal } from './control.ts';

describe('control to a city total', () => {
  it('scales one area and several areas proportionally', () => {
    expect(scaleToTotal({ all: [1, 3] }, 8)).toEqual({ all: [2, 6] });
    expect(controlToTotal([{ all: [1, 1] }, { all: [2, 0] }], 8)).toEqual([{ all: [2, 2] }, { all: [4, 0] }]);
    expect(() => controlToTotal([{ all: [1] }], -1)).toThrow(/negative/);
  });

  it('reads variants from assumptions as data', () => {
    expect(variantTotal({ key: 'high', label: 'obere', annualGrowth: 0.01 }, 1000, 2020, 2022)).toBeCloseTo(
      1020.1,
      9,
    );
    const published = { key: 'main', label: 'Haupt', totals: { 2030: 200, 2020: 100 } };
    expect(variantTotal(published, 0, 2020, 2025)).toBe(150);
    expect(variantTotal(published, 0, 2020, 2019)).toBe(100);
    expect(variantTotal(published, 0, 2020, 2040)).toBe(200);
    DEFAULT_VARIANTS.forEach((v, i) =>
      expect(variantTotal(v, 1000, 2020, 2021)).toBeCloseTo([995, 1000, 1005][i]!, 9),
    );
  });
});
