import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { areaPoint } from './area-point.ts';

const polygon = (...rings: number[][][]): Polygon => ({ type: 'Polygon', coordinates: rings });
const square = (x: number, y: number, size: number) => [
  [x, y],
  [x + size, y],
  [x + size, y + size],
  [x, y + size],
  [x, y],
];

describe('areaPoint', () => {
  it('takes the centroid of a convex area', () => {
    expect(areaPoint(polygon(square(0, 0, 2)))).toEqual([1, 1]);
    // orientation does not matter
    expect(areaPoint(polygon(square(0, 0, 2).reverse()))).toEqual([1, 1]);
  });

  it('finds a point inside a U-shaped area whose centroid lies in the gap', () => {
    const u = polygon([
      [0, 0],
      [3, 0],
      [3, 3],
      [2, 3],
      [2, 1],
      [1, 1],
      [1, 3],
      [0, 3],
      [0, 0],
    ]);
    const p = areaPoint(u)!;
    expect(booleanPointInPolygon(p, u, { ignoreBoundary: true })).toBe(true);
  });

  it('keeps out of a hole in the middle', () => {
    const ring = polygon(square(0, 0, 4), square(1, 1, 2));
    const p = areaPoint(ring)!;
    expect(booleanPointInPolygon(p, ring, { ignoreBoundary: true })).toBe(true);
    expect(p[0] < 1 || p[0] > 3 || p[1] < 1 || p[1] > 3).toBe(true);
  });

  it('places the point in the largest part of a MultiPolygon', () => {
    const multi: MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [[square(10, 10, 1)], [square(0, 0, 4)]],
    };
    expect(areaPoint(multi)).toEqual([2, 2]);
  });

  it('gives null for an empty geometry', () => {
    expect(areaPoint({ type: 'MultiPolygon', coordinates: [] })).toBeNull();
  });
});
