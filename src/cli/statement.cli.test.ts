/**
 * `lagebild statement` as a user runs it (child processes) on the demo city: a plan area as GeoJSON
 * in UTM 32 (named in the file), dwellings by type with a second phase; CSV with one row per year,
 * JSON with the affected areas and the coverage, the Stellungnahme as a Word file, and German
 * errors for bad options.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaGeometries } from '../areas/area.repository.ts';
import { openDb } from '../db/db.ts';
import { resolveCrs } from '../geo/crs.ts';
import type { StatementResult } from '../statements/statement.schema.ts';
import { squareInside } from '../statements/test-plans.ts';
import { dwellingList } from './statement.command.ts';

const run = promisify(execFile);
const bin = resolve('bin/lagebild.js');

describe('lagebild statement on the demo city', () => {
  let dir: string;
  let scratch: string;
  let planFile: string;
  const cli = async (...args: string[]) => {
    try {
      const { stdout, stderr } = await run('node', [bin, '--db', dir, ...args], { maxBuffer: 64 << 20 });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };
  const dwellings = [
    '--dwellings',
    'efh=40,mfh=120,gefoerdert=60@2030',
    '--from',
    '2028',
    '--level',
    'sozialraum',
  ];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-statement-cli-'));
    scratch = await mkdtemp(join(tmpdir(), 'lagebild-statement-files-'));
    const demo = await cli('demo', '--demo-passwords');
    expect(demo.code, demo.stderr).toBe(0);
    const db = await openDb(dir);
    let ring: number[][];
    try {
      const geometry = (await areaGeometries(db, 'sozialraum', 'full')).find(
        (a) => a.key === '101',
      )!.geometry;
      const utm = resolveCrs({ crs: 'EPSG:25832', fileName: 'x' });
      ring = squareInside(geometry, 0.001).coordinates[0]!.map(([x, y]) => utm.fromWgs84(x!, y!));
    } finally {
      await db.close();
    }
    planFile = join(scratch, 'B-Plan 123.geojson');
    await writeFile(
      planFile,
      JSON.stringify({
        type: 'FeatureCollection',
        crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
        features: [{ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [ring] } }],
      }),
    );
  }, 300_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  it('reads dwellings as type=count with an optional @year', () => {
    expect(dwellingList('efh=40, mfh=120@2029', 2028)).toEqual([
      { type: 'efh', count: 40, year: 2028 },
      { type: 'mfh', count: 120, year: 2029 },
    ]);
    expect(() => dwellingList('efh:40', 2028)).toThrow(/Wohnform=Anzahl/);
  });

  it('prints residents and need per year as CSV, the affected areas on stderr', async () => {
    const r = await cli('statement', planFile, ...dwellings);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    const head = lines[0]!.split(',');
    expect(head.slice(0, 8)).toEqual([
      'year',
      'ew_u3',
      'ew_3_5',
      'ew_6_9',
      'ew_6_17',
      'ew_65plus',
      'ew_80plus',
      'ew',
    ]);
    expect(head).toEqual(
      expect.arrayContaining(['need_kita_u3', 'need_grundschule_schulpflicht', 'need_spielplatz_flaeche']),
    );
    // 2028 to 2039: ten years after the second phase's first occupancy in 2030
    expect(lines).toHaveLength(1 + 12);
    const first = lines[1]!.split(',');
    expect(first[0]).toBe('2028');
    expect(Number(first[7])).toBeCloseTo(40 * 3.2 + 120 * 2.1, 2);
    expect(r.stderr).toMatch(/Betroffene Gebiete \(Sozialraum\): 101 /);
  }, 120_000);

  it('gives the whole computation as JSON, with the file’s CRS', async () => {
    const r = await cli('statement', planFile, ...dwellings, '--format', 'json', '--plan', 'Nr. 123');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as StatementResult;
    expect(result.statement).toMatchObject({ name: 'B-Plan 123', planNumber: 'Nr. 123', crs: 'EPSG:25832' });
    expect(result.areas.map((a) => a.key)).toEqual(['101']);
    expect(result.needs.find((n) => n.key === 'kita_u3')!.coverage!.rows[0]!.area).toBe('101');
  }, 120_000);

  it('writes the Stellungnahme as a Word file', async () => {
    const out = join(scratch, 'stellungnahme.docx');
    const r = await cli('statement', planFile, ...dwellings, '--plan', 'Nr. 123', '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Stellungnahme der Sozialplanung zum Bebauungsplan Nr. 123');
    const bytes = await readFile(out);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  }, 180_000);

  it('refuses bad options and unknown dwelling types with German messages', async () => {
    const bad = await cli('statement', planFile, '--dwellings', 'efh40');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Wohnform=Anzahl');
    const unknown = await cli('statement', planFile, '--dwellings', 'villa=3');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Die Wohnform „villa“ kennt das Belegungsprofil');
    const missing = await cli('statement', join(scratch, 'fehlt.geojson'), '--dwellings', 'efh=3');
    expect(missing.code).toBe(1);
    const year = await cli('statement', planFile, '--dwellings', 'efh=3', '--from', '28');
    expect(year.stderr).toContain('ist kein Jahr');
  }, 120_000);
});
