import { describe, expect, it } from 'vitest';
import type { Cell } from '../core/value-status.ts';
import { DEFAULT_CATALOGUE } from '../indicators/catalogue.ts';
import type { IndicatorGrid, LevelArea } from '../indicators/level-table.ts';
import { compareIndicator, direction, meanSd, rankOf } from './compare.ts';

const v = (value: number): Cell => ({ value, status: 'value' });
const secret: Cell = { value: null, status: 'secret' };
const sgb2 = DEFAULT_CATALOGUE.find((i) => i.key === 'sgb2_quote')!;
const count = DEFAULT_CATALOGUE.find((i) => i.key === 'einwohner')!;

const dates = ['2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31'];
const areas: LevelArea[] = [
  { id: 1, key: 'a', name: 'A', parentKey: 'n', parentName: 'Nord' },
  { id: 2, key: 'b', name: 'B', parentKey: 'n', parentName: 'Nord' },
  { id: 3, key: 'c', name: 'C', parentKey: 's', parentName: 'Süd' },
  { id: 4, key: 'd', name: 'D', parentKey: 's', parentName: 'Süd' },
];

/** cells[date][area]: area A rises by 2 per year, the others stay; D is secret at the last date. */
const grid = (indicator = sgb2): IndicatorGrid => ({
  indicator,
  cells: [
    [v(10), v(8), v(12), v(6)],
    [v(12), v(8), v(12), v(6)],
    [v(14), v(8), v(12), v(6)],
    [v(16), v(8), v(12), secret],
  ],
  city: [v(9), v(9.5), v(10), v(10.5)],
  parents: new Map([
    ['n', [v(9), v(10), v(11), v(12)]],
    ['s', [v(9), v(9), v(9), secret]],
  ]),
});

describe('compareIndicator', () => {
  it('compares the area with district and city, ranks it and measures change and trend', () => {
    const r = compareIndicator({ grid: grid(), dates, areas, areaIndex: 0, dateIndex: 3, years: 2 });
    expect(r.value).toEqual({ value: 16, status: 'value' });
    expect(r.district).toEqual({ value: 12, status: 'value' });
    expect(r.city).toEqual({ value: 10.5, status: 'value' });
    expect(r.difference).toBe(5.5);
    // visible values 16, 8, 12: population SD = sqrt(32/3)
    expect(r.deviation).toBeCloseTo(5.5 / Math.sqrt(32 / 3), 12);
    expect(r.rank).toBe(1);
    expect(r.rankOf).toBe(3);
    expect(r.change).toEqual({ since: '2022-12-31', value: 2, city: 0.5 });
    expect(r.trend.since).toBe('2021-12-31');
    expect(r.trend.change).toBe(4);
    expect(r.trend.cityChange).toBe(1);
    expect(r.trend.slope).toBeCloseTo(2, 6);
    expect(r.trend.direction).toBe('up');
    // changes over the window of A, B, C (D is secret): 4, 0, 0 → SD = sqrt(32/9)
    expect(r.trend.deviation).toBeCloseTo(3 / Math.sqrt(32 / 9), 12);
    expect(r.changeUnit).toBe('Pp.');
    expect(r.series).toHaveLength(4);
    expect(r.series[3]).toEqual({
      date: '2023-12-31',
      value: 16,
      status: 'value',
      districtValue: 12,
      districtStatus: 'value',
      cityValue: 10.5,
      cityStatus: 'value',
    });
  });

  it('keeps a secret value secret: no number, no rank, no difference, no change', () => {
    const r = compareIndicator({ grid: grid(), dates, areas, areaIndex: 3, dateIndex: 3, years: 2 });
    expect(r.value).toEqual({ value: null, status: 'secret' });
    expect(r.district).toEqual({ value: null, status: 'secret' });
    expect(r.difference).toBeNull();
    expect(r.deviation).toBeNull();
    expect(r.rank).toBeNull();
    expect(r.change.value).toBeNull();
    expect(r.trend.change).toBeNull();
    expect(r.trend.slope).toBeNull();
    expect(r.trend.direction).toBeNull();
  });

  it('has no previous period at the first Stichtag and no trend before the window is full', () => {
    const r = compareIndicator({ grid: grid(), dates, areas, areaIndex: 1, dateIndex: 0, years: 2 });
    expect(r.change).toEqual({ since: null, value: null, city: null });
    expect(r.trend.since).toBeNull();
    expect(r.trend.change).toBeNull();
  });

  it('gives counts no difference or deviation from the city total', () => {
    const r = compareIndicator({ grid: grid(count), dates, areas, areaIndex: 0, dateIndex: 3, years: 2 });
    expect(r.difference).toBeNull();
    expect(r.deviation).toBeNull();
    expect(r.trend.deviation).toBeNull();
    expect(r.rank).toBe(1);
    expect(r.changeUnit).toBe('Personen');
  });
});

describe('helpers', () => {
  it('ranks with ties sharing the better rank', () => {
    expect(rankOf(5, [3, 5, 9, 5])).toBe(2);
    expect(rankOf(9, [3, 5, 9, 5])).toBe(1);
    expect(rankOf(3, [3, 5, 9, 5])).toBe(4);
  });
  it('uses the population SD', () => {
    expect(meanSd([1, 2, 3])!.sd).toBeCloseTo(Math.sqrt(2 / 3), 12);
    expect(meanSd([])).toBeNull();
  });
  it('calls a change flat when it rounds to zero', () => {
    expect(direction(0.04, 1)).toBe('flat');
    expect(direction(0.05, 1)).toBe('up');
    expect(direction(-0.2, 0)).toBe('flat');
    expect(direction(-2, 0)).toBe('down');
    expect(direction(null, 1)).toBeNull();
  });
});
