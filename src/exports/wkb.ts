/**
 * Well-known binary of area geometries and the GeoPackage geometry blob around it. Written here
 * rather than with a library: a polygon's WKB is a few lines, for which `wkx` (the common WKB
 * library) would bring a parser and writer of every geometry format. Pure functions.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { bboxOf } from '../geo/stored-geometry.ts';

const WKB_POLYGON = 3;
const WKB_MULTIPOLYGON = 6;

const polygonsOf = (g: Polygon | MultiPolygon): Position[][][] =>
  g.type === 'Polygon' ? [g.coordinates] : g.coordinates;

/**
 * ISO/OGC WKB (Simple Features 1.2.1 §8.2) of a polygon or multipolygon, little endian, 2D,
 * always as a MultiPolygon so that one layer has one geometry type.
 * @example multiPolygonWkb({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 1], [0, 0]]] }).length // 9 + 9 + 4 + 4 + 4·16
 */
export function multiPolygonWkb(g: Polygon | MultiPolygon): Uint8Array {
  const polygons = polygonsOf(g);
  let size = 9;
  for (const poly of polygons) {
    size += 9;
    for (const ring of poly) size += 4 + 16 * ring.length;
  }
  const out = new Uint8Array(size);
  const view = new DataView(out.buffer);
  let at = 0;
  const head = (type: number, count: number) => {
    view.setUint8(at, 1); // little endian
    view.setUint32(at + 1, type, true);
    view.setUint32(at + 5, count, true);
    at += 9;
  };
  head(WKB_MULTIPOLYGON, polygons.length);
  for (const poly of polygons) {
    head(WKB_POLYGON, poly.length);
    for (const ring of poly) {
      view.setUint32(at, ring.length, true);
      at += 4;
      for (const p of ring) {
        view.setFloat64(at, p[0]!, true);
        view.setFloat64(at + 8, p[1]!, true);
        at += 16;
      }
    }
  }
  return out;
}

/**
 * GeoPackage geometry blob (GeoPackage 1.3 §2.1.3, StandardGeoPackageBinary): magic `GP`,
 * version 0, flags (little endian; envelope [minx, maxx, miny, maxy], or the empty flag and no
 * envelope), the srs_id, then the WKB.
 */
export function gpkgGeometry(g: Polygon | MultiPolygon, srsId: number): Uint8Array {
  const wkb = multiPolygonWkb(g);
  const empty = polygonsOf(g).every((p) => p.length === 0);
  const envelope = empty ? 0 : 32;
  const out = new Uint8Array(8 + envelope + wkb.length);
  const view = new DataView(out.buffer);
  out[0] = 0x47; // G
  out[1] = 0x50; // P
  out[2] = 0; // version 1
  out[3] = empty ? 0b1_0001 : 0b0_0011; // empty flag | envelope code 1 (<< 1) | little endian
  view.setInt32(4, srsId, true);
  if (!empty) {
    const [minX, minY, maxX, maxY] = bboxOf(g);
    view.setFloat64(8, minX, true);
    view.setFloat64(16, maxX, true);
    view.setFloat64(24, minY, true);
    view.setFloat64(32, maxY, true);
  }
  out.set(wkb, 8 + envelope);
  return out;
}
