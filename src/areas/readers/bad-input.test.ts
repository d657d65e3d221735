import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LagebildError } from '../../core/errors.ts';
import { readAreaFile } from './read-area-file.ts';
import { readAreaFiles } from './read-area-files.ts';

const KOELN = resolve(process.cwd(), '../shared/data/koeln-stadtteile');
const FIXTURES = resolve(process.cwd(), 'src/areas/readers/fixtures');
const EXTS = ['shp', 'shx', 'dbf', 'prj'] as const;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lagebild-readers-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Copies the Köln shapefile set into a fresh folder of the temp dir, without the given parts. */
async function koelnCopy(name: string, without: readonly string[] = []): Promise<string> {
  const target = join(dir, name);
  await mkdir(target);
  for (const ext of EXTS) {
    if (!without.includes(ext))
      await copyFile(join(KOELN, `Stadtteil.${ext}`), join(target, `Stadtteil.${ext}`));
  }
  return join(target, 'Stadtteil.shp');
}

async function importFailure(promise: Promise<unknown>): Promise<LagebildError> {
  const error: unknown = await promise.then(
    () => new Error('expected the import to fail'),
    (e: unknown) => e,
  );
  if (!(error instanceof LagebildError)) throw error;
  expect(error.status).toBe(422);
  return error;
}

