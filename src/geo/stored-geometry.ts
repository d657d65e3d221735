/** How area geometries are stored: coordinates rounded, with their bounding box. Pure functions. */
import type { MultiPolygon, Polygon, Position } from 'geojson';

/**
 * The bounding box `[minLon, minLat, maxLon, maxLat]` of a polygon or multipolygon.
 * @example bboxOf({ type: 'Polygon', coordinates: [[[7, 51], [8, 51], [8, 52], [7, 51]]] }) // [7, 51, 8, 52]
 */
export function bboxOf(geometry: Polygon | MultiPolygon): [number, number, number, number] {
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  const polys = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  for (const poly of polys)
    for (const ring of poly)
      for (const [x, y] of ring) {
        if (x! < minX) minX = x!;
        if (y! < minY) minY = y!;
        if (x! > maxX) maxX = x!;
        if (y! > maxY) maxY = y!;
      }
  return [minX, minY, maxX, maxY];
}

/**
 * Rounds coordinates to 7 decimals (about 1 cm): far below the accuracy of any official
 * boundary, and it keeps the stored GeoJSON about 40 % smaller.
 */
export function roundGeometry<G extends Polygon | MultiPolygon>(geometry: G): G {
  const r = (p: Position) => [Math.round(p[0]! * 1e7) / 1e7, Math.round(p[1]! * 1e7) / 1e7];
  return (
    geometry.type === 'Polygon'
      ? { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => ring.map(r)) }
      : {
          type: 'MultiPolygon',
          coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(r))),
        }
  ) as G;
}
