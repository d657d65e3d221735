import { describe, expect, it } from 'vitest';
import type { Coverage, CoverageRow } from './coverage-api.ts';
import { balanceText, rateText, amountText } from './coverage-format.ts';
import { ratePoints, rateValues, sideBySide, sortCoverage } from './coverage-rows.ts';

const row = (
  area: string,
  date: string,
  rate: number | null,
  patch: Partial<CoverageRow> = {},
): CoverageRow => ({
  area,
  name: `Gebiet ${area}`,
  date,
  supply: 100,
  demand: rate === null ? 0 : (100 * 100) / rate,
  rate,
  balance: rate === null ? null : 100 - (100 * 100) / rate,
  status: 'value',
  ...patch,
});

const D1 = '2023-12-31';
const D2 = '2024-12-31';
const coverage = {
  rows: [
    row('101', D1, 80),
    row('101', D2, 90),
    row('102', D2, 120),
    row('103', D2, null, { status: 'secret', demand: null }),
  ],
  parents: [row('1', D2, 100)],
  city: [row('0', D1, 95), row('0', D2, 101)],
  notes: [],
  scenarios: [
    {
      name: 'Ausbau',
      rows: [row('101', D2, 110), row('102', D2, 125)],
      parents: [row('1', D2, 115)],
      city: [row('0', D2, 108)],
      notes: [],
    },
  ],
} as unknown as Coverage;

describe('sideBySide', () => {
  it('puts the scenario’s figures beside the Bestand of the same area and date', () => {
    const rows = sideBySide(coverage, 'rows', D2, 'Ausbau');
    expect(rows.map((r) => [r.area, r.rate, r.scenario?.rate ?? null])).toEqual([
      ['101', 90, 110],
      ['102', 120, 125],
      ['103', null, null],
    ]);
    expect(sideBySide(coverage, 'city', D2, null)).toMatchObject([{ area: '0', rate: 101, scenario: null }]);
  });
});

describe('sortCoverage', () => {
  const rows = sideBySide(coverage, 'rows', D2, 'Ausbau');
  it('sorts by rate with secret and missing values last in both directions', () => {
    expect(sortCoverage(rows, { column: 'rate', descending: false }).map((r) => r.area)).toEqual([
      '101',
      '102',
      '103',
    ]);
    expect(sortCoverage(rows, { column: 'rate', descending: true }).map((r) => r.area)).toEqual([
      '102',
      '101',
      '103',
    ]);
    expect(sortCoverage(rows, { column: 'scenarioRate', descending: true }).map((r) => r.area)).toEqual([
      '102',
      '101',
      '103',
    ]);
    expect(sortCoverage(rows, { column: 'name', descending: true }).map((r) => r.area)).toEqual([
      '103',
      '102',
      '101',
    ]);
  });
});

describe('map values and series', () => {
  it('gives the map the rate of the side shown', () => {
    const rows = sideBySide(coverage, 'rows', D2, 'Ausbau');
    expect(rateValues(rows, 'bestand').map((v) => [v.id, v.value, v.status])).toEqual([
      ['101', 90, 'value'],
      ['102', 120, 'value'],
      ['103', null, 'secret'],
    ]);
    expect(rateValues(rows, 'scenario').map((v) => [v.id, v.value, v.status])).toEqual([
      ['101', 110, 'value'],
      ['102', 125, 'value'],
      ['103', null, 'missing'],
    ]);
  });

  it('draws an area’s rate over the Stichtage against the city', () => {
    expect(ratePoints(coverage, '101')).toEqual([
      { date: D1, value: 80, status: 'value', cityValue: 95, cityStatus: 'value' },
      { date: D2, value: 90, status: 'value', cityValue: 101, cityStatus: 'value' },
    ]);
    expect(ratePoints(coverage, '1')).toHaveLength(1);
  });
});

describe('coverage figures as printed', () => {
  it('prints German numbers, signs and the symbols of secret and missing values', () => {
    expect(rateText({ rate: 467.23, status: 'value' })).toBe('467,2');
    expect(rateText({ rate: null, status: 'secret' })).toBe('·');
    expect(balanceText({ balance: 518.7, status: 'value' })).toBe('+518,7');
    expect(balanceText({ balance: -22.34, status: 'value' })).toBe('−22,3');
    expect(balanceText({ balance: 0, status: 'value' })).toBe('0,0');
    expect(balanceText({ balance: null, status: 'missing' })).toBe('–');
    expect(amountText(1234, 'secret', 0, true)).toBe('1.234');
    expect(amountText(null, 'secret', 0, true)).toBe('·');
    expect(amountText(141.3, 'value', 1)).toBe('141,3');
  });
});
