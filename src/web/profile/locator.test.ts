import { describe, expect, it } from 'vitest';
import { locatorMap } from './locator.ts';

const square = (id: string, x: number, y: number, parent: string | null = null) => ({
  properties: { id, parent },
  geometry: {
    type: 'Polygon' as const,
    coordinates: [
      [
        [x, y],
        [x + 1, y],
        [x + 1, y + 1],
        [x, y + 1],
        [x, y],
      ],
    ],
  },
});

describe('locatorMap', () => {
  it('projects with north up and the mid-latitude cosine on longitudes', () => {
    const m = locatorMap([square('a', 10, 60), square('b', 11, 60)], 100, 0);
    // at 60.5° N a degree of longitude is cos(60.5°) ≈ 0.49 of a degree of latitude
    const k = Math.cos((60.5 * Math.PI) / 180);
    expect(m.height).toBeCloseTo(100 / (2 * k), 1);
    expect(m.shapes.map((s) => s.id)).toEqual(['a', 'b']);
    expect(m.shapes[0]!.d).toBe(`M0 ${m.height}L50 ${m.height}L50 0L0 0Z`);
    expect(m.shapes[1]!.d.startsWith(`M50 ${m.height}`)).toBe(true);
  });

  it('draws every ring of a multipolygon and keeps the parent', () => {
    const multi = {
      properties: { id: 'm', parent: 'p' },
      geometry: {
        type: 'MultiPolygon' as const,
        coordinates: [square('x', 0, 0).geometry.coordinates, square('y', 2, 0).geometry.coordinates],
      },
    };
    const m = locatorMap([multi], 60, 0);
    expect(m.shapes[0]!.parent).toBe('p');
    expect(m.shapes[0]!.d.match(/M/g)).toHaveLength(2);
  });

  it('copes with no features', () => {
    expect(locatorMap([], 100)).toEqual({ width: 100, height: 0, shapes: [] });
  });
});
