/**
 * The Shapefile and GeoPackage writers on geometries the cities' data may hold — a multipolygon,
 * a hole, rings in either orientation, an empty geometry (a city level before its first import) —
 * and on long texts, read back by GDAL's ogrinfo (gdal-bin; missing, the tests fail).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { signedArea } from '../geo/validity.ts';
import { readWithOgr } from '../test/ogrinfo.ts';
import type { GeoLayer } from './geo-layer.ts';
import { layerToGeoPackage } from './geopackage.ts';
import { layerToShapefileZip, shapefileRings, utf8Bytes } from './shapefile.ts';
import { multiPolygonWkb } from './wkb.ts';

const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

/** Two islands, the first with a lake; outer rings counter-clockwise as RFC 7946 stores them. */
const islands: MultiPolygon = {
  type: 'MultiPolygon',
  coordinates: [[square(7, 51, 0.1), square(7.02, 51.02, 0.02).reverse()], [square(7.2, 51, 0.05)]],
};
/** A polygon whose outer ring runs clockwise (as a shapefile brings it). */
const clockwise: Polygon = { type: 'Polygon', coordinates: [square(7.3, 51, 0.05).reverse()] };
const empty: MultiPolygon = { type: 'MultiPolygon', coordinates: [] };

const longName = 'Ü'.repeat(200);
const layer: GeoLayer = {
  name: 'test_layer',
  title: 'Test – Stichtag 31.12.2024',
  description: 'Quelle: Test',
  fields: [
    { name: 'Gebietsschlüssel', short: 'Schluessel', type: 'text' },
    { name: 'Gebiet', short: 'Gebiet', type: 'text' },
    { name: 'Wert', short: 'Wert', type: 'real' },
    { name: 'Stichtag', short: 'Stichtag', type: 'date' },
  ],
  features: [
    { geometry: islands, values: ['1', 'Inseln mit See', -1.25, '2024-12-31'] },
    { geometry: clockwise, values: ['2', longName, null, '2024-12-31'] },
    { geometry: empty, values: ['3', 'Ohne Fläche', 12, '2024-12-31'] },
  ],
};

/** Parts and rings per part of a printed WKT MULTIPOLYGON / POLYGON: `[[2], [1]]` = parts with rings. */
function ringsPerPart(wkt: string): number[] {
  const body = wkt.replace(/^(MULTI)?POLYGON\s*/, '');
  if (wkt.startsWith('POLYGON')) return [body.split('),(').length];
  return body
    .slice(1, -1)
    .split(')),((')
    .map((part) => part.split('),(').length);
}

describe('geometry writers', () => {
  it('orients shapefile rings: outer clockwise, holes counter-clockwise', () => {
    const rings = shapefileRings(islands);
    expect(rings.map((r) => Math.sign(signedArea(r)))).toEqual([-1, 1, -1]);
    expect(shapefileRings(clockwise).map((r) => Math.sign(signedArea(r)))).toEqual([-1]);
  });

  it('cuts UTF-8 text at a character boundary', () => {
    expect(utf8Bytes(longName, 254).length).toBe(254);
    expect(new TextDecoder('utf-8', { fatal: true }).decode(utf8Bytes(longName, 253))).toBe('Ü'.repeat(126));
  });

  it('writes WKB as MultiPolygon, little endian', () => {
    const wkb = multiPolygonWkb(clockwise);
    expect([...wkb.subarray(0, 9)]).toEqual([1, 6, 0, 0, 0, 1, 0, 0, 0]);
    // multipolygon head (order, type, count), polygon head (order, type, rings), ring length, 5 points
    expect(wkb.length).toBe(9 + 9 + 4 + 5 * 16);
  });

  it('writes a Shapefile GDAL reads with parts, holes, a null shape and cut text', () => {
    const read = readWithOgr(layerToShapefileZip(layer, new Date('2025-01-02')), 'test.shp.zip');
    expect(read.stderr).toBe('');
    expect(read.featureCount).toBe(3);
    expect(read.epsg).toBe(4326);
    expect(read.metadata.get('DBF_DATE_LAST_UPDATE')).toBe('2025-01-02');
    const [one, two, three] = read.features;
    expect(ringsPerPart(one!.wkt)).toEqual([2, 1]);
    expect(one!.wkt).toMatch(/^MULTIPOLYGON/);
    expect(one!.values.get('Wert')).toBe('-1.25');
    expect(ringsPerPart(two!.wkt)).toEqual([1]);
    expect(two!.values.get('Gebiet')).toBe('Ü'.repeat(127));
    expect(two!.values.get('Wert') ?? '(null)').toBe('(null)');
    expect(three!.wkt).toBe('');
    expect(three!.values.get('Gebiet')).toBe('Ohne Fläche');
    expect(three!.values.get('Stichtag')).toBe('2024/12/31');
  });

  it('writes a GeoPackage GDAL reads with parts, holes, an empty geometry and long text', async () => {
    const read = readWithOgr(await layerToGeoPackage(layer), 'test.gpkg');
    expect(read.stderr).toBe('');
    expect(read.featureCount).toBe(3);
    expect(read.epsg).toBe(4326);
    expect(read.extent).toEqual([7, 51, 7.35, 51.1]);
    expect(read.metadata.get('IDENTIFIER')).toBe('Test – Stichtag 31.12.2024');
    const [one, two, three] = read.features;
    expect(ringsPerPart(one!.wkt)).toEqual([2, 1]);
    expect(two!.wkt).toMatch(/^MULTIPOLYGON/);
    expect(two!.values.get('Gebiet')).toBe(longName);
    expect(two!.values.get('Wert')).toBe('(null)');
    expect(three!.wkt).toBe('MULTIPOLYGON EMPTY');
    expect(three!.values.get('Wert')).toBe('12');
  });
});
