import { describe, expect, it } from 'vitest';
import { keyRanks, standardiseFeatures } from './matching.ts';
import { placeboEstimates, placeboInference, quantileSorted, type PlaceboInput } from './placebo.ts';

describe('quantileSorted', () => {
  it('interpolates between order statistics like R’s type 7', () => {
    // R: quantile(c(1, 2, 3, 4, 10), c(0, 0.5, 0.975, 1)) → 1, 3, 9.4, 10
    const x = [1, 2, 3, 4, 10];
    expect(quantileSorted(x, 0)).toBe(1);
    expect(quantileSorted(x, 0.5)).toBe(3);
    expect(quantileSorted(x, 0.975)).toBeCloseTo(9.4, 12);
    expect(quantileSorted(x, 1)).toBe(10);
  });

  it('refuses an empty list and p outside [0, 1]', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(RangeError);
    expect(() => quantileSorted([1], 1.5)).toThrow(RangeError);
  });
});

describe('placeboInference', () => {
  it('subtracts the upper and lower placebo quantiles from the estimate', () => {
    const r = placeboInference(2, [1, -1, 0.5, 0, -0.5]);
    expect(r.lower).toBeCloseTo(2 - 0.95, 12);
    expect(r.upper).toBeCloseTo(2 + 0.95, 12);
    expect(r.p).toBeCloseTo(1 / 6, 12);
    expect(r.runs).toBe(5);
  });

  it('counts placebo estimates at least as far from 0, with the +1 correction', () => {
    // |−3| and |1| ≥ |−1|: (1 + 2) / (4 + 1)
    expect(placeboInference(-1, [0.5, -3, 1, 0]).p).toBeCloseTo(3 / 5, 12);
  });
});

function input(change: number[], seed = 1): PlaceboInput {
  const keys = change.map((_, i) => `k${String(i).padStart(2, '0')}`);
  return {
    matrix: standardiseFeatures(change.map((_, i) => ({ level: i % 7, trend: null, size: null }))),
    rank: keyRanks(keys),
    change,
    pool: keys.map((_, i) => i).slice(2),
    size: 2,
    k: 3,
    runs: 50,
    seed,
  };
}

describe('placeboEstimates', () => {
  const change = Array.from({ length: 20 }, (_, i) => Math.sin(i * 1.7));

  it('is deterministic for a seed and differs between seeds', () => {
    expect(Array.from(placeboEstimates(input(change)))).toEqual(Array.from(placeboEstimates(input(change))));
    expect(Array.from(placeboEstimates(input(change, 2)))).not.toEqual(
      Array.from(placeboEstimates(input(change))),
    );
  });

  it('never draws the real treated areas (outside the pool)', () => {
    // only areas 0 and 1 (not in the pool) changed: every placebo estimate is exactly 0
    const est = placeboEstimates(input(change.map((_, i) => (i < 2 ? 100 : 0))));
    expect(Array.from(est).every((e) => e === 0)).toBe(true);
  });

  it('refuses a pool that leaves no comparison', () => {
    expect(() => placeboEstimates({ ...input(change), pool: [2, 3] })).toThrow(RangeError);
  });
});
