/**
 * Seeded pseudo-random numbers for the demo city.
 *
 * Generator: sfc32 ("Small Fast Counting", Chris Doty-Humphrey, PractRand-tested), 128 bits of
 * state, seeded through splitmix32. We use our own few lines instead of a library so that the
 * stream can never change under us with a dependency update: the demo city must stay
 * byte-identical per seed. `Math.random` is never used.
 *
 * Streams are forked by label (`rng.fork('population')`): a fork depends only on the root seed
 * and the label path, not on how many numbers were drawn before, so adding a draw in one part of
 * the generator does not reshuffle every other part.
 */

/** A deterministic random source with the distributions the generator needs. */
export interface Rng {
  /** Uniform float in [0, 1). */
  float(): number;
  /** Uniform unsigned 32-bit integer. */
  uint32(): number;
  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number;
  /** Uniform float in [min, max). */
  range(min: number, max: number): number;
  /** Normal variate (Box–Muller). */
  normal(mean?: number, sd?: number): number;
  /** `true` with probability p. */
  chance(p: number): boolean;
  /** Poisson variate; exact (Knuth) for λ < 30, rounded normal approximation above. */
  poisson(lambda: number): number;
  /** Binomial variate; exact for small n or small mean, normal approximation otherwise. */
  binomial(n: number, p: number): number;
  /** Round x down or up at random so that the expected value stays x. */
  roundStochastic(x: number): number;
  /** A uniformly chosen element; throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** Fisher–Yates shuffle in place; returns the same array. */
  shuffle<T>(items: T[]): T[];
  /** An independent stream for a sub-task, determined by root seed and label path only. */
  fork(label: string): Rng;
}

/** FNV-1a 32-bit hash of a string; used to turn fork labels into seed material. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** splitmix32 step: a well-mixed 32-bit output for seeding. */
function splitmix32(state: number): [next: number, out: number] {
  const next = (state + 0x9e3779b9) >>> 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

class Sfc32 implements Rng {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;

  constructor(
    private readonly seedLo: number,
    private readonly seedHi: number,
    private readonly path: string,
  ) {
    let s = (seedLo ^ hashString(path)) >>> 0;
    let t = (seedHi ^ Math.imul(hashString(`#${path}`), 0x27d4eb2d)) >>> 0;
    let out: number;
    [s, out] = splitmix32(s);
    this.a = out;
    [s, out] = splitmix32(s);
    this.b = out;
    [t, out] = splitmix32(t ^ s);
    this.c = out;
    [, out] = splitmix32(t);
    this.d = out;
    // Let the counter-based state mix before the first output is used.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  float(): number {
    return this.uint32() / 4294967296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  range(min: number, max: number): number {
    return min + this.float() * (max - min);
  }

  normal(mean = 0, sd = 1): number {
    const u = 1 - this.float(); // (0, 1]: log stays finite
    const v = this.float();
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  poisson(lambda: number): number {
    if (!(lambda > 0)) return 0;
    if (lambda >= 30) return Math.max(0, Math.round(this.normal(lambda, Math.sqrt(lambda))));
    const limit = Math.exp(-lambda);
    let k = 0;
    let prod = this.float();
    while (prod > limit) {
      k++;
      prod *= this.float();
    }
    return k;
  }

  binomial(n: number, p: number): number {
    if (n <= 0 || !(p > 0)) return 0;
    if (p >= 1) return n;
    if (p > 0.5) return n - this.binomial(n, 1 - p);
    if (n < 40) {
      let k = 0;
      for (let i = 0; i < n; i++) if (this.float() < p) k++;
      return k;
    }
    const mean = n * p;
    if (mean < 10) {
      // Inversion by sequential search (Kachitvichyanukul & Schmeiser's BINV).
      const q = 1 - p;
      const s = p / q;
      const a = (n + 1) * s;
      let r = Math.pow(q, n);
      let u = this.float();
      let x = 0;
      while (u > r && x < n) {
        u -= r;
        x++;
        r *= a / x - s;
      }
      return x;
    }
    const k = Math.round(this.normal(mean, Math.sqrt(mean * (1 - p))));
    return Math.min(n, Math.max(0, k));
  }

  roundStochastic(x: number): number {
    const f = Math.floor(x);
    return f + (this.float() < x - f ? 1 : 0);
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick() from an empty list');
    return items[Math.floor(this.float() * items.length)] as T;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.float() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }

  fork(label: string): Rng {
    return new Sfc32(this.seedLo, this.seedHi, this.path ? `${this.path}/${label}` : label);
  }
}

/**
 * Create the root random stream for a seed.
 * @param seed any safe integer (negative allowed)
 * @example createRng(42).fork('outline').float()
 */
export function createRng(seed: number): Rng {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`Seed must be a safe integer, got ${seed}`);
  const lo = seed >>> 0;
  const hi = Math.floor(seed / 4294967296) >>> 0;
  return new Sfc32(lo, hi, '');
}
