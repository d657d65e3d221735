/**
 * A feature layer as an ESRI Shapefile in one ZIP: `.shp` and `.shx` (polygons, ESRI Shapefile
 * Technical Description, 1998), `.dbf` (dBASE III table, UTF-8 text), `.prj` (WGS84 as ESRI WKT)
 * and `.cpg` (`UTF-8`, so GIS software decodes umlauts instead of guessing Windows-1252).
 *
 * Written here rather than with `@mapbox/shp-write`: that package puts Polygons and MultiPolygons
 * of one layer into two separate shapefiles, leaves ring orientation as it comes (shapefiles need
 * outer rings clockwise, GeoJSON has them counter-clockwise), writes text one byte per character
 * (Latin-1 at best) without a `.cpg`, and zips with JSZip, while `fflate` is already here. The
 * layout mirrors our reader (`areas/readers/shp.ts`, `dbf.ts`). Pure functions.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { zipSync } from 'fflate';
import { signedArea } from '../geo/validity.ts';
import type { GeoField, GeoLayer, GeoValue } from './geo-layer.ts';

/** WGS84 longitude/latitude (EPSG:4326) as ESRI WKT, as ArcGIS and GDAL write it into a `.prj`. */
export const WGS84_PRJ =
  'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
  'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]';

const SHAPE_NULL = 0;
const SHAPE_POLYGON = 5;
/** dBASE's longest character field. */
const MAX_TEXT_BYTES = 254;
const encoder = new TextEncoder();

export interface ShapefileParts {
  shp: Uint8Array;
  shx: Uint8Array;
  dbf: Uint8Array;
  prj: string;
  cpg: string;
}

/**
 * Rings of a (multi)polygon as the shapefile wants them: outer rings clockwise, holes
 * counter-clockwise, all in one list (a reader tells them apart by their orientation).
 */
export function shapefileRings(g: Polygon | MultiPolygon): Position[][] {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
  return polygons.flatMap((rings) =>
    rings.map((ring, i) => {
      const clockwise = signedArea(ring) < 0;
      return clockwise === (i === 0) ? ring : [...ring].reverse();
    }),
  );
}

/** `.shp` and `.shx`: one polygon record per feature, a null shape for an empty geometry. */
function writeGeometries(layer: GeoLayer): { shp: Uint8Array; shx: Uint8Array } {
  const records = layer.features.map((f) => shapefileRings(f.geometry).filter((r) => r.length >= 4));
  const contentBytes = records.map((rings) =>
    rings.length ? 44 + 4 * rings.length + 16 * rings.reduce((n, r) => n + r.length, 0) : 4,
  );
  const shpLength = 100 + contentBytes.reduce((n, c) => n + 8 + c, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * records.length);
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  const all = records.flat(2);
  const box: [number, number, number, number] = all.length ? boxOf(all) : [0, 0, 0, 0];
  header(sv, shpLength, box);
  header(xv, shx.length, box);
  let at = 100;
  records.forEach((rings, i) => {
    const content = contentBytes[i]!;
    xv.setInt32(100 + 8 * i, at / 2); // offset and length in 16-bit words, big endian
    xv.setInt32(104 + 8 * i, content / 2);
    sv.setInt32(at, i + 1); // record numbers start at 1
    sv.setInt32(at + 4, content / 2);
    at += 8;
    if (!rings.length) {
      sv.setInt32(at, SHAPE_NULL, true);
      at += 4;
      return;
    }
    const points = rings.flat();
    sv.setInt32(at, SHAPE_POLYGON, true);
    boxOf(points).forEach((v, k) => sv.setFloat64(at + 4 + 8 * k, v, true));
    sv.setInt32(at + 36, rings.length, true);
    sv.setInt32(at + 40, points.length, true);
    at += 44;
    let first = 0;
    for (const ring of rings) {
      sv.setInt32(at, first, true);
      first += ring.length;
      at += 4;
    }
    for (const p of points) {
      sv.setFloat64(at, p[0]!, true);
      sv.setFloat64(at + 8, p[1]!, true);
      at += 16;
    }
  });
  return { shp, shx };
}

/** The 100-byte main file header shared by `.shp` and `.shx` (box: xmin, ymin, xmax, ymax). */
function header(view: DataView, bytes: number, box: [number, number, number, number]) {
  view.setInt32(0, 9994); // file code, big endian
  view.setInt32(24, bytes / 2);
  view.setInt32(28, 1000, true);
  view.setInt32(32, SHAPE_POLYGON, true);
  box.forEach((v, k) => view.setFloat64(36 + 8 * k, v, true));
}

function boxOf(points: Position[]): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x!);
    minY = Math.min(minY, y!);
    maxX = Math.max(maxX, x!);
    maxY = Math.max(maxY, y!);
  }
  return [minX, minY, maxX, maxY];
}