describe('broken shapefiles', () => {
  it('reports a truncated .shp with the record where it breaks off', async () => {
    const shp = await koelnCopy('truncated');
    const bytes = await readFile(shp);
    await writeFile(shp, bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = await importFailure(readAreaFile(shp));
    expect(e.code).toBe('import.shp_corrupt');
    expect(e.message).toContain('„Stadtteil.shp“');
    expect(e.message).toMatch(/abgeschnitten.*ab Datensatz \d+/);
    expect(e.details.record).toBeGreaterThan(1);
  });

  it('reports a .dbf whose record count does not match the .shp', async () => {
    const shp = await koelnCopy('mismatch');
    const dbfPath = shp.replace(/shp$/, 'dbf');
    const dbf = await readFile(dbfPath);
    dbf.writeUInt32LE(85, 4); // header says 85 records instead of 86
    await writeFile(dbfPath, dbf);
    const e = await importFailure(readAreaFile(shp));
    expect(e.code).toBe('import.record_count_mismatch');
    expect(e.message).toContain('86 Geometrien');
    expect(e.message).toContain('85 Datensätze');
    expect(e.message).toContain('laut .shx-Index 86');
  });

  it('reports a point shapefile as not made of polygons', async () => {
    const shp = await koelnCopy('points');
    const bytes = await readFile(shp);
    bytes.writeInt32LE(1, 32); // header shape type: Point
    await writeFile(shp, bytes);
    const e = await importFailure(readAreaFile(shp));
    expect(e.code).toBe('import.not_polygon');
    expect(e.message).toContain('„Stadtteil.shp“');
    expect(e.message).toContain('ein Punkt');
  });

  it('collects siblings whatever the case of their extension', async () => {
    const target = join(dir, 'upper');
    await mkdir(target);
    for (const ext of EXTS)
      await copyFile(join(KOELN, `Stadtteil.${ext}`), join(target, `Stadtteil.${ext.toUpperCase()}`));
    const file = await readAreaFile(join(target, 'Stadtteil.SHP'));
    expect(file.areas).toHaveLength(86);
    expect(file.crs).toContain('+x_0=2500000');
  });

  it('reports a missing .dbf', async () => {
    const shp = await koelnCopy('no-dbf', ['dbf']);
    const e = await importFailure(readAreaFile(shp));
    expect(e.code).toBe('import.dbf_missing');
    expect(e.message).toContain('„Stadtteil.shp“');
    expect(e.message).toContain('.dbf');
  });

  it('asks for --crs when the .prj is missing and the coordinates are projected', async () => {
    const shp = await koelnCopy('no-prj', ['prj']);
    const e = await importFailure(readAreaFile(shp));
    expect(e.code).toBe('import.crs_missing');
    expect(e.message).toContain('„Stadtteil.shp“');
    expect(e.message).toContain('--crs');
  });

  it('reports an unreadable .prj', async () => {
    const shp = await koelnCopy('bad-prj');
    await writeFile(shp.replace(/shp$/, 'prj'), 'GEOGCS[kaputt');
    const e = await importFailure(readAreaFile(shp));
    expect(e.code).toBe('import.unknown_crs');
    expect(e.message).toContain('„Stadtteil.shp“');
    expect(e.message).toContain('GEOGCS[kaputt');
  });

  it('reports an unknown EPSG code given with --crs', async () => {
    const e = await importFailure(readAreaFile(join(KOELN, 'Stadtteil.shp'), { crs: 'EPSG:999999' }));
    expect(e.code).toBe('import.unknown_crs');
    expect(e.message).toContain('EPSG:999999');
  });

  it('reports a field that does not exist, listing the fields', async () => {
    const e = await importFailure(readAreaFile(join(KOELN, 'Stadtteil.shp'), { idField: 'GEBIET' }));
    expect(e.code).toBe('import.field_not_found');
    expect(e.message).toContain('„STT_NR“, „STT_NAME“, „SHAPE_AREA“, „SHAPE_LEN“');
  });
});

describe('GeoJSON', () => {
  it('reports a duplicate key naming both records', async () => {
    const e = await importFailure(readAreaFile(join(FIXTURES, 'duplicate-ids.geojson')));
    expect(e.code).toBe('import.duplicate_key');
    expect(e.message).toContain('„duplicate-ids.geojson“');
    expect(e.message).toContain('„01“');
    expect(e.message).toContain('Datensatz 1 und Datensatz 3');
  });

  it('rejects a bow-tie polygon, naming record, key and place', async () => {
    const e = await importFailure(readAreaFile(join(FIXTURES, 'bow-tie.geojson')));
    expect(e.code).toBe('import.self_intersection');
    expect(e.message).toContain('„bow-tie.geojson“, Datensatz 2 (Schlüssel „B“)');
    expect(e.message).toContain('Länge 7.05000, Breite 50.95000');
  });

  const geojson = (doc: unknown, name = 'gebiete.geojson') => [
    { name, data: new TextEncoder().encode(JSON.stringify(doc)) },
  ];
  const feature = (properties: object, geometry: object | null) => ({
    type: 'Feature',
    properties,
    geometry,
  });
  const square = (x: number, y: number, d: number) => ({
    type: 'Polygon',
    coordinates: [
      [
        [x, y],
        [x + d, y],
        [x + d, y + d],
        [x, y + d],
      ],
    ],
  });

  it('closes unclosed rings and reports the repair', async () => {
    const file = await readAreaFiles(
      geojson({ type: 'FeatureCollection', features: [feature({ id: 7 }, square(7, 51, 0.01))] }),
    );
    expect(file.areas[0]).toMatchObject({ key: '7', name: '7', repairs: ['closed_ring'] });
    expect(file.crs).toBe('EPSG:4326');
  });

  it('honours a legacy crs member (UTM coordinates)', async () => {
    const doc = {
      type: 'FeatureCollection',
      crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::25832' } },
      features: [feature({ schluessel: 'x1' }, square(356_000, 5_645_000, 100))],
    };
    const file = await readAreaFiles(geojson(doc));
    expect(file.crs).toBe('EPSG:25832');
    expect(file.areas[0]!.areaM2).toBeGreaterThan(9_900);
    expect(file.areas[0]!.areaM2).toBeLessThan(10_100);
  });

  it('asks for --crs when coordinates are projected but no CRS is named', async () => {
    const doc = {
      type: 'FeatureCollection',
      features: [feature({ nr: 1 }, square(356_000, 5_645_000, 100))],
    };
    const e = await importFailure(readAreaFiles(geojson(doc)));
    expect(e.code).toBe('import.crs_missing');
    expect(e.message).toContain('--crs');
  });

  it.each([
    [
      'a point',
      feature({ nr: 1 }, { type: 'Point', coordinates: [7, 51] }),
      'import.not_polygon',
      'ein Punkt',
    ],
    ['no geometry', feature({ nr: 1 }, null), 'import.empty_geometry', 'keine Geometrie'],
    ['an empty key', feature({ nr: ' ' }, square(7, 51, 0.01)), 'import.empty_key', 'ist leer'],
  ])('reports %s with file and record', async (_label, bad, code, text) => {
    const doc = { type: 'FeatureCollection', features: [feature({ nr: 5 }, square(7, 50, 0.01)), bad] };
    const e = await importFailure(readAreaFiles(geojson(doc), { idField: 'nr' }));
    expect(e.code).toBe(code);
    expect(e.message).toContain('„gebiete.geojson“, Datensatz 2');
    expect(e.message).toContain(text);
  });

  it('reports invalid JSON with line and column', async () => {
    const data = new TextEncoder().encode('{\n  "type": "FeatureCollection",\n  "features": [,]\n}');
    const e = await importFailure(readAreaFiles([{ name: 'kaputt.json', data }]));
    expect(e.code).toBe('import.invalid_json');
    expect(e.message).toContain('„kaputt.json“');
    expect(e.message).toContain('Zeile 3');
  });

  it('reports when no field can serve as key', async () => {
    const doc = {
      type: 'FeatureCollection',
      features: [feature({ typ: 'a' }, square(7, 50, 0.01)), feature({ typ: 'a' }, square(7, 51, 0.01))],
    };
    const e = await importFailure(readAreaFiles(geojson(doc)));
    expect(e.code).toBe('import.id_field_missing');
    expect(e.message).toContain('„typ“');
  });
});

describe('zip archives', () => {
  const koelnZip = async (names: readonly string[]) => {
    const entries: Record<string, Uint8Array> = {};
    for (const n of names) entries[`stadtteile/${n}`] = new Uint8Array(await readFile(join(KOELN, n)));
    return zipSync(entries);
  };

  it('reads the Köln shapefile set from a zip', async () => {
    const data = await koelnZip(['Stadtteil.shp', 'Stadtteil.shx', 'Stadtteil.dbf', 'Stadtteil.prj']);
    const file = await readAreaFiles([{ name: 'koeln.zip', data }]);
    expect(file.fileName).toBe('koeln.zip');
    expect(file.areas).toHaveLength(86);
    expect(file.areas.map((a) => a.name)).toContain('Mülheim');
    const zipPath = join(dir, 'koeln.zip');
    await writeFile(zipPath, data);
    expect((await readAreaFile(zipPath)).fileHash).toBe(file.fileHash);
  });

  it('reports a zip without .shp, listing its content', async () => {
    const data = await koelnZip(['Stadtteil.dbf', 'Stadtteil.prj']);
    const e = await importFailure(readAreaFiles([{ name: 'ohne-shp.zip', data }]));
    expect(e.code).toBe('import.zip_without_shp');
    expect(e.message).toContain('„ohne-shp.zip“');
    expect(e.message).toContain('stadtteile/Stadtteil.dbf');
  });

  it('names the file inside the zip in record messages', async () => {
    const data = await koelnZip(['Stadtteil.shp', 'Stadtteil.dbf', 'Stadtteil.prj']);
    const e = await importFailure(
      readAreaFiles([{ name: 'koeln.zip', data }], { idField: 'SHAPE_AREA', crs: 'EPSG:4326' }),
    );
    expect(e.code).toBe('import.coordinates_out_of_range');
    expect(e.message).toContain('„koeln.zip/stadtteile/Stadtteil.shp“, Datensatz 1');
  });
});
