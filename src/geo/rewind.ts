import type { MultiPolygon, Polygon, Position } from 'geojson';
import { signedArea } from './validity.ts';

/**
 * Orients rings as RFC 7946 §3.1.6 asks: outer rings counter-clockwise, holes clockwise.
 * Shapefiles use the opposite convention (outer clockwise); spherical renderers such as d3-geo
 * read a clockwise outer ring as "everything but this area", so the stored geometry is rewound.
 *
 * @param geometry lon/lat Polygon or MultiPolygon with closed rings
 * @returns a new geometry; the input is not changed
 * @example rewindRfc7946({ type: 'Polygon', coordinates: [[[0, 0], [0, 1], [1, 1], [0, 0]]] })
 */
export function rewindRfc7946<G extends Polygon | MultiPolygon>(geometry: G): G {
  const rewindPolygon = (rings: Position[][]): Position[][] =>
    rings.map((ring, i) => {
      const ccw = signedArea(ring) > 0;
      return ccw === (i === 0) ? ring : [...ring].reverse();
    });
  return geometry.type === 'Polygon'
    ? ({ type: 'Polygon', coordinates: rewindPolygon(geometry.coordinates) } as G)
    : ({ type: 'MultiPolygon', coordinates: geometry.coordinates.map(rewindPolygon) } as G);
}
