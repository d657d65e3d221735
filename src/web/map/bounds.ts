import type { Position } from 'geojson';
import type { AreaCollection } from '../api.ts';

/** [west, south, east, north] of all areas, or null when there is no coordinate. */
export type BBox = [number, number, number, number];

/**
 * Bounding box of a feature collection of (multi)polygons in WGS84.
 * @example collectionBounds(areas) // [13.08, 52.33, 13.76, 52.67]
 */
export function collectionBounds(collection: AreaCollection): BBox | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  const visit = (ring: Position[]) => {
    for (const [x, y] of ring) {
      if (x === undefined || y === undefined) continue;
      if (x < west) west = x;
      if (x > east) east = x;
      if (y < south) south = y;
      if (y > north) north = y;
    }
  };
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (geometry?.type === 'Polygon') geometry.coordinates.forEach(visit);
    else if (geometry?.type === 'MultiPolygon')
      geometry.coordinates.forEach((polygon) => polygon.forEach(visit));
  }
  return west <= east && south <= north ? [west, south, east, north] : null;
}
