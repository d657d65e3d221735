import { describe, expect, it } from 'vitest';
import { stocksTotal } from './control.ts';
import { applyControl, checkControl, parseControlCsv } from './control-totals.ts';
import type { Stocks } from './hamilton-perry.ts';

const code = (f: () => unknown) => {
  try {
    f();
    return null;
  } catch (e) {
    return (e as { code?: string }).code;
  }
};

describe('control totals of a projection', () => {
  // two areas, three years after a base of 2020 with 300 persons
  const yearly: Stocks[][] = [
    [{ all: [100, 100] }, { all: [100, 110] }, { all: [100, 120] }],
    [{ all: [50, 50] }, { all: [50, 50] }, { all: [50, 50] }],
  ];
  const cityTotal = (y: Stocks[][], j: number) => y.reduce((s, a) => s + stocksTotal(a[j]!), 0);

  it('meets each controlled year and interpolates from the base total between given years', () => {
    const out = applyControl(yearly, {
      baseYear: 2020,
      baseTotal: 300,
      control: [{ date: '2023-12-31', total: 360 }],
    });
    [320, 340, 360].forEach((x, j) => expect(cityTotal(out, j)).toBeCloseTo(x, 9));
    // shares and age structure of the areas stay
    expect(out[0]![2]!.all![1]! / out[0]![2]!.all![0]!).toBeCloseTo(1.2, 12);
    expect(stocksTotal(out[1]![2]!) / 360).toBeCloseTo(100 / 320, 12);
  });

  it('gives low and high as the main total ∓ 0.5 % a year', () => {
    const main = applyControl(yearly, { baseYear: 2020, baseTotal: 300 });
    expect(main).toEqual(yearly);
    const high = applyControl(yearly, { baseYear: 2020, baseTotal: 300, variant: 'high' });
    expect(cityTotal(high, 2)).toBeCloseTo(320 * 1.005 ** 3, 9);
    const low = applyControl(yearly, {
      baseYear: 2020,
      baseTotal: 300,
      variant: 'low',
      control: [
        { date: '2022-12-31', total: 400 },
        { date: '2023-12-31', total: 410 },
      ],
    });
    expect(cityTotal(low, 0)).toBeCloseTo(350 * 0.995, 9);
    expect(cityTotal(low, 2)).toBeCloseTo(410 * 0.995 ** 3, 9);
  });

  it('refuses totals the projection cannot meet', () => {
    const ok = [{ date: '2030-12-31', total: 500_000 }];
    expect(code(() => checkControl(ok, '2024-12-31', '2030-12-31'))).toBeNull();
    expect(code(() => checkControl(ok, '2024-12-31', '2031-12-31'))).toBe('projection.bad_control');
    expect(code(() => checkControl([{ date: '2030-06-30', total: 1 }], '2024-12-31', '2030-12-31'))).toBe(
      'projection.bad_control',
    );
    expect(code(() => checkControl([...ok, ...ok], '2024-12-31', '2030-12-31'))).toBe(
      'projection.bad_control',
    );
    expect(code(() => checkControl([{ date: '2030-12-31', total: 0 }], '2024-12-31', '2030-12-31'))).toBe(
      'projection.bad_control',
    );
    expect(code(() => checkControl([], '2024-12-31', '2030-12-31'))).toBe('projection.bad_control');
  });

  it('reads a date,total table, also with semicolons, German dates and thousands separators', () => {
    expect(
      parseControlCsv('\uFEFFdate,total\r\n2030-12-31,512000\r\n2035-12-31,515300\r\n', 'l.csv'),
    ).toEqual([
      { date: '2030-12-31', total: 512000 },
      { date: '2035-12-31', total: 515300 },
    ]);
    expect(parseControlCsv('Stichtag;Einwohner\n31.12.2030;512.000\n', 'l.csv')).toEqual([
      { date: '2030-12-31', total: 512000 },
    ]);
    expect(() => parseControlCsv('date,total\n2030-13-31,1\n', 'l.csv')).toThrow(
      'l.csv, Zeile 2: „2030-13-31“ ist kein Datum',
    );
    expect(() => parseControlCsv('date,total\n2030-12-31,viele\n', 'l.csv')).toThrow(
      'ist keine Einwohnerzahl',
    );
    expect(() => parseControlCsv('date,total\n2030-12-31\n', 'l.csv')).toThrow('zwei Spalten');
  });
});
