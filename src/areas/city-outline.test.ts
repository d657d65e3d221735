import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { cityOutline } from './city-outline.ts';

const square = (x: number, y: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + 1, y],
      [x + 1, y + 1],
      [x, y + 1],
      [x, y],
    ],
  ],
});

describe('cityOutline', () => {
  it('merges neighbours along their shared border into one ring', () => {
    const out = cityOutline([square(0, 0), square(1, 0)]);
    expect(out.coordinates).toHaveLength(1);
    const ring = out.coordinates[0]![0]!;
    expect(ring).toHaveLength(5); // four corners of the 2×1 rectangle, closed
    expect(ring.map((p) => p[0])).toEqual(expect.arrayContaining([0, 2]));
    expect(ring.some((p) => p[0] === 1)).toBe(false);
  });

  it('keeps separate parts apart and gives an empty outline for no areas', () => {
    expect(cityOutline([square(0, 0), square(5, 5)]).coordinates).toHaveLength(2);
    expect(cityOutline([])).toEqual({ type: 'MultiPolygon', coordinates: [] });
  });
});
