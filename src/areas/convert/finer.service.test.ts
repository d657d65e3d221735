/** Converting with finer population weights (a finer level, a grid file), on every engine. */
import proj4 from 'proj4';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../auth/auth.schema.ts';
import type { Db } from '../../db/db.ts';
import { EPSG_DEFINITIONS } from '../../geo/epsg.ts';
import { indicatorSeries } from '../../indicators/indicator.service.ts';
import { engines } from '../../test/databases.ts';
import { importAreas } from '../area.service.ts';
import { convertedDates } from './convert.repository.ts';
import { conversionTable, convertLevel } from './convert.service.ts';
import { convertedNote } from './converted-note.ts';
import { parseGridCsv } from '../../imports/grid/population-grid.ts';
import { storeEw, stripFile } from '../../test/strip-areas.ts';

const OPERATOR: User = { id: 0, username: 'test', displayName: 'Test', role: 'admin' };

const REQ = { level: 'planungsraum', from: '2020-12-31', to: '2021-06-30' } as const;
const shares = (rows: { from: string; to: string; share: number }[]) =>
  rows.map((r) => `${r.from}→${r.to} ${r.share.toFixed(4)}`);

// Blöcke of the new Gebietsstand, 0.01° wide: b1 in A∩L, b2 in A∩M, b3 in B∩M, b4 in B∩R, b5 in C2
const BLOCKS: [string, number, number, string, number][] = [
  ['b1', 13, 13.01, 'L', 30],
  ['b2', 13.01, 13.02, 'M', 90],
  ['b3', 13.02, 13.03, 'M', 10],
  ['b4', 13.03, 13.04, 'R', 90],
  ['b5', 13.04, 13.08, 'C2', 31],
];
// finer weights: A → L 30 : M 90, B → M 10 : R 90; target density (P_t L 100, M 200, R 300) would
// give A 0.5 : 0.5 and B 0.25 : 0.75
const FINER = ['A→L 0.2500', 'A→M 0.7500', 'B→M 0.1000', 'B→R 0.9000', 'C→C2 1.0000'];

/** A synthetic Zensus-style grid (not real data): one 100 m cell centre per Block, EPSG:3035. */
function syntheticGrid(): string {
  const laea = proj4('EPSG:4326', EPSG_DEFINITIONS[3035]!);
  const lines = BLOCKS.map(([key, x0, x1, , ew]) => {
    const [x, y] = laea.forward<[number, number]>([(x0 + x1) / 2, 52.01]);
    return `${key};${x.toFixed(1).replace('.', ',')};${y.toFixed(1).replace('.', ',')};${ew}`;
  });
  return ['GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner', ...lines, 'g6;4550050;3270050;–'].join('\n');
}

