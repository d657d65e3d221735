/**
 * A scenario's new quarter in the projection on the demo city: its residents appear in the
 * district holding it from its first Stichtag on, split by age where asked for groups it does not
 * name, and an area that does not exist is named in German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAreas } from '../areas/area.repository.ts';
import type { LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { engines } from '../test/databases.ts';
import { projectPopulation } from './projection.service.ts';

describe.each(engines)('projection with new quarters on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 1 });
  }, 300_000);
  afterAll(() => drop());

  it('adds the residents to the district holding the quarter from its first Stichtag', async () => {
    const [sozialraum] = await listAreas(db, 'sozialraum');
    const q = {
      level: 'stadtbezirk',
      base: '2022-12-31',
      to: '2025-12-31',
      variables: ['ew', 'ew_u6', 'ew_u3'],
    };
    const quarter = {
      name: 'Neues Quartier',
      level: 'sozialraum',
      area: sozialraum!.key,
      validFrom: '2024-06-30',
      population: { ew: 1200, ew_u6: 90, ew_65plus: 60 },
    };
    const without = await projectPopulation(db, q);
    const withQuarter = await projectPopulation(db, { ...q, quarters: [quarter] });
    const value = (rows: typeof without, date: string, variable: string) =>
      rows.find((r) => r.area === sozialraum!.parent && r.date === date && r.variable === variable)!.value;
    expect(value(withQuarter, '2023-12-31', 'ew')).toBe(value(without, '2023-12-31', 'ew'));
    for (const date of ['2024-12-31', '2025-12-31']) {
      expect(value(withQuarter, date, 'ew') - value(without, date, 'ew')).toBe(1200);
      expect(value(withQuarter, date, 'ew_u6') - value(without, date, 'ew_u6')).toBe(90);
      const u3 = value(withQuarter, date, 'ew_u3') - value(without, date, 'ew_u3');
      expect(u3).toBeGreaterThan(30);
      expect(u3).toBeLessThan(60);
    }
    const others = (rows: typeof without) => rows.filter((r) => r.area !== sozialraum!.parent);
    expect(others(withQuarter)).toEqual(others(without));
  });

  it('names a quarter in an area that does not exist', async () => {
    const code = await projectPopulation(db, {
      level: 'sozialraum',
      base: '2022-12-31',
      to: '2023-12-31',
      quarters: [{ level: 'sozialraum', area: 'gibtsnicht', validFrom: null, population: { ew: 10 } }],
    }).then(
      () => 'none',
      (e: LagebildError) => e.code,
    );
    expect(code).toBe('projection.quarter_area');
  });
});
