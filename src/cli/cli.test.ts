/**
 * The CLI as a user runs it (`node bin/lagebild.js …` in a child process) on real data from
 * ../shared/data, against both database engines. Bad input must fail with a German message
 * naming the file and leave the database as it was.
 */
import { runCli } from '../test/cli-processes.ts';
import { copyFile, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAreaFile } from '../areas/readers/index.ts';
import { engines } from '../test/databases.ts';
import { COMMANDS } from './commands.ts';

const berlinDir = resolve('../shared/data/berlin-lor-2021-plr-shp');
const berlinShp = join(berlinDir, 'lor_planungsraeume_2021.shp');
const koelnShp = resolve('../shared/data/koeln-stadtteile/Stadtteil.shp');
const fixtures = resolve('src/areas/readers/fixtures');

describe.each(engines)('CLI on $name', (engine) => {
  let spec: string;
  let drop: () => Promise<void>;
  let scratch: string;
  const cli = (...args: string[]) => runCli(spec, args);
  const listPlr = async () =>
    JSON.parse((await cli('--json', 'areas', 'list', '--level', 'planungsraum')).stdout) as {
      id: string;
      name: string;
      level: string;
      parent: string | null;
      areaM2: number;
    }[];

  beforeAll(async () => {
    ({ spec, drop } = await engine.location());
    scratch = await mkdtemp(join(tmpdir(), 'lagebild-cli-'));
  });
  afterAll(async () => {
    await drop?.();
    await rm(scratch, { recursive: true, force: true });
  });

  it('shows help with every command', async () => {
    const r = await cli('--help');
    expect(r.code).toBe(0);
    const terms = r.stdout.split('\n').map((line) => line.trim().split(/\s{2,}/)[0]);
    expect(terms).toEqual(expect.arrayContaining(Object.values(COMMANDS).map((c) => c.term)));
  });

  it('imports Berlin’s 542 Planungsräume with true ellipsoidal areas', async () => {
    const r = await cli(
      '--json',
      'import',
      'areas',
      berlinShp,
      '--level',
      'planungsraum',
      '--id-field',
      'PLR_ID',
      '--name-field',
      'PLR_NAME',
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toMatchObject({ level: 'planungsraum', imported: 542, crs: 'EPSG:25833' });
    const areas = await listPlr();
    expect(areas).toHaveLength(542);
    const published = new Map(
      (await readAreaFile(berlinShp, { idField: 'PLR_ID' })).areas.map((a) => [
        a.key,
        Number(a.properties.GROESSE_M2),
      ]),
    );
    let worst = 0;
    for (const a of areas) {
      expect(a).toMatchObject({ level: 'planungsraum', parent: null });
      expect(a.id).toMatch(/^\d{8}$/);
      worst = Math.max(worst, Math.abs(a.areaM2 / published.get(a.id)! - 1));
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it('locates a WGS84 point, and exits 1 outside every area', async () => {
    const hit = await cli('--json', 'areas', 'locate', '--level', 'planungsraum', '13.3777', '52.5163'); // Brandenburger Tor
    expect(hit.code).toBe(0);
    const { id, name } = JSON.parse(hit.stdout) as { id: string; name: string };
    expect(id).toMatch(/^01/); // Bezirk Mitte
    expect(name).toBeTruthy();
    const plain = await cli('areas', 'locate', '--level', 'planungsraum', '13.3777', '52.5163');
    expect(plain.stdout.trim()).toBe(id);
    const miss = await cli('areas', 'locate', '--level', 'planungsraum', '6.95', '50.94');
    expect(miss.code).toBe(1);
    expect(miss.stderr).toMatch(/liegt in keinem Gebiet/);
  });

  it('exports a level as GeoJSON', async () => {
    const r = await cli('areas', 'export', '--level', 'planungsraum', '--format', 'geojson');
    const fc = JSON.parse(r.stdout) as { type: string; features: { properties: { id: string } }[] };
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features).toHaveLength(542);
  });

  it('reads Köln’s UTM .prj with false easting 2,500,000 and lands in Köln', async () => {
    const r = await cli(
      '--json',
      'import',
      'areas',
      koelnShp,
      '--level',
      'stadtteil',
      '--id-field',
      'STT_NR',
      '--name-field',
      'STT_NAME',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ imported: 86 });
    const dom = JSON.parse(
      (await cli('--json', 'areas', 'locate', '--level', 'stadtteil', '6.9583', '50.9413')).stdout,
    ) as { name: string };
    expect(dom.name).toBe('Altstadt/Nord');
    const names = (
      JSON.parse((await cli('--json', 'areas', 'list', '--level', 'stadtteil')).stdout) as { name: string }[]
    ).map((a) => a.name);
    expect(names).toContain('Mülheim');
  });

  describe('bad input fails in German and leaves the database unchanged', () => {
    const set = async (name: string, parts: string[]) => {
      for (const ext of parts)
        await copyFile(join(berlinDir, `lor_planungsraeume_2021.${ext}`), join(scratch, `${name}.${ext}`));
      return join(scratch, `${name}.shp`);
    };
    const cases: { name: string; make: () => Promise<string>; code: RegExp; extra?: string[] }[] = [
      {
        name: 'truncated .shp',
        make: async () => {
          const p = await set('kaputt', ['shp', 'shx', 'dbf', 'prj', 'cpg']);
          await truncate(p, 1_500_000);
          return p;
        },
        code: /kaputt\.shp/,
      },
      { name: '.dbf missing', make: () => set('ohnedbf', ['shp', 'shx', 'prj']), code: /ohnedbf/ },
      {
        name: 'unknown CRS in .prj',
        make: async () => {
          const p = await set('fremd', ['shp', 'shx', 'dbf', 'cpg']);
          await writeFile(join(scratch, 'fremd.prj'), 'PROJCS["Phantasie",GEOGCS["Nirgendwo"]]');
          return p;
        },
        code: /fremd/,
      },
      {
        name: 'unknown EPSG code',
        make: () => Promise.resolve(berlinShp),
        code: /999999/,
        extra: ['--crs', 'EPSG:999999'],
      },
      {
        name: 'duplicate area ids',
        make: () => Promise.resolve(join(fixtures, 'duplicate-ids.geojson')),
        code: /duplicate-ids\.geojson/,
      },
      {
        name: 'self-intersecting polygon',
        make: () => Promise.resolve(join(fixtures, 'bow-tie.geojson')),
        code: /bow-tie\.geojson/,
      },
    ];
    it.each(cases)('$name', async (c) => {
      const before = await listPlr();
      const file = await c.make();
      const r = await cli('import', 'areas', file, '--level', 'planungsraum', ...(c.extra ?? []));
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/^Fehler: /);
      expect(r.stderr).toMatch(c.code);
      expect(await listPlr()).toEqual(before);
    });

    it('a failing import inside the transaction rolls back completely', async () => {
      // Parent keys that do not exist are only found while writing: the level must stay as it was.
      const fc = JSON.parse(await readFile(join(fixtures, 'duplicate-ids.geojson'), 'utf8')) as {
        features: { properties: Record<string, unknown> }[];
      };
      fc.features.forEach((f, i) => Object.assign(f.properties, { id: `X${i}`, parent: 'gibtsnicht' }));
      const p = join(scratch, 'eltern.geojson');
      await writeFile(p, JSON.stringify(fc));
      const before = await listPlr();
      const r = await cli(
        'import',
        'areas',
        p,
        '--level',
        'planungsraum',
        '--id-field',
        'id',
        '--parent-field',
        'parent',
      );
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(/eltern\.geojson/);
      expect(await listPlr()).toEqual(before);
    });
  });
});
