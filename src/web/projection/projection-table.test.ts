import { describe, expect, it } from 'vitest';
import type { CarePlan, CarePlanRow, ProjectionRow } from './projection-api.ts';
import {
  ageGroupsIn,
  careRowsLastYear,
  cityTotals,
  columnYears,
  horizonsAfter,
  roundProjected,
  tableRows,
  targetDate,
} from './projection-table.ts';

const row = (area: string, date: string, variable: string, value: number): ProjectionRow => ({
  area,
  date,
  variable,
  value,
});

const rows: ProjectionRow[] = [
  row('a', '2025-12-31', 'ew', 100),
  row('a', '2025-12-31', 'ew_u6', 7),
  row('a', '2030-12-31', 'ew', 110),
  row('b', '2025-12-31', 'ew', 200),
  row('b', '2030-12-31', 'ew', 190),
  row('b', '2030-12-31', 'ew_18_64', 120),
];

describe('horizons and columns', () => {
  it('offers the horizons after the base year', () => {
    expect(horizonsAfter('2024-12-31')).toEqual([2030, 2035, 2040]);
    expect(horizonsAfter('2030-12-31')).toEqual([2035, 2040]);
    expect(horizonsAfter('2041-12-31')).toEqual([]);
  });

  it('keeps the base day, and 29 February only in leap years', () => {
    expect(targetDate('2024-12-31', 2040)).toBe('2040-12-31');
    expect(targetDate('2024-02-29', 2030)).toBe('2030-02-28');
    expect(targetDate('2024-02-29', 2040)).toBe('2040-02-29');
  });

  it('shows the first year, every fifth year and the target', () => {
    expect(columnYears(2024, 2040)).toEqual([2025, 2030, 2035, 2040]);
    expect(columnYears(2024, 2030)).toEqual([2025, 2030]);
    // the year after the base is no second column of its own
    expect(columnYears(2029, 2035)).toEqual([2030, 2035]);
    expect(columnYears(2027, 2040)).toEqual([2028, 2030, 2035, 2040]);
  });

  it('rounds to tens', () => {
    expect(roundProjected(1234)).toBe(1230);
    expect(roundProjected(1235)).toBe(1240);
    expect(roundProjected(4)).toBe(0);
  });
});

describe('tables from rows', () => {
  it('lists the offered age groups the rows have, in the offered order', () => {
    expect(ageGroupsIn(rows)).toEqual(['ew', 'ew_u6']);
  });

  it('makes one row per area with the values of the column years', () => {
    const table = tableRows(rows, 'ew', [2025, 2030], new Map([['a', 'Altstadt']]));
    expect(table.map((r) => [r.area, r.name, [...r.values]])).toEqual([
      [
        'a',
        'Altstadt',
        [
          [2025, 100],
          [2030, 110],
        ],
      ],
      [
        'b',
        'b',
        [
          [2025, 200],
          [2030, 190],
        ],
      ],
    ]);
    expect([...(tableRows(rows, 'ew', [2030])[0]?.values ?? [])]).toEqual([[2030, 110]]);
  });

  it('sums the areas per year for the city', () => {
    expect(cityTotals(rows, 'ew')).toEqual([
      { year: 2025, value: 300 },
      { year: 2030, value: 300 },
    ]);
    expect(cityTotals(rows, 'ew_80plus')).toEqual([]);
  });
});

describe('care plan', () => {
  const care = (area: string, date: string, need: number): CarePlanRow => {
    const places = { required: 1, capacity: 1, balance: 0 };
    return {
      area,
      name: area,
      date,
      ew65plus: 10 * need,
      need,
      persons: { angehoerige: need, ambulant: 0, tagespflege: 0, stationaer: 0 },
      places: { stationaer: places, tagespflege: places },
    };
  };
  it('takes the city first, then the districts, of the last year', () => {
    const plan: CarePlan = {
      level: 'sozialraum',
      base: '2024-12-31',
      to: '2026-12-31',
      assumptions: {
        key: 'k',
        name: 'n',
        source: 's',
        rateYear: 2019,
        bands: [{ from: 0, to: null, rate: 0.05 }],
        shares: { angehoerige: 0.5, ambulant: 0.3, tagespflege: 0, stationaer: 0.2 },
        occupancy: { stationaer: 1, tagespflege: 1 },
        trend: 1,
      },
      areas: [],
      parents: [care('nord', '2025-12-31', 1), care('nord', '2026-12-31', 2), care('sued', '2026-12-31', 3)],
      city: [care('stadt', '2026-12-31', 5), care('stadt', '2025-12-31', 4)],
    };
    expect(careRowsLastYear(plan).map((r) => [r.area, r.need])).toEqual([
      ['stadt', 5],
      ['nord', 2],
      ['sued', 3],
    ]);
    expect(careRowsLastYear({ ...plan, city: [] })).toEqual([]);
  });
});
