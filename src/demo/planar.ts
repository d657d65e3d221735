/**
 * Small planar geometry helpers on plain coordinate arrays (metres in EPSG:25832 or degrees).
 * Rings are closed (first position repeated at the end), as in GeoJSON and polygon-clipping.
 */

/** [x, y] position. */
export type Pt = [number, number];
/** Closed ring. */
export type Ring = Pt[];
/** Polygon: exterior ring followed by holes. */
export type Poly = Ring[];
/** Several polygons. */
export type MultiPoly = Poly[];

/** Signed shoelace area of a ring; positive when counter-clockwise (x east, y north). */
export function ringSignedArea(ring: readonly Pt[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length - 1; i < n; i++) {
    const [x0, y0] = ring[i] as Pt;
    const [x1, y1] = ring[i + 1] as Pt;
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

/** Planar area of a multipolygon: exteriors minus holes. */
export function multiPolyArea(mp: readonly Poly[]): number {
  let area = 0;
  for (const poly of mp) {
    poly.forEach((ring, i) => {
      const a = Math.abs(ringSignedArea(ring));
      area += i === 0 ? a : -a;
    });
  }
  return area;
}

/** Area-weighted centroid of a multipolygon (holes subtract). */
export function multiPolyCentroid(mp: readonly Poly[]): Pt {
  let cx = 0;
  let cy = 0;
  let total = 0;
  for (const poly of mp) {
    poly.forEach((ring, r) => {
      const sign = r === 0 ? 1 : -1;
      const orient = Math.sign(ringSignedArea(ring)) || 1;
      for (let i = 0, n = ring.length - 1; i < n; i++) {
        const [x0, y0] = ring[i] as Pt;
        const [x1, y1] = ring[i + 1] as Pt;
        const cross = (x0 * y1 - x1 * y0) * orient * sign;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
        total += cross;
      }
    });
  }
  return [cx / (3 * total), cy / (3 * total)];
}

/** Bounding box [minX, minY, maxX, maxY] of a multipolygon. */
export function multiPolyBbox(mp: readonly Poly[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const poly of mp) {
    for (const [x, y] of poly[0] ?? []) {
      if (x < minX) minX = x;
      if (y < minY) minY = y;
      if (x > maxX) maxX = x;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/** Even-odd ray casting test against one ring. */
export function pointInRing(x: number, y: number, ring: readonly Pt[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i] as Pt;
    const [xj, yj] = ring[j] as Pt;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Is the point inside the multipolygon (inside an exterior and outside its holes)? */
export function pointInMultiPoly(x: number, y: number, mp: readonly Poly[]): boolean {
  for (const poly of mp) {
    const [outer, ...holes] = poly;
    if (!outer || !pointInRing(x, y, outer)) continue;
    if (!holes.some((h) => pointInRing(x, y, h))) return true;
  }
  return false;
}

/** Copy of a ring turned to the wanted orientation (RFC 7946: exterior CCW, holes CW). */
export function orientRing(ring: readonly Pt[], ccw: boolean): Ring {
  const copy = ring.map((p) => [p[0], p[1]] as Pt);
  return ringSignedArea(copy) > 0 === ccw ? copy : copy.reverse();
}

/** Do the open segments ab and cd cross or touch (shared endpoints excluded by the caller)? */
export function segmentsIntersect(a: Pt, b: Pt, c: Pt, d: Pt): boolean {
  const o1 = orient(a, b, c);
  const o2 = orient(a, b, d);
  const o3 = orient(c, d, a);
  const o4 = orient(c, d, b);
  if (o1 !== o2 && o3 !== o4) return true;
  return (
    (o1 === 0 && onSegment(a, c, b)) ||
    (o2 === 0 && onSegment(a, d, b)) ||
    (o3 === 0 && onSegment(c, a, d)) ||
    (o4 === 0 && onSegment(c, b, d))
  );
}

function orient(a: Pt, b: Pt, c: Pt): number {
  return Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
}

function onSegment(a: Pt, p: Pt, b: Pt): boolean {
  return (
    Math.min(a[0], b[0]) <= p[0] &&
    p[0] <= Math.max(a[0], b[0]) &&
    Math.min(a[1], b[1]) <= p[1] &&
    p[1] <= Math.max(a[1], b[1])
  );
}

/**
 * Is the ring simple: closed, at least 3 distinct vertices, no two non-adjacent edges touching?
 * O(n²), meant for tests and for the small rings of the demo city.
 */
export function isSimpleRing(ring: readonly Pt[]): boolean {
  const n = ring.length - 1;
  const first = ring[0];
  const last = ring[n];
  if (n < 3 || !first || !last || first[0] !== last[0] || first[1] !== last[1]) return false;
  for (let i = 0; i < n; i++) {
    const a = ring[i] as Pt;
    const b = ring[i + 1] as Pt;
    if (a[0] === b[0] && a[1] === b[1]) return false;
    // A spike: the next edge runs straight back along this one.
    const c = ring[i + 2 > n ? 1 : i + 2] as Pt;
    if (orient(a, b, c) === 0 && (onSegment(a, c, b) || onSegment(b, a, c))) return false;
    for (let j = i + 1; j < n; j++) {
      // Neighbouring edges share a vertex by construction; skip them.
      if (j === i + 1 || (i === 0 && j === n - 1)) continue;
      if (segmentsIntersect(a, b, ring[j] as Pt, ring[j + 1] as Pt)) return false;
    }
  }
  return true;
}
