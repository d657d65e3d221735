/**
 * Geometry exports read back by another reader, GDAL's ogrinfo: GeoJSON, Shapefile (ZIP) and
 * GeoPackage of the demo city through the API (planner and public), and of Köln — 86 Stadtteile
 * from the city's own shapefile in UTM, names with umlauts — through the service. ogrinfo must be
 * installed (gdal-bin): without it these tests fail instead of skipping.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFile } from '../areas/readers/index.ts';
import type { Db } from '../db/db.ts';
import { importTable } from '../imports/table-import.service.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { defineSums } from '../observations/variable.service.ts';
import { runSetup } from '../setup/setup.service.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import { readWithOgr, type OgrLayer } from '../test/ogrinfo.ts';
import { exportValues } from './export.service.ts';
import { STATUS_LABEL } from './values-export.ts';

// One engine: the exports read what the values route reads; the SQL is tested on both elsewhere.
const engine = engines[0]!;

/** The value column as ogrinfo prints it: a number, or null for "(null)" and unset fields. */
const printedNumber = (text: string | undefined) =>
  text === undefined || text === '(null)' ? null : Number(text);

/** key → printed values of each feature, by the key field of the format. */
function byKey(layer: OgrLayer, keyField: string) {
  return new Map(layer.features.map((f) => [f.values.get(keyField)!, f.values]));
}

/** The file's values agree with the JSON export (the values route) for every area. */
function expectSameValues(layer: OgrLayer, keyField: string, json: IndicatorValues) {
  const features = byKey(layer, keyField);
  expect([...features.keys()].sort()).toEqual(json.values.map((v) => v.id).sort());
  for (const v of json.values) {
    const f = features.get(v.id)!;
    expect(f.get('Status'), v.id).toBe(STATUS_LABEL[v.status]);
    const printed = printedNumber(f.get('Wert'));
    if (v.value === null) expect(printed, v.id).toBeNull();
    else expect(printed, v.id).toBeCloseTo(v.value, 6);
  }
}

