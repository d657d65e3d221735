/**
 * The Kita need in the years ahead on the demo city, on every engine: demand from the projected
 * age groups and the norm, supply of the facilities in operation each year, city sums, and the
 * refusal of a norm whose demand is not a sum of age groups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import type { LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { countFacilities } from '../facilities/facility-count.service.ts';
import { projectPopulation } from '../projection/projection.service.ts';
import { engines } from '../test/databases.ts';
import { levelIndex } from '../areas/area.service.ts';
import { listAreas } from '../areas/area.repository.ts';
import { versionsOfType } from '../facilities/facility.repository.ts';
import { createNorm } from './norm.service.ts';
import { createScenario } from './scenario.service.ts';
import { projectedNeed, type ProjectedNeed } from './projected-need.ts';

const PLANNER: User = { id: 0, username: 'plan', displayName: 'Planung', role: 'planner' };

describe.each(engines)('projected need of a norm on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  let u3: ProjectedNeed;
  const q = { level: 'sozialraum', base: '2024-12-31', to: '2035-12-31' };
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 1 });
    u3 = await projectedNeed(db, PLANNER, { ...q, norm: 'kita_u3' });
  }, 600_000);
  afterAll(() => drop());

  it('has every area and year to 2035 with 51 % of the projected children under 3 as demand', async () => {
    const areas = new Set(u3.areas.map((r) => r.area));
    expect(u3.areas).toHaveLength(areas.size * 11);
    expect(u3.city.map((r) => r.date)).toEqual(Array.from({ length: 11 }, (_, i) => `${2025 + i}-12-31`));
    const children = await projectPopulation(db, { ...q, variables: ['ew_u3'] });
    for (const r of u3.areas.filter((x) => x.date === '2035-12-31')) {
      const n = children.find((c) => c.area === r.area && c.date === r.date)!.value;
      expect(Math.abs(r.demand - 0.51 * n)).toBeLessThanOrEqual(0.5);
    }
    expect(u3.norm.source).toContain('51 %');
  });

  it('counts the supply of the facilities in operation in each year, and sums to the city', async () => {
    const all = await projectedNeed(db, PLANNER, { ...q, to: '2027-12-31', norm: 'kita_gesamt' });
    for (const date of ['2025-12-31', '2027-12-31']) {
      const counted = await countFacilities(db, { type: 'kita', level: 'sozialraum', date });
      const city = all.city.find((r) => r.date === date)!;
      expect(city.supply).toBe(counted.total.capacity - counted.outside.capacity);
      const rows = all.areas.filter((r) => r.date === date);
      expect(Math.abs(rows.reduce((s, r) => s + r.demand, 0) - city.demand)).toBeLessThanOrEqual(
        rows.length / 2,
      );
      expect(city.balance).toBe(city.supply - city.demand);
      expect(city.rate).toBeCloseTo((100 * city.supply) / city.demand, 1);
    }
  });

  it('refuses a norm whose demand is not a sum of age groups', async () => {
    await createNorm(
      db,
      {
        key: 'beratung_sgb2',
        facilityType: 'beratungsstelle',
        name: 'Beratung',
        demand: ['sgb2'],
        factor: 0.01,
      },
      null,
    );
    const code = await projectedNeed(db, PLANNER, { ...q, norm: 'beratung_sgb2' }).then(
      () => 'none',
      (e: LagebildError) => e.code,
    );
    expect(code).toBe('coverage.norm_not_age_based');
  });
  it('sets a scenario beside the Bestand: its quarter adds demand, its opening supply, from their dates', async () => {
    const [area] = await listAreas(db, 'sozialraum');
    const [kita] = await versionsOfType(db, 'kita');
    const openedIn = (await levelIndex(db, 'sozialraum')).locate(kita!.lon, kita!.lat)!.key;
    await createScenario(
      db,
      {
        name: 'Ausbau 2028',
        changes: [
          {
            kind: 'quarter',
            level: 'sozialraum',
            area: area!.key,
            population: { ew_u3: 100 },
            validFrom: '2028-01-01',
          },
          {
            kind: 'opening',
            type: 'kita',
            name: 'Kita am Park',
            capacity: 60,
            properties: { plaetze_u3: 40 },
            lon: kita!.lon,
            lat: kita!.lat,
            validFrom: '2026-01-01',
          },
        ],
      },
      null,
    );
    const p = await projectedNeed(db, PLANNER, {
      ...q,
      to: '2029-12-31',
      norm: 'kita_u3',
      scenario: 'Ausbau 2028',
    });
    expect(p.scenario).toBe('Ausbau 2028');
    for (const r of p.areas) {
      const year = Number(r.date.slice(0, 4));
      const extraDemand = r.scenario!.demand - r.demand;
      const extraSupply = r.scenario!.supply - r.supply;
      expect(
        Math.abs(extraDemand - (r.area === area!.key && year >= 2028 ? 51 : 0)),
        `${r.area} ${r.date}`,
      ).toBeLessThanOrEqual(1);
      expect(extraSupply, `${r.area} ${r.date}`).toBe(r.area === openedIn && year >= 2026 ? 40 : 0);
      expect(r.scenario!.balance).toBe(r.scenario!.supply - r.scenario!.demand);
    }
    const city2029 = p.city.at(-1)!;
    expect(city2029.scenario!.supply - city2029.supply).toBe(40);
    const plain = await projectedNeed(db, PLANNER, { ...q, to: '2026-12-31', norm: 'kita_u3' });
    expect(plain.areas.every((r) => r.scenario === null)).toBe(true);
  });
});
