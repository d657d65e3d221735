import type { MultiPolygon, Polygon } from 'geojson';
import polygonClipping, { type Geom } from 'polygon-clipping';

/**
 * The outline of the whole city: the union of the areas of its top level. Shared borders vanish,
 * so a partition of the city gives back its outer boundary (with holes where the top level has
 * gaps, e.g. an enclave that belongs to another municipality).
 *
 * Martinez–Rueda–Feito sweep line (F. Martínez, C. Ogayar, J. R. Jiménez, A. J. Rueda,
 * A simple algorithm for Boolean operations on polygons, Advances in Engineering Software 64
 * (2013) 11–19), as implemented by polygon-clipping.
 *
 * @param geometries lon/lat areas (WGS84)
 * @returns one MultiPolygon; empty (no coordinates) for no areas
 * @example cityOutline([bezirk1.geometry, bezirk2.geometry]) // { type: 'MultiPolygon', coordinates: [[outer ring]] }
 */
export function cityOutline(geometries: readonly (Polygon | MultiPolygon)[]): MultiPolygon {
  const geoms = geometries.map((g) => g.coordinates as Geom);
  const [first, ...rest] = geoms;
  if (first === undefined) return { type: 'MultiPolygon', coordinates: [] };
  return { type: 'MultiPolygon', coordinates: polygonClipping.union(first, ...rest) };
}
