/** Converting stored counts between two Gebietsstände, on every engine. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../../auth/auth.schema.ts';
import type { Db } from '../../db/db.ts';
import { indicatorSeries, indicatorValues } from '../../indicators/indicator.service.ts';
import { engines } from '../../test/databases.ts';
import { importAreas } from '../area.service.ts';
import { convertedDates } from './convert.repository.ts';
import { conversionTable, convertLevel } from './convert.service.ts';
import { storeEw, stripFile } from '../../test/strip-areas.ts';

const OPERATOR: User = { id: 0, username: 'test', displayName: 'Test', role: 'admin' };

const totals = async (db: Db, date: string) =>
  Object.fromEntries(
    (
      await db.query<{ key: string; value: number; status: string; kind: string }>(
        `SELECT a.key, o.value, o.status, s.kind FROM observation o JOIN area a ON a.id = o.area_id
           JOIN data_source s ON s.id = o.source_id
          WHERE a.valid_to IS NULL AND o.ref_date = $1 AND a.key <> 'P1' AND a.key <> 'P2' ORDER BY a.key`,
        [date],
      )
    ).map((r) => [r.key, `${r.value} ${r.status} ${r.kind}`]),
  );

describe.each(engines)('convertLevel on $name', (engine) => {
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
      {
        level: 'bezirk',
        validFrom: '2000-01-01',
      },
    );
    // old: A | B in P1, C in P2; new (2021): L | M | R in P1, C2 = C renamed in P2
    await importAreas(
      db,
      stripFile([
        ['A', 13, 13.02, 'P1'],
        ['B', 13.02, 13.04, 'P1'],
        ['C', 13.04, 13.08, 'P2'],
      ]),
      {
        level: 'planungsraum',
        parentLevel: 'bezirk',
        validFrom: '2000-01-01',
      },
    );
    await storeEw(db, 'planungsraum', '2019-12-31', { A: 100, B: 50, C: 30 });
    await storeEw(db, 'planungsraum', '2020-12-31', { A: 100, B: 50, C: 30 });
    await importAreas(
      db,
      stripFile([
        ['L', 13, 13.01, 'P1'],
        ['M', 13.01, 13.03, 'P1'],
        ['R', 13.03, 13.04, 'P1'],
        ['C2', 13.04, 13.08, 'P2'],
      ]),
      { level: 'planungsraum', parentLevel: 'bezirk', validFrom: '2021-01-01' },
    );
    await storeEw(db, 'planungsraum', '2021-06-30', { L: 300, M: 100, R: 0, C2: 31 });
    // a count of L for 31.12.2020 delivered later on the new areas: never replaced
    await storeEw(db, 'planungsraum', '2020-12-31', { L: 55 });
  }, 120_000);
  afterAll(() => drop());

  it('refuses dates outside any Gebietsstand and two dates in the same one', async () => {
    await expect(
      conversionTable(db, { level: 'planungsraum', from: '1990-01-01', to: '2021-06-30' }),
    ).rejects.toThrow('Die Ebene „planungsraum“ hat am 1990-01-01 keinen Gebietsstand.');
    await expect(
      conversionTable(db, { level: 'planungsraum', from: '2021-02-01', to: '2021-06-30' }),
    ).rejects.toThrow('liegen im selben Gebietsstand');
    await expect(
      convertLevel(db, { level: 'planungsraum', from: '2021-06-30', to: '2020-12-31' }),
    ).rejects.toThrow('2021-06-30 liegt nicht vor 2020-12-31');
  });

  it('builds the table by population of the new areas, and a dry run stores nothing', async () => {
    const table = await conversionTable(db, {
      level: 'planungsraum',
      from: '2020-12-31',
      to: '2021-06-30',
      method: 'population',
    });
    expect(table).toMatchObject({
      fromValidFrom: '2000-01-01',
      toValidFrom: '2021-01-01',
      weightDate: '2021-06-30',
    });
    expect(table.rows.map((r) => `${r.from}→${r.to} ${r.share.toFixed(4)}`)).toEqual([
      'A→L 0.8571',
      'A→M 0.1429',
      'B→M 1.0000',
      'B→R 0.0000',
      'C→C2 1.0000',
    ]);
    const dry = await convertLevel(db, {
      level: 'planungsraum',
      from: '2020-12-31',
      to: '2021-06-30',
      method: 'population',
      dryRun: true,
    });
    expect(dry).toMatchObject({
      converted: 7,
      keptObserved: 1,
      sourceId: null,
      dates: ['2019-12-31', '2020-12-31'],
    });
    expect(await totals(db, '2019-12-31')).toEqual({});
  });

  it('stores converted values beside counted ones, never over them, and marks them in the series', async () => {
    const run = await convertLevel(db, {
      level: 'planungsraum',
      from: '2020-12-31',
      to: '2021-06-30',
      method: 'population',
    });
    expect(run.notices).toContain(
      '1 Werte liegen für die neuen Gebiete bereits als Erhebung vor und wurden nicht überschrieben.',
    );
    // A = 100 → L 85.7, M 14.3; B = 50 → M; rounded within P1 (150); C → C2 whole, so exact
    expect(await totals(db, '2019-12-31')).toEqual({
      C2: '30 value conversion',
      L: '86 estimated conversion',
      M: '64 estimated conversion',
      R: '0 estimated conversion',
    });
    expect((await totals(db, '2020-12-31')).L).toBe('55 value table');

    const m = (await db.query<{ id: number }>("SELECT id FROM area WHERE key = 'M' AND valid_to IS NULL"))[0]!
      .id;
    expect(Object.fromEntries(await convertedDates(db, m, ['ew']))).toEqual({
      '2019-12-31': { method: 'population', from: '2000-01-01' },
      '2020-12-31': { method: 'population', from: '2000-01-01' },
    });
    const series = await indicatorSeries(db, OPERATOR, 'einwohner', 'planungsraum', 'M');
    const marker = { method: 'population', from: '2000-01-01' };
    expect(series.points.map((p) => [p.date, p.value, p.converted])).toEqual([
      ['2019-12-31', 64, marker],
      ['2020-12-31', 64, marker],
      ['2021-06-30', 100, undefined],
    ]);
    // the level's values carry the same mark, only where the counts were converted
    const values = await indicatorValues(db, OPERATOR, 'einwohner', 'planungsraum', '2019-12-31');
    expect(Object.fromEntries(values.values.map((v) => [v.id, v.converted ?? null]))).toMatchObject({
      M: marker,
      L: marker,
    });
    const counted = await indicatorValues(db, OPERATOR, 'einwohner', 'planungsraum', '2021-06-30');
    expect(counted.values.every((v) => v.converted === undefined)).toBe(true);

    // a second run replaces what the first converted, still not the count
    const again = await convertLevel(db, { level: 'planungsraum', from: '2020-12-31', to: '2021-06-30' });
    expect(again.method).toBe('area');
    expect(await totals(db, '2020-12-31')).toEqual({
      C2: '30 value conversion',
      L: '55 value table',
      M: '75 estimated conversion',
      R: '25 estimated conversion',
    });
  });
});