describe.each(engines)('conversion with finer weights on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await importAreas(
      db,
      stripFile([
        ['P1', 13, 13.04, null],
        ['P2', 13.04, 13.08, null],
      ]),
      { level: 'bezirk', validFrom: '2000-01-01' },
    );
    const plr = { level: 'planungsraum', parentLevel: 'bezirk' };
    await importAreas(
      db,
      stripFile([
        ['A', 13, 13.02, 'P1'],
        ['B', 13.02, 13.04, 'P1'],
        ['C', 13.04, 13.08, 'P2'],
      ]),
      { ...plr, validFrom: '2000-01-01' },
    );
    await storeEw(db, 'planungsraum', '2020-12-31', { A: 1000, B: 400, C: 30 });
    await importAreas(
      db,
      stripFile([
        ['L', 13, 13.01, 'P1'],
        ['M', 13.01, 13.03, 'P1'],
        ['R', 13.03, 13.04, 'P1'],
        ['C2', 13.04, 13.08, 'P2'],
      ]),
      { ...plr, validFrom: '2021-01-01' },
    );
    await storeEw(db, 'planungsraum', '2021-06-30', { L: 100, M: 200, R: 300, C2: 31 });
    await importAreas(db, stripFile(BLOCKS.map(([key, x0, x1, parent]) => [key, x0, x1, parent])), {
      level: 'block',
      levelName: 'Blöcke',
      parentLevel: 'planungsraum',
      validFrom: '2021-01-01',
    });
    await storeEw(db, 'block', '2021-06-30', Object.fromEntries(BLOCKS.map(([k, , , , ew]) => [k, ew])));
  }, 120_000);
  afterAll(() => drop());

  it('refuses a level that is not finer, and finer weights with the area method', async () => {
    await expect(conversionTable(db, { ...REQ, weights: { level: 'bezirk' } })).rejects.toMatchObject({
      code: 'areas.convert_weights_level_not_finer',
    });
    await expect(
      conversionTable(db, { ...REQ, method: 'area', weights: { level: 'block' } }),
    ).rejects.toMatchObject({ code: 'areas.convert_weights_need_population' });
  });

  it('weights by the Blöcke, stores the variant and keeps every Bezirk total exactly', async () => {
    const target = await conversionTable(db, { ...REQ, method: 'population' });
    expect(shares(target.rows)).toEqual([
      'A→L 0.5000',
      'A→M 0.5000',
      'B→M 0.2500',
      'B→R 0.7500',
      'C→C2 1.0000',
    ]);

    const table = await conversionTable(db, { ...REQ, weights: { level: 'block' } });
    expect(table).toMatchObject({
      method: 'population_finer',
      methodName: 'einwohnergewichtet (feinere Ebene: Blöcke)',
      weightDate: '2021-06-30',
      weights: { source: 'level', level: 'block', units: 5 },
    });
    expect(shares(table.rows)).toEqual(FINER);

    const run = await convertLevel(db, { ...REQ, weights: { level: 'block' } });
    expect(run.method).toBe('population_finer');
    const values = Object.fromEntries(
      (
        await db.query<{ key: string; parent: string; value: number; status: string }>(
          `SELECT a.key, p.key AS parent, o.value, o.status FROM observation o
             JOIN area a ON a.id = o.area_id JOIN area p ON p.id = a.parent_id
            WHERE o.source_id = $1 ORDER BY a.key`,
          [run.sourceId],
        )
      ).map((r) => [r.key, [r.parent, r.value, r.status]]),
    );
    // A 1000 → L 250, M 750; B 400 → M 40, R 360; C 30 → C2 whole
    expect(values).toEqual({
      L: ['P1', 250, 'estimated'],
      M: ['P1', 790, 'estimated'],
      R: ['P1', 360, 'estimated'],
      C2: ['P2', 30, 'value'],
    });
    const bezirk = (p: string) =>
      Object.values(values)
        .filter(([parent]) => parent === p)
        .reduce((s, [, v]) => s + (v as number), 0);
    expect([bezirk('P1'), bezirk('P2')]).toEqual([1400, 30]);

    const [source] = await db.query<{ name: string; details: Record<string, unknown> }>(
      'SELECT name, details FROM data_source WHERE id = $1',
      [run.sourceId],
    );
    expect(source!.name).toContain('(einwohnergewichtet (feinere Ebene: Blöcke))');
    expect(source!.details).toMatchObject({
      method: 'population',
      variant: 'population_finer',
      methodName: 'einwohnergewichtet (feinere Ebene: Blöcke)',
      weights: { source: 'level', level: 'block', date: '2021-06-30' },
    });
    const m = (await db.query<{ id: number }>("SELECT id FROM area WHERE key = 'M' AND valid_to IS NULL"))[0]!
      .id;
    // the „umgerechnet“ mark names the variant
    const mark = (await convertedDates(db, m, ['ew'])).get('2020-12-31')!;
    expect(mark).toEqual({ method: 'population_finer', from: '2000-01-01' });
    expect(convertedNote(mark)).toBe(
      'umgerechnet vom Gebietsstand 01.01.2000 (einwohnergewichtet (feinere Ebene))',
    );
    const series = await indicatorSeries(db, OPERATOR, 'einwohner', 'planungsraum', 'M');
    expect(series.points.find((p) => p.date === '2020-12-31')?.converted).toEqual(mark);
  });

  it('weights by a population grid file (synthetic cells, EPSG:3035) the same way', async () => {
    const grid = parseGridCsv(new TextEncoder().encode(syntheticGrid()), 'gitter.csv');
    const table = await conversionTable(db, { ...REQ, weights: { grid } });
    expect(table).toMatchObject({
      method: 'population_grid',
      methodName: 'einwohnergewichtet (Zensus-Gitter 100 m)',
      weights: { source: 'grid', file: 'gitter.csv', cellSize: 100, units: 5, secret: 1 },
    });
    expect(shares(table.rows)).toEqual(FINER);
    expect(table.notices).toContain(
      '1 Gitterzellen in „gitter.csv“ ohne Einwohnerzahl (Geheimhaltung) wurden ausgelassen.',
    );
  });
});