describe(`geometry exports of the demo city (${engine.name})`, () => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  let secretIndicator = '';
  beforeAll(async () => {
    t = await demoApp(engine);
    // an indicator the public sees with secret cells on the finest level (the small estate)
    const indicators = (await t.app.inject('/api/indicators')).json<{ key: string }[]>();
    for (const { key } of indicators) {
      const v = (await t.app.inject(exportUrl(key, 'json'))).json<IndicatorValues>();
      if (v.values.some((x) => x.status === 'secret')) {
        secretIndicator = key;
        break;
      }
    }
  }, 300_000);
  afterAll(() => t?.close());

  const exportUrl = (indicator: string, format: string) =>
    `/api/exports/values?indicator=${indicator}&level=sozialraum&date=2024&format=${format}`;
  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });

  it('serves GeoJSON as application/geo+json, also from the public cache', async () => {
    for (let i = 0; i < 2; i++) {
      const res = await get('/api/areas/geojson?level=sozialraum');
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^application\/geo\+json/);
      expect(res.json<{ features: unknown[] }>().features).toHaveLength(62);
    }
    const file = await get(exportUrl('sgb2_quote', 'geojson'));
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toMatch(/^application\/geo\+json/);
    expect(file.headers['content-disposition']).toContain('sgb2_quote_sozialraum_2024-12-31.geojson');
    const layer = readWithOgr(file.body, 'werte.geojson');
    expect(layer.featureCount).toBe(62);
    expect(layer.epsg).toBe(4326);
    expect(layer.metadata.get('DESCRIPTION')).toMatch(
      /^SGB-II-Quote \(%\) – Sozialraum – Stichtag 31\.12\.2024\. Quelle: /,
    );
    expect([...layer.fields.keys()]).toEqual([
      'Gebietsschlüssel',
      'Gebiet',
      'Wert',
      'Status',
      'Stichtag',
      'Quelle',
    ]);
    const json = (await get(exportUrl('sgb2_quote', 'json'))).json<IndicatorValues>();
    expectSameValues(layer, 'Gebietsschlüssel', json);
  });

  it('writes a Shapefile ZIP for planners: .shp .shx .dbf .prj .cpg, every area, EPSG:4326, values and counts', async () => {
    const res = await get(exportUrl('sgb2_quote', 'shp'), t.planner);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain('sgb2_quote_sozialraum_2024-12-31.shp.zip');
    const files = unzipSync(new Uint8Array(res.rawPayload));
    const name = 'sgb2_quote_sozialraum_20241231';
    expect(Object.keys(files).sort()).toEqual(['cpg', 'dbf', 'prj', 'shp', 'shx'].map((e) => `${name}.${e}`));
    expect(strFromU8(files[`${name}.cpg`]!)).toBe('UTF-8');

    const layer = readWithOgr(res.rawPayload, 'werte.shp.zip');
    expect(layer.stderr).toBe('');
    expect(layer.name).toBe(name);
    expect(layer.geometry).toBe('Polygon');
    expect(layer.featureCount).toBe(62);
    expect(layer.epsg).toBe(4326);
    // dBASE names: at most 10 characters (see geo-layer.ts)
    expect([...layer.fields]).toEqual([
      ['Schluessel', 'String'],
      ['Gebiet', 'String'],
      ['Wert', 'Real'],
      ['Status', 'String'],
      // numbers get the decimals their values need: the demo's counts are whole numbers
      ['Zaehler', 'Integer'],
      ['Nenner', 'Integer'],
      ['Stichtag', 'Date'],
      ['Quelle', 'String'],
    ]);
    const json = (await get(exportUrl('sgb2_quote', 'json'), t.planner)).json<IndicatorValues>();
    expectSameValues(layer, 'Schluessel', json);
    const first = json.values[0]!;
    const f = byKey(layer, 'Schluessel').get(first.id)!;
    expect(f.get('Gebiet')).toBe(first.name);
    expect(printedNumber(f.get('Zaehler'))).toBe(first.numerator);
    expect(printedNumber(f.get('Nenner'))).toBe(first.denominator);
    expect(f.get('Stichtag')).toBe('2024/12/31');
    expect(layer.features.every((x) => x.wkt.startsWith('POLYGON ((7.'))).toBe(true);
  });

  it('writes a GeoPackage for planners: one MultiPolygon layer in EPSG:4326 with values and counts', async () => {
    const res = await get(exportUrl('sgb2_quote', 'gpkg'), t.planner);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/geopackage+sqlite3');
    expect(res.headers['content-disposition']).toContain('sgb2_quote_sozialraum_2024-12-31.gpkg');
    // SQLite header, application_id 'GPKG' at offset 68, user_version 10300 at 60
    const bytes = res.rawPayload;
    expect(bytes.subarray(0, 15).toString()).toBe('SQLite format 3');
    expect(bytes.subarray(68, 72).toString()).toBe('GPKG');
    expect(bytes.readUInt32BE(60)).toBe(10300);

    const layer = readWithOgr(bytes, 'werte.gpkg');
    expect(layer.stderr).toBe('');
    expect(layer.name).toBe('sgb2_quote_sozialraum_20241231');
    expect(layer.geometry).toBe('Multi Polygon');
    expect(layer.featureCount).toBe(62);
    expect(layer.epsg).toBe(4326);
    expect(layer.metadata.get('IDENTIFIER')).toBe('SGB-II-Quote (%) – Sozialraum – Stichtag 31.12.2024');
    expect([...layer.fields]).toEqual([
      ['Gebietsschlüssel', 'String'],
      ['Gebiet', 'String'],
      ['Wert', 'Real'],
      ['Status', 'String'],
      ['Zähler', 'Real'],
      ['Nenner', 'Real'],
      ['Stichtag', 'Date'],
      ['Quelle', 'String'],
    ]);
    const json = (await get(exportUrl('sgb2_quote', 'json'), t.planner)).json<IndicatorValues>();
    expectSameValues(layer, 'Gebietsschlüssel', json);
    const last = json.values.at(-1)!;
    const f = byKey(layer, 'Gebietsschlüssel').get(last.id)!;
    expect(f.get('Gebiet')).toBe(last.name);
    expect(printedNumber(f.get('Zähler'))).toBe(last.numerator);
    expect(layer.features.every((x) => x.wkt.startsWith('MULTIPOLYGON (((7.'))).toBe(true);
  });

  it('gives the public in shp and gpkg exactly the public values: no secret value, no counts', async () => {
    expect(secretIndicator).not.toBe('');
    const open = (await get(exportUrl(secretIndicator, 'json'))).json<IndicatorValues>();
    const full = (await get(exportUrl(secretIndicator, 'json'), t.planner)).json<IndicatorValues>();
    const secret = open.values.filter((v) => v.status === 'secret').map((v) => v.id);
    expect(secret.length).toBeGreaterThan(0);
    // the test bites: planners do see values where the public sees none
    expect(full.values.filter((v) => secret.includes(v.id) && v.value !== null).length).toBeGreaterThan(0);
    for (const [format, keyField] of [
      ['shp', 'Schluessel'],
      ['gpkg', 'Gebietsschlüssel'],
    ] as const) {
      const res = await get(exportUrl(secretIndicator, format));
      expect(res.statusCode).toBe(200);
      const layer = readWithOgr(res.rawPayload, `public.${format === 'shp' ? 'shp.zip' : 'gpkg'}`);
      expect(layer.featureCount).toBe(62);
      expect([...layer.fields.keys()].some((k) => /Z(ä|ae)hler|Nenner/.test(k))).toBe(false);
      expectSameValues(layer, keyField, open);
      const features = byKey(layer, keyField);
      for (const id of secret) {
        expect(features.get(id)!.get('Status')).toBe('geheim');
        expect(printedNumber(features.get(id)!.get('Wert'))).toBeNull();
      }
    }
  });
});

