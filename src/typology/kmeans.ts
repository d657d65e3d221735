/**
 * k-means clustering with a fixed seed (pure, deterministic).
 *
 * Method: Lloyd's algorithm (Lloyd 1982) started from k-means++ seeds (Arthur & Vassilvitskii,
 * "k-means++: The Advantages of Careful Seeding", SODA 2007), best of `restarts` runs (default 20) by
 * the within-cluster sum of squares — the procedure of scikit-learn's `KMeans(n_init=…)`.
 *
 * Why not simple-statistics `kMeansCluster`: it is deterministic with a seeded random source, but
 * it starts from k uniformly sampled points, runs once, and throws when a cluster empties ("has no
 * friends"), so the result for a given seed can be a poor local optimum or an error. Here the
 * seeds are spread by k-means++, the best of several runs is kept, and an emptied cluster takes
 * the point farthest from its centre. Randomness comes only from our seeded sfc32 stream
 * (src/demo/rng.ts), forked per k and per run, so a result never depends on what ran before.
 */
import { createRng, type Rng } from '../demo/rng.ts';

export interface KMeansOptions {
  /** Root seed of the random stream (default 1). */
  seed?: number;
  /**
   * Independent k-means++ starts; the one with the lowest WCSS wins (default 20: on the 536 Berlin
   * PLR × 6 indicators this beats the median of 50 single library runs for every k = 2 … 8).
   */
  restarts?: number;
  /** Lloyd iterations per start (default 300). */
  maxIterations?: number;
}

export interface KMeansResult {
  /** Cluster index (0 … k−1) per point, in input order. */
  labels: number[];
  /** Cluster centres (means of their points), k × dimensions. */
  centroids: number[][];
  /** Within-cluster sum of squared Euclidean distances (WCSS, "inertia"). */
  wcss: number;
}

/** Number of distinct points (exact coordinates); k may not exceed it. */
export function distinctCount(points: readonly (readonly number[])[]): number {
  return new Set(points.map((p) => p.join('|'))).size;
}

/** Points flattened row-major into one Float64Array (n × d): the loops below run on it. */
interface Flat {
  n: number;
  d: number;
  x: Float64Array;
}

/** Squared distance between point i of `a` and row c of the centres `m` (both d wide). */
function sq(a: Float64Array, i: number, m: Float64Array, c: number, d: number): number {
  let s = 0;
  const oi = i * d;
  const oc = c * d;
  for (let j = 0; j < d; j++) {
    const t = a[oi + j]! - m[oc + j]!;
    s += t * t;
  }
  return s;
}

/** k-means++ seeding: the first centre uniformly, each next with probability ∝ D(x)². */
function seedCentres({ n, d, x }: Flat, k: number, rng: Rng): Float64Array {
  const centres = new Float64Array(k * d);
  const take = (c: number, i: number) => centres.set(x.subarray(i * d, i * d + d), c * d);
  take(0, Math.floor(rng.float() * n));
  const d2 = new Float64Array(n);
  for (let i = 0; i < n; i++) d2[i] = sq(x, i, centres, 0, d);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < n; i++) total += d2[i]!;
    let pick = n - 1;
    if (total > 0) {
      let r = rng.float() * total;
      let last = -1;
      for (let i = 0; i < n; i++) {
        if (d2[i]! > 0) last = i;
        r -= d2[i]!;
        if (r < 0) {
          pick = i;
          break;
        }
      }
      // rounding can leave r ≥ 0 after the loop: take the last point with a positive distance
      if (r >= 0) pick = last;
    }
    take(c, pick);
    for (let i = 0; i < n; i++) {
      const v = sq(x, i, centres, c, d);
      if (v < d2[i]!) d2[i] = v;
    }
  }
  return centres;
}

