/**
 * A point inside an area, for placing a remark by choosing the area instead of clicking the map:
 * the centroid of the area's largest polygon when it lies inside, else the middle of the widest
 * inside stretch of the horizontal line through the centroid (the idea of JTS's
 * InteriorPointArea, M. Davis), so a crescent-shaped area or one with a hole in its middle gets a
 * point inside too. Planar in longitude and latitude, which is close enough within a city.
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Twice the signed area of a ring (shoelace), and the sums for its centroid. */
function ringMoments(ring: Position[]): { a2: number; cx: number; cy: number } {
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i]!;
    const [xj = 0, yj = 0] = ring[j]!;
    const cross = xj * yi - xi * yj;
    a2 += cross;
    cx += (xj + xi) * cross;
    cy += (yj + yi) * cross;
  }
  return { a2, cx, cy };
}

/** The area-weighted centroid of a polygon, holes subtracted; null for a degenerate one. */
function centroid(rings: Position[][]): { point: [number, number]; area: number } | null {
  let a2 = 0;
  let cx = 0;
  let cy = 0;
  rings.forEach((ring, i) => {
    const m = ringMoments(ring);
    // outer ring counts positive, holes negative, whatever their orientation
    const sign = (i === 0 ? 1 : -1) * Math.sign(m.a2);
    a2 += sign * m.a2;
    cx += sign * m.cx;
    cy += sign * m.cy;
  });
  if (!(Math.abs(a2) > 0)) return null;
  return { point: [cx / (3 * a2), cy / (3 * a2)], area: Math.abs(a2) / 2 };
}

/** Middle of the widest stretch inside the polygon along the horizontal line at `y`. */
function scanline(rings: Position[][], y: number): [number, number] | null {
  const xs: number[] = [];
  for (const ring of rings)
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i]!;
      const [xj = 0, yj = 0] = ring[j]!;
      // half-open: a vertex on the line counts once
      if (yi > y !== yj > y) xs.push(xi + ((y - yi) * (xj - xi)) / (yj - yi));
    }
  xs.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let width = 0;
  for (let i = 0; i + 1 < xs.length; i += 2) {
    const w = xs[i + 1]! - xs[i]!;
    if (w > width) {
      width = w;
      best = [(xs[i]! + xs[i + 1]!) / 2, y];
    }
  }
  return best;
}

/**
 * A point inside `geometry` (of its largest part, for a MultiPolygon).
 * @param geometry an area's boundary in longitude and latitude
 * @returns `[lon, lat]`, or null for an empty geometry
 * @example areaPoint({ type: 'Polygon', coordinates: [[[0, 0], [2, 0], [2, 2], [0, 2], [0, 0]]] }) // [1, 1]
 */
export function areaPoint(geometry: Polygon | MultiPolygon): [number, number] | null {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let largest: { rings: Position[][]; point: [number, number]; area: number } | null = null;
  for (const rings of polygons) {
    const c = rings.length ? centroid(rings) : null;
    if (c && (!largest || c.area > largest.area)) largest = { rings, ...c };
  }
  if (!largest) return null;
  const polygon: Polygon = { type: 'Polygon', coordinates: largest.rings };
  if (booleanPointInPolygon(largest.point, polygon, { ignoreBoundary: true })) return largest.point;
  const ys = largest.rings[0]!.map((p) => p[1] ?? 0);
  // through the centroid, or (should that line only touch the area) through the middle of its height
  return (
    scanline(largest.rings, largest.point[1]) ??
    scanline(largest.rings, (Math.min(...ys) + Math.max(...ys)) / 2)
  );
}
