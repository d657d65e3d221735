/**
 * The projection on the demo city's database, on every engine: every area and year up to the
 * target with a plausible error against the demo's own later counts, only data up to the base,
 * coarser levels from their finer areas, and the named errors.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { recordSource } from '../db/provenance.ts';
import { loadDemo } from '../demo/load-demo.ts';
import {
  insertMissingVariables,
  insertObservations,
  loadTotals,
} from '../observations/observation.repository.ts';
import { engines } from '../test/databases.ts';
import { mape } from './error.ts';
import { projectPopulation } from './projection.service.ts';

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'none';
  } catch (e) {
    return (e as LagebildError).code;
  }
}

describe.each(engines)('population projection on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 1 });
  }, 300_000);
  afterAll(() => drop());

  const q = {
    level: 'sozialraum',
    base: '2022-12-31',
    to: '2024-12-31',
    variables: ['ew', 'ew_u6', 'ew_65plus'],
  };

  it('projects every area and year up to the target, sorted, close to what the demo observed', async () => {
    const rows = await projectPopulation(db, q);
    const areas = new Set(rows.map((r) => r.area));
    expect(areas.size).toBeGreaterThan(40);
    expect(rows).toHaveLength(areas.size * 2 * 3);
    expect(rows.slice(0, 6).map((r) => [r.date, r.variable])).toEqual([
      ['2023-12-31', 'ew'],
      ['2023-12-31', 'ew_65plus'],
      ['2023-12-31', 'ew_u6'],
      ['2024-12-31', 'ew'],
      ['2024-12-31', 'ew_65plus'],
      ['2024-12-31', 'ew_u6'],
    ]);
    const sorted = [...rows].sort((a, b) =>
      a.area + a.date + a.variable < b.area + b.date + b.variable ? -1 : 1,
    );
    expect(rows).toEqual(sorted);
    expect(rows.every((r) => Number.isInteger(r.value) && r.value >= 0)).toBe(true);

    // Against the demo's own 2024 counts (by area key): a plausible error for two years ahead.
    const totals = await loadTotals(db, ['ew']);
    const ids = await db.query<{ id: number; key: string }>(
      `SELECT a.id, a.key FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'sozialraum' AND a.valid_to IS NULL`,
    );
    const observed = new Map(ids.map((a) => [a.key, totals.get('ew')!.get('2024-12-31')!.get(a.id)!.value!]));
    const cases = rows
      .filter((r) => r.variable === 'ew' && r.date === '2024-12-31')
      .map((r) => ({
        projected: r.value,
        observed: observed.get(r.area)!,
        population: observed.get(r.area)!,
      }));
    expect(mape(cases)).toBeLessThan(5);
  }, 120_000);

  it('reads nothing after the base: tripling later years changes nothing', async () => {
    const before = await projectPopulation(db, q);
    await db
      .transaction(async (tx) => {
        await tx.query(`UPDATE observation SET value = value * 3 WHERE ref_date > '2022-12-31'`);
        expect(await projectPopulation(tx, q)).toEqual(before);
        throw new Error('rollback');
      })
      .catch((e: Error) => expect(e.message).toBe('rollback'));
  }, 120_000);

  it('projects a coarser level from its finer areas, every age variable by default', async () => {
    const rows = await projectPopulation(db, { level: 'stadtbezirk', base: '2023-12-31', to: '2026-12-31' });
    expect(new Set(rows.map((r) => r.date))).toEqual(new Set(['2024-12-31', '2025-12-31', '2026-12-31']));
    const vars = new Set(rows.map((r) => r.variable));
    for (const v of ['ew', 'ew_u3', 'ew_u6', 'ew_65plus', 'ew_80plus']) expect(vars.has(v)).toBe(true);
    expect(vars.has('hh')).toBe(false);
    const fine = await projectPopulation(db, {
      ...q,
      base: '2023-12-31',
      to: '2026-12-31',
      variables: ['ew'],
    });
    const sum = (rs: typeof rows) =>
      rs.filter((r) => r.variable === 'ew' && r.date === '2026-12-31').reduce((s, r) => s + r.value, 0);
    // The same city, projected at two levels: within 2 % of each other.
    expect(Math.abs(sum(rows) / sum(fine) - 1)).toBeLessThan(0.02);
  }, 120_000);

  it('uses the components where births, deaths and moves are counted', async () => {
    await db
      .transaction(async (tx) => {
        const ids = await insertMissingVariables(
          tx,
          ['geburten', 'sterbefaelle', 'zuzuege', 'fortzuege'].map((key) => ({
            key,
            name: key,
            unit: 'Personen',
            description: '',
          })),
        );
        const sourceId = await recordSource(tx, { kind: 'table', name: 'Bewegungen 2022 (Test)' });
        const ew = (await loadTotals(tx, ['ew'])).get('ew')!.get('2022-12-31')!;
        // Per area a year: births 1 %, deaths 1.2 %, 8 % moving in and 6 % out of the population.
        const rates: [string, number][] = [
          ['geburten', 0.01],
          ['sterbefaelle', 0.012],
          ['zuzuege', 0.08],
          ['fortzuege', 0.06],
        ];
        await insertObservations(
          tx,
          [...ew].flatMap(([areaId, cell]) =>
            rates.map(([key, r]) => ({
              variableId: ids.get(key)!,
              areaId,
              date: '2022-12-31',
              breakdown: '',
              value: Math.round(cell.value! * r),
              status: 'value' as const,
              sourceId,
            })),
          ),
        );
        const rows = await projectPopulation(tx, { ...q, to: '2023-12-31', variables: ['ew', 'ew_u3'] });
        const cc = await projectPopulation(tx, {
          ...q,
          to: '2023-12-31',
          variables: ['ew'],
          method: 'cohort-component',
        });
        expect(cc).toEqual(rows.filter((r) => r.variable === 'ew'));
        const before = [...ew.values()].reduce((s, c) => s + c.value!, 0);
        const after = rows.filter((r) => r.variable === 'ew').reduce((s, r) => s + r.value, 0);
        // One year: +1 % births − 1.2 % deaths + 2 % net migration.
        expect(after / before).toBeCloseTo(1.018, 2);
        throw new Error('rollback');
      })
      .catch((e: Error) => expect(e.message).toBe('rollback'));
  }, 120_000);

  it('controls every year to the city totals given, interpolated between them', async () => {
    const rows = await projectPopulation(db, { ...q, to: '2026-12-31', variables: ['ew', 'ew_u6'] });
    const areas = new Set(rows.map((r) => r.area)).size;
    const city = (rs: typeof rows, date: string, v = 'ew') =>
      rs.filter((r) => r.date === date && r.variable === v).reduce((s, r) => s + r.value, 0);
    const own = city(rows, '2026-12-31');
    const control = [
      { date: '2024-12-31', total: Math.round(own * 1.03) },
      { date: '2026-12-31', total: Math.round(own * 1.05) },
    ];
    const controlled = await projectPopulation(db, {
      ...q,
      to: '2026-12-31',
      variables: ['ew', 'ew_u6'],
      control,
    });
    // each area is rounded on its own: the sum is off by at most half a person per area
    for (const c of control)
      expect(Math.abs(city(controlled, c.date) - c.total), c.date).toBeLessThanOrEqual(areas / 2);
    const between = (control[0]!.total + control[1]!.total) / 2;
    expect(Math.abs(city(controlled, '2025-12-31') - between)).toBeLessThanOrEqual(areas / 2 + 0.5);
    // the age structure is kept: under-6s scale with the total
    const ratio = city(controlled, '2026-12-31', 'ew_u6') / city(rows, '2026-12-31', 'ew_u6');
    expect(ratio).toBeCloseTo(control[1]!.total / own, 2);

    const high = await projectPopulation(db, {
      ...q,
      to: '2026-12-31',
      variables: ['ew'],
      control,
      variant: 'high',
    });
    expect(Math.abs(city(high, '2026-12-31') - control[1]!.total * 1.005 ** 4)).toBeLessThanOrEqual(
      areas / 2,
    );
    const low = await projectPopulation(db, { ...q, to: '2026-12-31', variables: ['ew'], variant: 'low' });
    expect(Math.abs(city(low, '2026-12-31') - own * 0.995 ** 4)).toBeLessThanOrEqual(areas / 2 + 1);
    expect(
      await codeOf(projectPopulation(db, { ...q, control: [{ date: '2023-12-31', total: 1000 }] })),
    ).toBe('projection.bad_control');
  }, 120_000);

  it('names what is wrong', async () => {
    expect(await codeOf(projectPopulation(db, { ...q, level: 'nope' }))).toBe('areas.unknown_level');
    expect(await codeOf(projectPopulation(db, { ...q, to: '2022-12-31' }))).toBe('projection.bad_horizon');
    expect(await codeOf(projectPopulation(db, { ...q, to: '2024-06-30' }))).toBe('projection.bad_horizon');
    expect(await codeOf(projectPopulation(db, { ...q, base: '2010-12-31' }))).toBe('data.unknown_date');
    expect(await codeOf(projectPopulation(db, { ...q, base: '2015-12-31' }))).toBe(
      'projection.no_earlier_stock',
    );
    expect(await codeOf(projectPopulation(db, { ...q, method: 'cohort-component' }))).toBe(
      'projection.no_components',
    );
    expect(await codeOf(projectPopulation(db, { ...q, variables: ['hh'] }))).toBe(
      'projection.unknown_variable',
    );
    await db
      .transaction(async (tx) => {
        await tx.query(
          `DELETE FROM observation o USING variable v
          WHERE v.id = o.variable_id AND o.ref_date = '2016-12-31' AND v.key IN ('bev', 'ew')
            AND o.area_id = (SELECT min(area_id) FROM observation WHERE ref_date = '2016-12-31')`,
        );
        expect(await codeOf(projectPopulation(tx, { ...q, base: '2016-12-31', to: '2017-12-31' }))).toBe(
          'projection.no_age_structure',
        );
        throw new Error('rollback');
      })
      .catch((e: Error) => expect(e.message).toBe('rollback'));
  }, 120_000);
});
