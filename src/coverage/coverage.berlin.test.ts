/**
 * Coverage on real data, on every engine: Berlin's 2,880 Kitas (194,979 licensed places, December
 * 2022) on the 542 Planungsräume with the children under 6 of the register at 31 December 2022
 * (Amt für Statistik Berlin-Brandenburg, LOR 2021). Supply per Planungsraum is the facilities
 * count's capacity, the city's rate is 194,979 over all children, and a 2SFCA norm keeps the
 * places children reach.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFile } from '../areas/readers/index.ts';
import { LOCAL_CLI_USER } from '../auth/local-cli-user.ts';
import type { Db } from '../db/db.ts';
import { recordSource } from '../db/provenance.ts';
import { countFacilities } from '../facilities/facility-count.service.ts';
import { importFacilities } from '../facilities/facility-import.service.ts';
import { storeCounts, type CountRecord } from '../observations/store-counts.ts';
import { engines } from '../test/databases.ts';
import { computeCoverage } from './coverage.service.ts';
import { createNorm } from './norm.service.ts';

const DATA = '../shared/data';
const PLR = `${DATA}/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp`;
const KITAS = `${DATA}/berlin-kitas-2022/kindertagesstaetten_2022-12_epsg25833.geojson`;
const POPULATION = `${DATA}/berlin-lor-population-agegroups/berlin-lor-population-2022-02-t2.csv`;
const DATE = '2022-12-31';

/** Children under 6 and inhabitants per PLR (id = district + forecast area + region + planning area). */
function population(): CountRecord[] {
  const lines = readFileSync(POPULATION, 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const col = (name: string) => head.indexOf(name);
  const records: CountRecord[] = [];
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    const areaKey = `${c[0]}${c[1]}${c[2]}${c[3]}`;
    const cell = (variable: string, column: string) => ({
      areaKey,
      date: DATE,
      variable,
      breakdown: '',
      value: Number(c[col(column)]),
      status: 'value' as const,
    });
    records.push(cell('ew', 'inhabitants'), cell('ew_u6', 'inhabitants_age_below_6'));
  }
  return records;
}

describe.each(engines)('coverage of Berlin’s Kitas on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  let children = 0;

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await importAreas(db, await readAreaFile(PLR, { idField: 'PLR_ID', nameField: 'PLR_NAME' }), {
      level: 'planungsraum',
      validFrom: '2021-01-01',
    });
    await importFacilities(db, { type: 'kita', paths: [KITAS], validFrom: DATE });
    const records = population();
    children = records.filter((r) => r.variable === 'ew_u6').reduce((s, r) => s + r.value!, 0);
    await db.transaction(async (tx) => {
      const sourceId = await recordSource(tx, { kind: 'table', name: 'Einwohner LOR 2022', stichtag: DATE });
      await storeCounts(tx, { levelKey: 'planungsraum', sourceId, fileName: 'berlin.csv' }, records);
    });
    const base = { facilityType: 'kita', demand: ['ew_u6'], factor: 1, source: 'Test' };
    await createNorm(db, { ...base, key: 'kita_u6', name: 'Kita-Plätze je Kind unter 6' }, null);
    await createNorm(
      db,
      {
        ...base,
        key: 'kita_u6_2sfca',
        name: 'Kita-Plätze je Kind unter 6, 2SFCA 1,5 km',
        catchment: { kind: 'fca', maxCost: 1500, detour: 1.3, decay: { kind: 'gaussian' }, cellSize: 200 },
      },
      null,
    );
  }, 600_000);
  afterAll(() => drop?.());

  it('gives each of the 542 Planungsräume the capacity the facilities count finds in it', async () => {
    const c = await computeCoverage(db, LOCAL_CLI_USER, {
      norm: 'kita_u6',
      level: 'planungsraum',
      date: DATE,
    });
    const counted = await countFacilities(db, { type: 'kita', level: 'planungsraum', date: DATE });
    expect(c.rows).toHaveLength(542);
    expect(c.rows.map((r) => [r.area, r.supply])).toEqual(counted.areas.map((a) => [a.area, a.capacity]));
    expect(c.stichtage[0]!.outside).toEqual(counted.outside);
    expect(children).toBeGreaterThan(200_000);
    const city = c.city[0]!;
    expect(city.supply).toBe(194_979);
    expect(city.demand).toBe(children);
    expect(city.rate).toBeCloseTo((194_979 / children) * 100, 9);
    expect(c.rows.reduce((s, r) => s + r.demand!, 0)).toBe(children);
  }, 120_000);

  it('shows the public the same capacities and hides the demand of small Planungsräume', async () => {
    const c = await computeCoverage(db, null, { norm: 'kita_u6', level: 'planungsraum', date: DATE });
    const secret = c.rows.filter((r) => r.status === 'secret');
    expect(secret.length).toBeGreaterThan(0);
    expect(secret.every((r) => r.demand === null && r.rate === null && r.supply !== null)).toBe(true);
    expect(c.city[0]).toMatchObject({ supply: 194_979, demand: children, status: 'value' });
  }, 300_000);

  it('keeps the places children reach within 1.5 km with 2SFCA (supply conserved)', async () => {
    const c = await computeCoverage(db, LOCAL_CLI_USER, {
      norm: 'kita_u6_2sfca',
      level: 'planungsraum',
      date: DATE,
    });
    const reached = c.rows.reduce((s, r) => s + r.supply!, 0);
    expect(reached).toBeLessThanOrEqual(194_979 + 1e-6);
    expect(reached).toBeGreaterThan(0.99 * 194_979);
    expect(c.city[0]!.supply).toBeCloseTo(reached, 6);
    expect(c.city[0]!.rate).toBeCloseTo((reached / children) * 100, 9);
    // access differs between Planungsräume, and no one reaches more places per child than exist
    const rates = c.rows.filter((r) => r.rate !== null).map((r) => r.rate!);
    expect(Math.max(...rates)).toBeGreaterThan(Math.min(...rates) + 10);
  }, 300_000);
});
