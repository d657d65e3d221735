/**
 * A child lies in its parent: an import whose parent key exists on a coarser level but names the
 * wrong area (a Wohnplatz naming a Sozialraum of another Gemeinde) is refused as a whole, while
 * the real area files – Berlin's 542 Planungsräume in their Bezirke and Bezirksregionen, Köln's 86
 * Stadtteile in their Stadtbezirke – still import with their parents.
 */
import { resolve } from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { engines } from '../test/databases.ts';
import { useKreisFixtureApp } from '../test/kreis-fixture-app.ts';
import { multipart } from '../test/multipart.ts';
import { areaShapes } from './area.repository.ts';
import { importAreas, listAreaSummaries } from './area.service.ts';
import { deriveParentLevel } from './derive/derive.service.ts';
import { checkInsideParents, type ParentShape } from './parent-match.ts';
import { readAreaFile } from './readers/index.ts';
import type { AreaFile } from './readers/area-file.ts';

const BERLIN = resolve('../shared/data/berlin-lor-2021-plr-shp/lor_planungsraeume_2021.shp');
const KOELN = resolve('../shared/data/koeln-stadtteile/Stadtteil.shp');

async function failure(promise: Promise<unknown>) {
  const e: unknown = await promise.then(
    () => new Error('expected a failure'),
    (x: unknown) => x,
  );
  return e as { code: string; message: string };
}

describe.each(engines)('a Wohnplatz outside the Sozialraum it names, on $name', (engine) => {
  const kreis = useKreisFixtureApp(engine, { sozialraeume: true });

  const upload = (fc: FeatureCollection) => {
    const body = multipart({ level: 'wohnplatz', idField: 'id', nameField: 'name', parentField: 'parent' }, [
      { name: 'wohnplaetze.geojson', data: JSON.stringify(fc) },
    ]);
    return kreis.app.inject({
      method: 'POST',
      url: '/api/areas/import',
      payload: body.payload,
      headers: { cookie: kreis.admin, 'content-type': body.contentType },
    });
  };
  const state = async () =>
    kreis.db.query<{ n: number; sources: number }>(
      'SELECT (SELECT count(*)::int FROM area) AS n, (SELECT count(*)::int FROM data_source) AS sources',
    );

  it('refuses the whole file and writes nothing; the same file with the right parent imports', async () => {
    const res = await kreis.app.inject({
      url: '/api/areas/geojson?level=wohnplatz&detail=full',
      headers: { cookie: kreis.admin },
    });
    expect(res.statusCode, res.body).toBe(200);
    const current = res.json<FeatureCollection<Polygon | MultiPolygon, { parent: string }>>();
    // Unterbedorf (Gemeinde Bedorf) names Cestadt's Sozialraum „Cestadt-Mitte“: a key that exists on
    // a coarser level, so only the geometry shows the mistake
    const wrong = {
      ...current,
      features: current.features.map((f) =>
        f.id === '09190122002' ? { ...f, properties: { ...f.properties, parent: '09190133S01' } } : f,
      ),
    };
    const before = await state();
    const before2 = await listAreaSummaries(kreis.db, 'wohnplatz');
    const refused = await upload(wrong);
    expect(refused.statusCode).toBe(422);
    const body = refused.json<{ code: string; message: string }>();
    expect(body.code).toBe('import.outside_parent');
    expect(body.message).toMatch(
      /^wohnplaetze\.geojson, Datensatz \d+ \(09190122002\), Feld „parent“: das Gebiet liegt nicht in seinem übergeordneten Gebiet „09190133S01“ \(Cestadt-Mitte\)\./,
    );
    expect(await state()).toEqual(before);
    expect(await listAreaSummaries(kreis.db, 'wohnplatz')).toEqual(before2);

    const ok = await upload(current);
    expect(ok.statusCode, ok.body).toBe(200);
    const after = await listAreaSummaries(kreis.db, 'wohnplatz');
    expect(after.find((w) => w.id === '09190122002')?.parent).toBe('09190122');
    expect(after.find((w) => w.id === '09190133004')?.parent).toBe('09190133S01');
  }, 120_000);
});

