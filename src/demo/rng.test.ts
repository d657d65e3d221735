import { describe, expect, it } from 'vitest';
import { createRng } from './rng.ts';

describe('createRng', () => {
  it('repeats the same stream for the same seed and differs for another', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 5 }, () => a.uint32());
    expect(Array.from({ length: 5 }, () => b.uint32())).toEqual(sa);
    expect(Array.from({ length: 5 }, () => c.uint32())).not.toEqual(sa);
  });

  it('forks independently of draws made before', () => {
    const a = createRng(7);
    const b = createRng(7);
    b.float();
    b.float();
    expect(a.fork('x').fork('y').uint32()).toBe(b.fork('x').fork('y').uint32());
    expect(a.fork('x').uint32()).not.toBe(a.fork('z').uint32());
  });

  it('rejects seeds that are not safe integers', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
    expect(() => createRng(Number.NaN)).toThrow(RangeError);
    expect(() => createRng(-3)).not.toThrow();
  });

  it('draws binomial and Poisson variates with the right mean and range', () => {
    const rng = createRng(1);
    for (const [n, p] of [
      [10, 0.3],
      [200, 0.02],
      [5000, 0.1],
      [300, 0.9],
    ] as const) {
      let sum = 0;
      for (let i = 0; i < 2000; i++) {
        const k = rng.binomial(n, p);
        expect(k).toBeGreaterThanOrEqual(0);
        expect(k).toBeLessThanOrEqual(n);
        sum += k;
      }
      expect(sum / 2000 / (n * p)).toBeCloseTo(1, 1);
    }
    let sum = 0;
    for (let i = 0; i < 2000; i++) sum += rng.poisson(4);
    expect(sum / 2000).toBeCloseTo(4, 0);
  });
});
