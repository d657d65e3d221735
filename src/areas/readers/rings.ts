import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * Groups the rings of a shapefile polygon record into polygons with holes.
 *
 * ESRI Shapefile Technical Description (1998), p. 8: outer rings run clockwise, holes
 * counter-clockwise (in x-east/y-north coordinates). Each hole goes to the first outer ring that
 * contains it; a counter-clockwise ring inside no outer ring is taken as an outer ring of its own,
 * as GDAL and mbostock/shapefile do for files written with the wrong orientation.
 *
 * @returns null when there are no rings
 */
export function assembleRings(rings: readonly Position[][]): Polygon | MultiPolygon | null {
  const polygons: Position[][][] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (ring.length >= 4 && shoelace(ring) < 0) polygons.push([ring]);
    else holes.push(ring);
  }
  for (const hole of holes) {
    const outer = polygons.find((p) => ringContainsRing(p[0]!, hole));
    if (outer) outer.push(hole);
    else polygons.push([hole]);
  }
  if (polygons.length === 0) return null;
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0]! }
    : { type: 'MultiPolygon', coordinates: polygons };
}

/** Twice the signed planar area; negative for clockwise rings. */
function shoelace(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
  }
  return sum;
}

/** Decided by the first vertex of `inner` that does not lie on `outer`'s boundary. */
function ringContainsRing(outer: readonly Position[], inner: readonly Position[]): boolean {
  for (const p of inner) {
    const c = pointInRing(outer, p[0]!, p[1]!);
    if (c !== 0) return c > 0;
  }
  return false;
}

/** 1 inside, -1 outside, 0 on the boundary (even-odd ray test). */
function pointInRing(ring: readonly Position[], x: number, y: number): number {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const xi = ring[i]![0]!;
    const yi = ring[i]![1]!;
    const xj = ring[j]![0]!;
    const yj = ring[j]![1]!;
    if (onSegment(xi, yi, xj, yj, x, y)) return 0;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside ? 1 : -1;
}

function onSegment(x1: number, y1: number, x2: number, y2: number, x: number, y: number): boolean {
  if ((x - x1) * (y2 - y1) !== (y - y1) * (x2 - x1)) return false;
  return x >= Math.min(x1, x2) && x <= Math.max(x1, x2) && y >= Math.min(y1, y2) && y <= Math.max(y1, y2);
}
