import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { AreaIndex } from './area-index.ts';

const box = (x0: number, y0: number, x1: number, y1: number) => [
  [x0, y0],
  [x1, y0],
  [x1, y1],
  [x0, y1],
  [x0, y0],
];
const withHole: Polygon = { type: 'Polygon', coordinates: [box(0, 0, 10, 10), box(4, 4, 6, 6)] };
const enclave: Polygon = { type: 'Polygon', coordinates: [box(4, 4, 6, 6)] };
const east: Polygon = { type: 'Polygon', coordinates: [box(10, 0, 20, 10)] };

describe('AreaIndex', () => {
  const index = new AreaIndex([
    { key: 'ring', geometry: withHole },
    { key: 'east', geometry: east },
  ]);

  it('does not locate a point inside a hole', () => {
    expect(index.locate(5, 5)).toBeNull();
    expect(index.locate(2, 5)).toBe('ring');
  });

  it('returns null outside everything', () => {
    expect(index.locate(-1, 5)).toBeNull();
    expect(index.locate(25, 5)).toBeNull();
    expect(index.locate(15, 11)).toBeNull();
  });

  it('finds the enclave inside the hole when it is indexed too', () => {
    const withEnclave = new AreaIndex([
      { key: 'ring', geometry: withHole },
      { key: 'enclave', geometry: enclave },
    ]);
    expect(withEnclave.locate(5, 5)).toBe('enclave');
  });

  it('gives a point on a shared border to exactly one area', () => {
    expect(index.locate(10, 5)).not.toBeNull();
  });

  it('locates multipolygon parts and many points at once', () => {
    const multi = new AreaIndex([
      {
        key: 7,
        geometry: { type: 'MultiPolygon', coordinates: [[box(0, 0, 1, 1)], [box(5, 5, 6, 6)]] },
      },
    ]);
    expect(
      multi.locateMany([
        [0.5, 0.5],
        [5.5, 5.5],
        [3, 3],
      ]),
    ).toEqual([7, 7, null]);
    expect(multi.locateMany(new Float64Array([0.5, 0.5, 3, 3]))).toEqual([7, null]);
  });

  it('is empty-safe', () => {
    expect(new AreaIndex([]).locate(1, 1)).toBeNull();
  });
});
