/**
 * An independent reference for counts of points per area in tests: Berlin's Planungsräume read straight
 * from the .shp and .dbf bytes (ESRI Shapefile Technical Description, 1998; dBASE III header) and
 * Kitas straight from the GeoJSON, both in their delivered EPSG:25833, counted with a plain
 * even-odd ray test over every ring (W. R. Franklin, PNPOLY) — no reprojection, no rounding, no
 * spatial index, and none of the app's readers.
 */
import { readFileSync } from 'node:fs';

interface Shape {
  key: string;
  bbox: [number, number, number, number];
  /** Rings as flat x, y arrays. */
  rings: Float64Array[];
}

/** The polygons of a .shp with the values of `keyField` from its .dbf (same record order). */
export function readPolygonsWithKeys(shpPath: string, dbfPath: string, keyField: string): Shape[] {
  const keys = readDbfColumn(dbfPath, keyField);
  const shp = readFileSync(shpPath);
  const shapes: Shape[] = [];
  for (let o = 100, i = 0; o < shp.length; i++) {
    const length = shp.readInt32BE(o + 4) * 2; // content length in 16-bit words
    const c = o + 8;
    if (shp.readInt32LE(c) === 5) {
      const bbox: Shape['bbox'] = [
        shp.readDoubleLE(c + 4),
        shp.readDoubleLE(c + 12),
        shp.readDoubleLE(c + 20),
        shp.readDoubleLE(c + 28),
      ];
      const parts = shp.readInt32LE(c + 36);
      const points = shp.readInt32LE(c + 40);
      const starts = Array.from({ length: parts }, (_, p) => shp.readInt32LE(c + 44 + 4 * p));
      const xy = c + 44 + 4 * parts;
      const rings = starts.map((start, p) => {
        const end = p + 1 < parts ? starts[p + 1]! : points;
        const ring = new Float64Array((end - start) * 2);
        for (let k = start; k < end; k++) {
          ring[(k - start) * 2] = shp.readDoubleLE(xy + 16 * k);
          ring[(k - start) * 2 + 1] = shp.readDoubleLE(xy + 16 * k + 8);
        }
        return ring;
      });
      shapes.push({ key: keys[i]!, bbox, rings });
    }
    o = c + length;
  }
  return shapes;
}

function readDbfColumn(path: string, field: string): string[] {
  const dbf = readFileSync(path);
  const count = dbf.readUInt32LE(4);
  const headerLength = dbf.readUInt16LE(8);
  const recordLength = dbf.readUInt16LE(10);
  let offset = 1; // the deletion flag
  let column: { offset: number; length: number } | null = null;
  for (let o = 32; dbf[o] !== 0x0d; o += 32) {
    const name = dbf.toString('latin1', o, o + 11).replace(/\0.*$/, '');
    const length = dbf[o + 16]!;
    if (name === field) column = { offset, length };
    offset += length;
  }
  if (!column) throw new Error(`no field ${field} in ${path}`);
  return Array.from({ length: count }, (_, r) => {
    const start = headerLength + r * recordLength + column.offset;
    return dbf.toString('latin1', start, start + column.length).trim();
  });
}

function inside(shape: Shape, x: number, y: number): boolean {
  const [minX, minY, maxX, maxY] = shape.bbox;
  if (x < minX || x > maxX || y < minY || y > maxY) return false;
  let odd = false;
  for (const ring of shape.rings) {
    const n = ring.length / 2;
    for (let i = 0, j = n - 1; i < n; j = i++) {
      const xi = ring[2 * i]!;
      const yi = ring[2 * i + 1]!;
      const xj = ring[2 * j]!;
      const yj = ring[2 * j + 1]!;
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) odd = !odd;
    }
  }
  return odd;
}

/** Points per shape key (every key present, zeros included) and the points in none. */
export function countPoints(
  shapes: readonly Shape[],
  points: readonly (readonly [number, number])[],
): { counts: Map<string, number>; outside: number } {
  const counts = new Map(shapes.map((s) => [s.key, 0]));
  let outside = 0;
  for (const [x, y] of points) {
    const hit = shapes.find((s) => inside(s, x, y));
    if (hit) counts.set(hit.key, counts.get(hit.key)! + 1);
    else outside++;
  }
  return { counts, outside };
}

/** The point coordinates of a GeoJSON FeatureCollection, as delivered. */
export function geojsonPoints(path: string): [number, number][] {
  const fc = JSON.parse(readFileSync(path, 'utf8')) as {
    features: { geometry: { coordinates: [number, number] } }[];
  };
  return fc.features.map((f) => f.geometry.coordinates);
}
