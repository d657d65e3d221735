/**
 * The back-test on real past data (../shared/data): Berlin's 542 Planungsräume, base 31.12.2022
 * projected to 31.12.2024, and Köln's 86 Stadtteile, base 2009 projected to 2012. The method must
 * be clearly better than "no change" for children under 6 and people aged 65 and older, and
 * within 10 % of its error for the total.
 */
import { describe, expect, it } from 'vitest';
import { backtest, type BacktestRow } from './backtest.ts';
import { berlinBacktestInput, koelnBacktestInput } from './real-data.ts';

const row = (rows: BacktestRow[], measure: string) => rows.find((r) => r.measure === measure)!;

function expectTargets(rows: BacktestRow[]) {
  const t = row(rows, 'total');
  expect(t.method).toBeLessThanOrEqual(1.1 * t.noChange);
  for (const m of ['u6', '65plus']) {
    const r = row(rows, m);
    // "Clearly better": at least a tenth less error than carrying the base forward.
    expect(r.method, m).toBeLessThan(0.9 * r.noChange);
    expect(r.method, m).toBeLessThan(r.trend);
  }
}

describe('back-test', () => {
  it('measures a toy city exactly', () => {
    const bands = (u6: number, rest: number) => [
      { from: 0, to: 6, value: u6 },
      { from: 6, to: null, value: rest },
    ];
    const rows = backtest({
      areas: [
        { key: 'a', earlier: bands(60, 940), base: bands(60, 940), observed: bands(60, 940) },
        { key: 'b', earlier: bands(6, 94), base: bands(6, 94), observed: bands(6, 94) },
      ],
      earlierYear: 2020,
      baseYear: 2021,
      targetYear: 2023,
    });
    // Only area a counts (b has 100 inhabitants); nothing changed, so the baselines are exact.
    expect(rows.map((r) => [r.measure, r.noChange, r.trend, r.areas])).toEqual([
      ['total', 0, 0, 1],
      ['u6', 0, 0, 1],
      ['65plus', 0, 0, 1],
    ]);
    for (const r of rows) expect(Number.isFinite(r.method)).toBe(true);
  });

  it('rejects a target between steps', () => {
    expect(() => backtest({ areas: [], earlierYear: 2020, baseYear: 2022, targetYear: 2023 })).toThrow(
      /whole/,
    );
  });

  it('Berlin Planungsräume 2022 → 2024: baselines as published, targets met', () => {
    const rows = backtest(berlinBacktestInput());
    expect(row(rows, 'total').noChange).toBeCloseTo(2.4, 1);
    expect(row(rows, 'u6').noChange).toBeCloseTo(10.7, 1);
    expect(row(rows, '65plus').noChange).toBeCloseTo(4.0, 1);
    expect(row(rows, 'total').areas).toBeGreaterThan(500);
    expectTargets(rows);
  }, 60_000);

  it('Köln Stadtteile 2009 → 2012: targets met', () => {
    const rows = backtest(koelnBacktestInput());
    expect(row(rows, 'total').areas).toBe(86);
    expect(row(rows, 'u6').noChange).toBeCloseTo(7.83, 1);
    expectTargets(rows);
  }, 60_000);
});
