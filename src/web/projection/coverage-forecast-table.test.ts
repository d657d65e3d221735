import { describe, expect, it } from 'vitest';
import type { Norm } from '../coverage/coverage-api.ts';
import {
  ageBasedNorms,
  areaTableRows,
  cellsOf,
  chosenNorm,
  cityTableRows,
  targetOf,
} from './coverage-forecast-table.ts';
import type { CoverageForecast, CoverageForecastRow } from './projection-api.ts';

const norm = (key: string, demand: string[]): Norm => ({
  id: 1,
  key,
  facilityType: 'kita',
  capacityUnit: 'Plätze',
  name: key,
  demand,
  weights: demand.map(() => 1),
  factor: 1,
  supplyProperty: null,
  catchment: { kind: 'area' },
  source: '',
  description: '',
  published: true,
  validFrom: null,
  validTo: null,
});

const row = (
  area: string,
  date: string,
  demand: number,
  supply: number,
  scenario: { demand: number; supply: number } | null = null,
): CoverageForecastRow => {
  const v = (d: number, s: number) => ({
    demand: d,
    supply: s,
    balance: s - d,
    rate: d > 0 ? Math.round((1000 * s) / d) / 10 : null,
  });
  return {
    area,
    name: area === 'stadt' ? 'Stadt' : `Gebiet ${area}`,
    date,
    ...v(demand, supply),
    scenario: scenario && v(scenario.demand, scenario.supply),
  };
};

const forecast = (withScenario: boolean): CoverageForecast => {
  const s = (d: number, sup: number) => (withScenario ? { demand: d, supply: sup } : null);
  return {
    norm: { key: 'kita_u3', name: 'Kita U3', source: 'BMFSFJ', capacityUnit: 'Plätze' },
    level: 'sozialraum',
    base: '2024-12-31',
    to: '2026-12-31',
    scenario: withScenario ? 'Neubau' : null,
    areas: [
      row('101', '2025-12-31', 40, 50, s(40, 50)),
      row('102', '2025-12-31', 0, 0, s(0, 0)),
      row('101', '2026-12-31', 42, 50, s(93, 50)),
      row('102', '2026-12-31', 1250, 1200, s(1250, 1200)),
    ],
    // the server sums the unrounded values: the city may differ from the sum of the rows by one
    city: [
      row('stadt', '2026-12-31', 1292, 1250, s(1343, 1250)),
      row('stadt', '2025-12-31', 40, 50, s(40, 50)),
    ],
  };
};

describe('the norms offered', () => {
  const norms = [
    norm('kita_gesamt', ['ew_u3', 'ew_3_5']),
    norm('beratung', ['sgb2']),
    norm('kita_u3', ['ew_u3']),
    norm('gemischt', ['ew_65plus', 'haushalte']),
    norm('leer', []),
  ];

  it('are those whose demand is a sum of age groups, in their order', () => {
    expect(ageBasedNorms(norms).map((n) => n.key)).toEqual(['kita_gesamt', 'kita_u3']);
  });

  it('start with the one asked for, else Kita U3, else the first', () => {
    const offered = ageBasedNorms(norms);
    expect(chosenNorm(offered, 'kita_gesamt')?.key).toBe('kita_gesamt');
    expect(chosenNorm(offered, null)?.key).toBe('kita_u3');
    expect(chosenNorm(offered, 'beratung')?.key).toBe('kita_u3');
    expect(chosenNorm([norm('spielplatz', ['ew'])], null)?.key).toBe('spielplatz');
    expect(chosenNorm([], 'kita_u3')).toBeUndefined();
  });
});

describe('the printed figures', () => {
  it('are whole units, the balance signed with a true minus, the rate to 0.1 %', () => {
    expect(cellsOf({ demand: 1200, supply: 1150, balance: -50, rate: 95.8 })).toEqual({
      demand: '1.200',
      supply: '1.150',
      balance: '−50',
      rate: '95,8',
      missing: true,
    });
    expect(cellsOf({ demand: 40, supply: 50, balance: 10, rate: 125 })).toMatchObject({
      balance: '+10',
      rate: '125,0',
      missing: false,
    });
    expect(cellsOf({ demand: 0, supply: 0, balance: 0, rate: null })).toMatchObject({
      balance: '0',
      rate: '–',
      missing: false,
    });
  });
});

describe('the table rows', () => {
  it('show every area in the target year, in the server’s order', () => {
    const p = forecast(false);
    expect(targetOf({ ...p, city: [...p.city].reverse() })).toBe('2026-12-31');
    const rows = areaTableRows({ ...p, city: [...p.city].reverse() });
    expect(rows.map((r) => [r.key, r.label])).toEqual([
      ['101', 'Gebiet 101'],
      ['102', 'Gebiet 102'],
    ]);
    expect(rows[1]).toEqual({
      key: '102',
      label: 'Gebiet 102',
      bestand: { demand: '1.250', supply: '1.200', balance: '−50', rate: '96,0', missing: true },
      scenario: null,
    });
  });

  it('show the city once per year, ascending, labelled by the year', () => {
    const rows = cityTableRows(forecast(false));
    expect(rows.map((r) => r.label)).toEqual(['2025', '2026']);
    expect(rows[1]!.bestand).toMatchObject({ demand: '1.292', supply: '1.250', balance: '−42' });
  });

  it('put the scenario’s figures beside the Bestand', () => {
    const p = forecast(true);
    const area = areaTableRows(p)[0]!;
    expect(area.bestand).toMatchObject({ demand: '42', balance: '+8', missing: false });
    expect(area.scenario).toEqual({
      demand: '93',
      supply: '50',
      balance: '−43',
      rate: '53,8',
      missing: true,
    });
    expect(cityTableRows(p).at(-1)!.scenario).toMatchObject({ demand: '1.343', balance: '−93' });
  });

  it('are empty when nothing was projected', () => {
    const p = { ...forecast(false), areas: [], city: [] };
    expect(targetOf(p)).toBeUndefined();
    expect(areaTableRows(p)).toEqual([]);
    expect(cityTableRows(p)).toEqual([]);
  });
});
