/**
 * Test support: plan areas drawn inside real area geometries — a small square well inside one
 * area, found on a grid over its bounding box (the demo city's Sozialräume, Berlin's Planungsräume).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { AreaIndex } from '../geo/area-index.ts';
import { bboxOf } from '../geo/stored-geometry.ts';

/** A closed square of half-width `half` degrees around (x, y). */
export const square = (x: number, y: number, half: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x - half, y - half],
      [x + half, y - half],
      [x + half, y + half],
      [x - half, y + half],
      [x - half, y - half],
    ],
  ],
});

/**
 * A square of half-width `half` degrees whose corners, edge midpoints and centre all lie in
 * `geometry`: the first such square on a 20 × 20 grid over the bounding box, nearest its centre.
 * @throws when the area is too small for it
 */
export function squareInside(geometry: Polygon | MultiPolygon, half: number): Polygon {
  const index = new AreaIndex([{ key: 1, geometry }]);
  const [x0, y0, x1, y1] = bboxOf(geometry);
  const [cx, cy] = [(x0 + x1) / 2, (y0 + y1) / 2];
  const candidates: [number, number][] = [];
  for (let i = 1; i < 20; i++)
    for (let j = 1; j < 20; j++) candidates.push([x0 + ((x1 - x0) * i) / 20, y0 + ((y1 - y0) * j) / 20]);
  candidates.sort((a, b) => Math.hypot(a[0] - cx, a[1] - cy) - Math.hypot(b[0] - cx, b[1] - cy));
  for (const [x, y] of candidates) {
    const probes = [-1, 0, 1].flatMap((dx) =>
      [-1, 0, 1].map((dy) => [x + dx * half, y + dy * half] as const),
    );
    if (probes.every(([px, py]) => index.locate(px, py) === 1)) return square(x, y, half);
  }
  throw new Error('no square of that size inside the area');
}
