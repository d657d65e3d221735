/**
 * A statement on real data, on every engine: Berlin's 542 Planungsräume (LOR 2021), the 2,880
 * Kitas of December 2022 and the register population of 31 December 2022 (Amt für Statistik
 * Berlin-Brandenburg). A plan drawn inside the Planungsraum with the most Kita places, uploaded
 * in ETRS89 / UTM 33N as Berlin's GIS delivers it, and one drawn across a border: the Bestand is
 * the Planungsraum's own count from the published files, the need is added by plan area.
 */
import { readFileSync } from 'node:fs';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaGeometries } from '../areas/area.repository.ts';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFile } from '../areas/readers/index.ts';
import { LOCAL_CLI_USER } from '../auth/local-cli-user.ts';
import { createNorm } from '../coverage/norm.service.ts';
import type { Db } from '../db/db.ts';
import { recordSource } from '../db/provenance.ts';
import { countFacilities } from '../facilities/facility-count.service.ts';
import { importFacilities } from '../facilities/facility-import.service.ts';
import { resolveCrs } from '../geo/crs.ts';
import { storeCounts, type CountRecord } from '../observations/store-counts.ts';
import { assembleStatementReport } from './statement-report.ts';
import { renderHtml } from '../reports/render-html.ts';
import { STELLUNGNAHME } from '../reports/templates.ts';
import { engines } from '../test/databases.ts';
import { planOverlap } from './overlap.ts';
import { createStatement, statementResult } from './statement.service.ts';
import { square, squareInside } from './test-plans.ts';

const DATA = '../shared/data';
const PLR = `${DATA}/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp`;
const KITAS = `${DATA}/berlin-kitas-2022/kindertagesstaetten_2022-12_epsg25833.geojson`;
const POPULATION = `${DATA}/berlin-lor-population-agegroups/berlin-lor-population-2022-02-t2.csv`;
const DATE = '2022-12-31';

/** Inhabitants, children under 6 and inhabitants from 65 per PLR, as published. */
function population(): Map<string, { ew: number; u6: number; o65: number }> {
  const lines = readFileSync(POPULATION, 'utf8').trim().split('\n');
  const head = lines[0]!.split(',');
  const col = (name: string) => head.indexOf(name);
  const out = new Map<string, { ew: number; u6: number; o65: number }>();
  for (const line of lines.slice(1)) {
    const c = line.split(',');
    out.set(`${c[0]}${c[1]}${c[2]}${c[3]}`, {
      ew: Number(c[col('inhabitants')]),
      u6: Number(c[col('inhabitants_age_below_6')]),
      o65: Number(c[col('inhabitants_age_above_65')]),
    });
  }
  return out;
}

/** A lon/lat polygon as GeoJSON in UTM 33N coordinates. */
function inUtm33(p: Polygon) {
  const utm = resolveCrs({ crs: 'EPSG:25833', fileName: 'x' });
  return {
    type: 'Feature',
    properties: { name: 'Geltungsbereich' },
    geometry: { type: 'Polygon', coordinates: [p.coordinates[0]!.map(([x, y]) => utm.fromWgs84(x!, y!))] },
  };
}

