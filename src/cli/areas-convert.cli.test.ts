/** `lagebild areas convert` and `areas correspondence` as a user runs them. */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EPSG_DEFINITIONS } from '../geo/epsg.ts';
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

const BLOCKS: [string, number, number, string, number][] = [
  ['b1', 13, 13.01, 'L', 30],
  ['b2', 13.01, 13.02, 'M', 90],
  ['b3', 13.02, 13.03, 'M', 10],
  ['b4', 13.03, 13.04, 'R', 90],
];

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
    // Blöcke of the new Gebietsstand with inhabitants: b1 in A∩L, b2 in A∩M, b3 in B∩M, b4 in B∩R
    const blocks = geojson(BLOCKS.map(([key, x0, x1, parent]) => [key, x0, x1, parent]));
    await ok(
      ...areas,
      await file('bloecke.geojson', blocks),
      '--level',
      'block',
      '--parent-field',
      'parent',
      '--valid-from',
      '2021-01-01',
    );
    const ew = BLOCKS.map(([key, , , , n]) => `${key};${n}`).join('\n');
    await ok(
      'import',
      'table',
      await file('ew-bloecke.csv', `Schlüssel;ew\n${ew}\n`),
      '--level',
      'block',
      '--date',
      '2021-06-30',
    );
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
    expect(r.stdout).toContain('4 Zuordnungen (flächengewichtet) in');
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

  it('weights by a finer level or a grid file, and names the weights in the table', async () => {
    const args = ['--level', 'planungsraum', '--from', '2020-12-31', '--to', '2021-06-30'];
    const out = join(dir, 'zuordnung-bloecke.csv');
    const r = await ok('areas', 'correspondence', ...args, '--weights-level', 'block', '--out', out);
    expect(r.stdout).toMatch(
      /4 Zuordnungen \(einwohnergewichtet \(feinere Ebene: [^)]+\), Einwohner vom 2021-06-30\) in/,
    );
    const csv = (await readFile(out, 'utf8')).trim().split('\n');
    expect(csv[0]).toBe('alter_schluessel;neuer_schluessel;anteil;flaeche_m2;verfahren');
    // A → L 30 : M 90, B → M 10 : R 90 (area weighting would give 0.5 each)
    expect(csv.slice(1).map((l) => l.split(';').slice(0, 3).join(';'))).toEqual([
      'A;L;0,250000',
      'A;M;0,750000',
      'B;M;0,100000',
      'B;R;0,900000',
    ]);

    // a synthetic Zensus-style grid (not real data): one cell centre per Block, EPSG:3035
    const laea = proj4('EPSG:4326', EPSG_DEFINITIONS[3035]!);
    const cells = BLOCKS.map(([key, x0, x1, , n]) => {
      const [x, y] = laea.forward<[number, number]>([(x0 + x1) / 2, 52.01]);
      return `${key};${x.toFixed(0)};${y.toFixed(0)};${n}`;
    });
    const grid = await file(
      'gitter.csv',
      ['GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner', ...cells].join('\n'),
    );
    const dry = await ok('--json', 'areas', 'convert', ...args, '--grid', grid, '--dry-run');
    expect(JSON.parse(dry.stdout)).toMatchObject({
      method: 'population_grid',
      methodName: 'einwohnergewichtet (Zensus-Gitter 100 m)',
      converted: 3,
      dryRun: true,
    });
    const text = await ok('areas', 'convert', ...args, '--grid', grid, '--dry-run');
    expect(text.stdout).toContain(
      'einwohnergewichtet (Zensus-Gitter 100 m) umgerechnet (nicht gespeichert).',
    );

    const both = await cli('areas', 'convert', ...args, '--grid', grid, '--weights-level', 'block');
    expect(both.code).not.toBe(0);
    expect(both.stderr).toContain('nicht beides');
    const bad = await file('kaputt.csv', 'x_mp_100m;y_mp_100m;Einwohner\n4550050;3270050;viele\n');
    const broken = await cli('areas', 'convert', ...args, '--grid', bad, '--dry-run');
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain(
      '„kaputt.csv“, Zeile 2, Spalte „Einwohner“: „viele“ ist keine gültige Angabe',
    );
  }, 120_000);
});