describe('real area files in their parents', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engines[0]!.create());
  });
  afterAll(() => drop?.());

  /** The areas of `file` with the parent key `parentOf(key)`. */
  const withParents = (file: AreaFile, parentOf: (key: string) => string): AreaFile => ({
    ...file,
    parentField: null,
    areas: file.areas.map((a) => ({ ...a, parentKey: parentOf(a.key) })),
  });

  it('Berlin’s 542 Planungsräume lie in their Bezirke and Bezirksregionen', async () => {
    const plain = await readAreaFile(BERLIN, { idField: 'PLR_ID', nameField: 'PLR_NAME' });
    await importAreas(db, plain, { level: 'planungsraum', validFrom: '2021-01-01' });
    await deriveParentLevel(db, {
      level: 'bezirk',
      from: 'planungsraum',
      rule: { kind: 'prefix', length: 2 },
      validFrom: '2021-01-01',
    });
    // the file's own parent field BEZ, checked against the Bezirke
    const withBez = await readAreaFile(BERLIN, {
      idField: 'PLR_ID',
      nameField: 'PLR_NAME',
      parentField: 'BEZ',
    });
    await importAreas(db, withBez, { level: 'planungsraum', validFrom: '2022-01-01' });
    await deriveParentLevel(db, {
      level: 'bezirksregion',
      from: 'planungsraum',
      rule: { kind: 'prefix', length: 6 },
      validFrom: '2022-01-01',
    });
    const toRegion = withParents(plain, (k) => k.slice(0, 6));
    const result = await importAreas(db, toRegion, {
      level: 'planungsraum',
      parentLevel: 'bezirksregion',
      validFrom: '2023-01-01',
    });
    expect(result.imported).toBe(542);
    const plr = await listAreaSummaries(db, 'planungsraum');
    expect(plr.filter((p) => p.parent === p.id.slice(0, 6))).toHaveLength(542);

    // the check's cost on its own: 542 interior points against 143 Bezirksregionen
    const regions = await listAreaSummaries(db, 'bezirksregion');
    expect(regions).toHaveLength(143);
    const ids = await db.query<{ id: number; key: string }>(
      `SELECT a.id, a.key FROM area a JOIN area_level l ON l.id = a.level_id
        WHERE l.key = 'bezirksregion' AND a.valid_to IS NULL`,
    );
    const byKey = new Map(
      (
        await areaShapes(
          db,
          ids.map((r) => r.id),
        )
      ).map((s) => [s.key, s]),
    );
    const parents = new Map<number, ParentShape>(
      toRegion.areas.map((a) => [a.record, byKey.get(a.parentKey!)!]),
    );
    const t0 = performance.now();
    checkInsideParents(toRegion.areas, parents, { fileName: toRegion.fileName, parentField: null });
    console.log(
      `[inside-parent] 542 Planungsräume in 143 Bezirksregionen checked in ${(performance.now() - t0).toFixed(1)} ms`,
    );

    // a Planungsraum of Mitte naming a Bezirksregion of Spandau is refused, nothing is written
    const wrong = withParents(plain, (k) => (k === '01100101' ? '051001' : k.slice(0, 6)));
    expect(byKey.has('051001')).toBe(true);
    const e = await failure(
      importAreas(db, wrong, {
        level: 'planungsraum',
        parentLevel: 'bezirksregion',
        validFrom: '2024-01-01',
      }),
    );
    expect(e.code).toBe('import.outside_parent');
    expect(e.message).toContain('(01100101)');
    expect(e.message).toContain('„051001“');
    const stande = await db.query<{ n: number }>(
      `SELECT count(DISTINCT a.valid_from)::int AS n FROM area a JOIN area_level l ON l.id = a.level_id
        WHERE l.key = 'planungsraum'`,
    );
    expect(stande[0]!.n).toBe(3);
  }, 300_000);

  it('Köln’s 86 Stadtteile lie in their Stadtbezirke', async () => {
    const plain = await readAreaFile(KOELN, { idField: 'STT_NR', nameField: 'STT_NAME' });
    await importAreas(db, plain, { level: 'stadtteil', validFrom: '2014-01-01' });
    await deriveParentLevel(db, {
      level: 'stadtbezirk',
      from: 'stadtteil',
      rule: { kind: 'prefix', length: 1 },
      validFrom: '2014-01-01',
    });
    const result = await importAreas(
      db,
      withParents(plain, (k) => k[0]!),
      { level: 'stadtteil', parentLevel: 'stadtbezirk', validFrom: '2015-01-01' },
    );
    expect(result.imported).toBe(86);
    const teile = await listAreaSummaries(db, 'stadtteil');
    expect(teile.every((t) => t.parent === t.id[0])).toBe(true);
  }, 300_000);
});