describe.each(engines)('a statement on Berlin’s Planungsräume on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  const people = population();
  let plr: string;
  let capacity: number;
  let plan: Polygon;

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await importAreas(db, await readAreaFile(PLR, { idField: 'PLR_ID', nameField: 'PLR_NAME' }), {
      level: 'planungsraum',
      validFrom: '2021-01-01',
    });
    await importFacilities(db, { type: 'kita', paths: [KITAS], validFrom: DATE });
    const records: CountRecord[] = [...people].flatMap(([areaKey, p]) =>
      (
        [
          ['ew', p.ew],
          ['ew_u6', p.u6],
          ['ew_65plus', p.o65],
        ] as const
      ).map(([variable, value]) => ({
        areaKey,
        date: DATE,
        variable,
        breakdown: '',
        value,
        status: 'value' as const,
      })),
    );
    await db.transaction(async (tx) => {
      const sourceId = await recordSource(tx, { kind: 'table', name: 'Einwohner LOR 2022', stichtag: DATE });
      await storeCounts(tx, { levelKey: 'planungsraum', sourceId, fileName: 'berlin.csv' }, records);
    });
    await createNorm(
      db,
      {
        key: 'kita_u6',
        facilityType: 'kita',
        name: 'Kita-Plätze je Kind unter 6',
        demand: ['ew_u6'],
        factor: 0.9,
        source: 'Test: 90 %',
      },
      null,
    );
    const counted = await countFacilities(db, { type: 'kita', level: 'planungsraum', date: DATE });
    const top = counted.areas.reduce((a, b) => (b.capacity > a.capacity ? b : a));
    [plr, capacity] = [top.area, top.capacity];
    const geometry = (await areaGeometries(db, 'planungsraum', 'full')).find((a) => a.key === plr)!.geometry;
    plan = squareInside(geometry, 0.0008);
  }, 600_000);
  afterAll(() => drop?.());

  it('takes the plan in UTM 33N and compares its need with the Planungsraum’s published counts', async () => {
    const s = await createStatement(
      db,
      {
        name: 'Quartier an der Spree',
        planNumber: '1-123 VE',
        planArea: inUtm33(plan) as never,
        crs: 'EPSG:25833',
        dwellings: [
          { type: 'mfh', count: 300, year: 2027 },
          { type: 'gefoerdert', count: 100, year: 2028 },
        ],
      },
      null,
    );
    expect(s.crs).toBe('EPSG:25833');
    const r = await statementResult(db, LOCAL_CLI_USER, s.id);
    expect(r.level).toBe('planungsraum');
    expect(r.populationDate).toBe(DATE);
    expect(r.areas).toEqual([expect.objectContaining({ key: plr, share: 1 })]);
    // 300 flats × 2.1 persons in 2027, 9.5 % of them under 6
    expect(r.residents[0]!.groups.ew).toBeCloseTo(630, 9);
    const u6 = r.needs.find((n) => n.key === 'kita_u6')!;
    expect(u6.perYear[0]!.need).toBeCloseTo(0.9 * 630 * 0.095, 9);
    const row = u6.coverage!.rows[0]!;
    const own = people.get(plr)!;
    expect(row).toMatchObject({ area: plr, supply: capacity });
    expect(row.demand).toBeCloseTo(0.9 * own.u6, 9);
    expect(row.demandAfter).toBeCloseTo(0.9 * own.u6 + u6.peak.need, 9);
    expect(row.rateAfter).toBeCloseTo((capacity / (0.9 * own.u6 + u6.peak.need)) * 100, 9);
    // norms on variables Berlin's file does not have: coverage without demand, need still computed
    const u3 = r.needs.find((n) => n.key === 'kita_u3');
    if (u3) expect(u3.coverage?.rows[0]?.demand ?? null).toBeNull();
    const html = renderHtml(await assembleStatementReport(db, STELLUNGNAHME, r));
    expect(html).toContain(
      'Stellungnahme der Sozialplanung zum Bebauungsplan 1-123 VE „Quartier an der Spree“',
    );
    expect(html).toContain(r.areas[0]!.name);
  }, 300_000);

  it('shares a plan drawn across a border between the Planungsräume by area', async () => {
    const all = await areaGeometries(db, 'planungsraum', 'full');
    const own = all.find((a) => a.key === plr)!.geometry;
    const ring = own.type === 'Polygon' ? own.coordinates[0]! : own.coordinates[0]![0]!;
    let across: Polygon | null = null;
    for (let i = 0; i + 1 < ring.length && !across; i += 3) {
      const candidate = square(
        (ring[i]![0]! + ring[i + 1]![0]!) / 2,
        (ring[i]![1]! + ring[i + 1]![1]!) / 2,
        0.001,
      );
      const shares = planOverlap(candidate, all).areas;
      if (shares.length === 2 && Math.min(...shares.map((a) => a.share)) > 0.2) across = candidate;
    }
    expect(across).not.toBeNull();
    const s = await createStatement(
      db,
      {
        name: 'Am Rand',
        planArea: inUtm33(across!) as never,
        crs: 'EPSG:25833',
        dwellings: [{ type: 'efh', count: 50, year: 2027 }],
      },
      null,
    );
    const r = await statementResult(db, LOCAL_CLI_USER, s.id);
    expect(r.areas).toHaveLength(2);
    expect(r.areas.map((a) => a.key)).toContain(plr);
    const u6 = r.needs.find((n) => n.key === 'kita_u6')!;
    const rows = u6.coverage!.rows;
    rows.forEach((row) => {
      const p = people.get(row.area)!;
      expect(row.demand).toBeCloseTo(0.9 * p.u6, 9);
      expect(row.extra).toBeCloseTo(r.areas.find((a) => a.key === row.area)!.share * u6.peak.need, 9);
    });
    expect(u6.coverage!.total!.demandAfter).toBeCloseTo(
      rows.reduce((t, x) => t + x.demand!, 0) + u6.peak.need,
      9,
    );
  }, 300_000);
});
