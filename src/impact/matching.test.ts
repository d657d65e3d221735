import { describe, expect, it } from 'vitest';
import {
  keyRanks,
  matchAreas,
  nearestNeighbours,
  standardiseFeatures,
  type MatchFeatures,
} from './matching.ts';

const f = (level: number, trend: number | null = null, size: number | null = null): MatchFeatures => ({
  level,
  trend,
  size,
});

describe('matchAreas', () => {
  it('picks the obvious neighbours of a tiny hand-made city', () => {
    // T sits at level 10, falling 0.5 a year, 2,000 inhabitants; a, b, c are its twins at
    // increasing distance, x, y, z differ in level, trend or size.
    const areas = [
      { key: 'T', features: f(10, -0.5, Math.log(2000)) },
      { key: 'x', features: f(20, -0.5, Math.log(2000)) },
      { key: 'c', features: f(10.8, -0.4, Math.log(2300)) },
      { key: 'a', features: f(10.1, -0.5, Math.log(2000)) },
      { key: 'y', features: f(10, 1.5, Math.log(2000)) },
      { key: 'b', features: f(10.3, -0.45, Math.log(2100)) },
      { key: 'z', features: f(10, -0.5, Math.log(20000)) },
    ];
    const m = matchAreas(areas, ['T']);
    expect(m.dims).toEqual(['level', 'trend', 'size']);
    expect(m.rows).toHaveLength(1);
    expect(m.rows[0]!.comparisons.map((c) => c.key)).toEqual(['a', 'b', 'c']);
    const d = m.rows[0]!.comparisons.map((c) => c.distance);
    expect(d[0]!).toBeLessThan(d[1]!);
    expect(d[1]!).toBeLessThan(d[2]!);
    expect(m.rows[0]!.comparisons[0]!.features).toEqual(areas[3]!.features);
  });

  it('matches with replacement: two treated areas may share a comparison', () => {
    const areas = [
      { key: 't1', features: f(5) },
      { key: 't2', features: f(5.2) },
      { key: 'u1', features: f(5.1) },
      { key: 'u2', features: f(9) },
    ];
    const m = matchAreas(areas, ['t1', 't2'], 1);
    expect(m.rows.map((r) => r.comparisons[0]!.key)).toEqual(['u1', 'u1']);
  });

  it('breaks ties by area key, whatever the input order', () => {
    const areas = [
      { key: 't', features: f(5) },
      { key: 'u9', features: f(6) },
      { key: 'u2', features: f(4) },
      { key: 'u5', features: f(6) },
    ];
    expect(matchAreas(areas, ['t'], 2).rows[0]!.comparisons.map((c) => c.key)).toEqual(['u2', 'u5']);
    expect(matchAreas([...areas].reverse(), ['t'], 2).rows[0]!.comparisons.map((c) => c.key)).toEqual([
      'u2',
      'u5',
    ]);
  });

  it('takes every candidate when there are fewer than k', () => {
    const m = matchAreas(
      [
        { key: 't', features: f(1) },
        { key: 'u', features: f(2) },
      ],
      ['t'],
      3,
    );
    expect(m.rows[0]!.comparisons.map((c) => c.key)).toEqual(['u']);
  });

  it('refuses unknown treated and duplicate keys', () => {
    expect(() => matchAreas([{ key: 'a', features: f(1) }], ['b'])).toThrow(/unknown/);
    expect(() =>
      matchAreas(
        [
          { key: 'a', features: f(1) },
          { key: 'a', features: f(2) },
        ],
        ['a'],
      ),
    ).toThrow(/duplicate/);
  });
});

describe('standardiseFeatures', () => {
  it('uses the population SD and counts a missing feature as the mean', () => {
    const m = standardiseFeatures([f(2, 1), f(4, null), f(4, 3), f(4, null), f(5), f(5), f(7), f(9)]);
    expect(m.dims).toEqual(['level', 'trend']);
    expect(m.stats[0]).toEqual({ feature: 'level', mean: 5, sd: 2 });
    expect(m.stats[1]).toEqual({ feature: 'trend', mean: 2, sd: 1 });
    expect(Array.from(m.z.slice(0, 4))).toEqual([-1.5, -1, -0.5, 0]);
    expect(m.z[3 * 2 + 1]).toBe(0);
  });

  it('gives 0 for a constant feature', () => {
    expect(Array.from(standardiseFeatures([f(3), f(3)]).z)).toEqual([0, 0]);
  });
});

describe('nearestNeighbours', () => {
  it('skips excluded candidates (the placebo set) and the treated area itself', () => {
    const m = standardiseFeatures([f(0), f(1), f(2), f(3)]);
    const n = nearestNeighbours(
      m,
      keyRanks(['a', 'b', 'c', 'd']),
      [0],
      [0, 1, 2, 3],
      2,
      Uint8Array.from([0, 1, 0, 0]),
    );
    expect(n[0]!.map((x) => x.index)).toEqual([2, 3]);
  });
});
