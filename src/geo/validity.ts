import type { MultiPolygon, Polygon, Position } from 'geojson';
import { importError } from '../core/errors.ts';
import { geoMessages, recordRef } from './messages.ts';
import { findSelfIntersection } from './self-intersection.ts';

/** Where a geometry comes from, for messages; `toLonLat` turns a source coordinate into WGS84. */
export type GeometryContext = {
  fileName: string;
  /** 1-based record number in the file. */
  record: number;
  key?: string | null;
  toLonLat?: (x: number, y: number) => [number, number];
};

/** What was changed on the way: shown to the user as "repaired" areas. */
export type GeometryRepair = 'closed_ring' | 'removed_degenerate_ring';

export type CheckedGeometry = { geometry: Polygon | MultiPolygon; repairs: GeometryRepair[] };

/**
 * Checks an area geometry and applies the harmless repairs.
 *
 * Policy:
 * - **Repaired silently:** repeated consecutive vertices are removed (they carry no shape).
 * - **Repaired and reported:** an unclosed ring is closed (`closed_ring`); a ring with fewer than
 *   three distinct vertices or with all vertices on one line is dropped, an outer ring together
 *   with its holes (`removed_degenerate_ring`). Neither changes the area a GIS would compute.
 * - **Rejected:** an empty geometry (`import.empty_geometry`), non-finite or malformed coordinates
 *   (`import.invalid_coordinates`) and edges that cross each other (`import.self_intersection`,
 *   see `findSelfIntersection` — touching rings and spikes are accepted). A crossing ring has no
 *   well-defined inside, so any automatic "repair" would invent an area; the message gives the
 *   place in lon/lat and points to QGIS' "Geometrien reparieren".
 *
 * Works in the source coordinates (planar projected coordinates are where crossings are
 * meaningful); orientation is left as it is.
 *
 * @throws LagebildError with codes as above, message naming file, record and key
 * @example checkGeometry({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1]]] }, { fileName: 'a.geojson', record: 1 })
 *   // → { geometry: …closed…, repairs: ['closed_ring'] }
 */
export function checkGeometry(geometry: Polygon | MultiPolygon, where: GeometryContext): CheckedGeometry {
  const at = recordRef(where.fileName, where.record, where.key);
  const details = { file: where.fileName, record: where.record, key: where.key ?? null };
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  if (!Array.isArray(polygons)) throw importError('invalid_coordinates', geoMessages.nonFinite(at), details);
  const repairs = new Set<GeometryRepair>();

  const kept: Position[][][] = [];
  for (const rings of polygons) {
    if (!Array.isArray(rings)) throw importError('invalid_coordinates', geoMessages.nonFinite(at), details);
    const out: Position[][] = [];
    for (const [i, ring] of rings.entries()) {
      const cleaned = cleanRing(ring);
      if (cleaned === 'invalid') throw importError('invalid_coordinates', geoMessages.nonFinite(at), details);
      if (cleaned.closed) repairs.add('closed_ring');
      if (cleaned.ring.length < 4 || collinear(cleaned.ring)) {
        repairs.add('removed_degenerate_ring');
        if (i === 0) break; // without its outer ring the holes mean nothing
        continue;
      }
      out.push(cleaned.ring);
    }
    if (out.length > 0) kept.push(out);
  }
  if (kept.length === 0) throw importError('empty_geometry', geoMessages.emptyGeometry(at), details);

  const crossing = findSelfIntersection(kept.flat());
  if (crossing) {
    const [lon, lat] = where.toLonLat ? where.toLonLat(crossing[0], crossing[1]) : crossing;
    throw importError('self_intersection', geoMessages.selfIntersection(at, lon, lat), {
      ...details,
      lon,
      lat,
    });
  }
  const checked: Polygon | MultiPolygon =
    kept.length === 1
      ? { type: 'Polygon', coordinates: kept[0]! }
      : { type: 'MultiPolygon', coordinates: kept };
  return { geometry: checked, repairs: [...repairs] };
}

/** Removes consecutive duplicates and closes the ring; 'invalid' for non-finite or malformed input. */
function cleanRing(ring: unknown): { ring: Position[]; closed: boolean } | 'invalid' {
  if (!Array.isArray(ring)) return 'invalid';
  const out: Position[] = [];
  for (const p of ring as unknown[]) {
    if (!Array.isArray(p) || p.length < 2) return 'invalid';
    const x: unknown = p[0];
    const y: unknown = p[1];
    if (typeof x !== 'number' || typeof y !== 'number' || !Number.isFinite(x) || !Number.isFinite(y))
      return 'invalid';
    const last = out[out.length - 1];
    if (!last || last[0] !== x || last[1] !== y) out.push([x, y]);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (!first || !last) return { ring: out, closed: false };
  if (out.length === 1) return { ring: out, closed: false };
  if (first[0] === last[0] && first[1] === last[1]) return { ring: out, closed: false };
  out.push([first[0]!, first[1]!]);
  return { ring: out, closed: true };
}

/** All vertices on one line: the ring encloses nothing (a bow-tie has zero net area but is not this). */
function collinear(ring: readonly Position[]): boolean {
  const [ax, ay] = ring[0] as [number, number];
  const [bx, by] = ring[1] as [number, number];
  return ring.every((p) => (bx - ax) * (p[1]! - ay) - (by - ay) * (p[0]! - ax) === 0);
}

/** Shoelace sum over a closed ring (twice the planar area; sign = orientation, > 0 counter-clockwise). */
export function signedArea(ring: readonly Position[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const a = ring[i]!;
    const b = ring[i + 1]!;
    sum += (a[0]! - b[0]!) * (a[1]! + b[1]!);
  }
  return sum;
}
