import type { MultiPolygon, Polygon, Position } from 'geojson';
import * as geographiclibNs from 'geographiclib-geodesic';

// The package is CommonJS: Node's ESM loader exposes it only as `default`, bundlers as named exports.
const geographiclib =
  (geographiclibNs as unknown as { default?: typeof geographiclibNs }).default ?? geographiclibNs;
const WGS84 = geographiclib.Geodesic.WGS84;

/**
 * True area of a lon/lat polygon on the WGS84 ellipsoid in m², holes subtracted.
 *
 * Each ring is summed with GeographicLib's `PolygonArea` (C. F. F. Karney, "Algorithms for
 * geodesics", J. Geodesy 87 (2013) 43–55), so edges are geodesics and the result does not depend
 * on a map projection. ETRS89's GRS80 ellipsoid differs from WGS84 by ~1e-11 in flattening,
 * negligible here. Berlin's GROESSE_M2 (ellipsoidal area of the Geoportal) is reproduced to
 * better than 1e-5 relative, where a planar UTM area is ~5e-4 off
 * (`../shared/data/berlin-lor-2021-plr-shp/SOURCE.txt`).
 *
 * Ring orientation does not matter: the first ring of a polygon counts positive, every further
 * ring (hole) negative.
 *
 * @param geometry Polygon or MultiPolygon with [lon, lat] positions (closed or not)
 * @returns area in m² (≥ 0 for valid input)
 * @example geodesicAreaM2({ type: 'Polygon', coordinates: [[[13, 52], [13.01, 52], [13.01, 52.01], [13, 52]]] })
 */
export function geodesicAreaM2(geometry: Polygon | MultiPolygon): number {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let total = 0;
  for (const rings of polygons) {
    rings.forEach((ring, i) => {
      const a = ringAreaM2(ring);
      total += i === 0 ? a : -a;
    });
  }
  return total;
}

/** Unsigned geodesic area of one ring in m²; a repeated closing position is ignored. */
export function ringAreaM2(ring: readonly Position[]): number {
  const n = closedLength(ring);
  if (n < 3) return 0;
  const polygon = new geographiclib.PolygonArea.PolygonArea(WGS84, false);
  for (let i = 0; i < n; i++) {
    const p = ring[i]!;
    polygon.AddPoint(p[1]!, p[0]!);
  }
  return Math.abs(polygon.Compute(false, true).area ?? 0);
}

function closedLength(ring: readonly Position[]): number {
  const first = ring[0];
  const last = ring[ring.length - 1];
  const closed = ring.length > 1 && first && last && first[0] === last[0] && first[1] === last[1];
  return closed ? ring.length - 1 : ring.length;
}
