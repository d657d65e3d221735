/**
 * The „umgerechnet“ mark of city and parent values: the rule on small trees, and the level table
 * of the converted city on every engine — a district whose total the conversion kept exactly is
 * not marked, one that sums a counted value with converted ones is.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import type { Db } from '../db/db.ts';
import { engines } from '../test/databases.ts';
import { CONVERTED_FROM, convertedCity } from '../test/converted-city.ts';
import { cityConvertedAt, parentConvertedAt, summedMark } from './converted-aggregates.ts';
import { loadLevelTable } from './level-table.ts';

const FROM = { method: 'area', from: '2000-01-01' } as const;
// 1 (city) → 2 (district) → 3, 4 (areas)
const children = new Map([
  [1, [2]],
  [2, [3, 4]],
]);
const since = (district: string) =>
  new Map([
    [1, '1900-01-01'],
    [2, district],
    [3, '2021-01-01'],
    [4, '2021-01-01'],
  ]);

describe('summedMark', () => {
  it('leaves a sum of converted counts unmarked where the district stayed as it was', () => {
    const own = new Map([
      [3, FROM],
      [4, FROM],
    ]);
    expect(summedMark(2, own, children, since('2000-01-01'))).toBeUndefined();
    expect(summedMark(1, own, children, since('2000-01-01'))).toBeUndefined();
    expect(summedMark([3, 4], own, children, since('2000-01-01'))).toBeUndefined();
  });

  it('marks a sum of converted counts where the district began after the source Gebietsstand', () => {
    const own = new Map([
      [3, FROM],
      [4, FROM],
    ]);
    expect(summedMark(2, own, children, since('2021-01-01'))).toEqual(FROM);
    // the city above it sums through the changed district
    expect(summedMark(1, own, children, since('2021-01-01'))).toEqual(FROM);
  });

  it('marks a sum that mixes a counted value with converted ones', () => {
    const own = new Map([
      [3, null],
      [4, FROM],
    ]);
    expect(summedMark(2, own, children, since('2000-01-01'))).toEqual(FROM);
    expect(summedMark([3, 4], own, children, since('2000-01-01'))).toEqual(FROM);
  });

  it('takes an own count as it is: counted unmarked, converted marked', () => {
    const converted = new Map([
      [3, FROM],
      [4, FROM],
    ]);
    expect(summedMark(2, new Map([...converted, [2, null]]), children, since('2021-01-01'))).toBeUndefined();
    expect(summedMark(2, new Map([[2, FROM]]), children, since('2000-01-01'))).toEqual(FROM);
    expect(summedMark(2, new Map([[3, null]]), children, since('2000-01-01'))).toBeUndefined();
  });
});

const PLANNER: User = { id: 0, username: 'p', displayName: 'P', role: 'planner' };

describe.each(engines)('umgerechnet on city and district values on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await convertedCity(db);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  it('marks the district and city sums that are not the old totals, and no other', async () => {
    for (const user of [PLANNER, null]) {
      const table = await loadLevelTable(db, user, 'planungsraum', ['einwohner']);
      expect(table.dates).toEqual(['2019-12-31', '2020-12-31', '2021-06-30']);
      const grid = table.grids.get('einwohner')!;
      const marks = (d: number) => ({
        city: cityConvertedAt(grid, d) ?? null,
        P1: parentConvertedAt(grid, 'P1', d) ?? null,
        P2: parentConvertedAt(grid, 'P2', d) ?? null,
      });
      // 31.12.2019: every area converted, both districts unchanged — their totals are the counted ones
      expect(marks(0)).toEqual({ city: null, P1: null, P2: null });
      if (user) expect(grid.parents.get('P1')![0]!.value).toBe(150);
      // 31.12.2020: L's own count is summed with the converted M and R in P1 (and in the city)
      expect(marks(1)).toEqual({ city: CONVERTED_FROM, P1: CONVERTED_FROM, P2: null });
      expect(marks(2)).toEqual({ city: null, P1: null, P2: null });
    }
    // on the district level, the city sums the districts, which sum the converted areas
    const districts = (await loadLevelTable(db, PLANNER, 'bezirk', ['einwohner'])).grids.get('einwohner')!;
    expect([0, 1, 2].map((d) => cityConvertedAt(districts, d) ?? null)).toEqual([null, CONVERTED_FROM, null]);
  });
});
