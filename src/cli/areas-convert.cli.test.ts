/** `lagebild areas convert` and `areas correspondence` as a user runs them. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../test/cli-processes.ts';
import { engines } from '../test/databases.ts';

const box = (x0: number, x1: number) => [
  [
    [x0, 52],
    [x1, 52],
    [x1, 52.02],
    [x0, 52.02],
    [x0, 52],
  ],
];
const geojson = (areas: [string, number, number, string | null][]) =>
  JSON.stringify({
    type: 'FeatureCollection',
    features: areas.map(([id, x0, x1, parent]) => ({
      type: 'Feature',
      properties: { id, name: `Gebiet ${id}`, ...(parent ? { parent } : {}) },
      geometry: { type: 'Polygon', coordinates: box(x0, x1) },
    })),
  });

describe.each(engines)('lagebild areas convert on $name', (engine) => {
  let spec: string;
  let drop: () => Promise<void>;
  let dir: string;
  const cli = (...args: string[]) => runCli(spec, args);
  const ok = async (...args: string[]) => {
    const r = await cli(...args);
    expect(r.code, r.stderr).toBe(0);
    return r;
  };
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  beforeAll(async () => {
    ({ spec, drop } = await engine.location());
    dir = await mkdtemp(join(tmpdir(), 'lagebild-convert-'));
    const areas = ['import', 'areas', '--id-field', 'id', '--name-field', 'name'];
    await ok(
      ...areas,
      await file('bezirke.geojson', geojson([['P1', 13, 13.04, null]])),
      '--level',
      'bezirk',
    );
    const old = geojson([
      ['A', 13, 13.02, 'P1'],
      ['B', 13.02, 13.04, 'P1'],
    ]);
    const plr = ['--level', 'planungsraum', '--parent-field', 'parent'];
    await ok(...areas, await file('alt.geojson', old), ...plr, '--valid-from', '2000-01-01');
    await ok(
      'import',
      'table',
      await file('ew2020.csv', 'Schlüssel;ew\nA;101\nB;51\n'),
      '--level',
      'planungsraum',
      '--date',
      '2020-12-31',
    );
    const neu = geojson([
      ['L', 13, 13.01, 'P1'],
      ['M', 13.01, 13.03, 'P1'],
      ['R', 13.03, 13.04, 'P1'],
    ]);
    await ok(...areas, await file('neu.geojson', neu), ...plr, '--valid-from', '2021-01-01');
  }, 300_000);
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('exports the correspondence table as CSV', async () => {
    const out = join(dir, 'zuordnung.csv');
    const args = [
      'areas',
      'correspondence',
      '--level',
      'planungsraum',
      '--from',
      '2020-12-31',
      '--to',
      '2021-06-30',
    ];
    const r = await ok(...args, '--out', out);
    expect(r.stdout).toContain('4 Zuordnungen in');
    const csv = (await readFile(out, 'utf8')).trim().split('\n');
    expect(csv.map((l) => l.split(';').slice(0, 3).join(';'))).toEqual([
      'alter_schluessel;neuer_schluessel;anteil',
      'A;L;0,500000',
      'A;M;0,500000',
      'B;M;0,500000',
      'B;R;0,500000',
    ]);
    const bad = await cli(...args.slice(0, -2), '--to', '2021-13-01');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('Ungültiges Datum „2021-13-01“');
  }, 120_000);

  it('converts on a dry run without storing, then stores; population falls back to area with a notice', async () => {
    const args = [
      'areas',
      'convert',
      '--level',
      'planungsraum',
      '--from',
      '2020-12-31',
      '--to',
      '2021-06-30',
    ];
    const dry = await ok(...args, '--method', 'population', '--dry-run');
    expect(dry.stdout).toContain('Probelauf: 3 Werte der Ebene „planungsraum“');
    expect(dry.stdout).toContain(
      'Für die neuen Gebiete gibt es keine Einwohnerzahlen („ew“), nach denen gewichtet werden könnte: flächengewichtet umgerechnet.',
    );
    const run = await ok('--json', ...args);
    expect(JSON.parse(run.stdout)).toMatchObject({
      converted: 3,
      method: 'area',
      dates: ['2020-12-31'],
      dryRun: false,
    });
    const list = await ok('--json', 'areas', 'list', '--level', 'planungsraum');
    expect((JSON.parse(list.stdout) as { id: string }[]).map((a) => a.id)).toEqual(['L', 'M', 'R']);
  }, 120_000);
});
