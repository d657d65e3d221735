/**
 * The need through a norm and the coverage with it, computed by hand: need per year and its
 * peak, the peak need shared by plan area among the affected areas, a district's shared supply
 * counted once, unknown demand left unknown.
 */
import { describe, expect, it } from 'vitest';
import { coverageAfter, deriveDemand, needSeries } from './need.ts';
import type { ResidentsYear } from './residents.ts';

const year = (y: number, bands: number[]): ResidentsYear => ({
  year: y,
  bands,
  total: bands.reduce((s, v) => s + v, 0),
});
const residents = [
  year(2028, [10, 4, 0, 0, 0, 5, 10, 1, 0, 0]),
  year(2029, [8, 9, 2, 0, 0, 5, 10, 1, 0, 0]),
  year(2030, [6, 8, 6, 0, 0, 5, 10, 1, 0, 0]),
];

describe('needSeries', () => {
  it('is factor × the residents of the norm’s age ranges, with the first highest year as peak', () => {
    const d = deriveDemand(['ew_u3']);
    expect(d).toEqual({ ok: true, ranges: [{ from: 0, to: 3 }], interpolated: false });
    const u3 = needSeries(residents, d.ok ? d.ranges : [], 0.51);
    expect(u3.perYear.map((p) => p.need)).toEqual([5.1, 0.51 * 8, 0.51 * 6]);
    expect(u3.peak).toEqual({ year: 2028, need: 5.1 });
    // two variables are summed: 3–5 and 6–9 once each
    const d2 = deriveDemand(['ew_3_5', 'ew_6_9']);
    const older = needSeries(residents, d2.ok ? d2.ranges : [], 1);
    expect(older.perYear.map((p) => p.need)).toEqual([4, 11, 14]);
    expect(older.peak).toEqual({ year: 2030, need: 14 });
    expect(deriveDemand(['ew', 'hh'])).toEqual({ ok: false, variable: 'hh' });
    expect(deriveDemand(['ew_6_11'])).toMatchObject({ ok: true, interpolated: true });
  });
});

describe('coverageAfter', () => {
  const rows = [
    { area: 'A', name: 'Altstadt', supply: 40, demand: 50 },
    { area: 'B', name: 'Bahnhof', supply: 100, demand: 80 },
  ];
  const shares = new Map([
    ['A', 0.75],
    ['B', 0.25],
  ]);

  it('adds each area’s share of the peak need to its demand, supply unchanged, and sums the areas', () => {
    const { rows: out, total } = coverageAfter(rows, shares, 20);
    expect(out[0]).toMatchObject({ rate: 80, balance: -10, extra: 15, demandAfter: 65, balanceAfter: -25 });
    expect(out[0]!.rateAfter).toBeCloseTo((40 / 65) * 100, 12);
    expect(out[1]).toMatchObject({ rate: 125, extra: 5, demandAfter: 85, balanceAfter: 15 });
    expect(total).toMatchObject({ supply: 140, demand: 130, extra: 20, demandAfter: 150, balanceAfter: -10 });
    expect(total!.rateAfter).toBeCloseTo((140 / 150) * 100, 12);
    // one area: no total row
    expect(coverageAfter(rows.slice(0, 1), new Map([['A', 1]]), 20).total).toBeNull();
  });

  it('gives every area of a shared district the need of all affected areas in it, counting the district once', () => {
    const district = [
      { area: 'A', name: 'Altstadt', supply: 200, demand: 180 },
      { area: 'B', name: 'Bahnhof', supply: 200, demand: 180 },
      { area: 'C', name: 'Chausseeviertel', supply: 50, demand: 60 },
    ];
    const groups = new Map([
      ['A', 'D1'],
      ['B', 'D1'],
      ['C', 'D2'],
    ]);
    const s = new Map([
      ['A', 0.5],
      ['B', 0.3],
      ['C', 0.2],
    ]);
    const { rows: out, total } = coverageAfter(district, s, 10, groups);
    expect(out.map((r) => r.extra)).toEqual([8, 8, 2]);
    expect(out[0]).toMatchObject({ demandAfter: 188, balanceAfter: 12 });
    expect(total).toMatchObject({ supply: 250, demand: 240, extra: 10, demandAfter: 250, balanceAfter: 0 });
    expect(total!.rateAfter).toBe(100);
  });

  it('leaves rate and balance unknown where the demand is unknown', () => {
    const { rows: out, total } = coverageAfter(
      [
        { area: 'A', name: 'A', supply: 40, demand: null },
        { area: 'B', name: 'B', supply: 10, demand: 0 },
      ],
      new Map([
        ['A', 0.5],
        ['B', 0.5],
      ]),
      4,
    );
    expect(out[0]).toMatchObject({ rate: null, balance: null, extra: 2, demandAfter: null, rateAfter: null });
    expect(out[1]).toMatchObject({ rate: null, demandAfter: 2, rateAfter: 500, balanceAfter: 8 });
    expect(total).toMatchObject({ supply: 50, demand: null, rateAfter: null });
  });
});