/** UTF-8 bytes of `text`, cut to at most `max` bytes at a character boundary. */
export function utf8Bytes(text: string, max: number): Uint8Array {
  const bytes = encoder.encode(text);
  if (bytes.length <= max) return bytes;
  let end = max;
  while (end > 0 && (bytes[end]! & 0xc0) === 0x80) end--; // not inside a multi-byte character
  return bytes.subarray(0, end);
}

/** Decimals that show `n` exactly as JavaScript prints it, at most 10. */
function decimalsOf(n: number): number {
  const text = String(n);
  if (text.includes('e')) return 10;
  return Math.min(10, text.split('.')[1]?.length ?? 0);
}

interface DbfColumn {
  field: GeoField;
  type: 'C' | 'N' | 'D';
  length: number;
  decimals: number;
  /** The cell of one value, exactly `length` bytes. */
  cell: (v: GeoValue) => Uint8Array;
}

/** Field layout from the values: text as long as its longest UTF-8 value, numbers as wide as needed. */
function dbfColumn(field: GeoField, values: GeoValue[]): DbfColumn {
  const pad = (bytes: Uint8Array, length: number, right: boolean) => {
    const out = new Uint8Array(length).fill(0x20);
    out.set(bytes.subarray(0, length), right ? length - Math.min(length, bytes.length) : 0);
    return out;
  };
  if (field.type === 'date')
    return {
      field,
      type: 'D',
      length: 8,
      decimals: 0,
      cell: (v) =>
        pad(encoder.encode(typeof v === 'string' ? v.replace(/-/g, '').slice(0, 8) : ''), 8, false),
    };
  if (field.type === 'real') {
    const numbers = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
    const decimals = Math.max(0, ...numbers.map(decimalsOf));
    const length = Math.min(254, Math.max(1, ...numbers.map((n) => n.toFixed(decimals).length)));
    return {
      field,
      type: 'N',
      length,
      decimals,
      // GDAL writes a missing number as asterisks; every reader we know takes them as null
      cell: (v) =>
        typeof v === 'number' && Number.isFinite(v)
          ? pad(encoder.encode(v.toFixed(decimals)), length, true)
          : new Uint8Array(length).fill(0x2a),
    };
  }
  const texts = values.map((v) => utf8Bytes(v === null ? '' : String(v), MAX_TEXT_BYTES));
  const length = Math.max(1, ...texts.map((t) => t.length));
  return {
    field,
    type: 'C',
    length,
    decimals: 0,
    cell: (v) => pad(utf8Bytes(v === null ? '' : String(v), length), length, false),
  };
}

/** dBASE III table of the layer's attributes, field names shortened to `GeoField.short`. */
function writeDbf(layer: GeoLayer, today: Date): Uint8Array {
  const columns = layer.fields.map((f, i) =>
    dbfColumn(
      f,
      layer.features.map((x) => x.values[i] ?? null),
    ),
  );
  const headerLength = 32 + 32 * columns.length + 1;
  const recordLength = 1 + columns.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(headerLength + recordLength * layer.features.length + 1);
  const view = new DataView(out.buffer);
  out[0] = 0x03; // dBASE III without memo
  out[1] = today.getUTCFullYear() - 1900;
  out[2] = today.getUTCMonth() + 1;
  out[3] = today.getUTCDate();
  view.setUint32(4, layer.features.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  // byte 29, the language driver, stays 0: the encoding is named by the .cpg
  columns.forEach((c, i) => {
    const at = 32 + 32 * i;
    if (!/^[A-Za-z][A-Za-z0-9_]{0,9}$/.test(c.field.short))
      throw new Error(`dBASE field name must be 1–10 ASCII characters: ${c.field.short}`);
    out.set(encoder.encode(c.field.short), at);
    out[at + 11] = c.type.charCodeAt(0);
    out[at + 16] = c.length;
    out[at + 17] = c.decimals;
  });
  out[headerLength - 1] = 0x0d;
  let at = headerLength;
  for (const f of layer.features) {
    out[at++] = 0x20; // not deleted
    columns.forEach((c, i) => {
      out.set(c.cell(f.values[i] ?? null), at);
      at += c.length;
    });
  }
  out[at] = 0x1a; // end of file
  return out;
}

/** The parts of the shapefile; `today` is the dBASE header's date of last update. */
export function layerToShapefile(layer: GeoLayer, today = new Date()): ShapefileParts {
  return { ...writeGeometries(layer), dbf: writeDbf(layer, today), prj: WGS84_PRJ, cpg: 'UTF-8' };
}

/** One ZIP with `<layer.name>.shp`, `.shx`, `.dbf`, `.prj` and `.cpg`, as GIS software opens it. */
export function layerToShapefileZip(layer: GeoLayer, today = new Date()): Uint8Array {
  const parts = layerToShapefile(layer, today);
  const name = layer.name;
  return zipSync({
    [`${name}.shp`]: parts.shp,
    [`${name}.shx`]: parts.shx,
    [`${name}.dbf`]: parts.dbf,
    [`${name}.prj`]: encoder.encode(parts.prj),
    [`${name}.cpg`]: encoder.encode(parts.cpg),
  });
}
