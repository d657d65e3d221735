/**
 * The seeded pseudo-random generator of computations that must give the same result for a seed in
 * every version (robustness simulations, audit costs, synthetic test reports): mulberry32 (Tommy
 * Ettinger, public domain), a small, fast 32-bit generator, kept here in our own lines so that a
 * dependency update can never change the stream. The demo city has its own richer generator with
 * forkable streams (`demo/rng.ts`).
 * @example const rand = mulberry32(42); rand() // 0.6011037519201636, then the same sequence every time
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
