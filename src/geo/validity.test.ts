import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { LagebildError } from '../core/errors.ts';
import { findSelfIntersection } from './self-intersection.ts';
import { checkGeometry } from './validity.ts';

const where = { fileName: 'gebiete.geojson', record: 7, key: 'A7' };
const square: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [0, 0],
      [4, 0],
      [4, 4],
      [0, 4],
      [0, 0],
    ],
  ],
};

function thrown(fn: () => unknown): LagebildError {
  try {
    fn();
  } catch (e) {
    if (e instanceof LagebildError) return e;
    throw e;
  }
  throw new Error('expected a LagebildError');
}

describe('findSelfIntersection', () => {
  it('finds the crossing of a bow-tie', () => {
    expect(
      findSelfIntersection([
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ]),
    ).toEqual([1, 1]);
  });

  it('finds a hole crossing its outer ring', () => {
    const hole = [
      [3, 1],
      [5, 1],
      [5, 2],
      [3, 2],
      [3, 1],
    ];
    expect(findSelfIntersection([square.coordinates[0]!, hole])).not.toBeNull();
  });

  it('accepts a hole touching the outer ring at a vertex, and a spike', () => {
    const touching = [
      [0, 0],
      [1, 2],
      [2, 1],
      [0, 0],
    ];
    expect(findSelfIntersection([square.coordinates[0]!, touching])).toBeNull();
    const spike = [
      [0, 0],
      [4, 0],
      [4, 2],
      [6, 2],
      [4, 2],
      [4, 4],
      [0, 4],
      [0, 0],
    ];
    expect(findSelfIntersection([spike])).toBeNull();
  });

  it('stays fast on a ring of 100,000 vertices', () => {
    const ring = Array.from({ length: 100_000 }, (_, i) => {
      const a = (i / 100_000) * 2 * Math.PI;
      return [Math.cos(a) * (1 + 0.01 * Math.sin(50 * a)), Math.sin(a) * (1 + 0.01 * Math.sin(50 * a))];
    });
    ring.push(ring[0]!);
    const t = performance.now();
    expect(findSelfIntersection([ring])).toBeNull();
    console.log(`findSelfIntersection, 100k vertices: ${(performance.now() - t).toFixed(0)} ms`);
  });
});

describe('checkGeometry', () => {
  it('passes a valid polygon unchanged', () => {
    expect(checkGeometry(square, where)).toEqual({ geometry: square, repairs: [] });
  });

  it('closes an unclosed ring and reports it', () => {
    const open: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
        ],
      ],
    };
    expect(checkGeometry(open, where)).toEqual({ geometry: square, repairs: ['closed_ring'] });
  });

  it('drops repeated vertices silently and degenerate holes with a note', () => {
    const g: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [0, 0],
          [4, 0],
          [4, 4],
          [0, 4],
          [0, 0],
        ],
        [
          [1, 1],
          [2, 2],
          [1, 1],
        ],
      ],
    };
    expect(checkGeometry(g, where)).toEqual({ geometry: square, repairs: ['removed_degenerate_ring'] });
  });

  it('rejects empty geometries', () => {
    const e = thrown(() => checkGeometry({ type: 'MultiPolygon', coordinates: [] }, where));
    expect(e.code).toBe('import.empty_geometry');
    expect(e.message).toContain('„gebiete.geojson“, Datensatz 7 (Schlüssel „A7“)');
  });

  it('rejects non-finite coordinates', () => {
    const g = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [NaN, 0],
          [4, 4],
          [0, 0],
        ],
      ],
    } as Polygon;
    expect(thrown(() => checkGeometry(g, where)).code).toBe('import.invalid_coordinates');
  });

  it('rejects a bow-tie, naming the place in lon/lat and the QGIS repair', () => {
    const bowTie: Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [2, 2],
          [2, 0],
          [0, 2],
          [0, 0],
        ],
      ],
    };
    const e = thrown(() => checkGeometry(bowTie, { ...where, toLonLat: (x, y) => [x + 13, y + 52] }));
    expect(e.code).toBe('import.self_intersection');
    expect(e.message).toContain('Datensatz 7 (Schlüssel „A7“)');
    expect(e.message).toContain('Länge 14.00000, Breite 53.00000');
    expect(e.message).toContain('Geometrien reparieren');
  });
});
