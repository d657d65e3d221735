import { describe, expect, it } from 'vitest';
import { difference, rankDescending, zOf } from './compare.ts';

describe('compare helpers', () => {
  it('ranks highest first with shared ranks for ties and no rank without a value', () => {
    expect(rankDescending([5, null, 7, 5, 1])).toEqual([2, null, 1, 2, 4]);
    expect(rankDescending([])).toEqual([]);
  });

  it('computes differences and z-values only from present numbers', () => {
    expect(difference(12.5, 10)).toBe(2.5);
    expect(difference(null, 10)).toBeNull();
    expect(zOf(12, { mean: 10, sd: 2 })).toBe(1);
    expect(zOf(12, { mean: 10, sd: 0 })).toBeNull();
  });
});