const KOELN = '../shared/data/koeln-stadtteile';
const OPERATOR: User = { id: 0, username: 'test', displayName: 'Test', role: 'admin' };

describe(`geometry exports of Köln (${engine.name})`, () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await runSetup(db, {
      admin: 'amt12',
      password: 'sehr-geheim-123',
      city: 'Köln',
      key: '05315000',
      kind: 'stadt',
      levels: [{ key: 'stadtteil', name: 'Stadtteil' }],
    });
    const areas = await readAreaFile(`${KOELN}/Stadtteil.shp`, { idField: 'STT_NR', nameField: 'STT_NAME' });
    await importAreas(db, areas, { level: 'stadtteil', validFrom: '2014-01-01' });
    await importTable(db, { path: `${KOELN}/bevoelkerung_2005-2012.csv` }, { level: 'stadtteil' });
    await defineSums(db, [{ key: 'ew', terms: 'm_005_10' }]);
  }, 300_000);
  afterAll(() => drop?.());

  const file = (format: 'geojson' | 'shp' | 'gpkg', user: User | null = OPERATOR) =>
    exportValues(db, user, { indicator: 'einwohner', level: 'stadtteil', date: '2012', format });

  it.each([
    ['geojson', 'Gebietsschlüssel', 'koeln.geojson'],
    ['shp', 'Schluessel', 'koeln.shp.zip'],
    ['gpkg', 'Gebietsschlüssel', 'koeln.gpkg'],
  ] as const)(
    '%s: 86 Stadtteile in WGS84 with umlauts and the population of 2012',
    async (format, keyField, name) => {
      const exported = await file(format);
      const layer = readWithOgr(exported.body, name);
      expect(layer.stderr).toBe('');
      expect(layer.featureCount).toBe(86);
      expect(layer.epsg).toBe(4326);
      // reprojected from Köln's UTM (false easting 2,500,000) to longitude/latitude around Köln
      const [minX, minY, maxX, maxY] = layer.extent;
      expect(minX).toBeGreaterThan(6.7);
      expect(maxX).toBeLessThan(7.2);
      expect(minY).toBeGreaterThan(50.8);
      expect(maxY).toBeLessThan(51.1);
      const features = byKey(layer, keyField);
      expect(features.get('901')?.get('Gebiet')).toBe('Mülheim');
      expect(features.get('101')?.get('Gebiet')).toBe('Altstadt/Süd');
      expect(features.get('507')?.get('Gebiet')).toBe('Bilderstöckchen');
      const json = JSON.parse(
        (
          await exportValues(db, OPERATOR, {
            indicator: 'einwohner',
            level: 'stadtteil',
            date: '2012',
            format: 'json',
          })
        ).body as string,
      ) as IndicatorValues;
      expectSameValues(layer, keyField, json);
      expect(printedNumber(features.get('901')?.get('Wert'))).toBeGreaterThan(30_000);
    },
    120_000,
  );

  it('gives the public the protected values in every geometry format', async () => {
    const json = JSON.parse(
      (
        await exportValues(db, null, {
          indicator: 'einwohner',
          level: 'stadtteil',
          date: '2012',
          format: 'json',
        })
      ).body as string,
    ) as IndicatorValues;
    for (const [format, keyField, name] of [
      ['shp', 'Schluessel', 'koeln.shp.zip'],
      ['gpkg', 'Gebietsschlüssel', 'koeln.gpkg'],
    ] as const) {
      const layer = readWithOgr((await file(format, null)).body, name);
      expect([...layer.fields.keys()].some((k) => /Z(ä|ae)hler|Nenner/.test(k))).toBe(false);
      expectSameValues(layer, keyField, json);
    }
  }, 120_000);
});
