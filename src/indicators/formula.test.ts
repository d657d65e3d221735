import { describe, expect, it } from 'vitest';
import type { Cell } from '../core/value-status.ts';
import { applyFormula, baseValue, changeOver, relativeChange, trendSlope, yearsBefore } from './formula.ts';

const v = (value: number): Cell => ({ value, status: 'value' });
const secret: Cell = { value: null, status: 'secret' };

describe('indicator formulas', () => {
  it('computes rates from counts', () => {
    expect(applyFormula('share', v(5), v(50)).value).toBe(10);
    expect(applyFormula('per_1000', v(5), v(50)).value).toBe(100);
    expect(applyFormula('ratio', v(5), v(2)).value).toBe(2.5);
    expect(applyFormula('count', v(7), null)).toEqual(v(7));
    expect(applyFormula('share', v(5), v(0)).status).toBe('missing');
  });
  it('keeps secrets secret and marks estimates', () => {
    expect(applyFormula('share', secret, v(50))).toEqual(secret);
    expect(applyFormula('share', v(5), { value: 50, status: 'estimated' }).status).toBe('estimated');
  });
  it('computes changes in percentage points and relative changes', () => {
    expect(changeOver(baseValue(v(12), v(100)), baseValue(v(10), v(100))).value).toBeCloseTo(2, 12);
    expect(relativeChange(v(110), v(100)).value).toBeCloseTo(10, 12);
    expect(changeOver(v(1), secret).status).toBe('secret');
  });
  it('fits a least-squares trend', () => {
    const pts: [number, Cell][] = [
      [2020, v(10)],
      [2021, v(12)],
      [2022, v(11)],
      [2023, v(15)],
    ];
    // slope = Σ(x−x̄)(y−ȳ)/Σ(x−x̄)² = (−1.5·−2 + −0.5·0 + 0.5·−1 + 1.5·3)/5 = 7/5
    expect(trendSlope(pts).value).toBeCloseTo(1.4, 12);
    expect(trendSlope(pts.slice(0, 2)).status).toBe('missing');
  });
  it('steps Stichtage back by whole years', () => {
    expect(yearsBefore('2024-12-31', 2)).toBe('2022-12-31');
    expect(yearsBefore('2024-02-29', 1)).toBe('2023-02-28');
  });
});
