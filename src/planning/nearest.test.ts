import { describe, expect, it } from 'vitest';
import { nearest, referencePoints } from './nearest.ts';

describe('referencePoints', () => {
  it('takes the cell of the area nearest to the mean of its cells, inside the area', () => {
    // area 0: a crescent (cells around an empty middle), its mean (100, 100) lies outside it;
    // area 1: a row of three cells
    const xy = Float64Array.of(0, 0, 0, 200, 200, 0, 200, 200, 100, 0, 500, 0, 600, 0, 700, 0);
    const owner = Int32Array.of(0, 0, 0, 0, 0, 1, 1, 1);
    const p = referencePoints(xy, owner, 3);
    expect([p[0], p[1]]).toEqual([100, 0]);
    expect([p[2], p[3]]).toEqual([600, 0]);
    expect(Number.isNaN(p[4])).toBe(true);
  });
});

describe('nearest', () => {
  it('finds the nearest target and its straight-line distance in metres', () => {
    const r = nearest(Float64Array.of(0, 0, 1000, 1000), Float64Array.of(300, 400, 10, 0, 1000, 1500));
    expect([...r.index]).toEqual([1, 2]);
    expect([...r.distance]).toEqual([10, 500]);
    const none = nearest(Float64Array.of(0, 0), new Float64Array(0));
    expect([...none.index, ...none.distance]).toEqual([-1, Infinity]);
  });
});
