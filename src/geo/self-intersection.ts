import Flatbush from 'flatbush';
import type { Position } from 'geojson';

/**
 * Finds a proper crossing between two edges of a polygon's rings (a bow-tie, a hole cutting its
 * outer ring, two parts of a multipolygon overlapping), or returns null.
 *
 * Only proper crossings count — the two edges cross at a point inside both of them. Rings that
 * merely touch at a vertex, a vertex lying on another edge and collinear overlaps (spikes) are
 * accepted: they do not make the area ambiguous, and ESRI software writes them routinely.
 *
 * Edges are indexed in a Flatbush R-tree (packed Hilbert R-tree, V. Agafonkin) and every pair with
 * overlapping bounding boxes is tested with orientation predicates, so the cost is
 * O(n log n + candidate pairs) rather than @turf/kinks' O(n²) — Berlin's 198,000 vertices take
 * about 0.1 s.
 *
 * @param rings closed rings (first position repeated at the end), in any planar-ish coordinates
 * @returns the approximate crossing point, in the rings' coordinates
 * @example findSelfIntersection([[[0, 0], [2, 2], [2, 0], [0, 2], [0, 0]]]) // → [1, 1]
 */
export function findSelfIntersection(rings: readonly (readonly Position[])[]): [number, number] | null {
  let edgeCount = 0;
  for (const ring of rings) edgeCount += Math.max(0, ring.length - 1);
  if (edgeCount < 3) return null;

  // Flat edge table: start x/y, end x/y, ring number and edge number within the ring.
  const xy = new Float64Array(edgeCount * 4);
  const ringOf = new Int32Array(edgeCount);
  const indexInRing = new Int32Array(edgeCount);
  const ringSize = new Int32Array(rings.length);
  const tree = new Flatbush(edgeCount);
  let e = 0;
  rings.forEach((ring, r) => {
    ringSize[r] = ring.length - 1;
    for (let i = 0; i + 1 < ring.length; i++, e++) {
      const ax = ring[i]![0]!;
      const ay = ring[i]![1]!;
      const bx = ring[i + 1]![0]!;
      const by = ring[i + 1]![1]!;
      xy.set([ax, ay, bx, by], e * 4);
      ringOf[e] = r;
      indexInRing[e] = i;
      tree.add(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by));
    }
  });
  tree.finish();

  let found: [number, number] | null = null;
  for (let i = 0; i < edgeCount && !found; i++) {
    const o = i * 4;
    const ax = xy[o]!;
    const ay = xy[o + 1]!;
    const bx = xy[o + 2]!;
    const by = xy[o + 3]!;
    tree.search(Math.min(ax, bx), Math.min(ay, by), Math.max(ax, bx), Math.max(ay, by), (j) => {
      if (found || j <= i || adjacent(i, j, ringOf, indexInRing, ringSize)) return false;
      const p = j * 4;
      found = properCrossing(ax, ay, bx, by, xy[p]!, xy[p + 1]!, xy[p + 2]!, xy[p + 3]!);
      return false;
    });
  }
  return found;
}

/** Neighbouring edges of one ring share a vertex by construction; that is no crossing. */
function adjacent(i: number, j: number, ringOf: Int32Array, idx: Int32Array, size: Int32Array): boolean {
  const r = ringOf[i]!;
  if (r !== ringOf[j]) return false;
  const d = Math.abs(idx[i]! - idx[j]!);
  return d === 1 || d === size[r]! - 1;
}

/**
 * Intersection point of segments ab and cd when they cross properly (each strictly separates the
 * other's endpoints), else null. Orientations are scaled by the segment lengths so that a vertex
 * lying within ~1e-9 relative distance of the other segment counts as touching, not crossing —
 * floating-point noise in real data must not reject a valid file.
 */
function properCrossing(
  ax: number,
  ay: number,
  bx: number,
  by: number,
  cx: number,
  cy: number,
  dx: number,
  dy: number,
): [number, number] | null {
  const abx = bx - ax;
  const aby = by - ay;
  const cdx = dx - cx;
  const cdy = dy - cy;
  const eps = 1e-9 * Math.hypot(abx, aby) * Math.hypot(cdx, cdy);
  const d1 = abx * (cy - ay) - aby * (cx - ax);
  const d2 = abx * (dy - ay) - aby * (dx - ax);
  if (!(d1 > eps && d2 < -eps) && !(d1 < -eps && d2 > eps)) return null;
  const d3 = cdx * (ay - cy) - cdy * (ax - cx);
  const d4 = cdx * (by - cy) - cdy * (bx - cx);
  if (!(d3 > eps && d4 < -eps) && !(d3 < -eps && d4 > eps)) return null;
  const t = d3 / (d3 - d4);
  return [ax + t * abx, ay + t * aby];
}
