/**
 * The care plan on the demo city, on every engine: every area and year to 2040, need from the
 * projected age groups and the rates, places beside the facilities in operation, sums that add up.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { countFacilities } from '../facilities/facility-count.service.ts';
import { projectPopulation } from '../projection/projection.service.ts';
import { engines } from '../test/databases.ts';
import { bandVariable, carePlan, type CarePlan } from './care-plan.service.ts';
import { PFLEGESTATISTIK_2019 } from './care.defaults.ts';

describe.each(engines)('care plan on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  let plan: CarePlan;
  const q = { level: 'sozialraum', base: '2024-12-31', to: '2040-12-31' };
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 1 });
    plan = await carePlan(db, q);
  }, 600_000);
  afterAll(() => drop());

  it('has every area and every year up to 2040', () => {
    const areas = new Set(plan.areas.map((r) => r.area));
    expect(areas.size).toBeGreaterThan(40);
    expect(plan.areas).toHaveLength(areas.size * 16);
    expect(plan.city.map((r) => r.date)).toEqual(Array.from({ length: 16 }, (_, i) => `${2025 + i}-12-31`));
    expect(plan.assumptions.source).toContain('Pflegestatistik 2019');
  });

  it('derives the need from the projected age groups and the rates', async () => {
    const bands = PFLEGESTATISTIK_2019.bands;
    const rows = await projectPopulation(db, { ...q, variables: bands.map(bandVariable) });
    const first = plan.areas[0]!;
    const expected = bands.reduce(
      (s, b) =>
        s +
        b.rate *
          rows.find((r) => r.area === first.area && r.date === first.date && r.variable === bandVariable(b))!
            .value,
      0,
    );
    expect(Math.abs(first.need - expected)).toBeLessThanOrEqual(0.5);
    // a German city: roughly 4–7 % of its residents need care
    const city = plan.city[0]!;
    const ew = rows.filter((r) => r.date === city.date).reduce((s, r) => s + r.value, 0);
    expect(city.need / ew).toBeGreaterThan(0.03);
    expect(city.need / ew).toBeLessThan(0.08);
  });

  it('compares the places needed with the places in operation that year', async () => {
    const city = plan.city.find((r) => r.date === '2030-12-31')!;
    const homes = await countFacilities(db, { type: 'pflegeheim', level: 'sozialraum', date: '2030-12-31' });
    const inside = homes.total.capacity - homes.outside.capacity;
    expect(city.places.stationaer.capacity).toBe(inside);
    expect(city.places.stationaer.balance).toBe(
      city.places.stationaer.capacity - city.places.stationaer.required,
    );
    expect(city.places.stationaer.required).toBeCloseTo((city.need * 0.199) / 0.95, -1);
  });

  it('sums the areas to their districts and to the city', () => {
    for (const date of ['2025-12-31', '2040-12-31']) {
      const areas = plan.areas.filter((r) => r.date === date);
      const districts = plan.parents.filter((r) => r.date === date);
      const city = plan.city.find((r) => r.date === date)!;
      expect(districts.length).toBeGreaterThan(1);
      const sum = (rs: typeof areas) => rs.reduce((s, r) => s + r.need, 0);
      // each row is rounded from exact sums: at most half a person per row apart
      expect(Math.abs(sum(areas) - city.need)).toBeLessThanOrEqual(areas.length / 2);
      expect(Math.abs(sum(districts) - city.need)).toBeLessThanOrEqual(districts.length / 2);
      expect(city.places.tagespflege.capacity).toBe(
        areas.reduce((s, r) => s + r.places.tagespflege.capacity, 0),
      );
    }
  });

  it('scales the need by a yearly trend of the rates (a scenario)', async () => {
    const rising = await carePlan(db, {
      ...q,
      to: '2030-12-31',
      assumptions: { ...PFLEGESTATISTIK_2019, trend: 1.02 },
    });
    for (const r of rising.city) {
      const constant = plan.city.find((c) => c.date === r.date)!;
      const years = Number(r.date.slice(0, 4)) - 2024;
      expect(r.need / constant.need).toBeCloseTo(1.02 ** years, 2);
    }
  });
});
