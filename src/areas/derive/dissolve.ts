import type { MultiPolygon, Polygon } from 'geojson';
import polygonClipping, { type MultiPolygon as PcMultiPolygon } from 'polygon-clipping';
import { rewindRfc7946 } from '../../geo/rewind.ts';

/**
 * Dissolves areas into one (GIS "Auflösen"): the union of their polygons, shared borders removed.
 *
 * Works on WGS84 lon/lat as stored: the children come from one file and share their border
 * vertices exactly, so the planar union in degrees removes exactly those borders. Holes under about
 * 1 m² — gaps of rounding between children, not real enclaves — are dropped.
 *
 * @param geometries the children's geometries (RFC 7946 winding)
 * @returns Polygon for one part, else MultiPolygon, RFC 7946 winding
 * @example dissolve([squareA, squareB]) // one Polygon covering both
 */
export function dissolve(geometries: readonly (Polygon | MultiPolygon)[]): Polygon | MultiPolygon {
  const parts = geometries.map(
    (g) => (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as PcMultiPolygon,
  );
  const [first, ...rest] = parts;
  if (!first) throw new Error('dissolve: no geometries');
  const union = polygonClipping
    .union(first, ...rest)
    .map((poly) => poly.filter((ring, i) => i === 0 || !tiny(ring)));
  const geometry: Polygon | MultiPolygon =
    union.length === 1
      ? { type: 'Polygon', coordinates: union[0]! }
      : { type: 'MultiPolygon', coordinates: union };
  return rewindRfc7946(geometry);
}

// A ring whose planar area is below about 1 m² at German latitudes (1e-10 square degrees ≈ 0.8 m²).
function tiny(ring: readonly (readonly number[])[]): boolean {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++)
    sum += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
  return Math.abs(sum / 2) < 1e-10;
}
