import { describe, expect, it } from 'vitest';
import { bandsFromVariables, stocksFromBreakdown } from './stocks.ts';

describe('stocks from what a city delivers', () => {
  it('tiles age variables into contiguous bands with an open top', () => {
    expect(bandsFromVariables({ ew: 10, ew_u6: 2, ew_6_9: 3, ew_65plus: 1 })).toEqual([
      { from: 0, to: 6, value: 2 },
      { from: 6, to: 10, value: 3 },
      { from: 10, to: 65, value: 4 },
      { from: 65, to: null, value: 1 },
    ]);
  });

  it("derives borders from nested and overlapping variables (the demo's catalogue)", () => {
    const b = bandsFromVariables({
      ew: 100,
      ew_u3: 3,
      ew_3_5: 3,
      ew_u6: 6,
      ew_u15: 14,
      ew_15_64: 66,
      ew_80plus: 5,
      ew_m: 50,
      hh: 40,
    });
    expect(b?.map((x) => [x.from, x.to, x.value])).toEqual([
      [0, 3, 3],
      [3, 6, 3],
      [6, 15, 8],
      [15, 65, 66],
      [65, 80, 15],
      [80, null, 5],
    ]);
  });

  it('has no age structure without a total, borders or with contradictions', () => {
    expect(bandsFromVariables({ ew_u6: 2 })).toBeNull();
    expect(bandsFromVariables({ ew: 10, ew_m: 5 })).toBeNull();
    expect(bandsFromVariables({ ew: 10, ew_u6: 12 })).toBeNull();
  });

  it('reads single years by sex, the oldest folded into the top', () => {
    const s = stocksFromBreakdown([
      { breakdown: 'age=0;sex=w', value: 2 },
      { breakdown: 'age=104;sex=w', value: 1 },
      { breakdown: 'age=100;sex=w', value: 1 },
      { breakdown: 'age=3;sex=m', value: 4 },
    ]);
    expect(s!.w![0]).toBe(2);
    expect(s!.w![100]).toBe(2);
    expect(s!.m![3]).toBe(4);
    expect(stocksFromBreakdown([])).toBeNull();
  });
});