function lloyd({ n, d, x }: Flat, start: Float64Array, k: number, maxIterations: number) {
  const centres = start;
  const labels = new Int32Array(n).fill(-1);
  const dist = new Float64Array(n);
  const counts = new Int32Array(k);
  for (let iter = 0; iter < maxIterations; iter++) {
    let changed = false;
    for (let i = 0; i < n; i++) {
      let best = 0;
      let bestD = Infinity;
      for (let c = 0; c < k; c++) {
        const v = sq(x, i, centres, c, d);
        // strict < : ties go to the lower index, so the result never depends on evaluation order
        if (v < bestD) {
          bestD = v;
          best = c;
        }
      }
      if (labels[i] !== best) changed = true;
      labels[i] = best;
      dist[i] = bestD;
    }
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[labels[i]!]!++;
    // an empty cluster takes the point farthest from its own centre (from a cluster of ≥ 2)
    for (let c = 0; c < k; c++) {
      if (counts[c] !== 0) continue;
      let far = -1;
      for (let i = 0; i < n; i++) if (counts[labels[i]!]! > 1 && (far < 0 || dist[i]! > dist[far]!)) far = i;
      if (far < 0) break;
      counts[labels[far]!]!--;
      labels[far] = c;
      dist[far] = 0;
      counts[c] = 1;
      changed = true;
    }
    if (!changed) break;
    centres.fill(0);
    for (let i = 0; i < n; i++) {
      const o = labels[i]! * d;
      for (let j = 0; j < d; j++) centres[o + j]! += x[i * d + j]!;
    }
    for (let c = 0; c < k; c++) for (let j = 0; j < d; j++) centres[c * d + j]! /= counts[c]!;
  }
  let wcss = 0;
  for (let i = 0; i < n; i++) wcss += sq(x, i, centres, labels[i]!, d);
  return { labels, centres, wcss };
}

/**
 * Partitions points into k clusters (k-means++ seeds, Lloyd iterations, best of several starts).
 * @param points n × d finite coordinates (e.g. z-values of the indicators), n ≥ k
 * @param k number of clusters, 1 ≤ k ≤ number of distinct points
 * @returns labels, centres and WCSS; the same input and seed always give the same output
 * @throws RangeError for an invalid k or empty/ragged input
 * @example kMeans([[0], [0.1], [5], [5.1]], 2).labels // [0, 0, 1, 1] (or [1, 1, 0, 0])
 */
export function kMeans(
  points: readonly (readonly number[])[],
  k: number,
  options: KMeansOptions = {},
): KMeansResult {
  const { seed = 1, restarts = 20, maxIterations = 300 } = options;
  const n = points.length;
  if (n === 0) throw new RangeError('kMeans: no points');
  const dims = (points[0] as number[]).length;
  if (points.some((p) => p.length !== dims || p.some((v) => !Number.isFinite(v))))
    throw new RangeError('kMeans: points must be finite and of equal length');
  if (!Number.isInteger(k) || k < 1 || k > distinctCount(points))
    throw new RangeError(`kMeans: k = ${k} needs 1 ≤ k ≤ number of distinct points`);
  const flat: Flat = { n, d: dims, x: new Float64Array(n * dims) };
  points.forEach((p, i) => flat.x.set(p, i * dims));
  const rng = createRng(seed).fork(`kmeans/k${k}`);
  let best: ReturnType<typeof lloyd> | null = null;
  for (let r = 0; r < Math.max(1, restarts); r++) {
    const run = lloyd(flat, seedCentres(flat, k, rng.fork(`run${r}`)), k, maxIterations);
    // strictly lower only: the earliest run wins ties, which keeps the choice reproducible
    if (!best || run.wcss < best.wcss - 1e-12 * Math.max(1, best.wcss)) best = run;
  }
  const { labels, centres, wcss } = best!;
  return {
    labels: Array.from(labels),
    centroids: Array.from({ length: k }, (_, c) => Array.from(centres.subarray(c * dims, c * dims + dims))),
    wcss,
  };
}
