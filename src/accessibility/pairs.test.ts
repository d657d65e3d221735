import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../core/random.ts';
import { pairsWithin } from './pairs.ts';

describe('pairsWithin', () => {
  it('finds exactly the pairs an all-pairs scan finds, with the detour applied', () => {
    const random = mulberry32(7);
    const origins = Array.from({ length: 400 }, () => random() * 5000);
    const facilities = Array.from({ length: 60 }, () => random() * 5000);
    const options = { maxCost: 1300, detour: 1.3 };
    const found = pairsWithin(origins, facilities, options);
    const expected: string[] = [];
    for (let i = 0; i < 200; i++)
      for (let j = 0; j < 30; j++) {
        const d = Math.hypot(
          origins[2 * i]! - facilities[2 * j]!,
          origins[2 * i + 1]! - facilities[2 * j + 1]!,
        );
        if (d * 1.3 <= 1300) expected.push(`${i}:${j}:${(d * 1.3).toFixed(9)}`);
      }
    const got = Array.from(found.origin, (i, p) => `${i}:${found.facility[p]}:${found.cost[p]!.toFixed(9)}`);
    expect(got).toEqual(expected);
    expect(got.length).toBeGreaterThan(100);
  });

  it('returns an empty table without facilities', () => {
    expect(pairsWithin([0, 0], [], { maxCost: 10 }).origin).toHaveLength(0);
  });
});
