/**
 * Deriving parent levels on real data: Köln's 86 Stadtteile → 9 Stadtbezirke (first digit of
 * STT_NR) and Berlin's 542 Planungsräume → 12 Bezirke (first two digits of PLR_ID) and → 143
 * Bezirksregionen (key table of the LOR 2021).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../db/db.ts';
import { engines } from '../../test/databases.ts';
import { listLevels } from '../area.repository.ts';
import { importAreas, listAreaSummaries } from '../area.service.ts';
import { readAreaFile } from '../readers/index.ts';
import { deriveParentLevel } from './derive.service.ts';
import { readKeyCsv } from './key-csv.ts';

const KOELN = resolve('../shared/data/koeln-stadtteile/Stadtteil.shp');
const BERLIN_DIR = resolve('../shared/data/berlin-lor-2021-plr-shp');
const BERLIN = resolve(BERLIN_DIR, 'lor_planungsraeume_2021.shp');
const BERLIN_KEYS = resolve(BERLIN_DIR, 'LOR_2021_keys_areas_jascha.csv');

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

async function failure(promise: Promise<unknown>) {
  const e: unknown = await promise.then(
    () => new Error('expected a failure'),
    (x: unknown) => x,
  );
  return e as { code: string; message: string; status: number };
}

describe.each(engines)('deriving parent levels on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await importAreas(db, await readAreaFile(KOELN, { idField: 'STT_NR', nameField: 'STT_NAME' }), {
      level: 'stadtteil',
      validFrom: '2014-01-01',
    });
    await importAreas(db, await readAreaFile(BERLIN, { idField: 'PLR_ID', nameField: 'PLR_NAME' }), {
      level: 'planungsraum',
      validFrom: '2021-01-01',
    });
  }, 120_000);
  afterAll(() => drop());

  it('makes Köln’s 9 Stadtbezirke from the first digit of the Stadtteil number', async () => {
    const names = new Map([
      ['1', 'Innenstadt'],
      ['9', 'Mülheim'],
    ]);
    const result = await deriveParentLevel(db, {
      level: 'stadtbezirk',
      from: 'stadtteil',
      rule: { kind: 'prefix', length: 1 },
      names,
      validFrom: '2014-01-01',
    });
    expect(result).toMatchObject({ level: 'stadtbezirk', derived: 9, children: 86 });
    const bezirke = await listAreaSummaries(db, 'stadtbezirk');
    expect(bezirke.map((b) => b.id)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect(bezirke[0]!.name).toBe('Innenstadt');
    expect(bezirke[1]!.name).toBe('Stadtbezirk 2');
    const teile = await listAreaSummaries(db, 'stadtteil');
    expect(teile.every((t) => t.parent === t.id[0])).toBe(true);
    // Köln covers 405 km²; the dissolved Bezirke add up to their Stadtteile, except for slivers
    // where neighbouring Stadtteile of the file overlap (at most about 150 m² in a Bezirk), which
    // the union counts once.
    const total = sum(teile.map((t) => t.areaM2));
    expect(total / 1e6).toBeCloseTo(405.2, 0);
    expect(Math.abs(sum(bezirke.map((b) => b.areaM2)) - total) / total).toBeLessThan(1e-5);
    for (const b of bezirke) {
      const own = sum(teile.filter((t) => t.parent === b.id).map((t) => t.areaM2));
      expect(Math.abs(b.areaM2 - own) / own).toBeLessThan(1e-5);
    }
    const levels = await listLevels(db);
    const bezirk = levels.find((l) => l.key === 'stadtbezirk')!;
    const teil = levels.find((l) => l.key === 'stadtteil')!;
    expect(bezirk.rank).toBeLessThan(teil.rank);
    expect(teil.parent).toBe('stadtbezirk');
  });

  it('keeps the previous Gebietsstand when a level is derived again', async () => {
    await deriveParentLevel(db, {
      level: 'stadtbezirk',
      from: 'stadtteil',
      rule: { kind: 'prefix', length: 1 },
      validFrom: '2020-01-01',
    });
    const rows = await db.query<{ n: number; current: number; name: string }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE a.valid_to IS NULL)::int AS current,
              max(a.name) FILTER (WHERE a.valid_to IS NULL AND a.key = '1') AS name
         FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'stadtbezirk'`,
    );
    expect(rows[0]).toEqual({ n: 18, current: 9, name: 'Stadtbezirk 1' });
    const closed = await db.query<{ valid_to: unknown }>(
      `SELECT DISTINCT a.valid_to::text AS valid_to FROM area a JOIN area_level l ON l.id = a.level_id
        WHERE l.key = 'stadtbezirk' AND a.valid_to IS NOT NULL`,
    );
    expect(closed).toEqual([{ valid_to: '2020-01-01' }]);
    const teile = await listAreaSummaries(db, 'stadtteil');
    expect(teile).toHaveLength(86);
    expect(teile.every((t) => t.parent === t.id[0])).toBe(true);
  });

  it('makes Berlin’s 12 Bezirke from the first two digits of PLR_ID', async () => {
    const result = await deriveParentLevel(db, {
      level: 'bezirk',
      from: 'planungsraum',
      rule: { kind: 'prefix', length: 2 },
      validFrom: '2021-01-01',
    });
    expect(result).toMatchObject({ derived: 12, children: 542 });
    const bezirke = await listAreaSummaries(db, 'bezirk');
    const plr = await listAreaSummaries(db, 'planungsraum');
    const total = sum(plr.map((p) => p.areaM2));
    expect(total / 1e6).toBeCloseTo(891.1, 0);
    expect(Math.abs(sum(bezirke.map((b) => b.areaM2)) - total) / total).toBeLessThan(1e-6);
    expect(plr.filter((p) => p.parent === '12')).toHaveLength(
      plr.filter((p) => p.id.startsWith('12')).length,
    );
  }, 120_000);

  it('puts Berlin’s 143 Bezirksregionen between Planungsräume and Bezirke from the key table', async () => {
    const table = readKeyCsv(await readFile(BERLIN_KEYS, 'utf8'), 'LOR_2021.csv');
    const result = await deriveParentLevel(db, {
      level: 'bezirksregion',
      levelName: 'Bezirksregion',
      from: 'planungsraum',
      rule: {
        kind: 'table',
        table,
        childField: 'Planungsraum (Nummer)',
        parentField: 'Bezirksregion (Nummer)',
        parentNameField: 'Bezirksregion (Name)',
      },
      validFrom: '2021-01-01',
    });
    // Bezirk is already the parent level of Planungsraum: the new level goes between them.
    expect(result).toMatchObject({ derived: 143, children: 542 });
    const levels = await listLevels(db);
    const rank = (key: string) => levels.find((l) => l.key === key)!.rank;
    expect(rank('bezirk')).toBeLessThan(rank('bezirksregion'));
    expect(rank('bezirksregion')).toBeLessThan(rank('planungsraum'));
    expect(levels.find((l) => l.key === 'bezirksregion')!.parent).toBe('bezirk');
    expect(levels.find((l) => l.key === 'planungsraum')!.parent).toBe('bezirksregion');
    const regions = await listAreaSummaries(db, 'bezirksregion');
    expect(regions.find((r) => r.id === '011001')).toMatchObject({ name: 'Tiergarten Süd', parent: '01' });
    expect(regions.every((r) => r.parent === r.id.slice(0, 2))).toBe(true);
    const plr = await listAreaSummaries(db, 'planungsraum');
    expect(plr.every((p) => p.parent === p.id.slice(0, 6))).toBe(true);
  }, 120_000);

  it('refuses with German messages', async () => {
    const unknown = await failure(
      deriveParentLevel(db, { level: 'x', from: 'ortsteil', rule: { kind: 'prefix', length: 1 } }),
    );
    expect(unknown).toMatchObject({ code: 'areas.unknown_level', status: 404 });
    expect(unknown.message).toContain('„ortsteil“ gibt es nicht');
    const long = await failure(
      deriveParentLevel(db, { level: 'x', from: 'stadtteil', rule: { kind: 'prefix', length: 3 } }),
    );
    expect(long).toMatchObject({ code: 'areas.derive_prefix_too_long', status: 400 });
    expect(long.message).toContain('3 Zeichen');
    const table = readKeyCsv('teil;bezirk\n101;1\n102;1\n', 'bezirke.csv');
    const missing = await failure(
      deriveParentLevel(db, {
        level: 'x',
        from: 'stadtteil',
        rule: { kind: 'table', table, childField: 'teil', parentField: 'bezirk' },
      }),
    );
    expect(missing).toMatchObject({ code: 'areas.derive_child_not_in_table' });
    expect(missing.message).toContain(
      '84 Gebiete der Ebene „stadtteil“ stehen nicht in der Schlüsseltabelle',
    );
    const column = await failure(
      deriveParentLevel(db, {
        level: 'x',
        from: 'stadtteil',
        rule: { kind: 'table', table, childField: 'STT', parentField: 'bezirk' },
      }),
    );
    expect(column.message).toContain('Die Spalte „STT“ gibt es nicht. Vorhandene Spalten: „teil“, „bezirk“');
    const teile = (await listAreaSummaries(db, 'stadtteil')).map((a) => a.id);
    const single = await failure(
      deriveParentLevel(db, {
        level: 'x',
        from: 'stadtteil',
        rule: {
          kind: 'table',
          table: readKeyCsv(['teil;stadt', ...teile.map((k) => `${k};K`)].join('\n'), 'stadt.csv'),
          childField: 'teil',
          parentField: 'stadt',
        },
      }),
    );
    expect(single).toMatchObject({ code: 'areas.derive_single_parent', status: 400 });
    expect(single.message).toContain(
      'Alle 86 Gebiete der Ebene „stadtteil“ bekämen dasselbe übergeordnete Gebiet „K“',
    );
    expect((await listLevels(db)).map((l) => l.key)).not.toContain('x');
  });
});
