/**
 * Sozialraumtypen: k-means for every k in a range, with the criterion that picks k (pure).
 *
 * Criterion: the mean silhouette width (Rousseeuw 1987, "Silhouettes: a graphical aid to the
 * interpretation and validation of cluster analysis", J. Comput. Appl. Math. 20) — the k with the
 * largest mean silhouette wins, ties go to the smaller k. The within-cluster sum of squares (WCSS)
 * of every k is returned too, for the elbow view.
 *
 * Silhouettes are computed here on one distance matrix shared by every k (simple-statistics
 * `silhouette` gives the same numbers — the tests check it — but builds the matrix anew per call).
 * simple-statistics `silhouetteMetric` is NOT the criterion: it returns the largest silhouette of
 * any point, not the mean.
 */
import { distinctCount, kMeans, type KMeansOptions } from './kmeans.ts';

/** Default range of k for the automatic choice. */
export const K_MIN = 2;
export const K_MAX = 8;

export interface KCriterion {
  k: number;
  /** Mean silhouette width over all points (−1 … 1; higher = clearer types). */
  silhouette: number;
  /** Within-cluster sum of squares (in squared z units). */
  wcss: number;
}

export interface Clustering {
  k: number;
  /** Cluster index per point (0 … k−1, in the order k-means produced). */
  labels: number[];
  /** Centres in the clustering space (z-values). */
  centroids: number[][];
  /** Silhouette width per point for the chosen k. */
  silhouettes: number[];
  /** One entry per k tried, ascending. */
  criterion: KCriterion[];
}

/**
 * Euclidean distances between all points, row-major n × n.
 * @example distanceMatrix([[0, 0], [3, 4]]) // Float64Array [0, 5, 5, 0]
 */
export function distanceMatrix(points: readonly (readonly number[])[]): Float64Array {
  const n = points.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    for (let j = 0; j < i; j++) {
      const q = points[j]!;
      let s = 0;
      for (let c = 0; c < p.length; c++) s += (p[c]! - q[c]!) ** 2;
      out[i * n + j] = out[j * n + i] = Math.sqrt(s);
    }
  }
  return out;
}

/**
 * Silhouette widths s(i) = (b − a) / max(a, b) — a: mean distance to the own cluster, b: to the
 * nearest other cluster; 0 for a point alone in its cluster (Rousseeuw 1987).
 * @param dist distance matrix from {@link distanceMatrix}
 * @param labels cluster per point, 0 … k−1, every cluster non-empty
 * @returns the width per point and their mean
 * @example meanSilhouette([[0], [1], [10], [11]], [0, 0, 1, 1]).mean // ≈ 0.9
 */
export function meanSilhouette(
  points: readonly (readonly number[])[],
  labels: readonly number[],
  dist: Float64Array = distanceMatrix(points),
): { mean: number; values: number[] } {
  const n = labels.length;
  let k = 0;
  for (const l of labels) k = Math.max(k, l + 1);
  const size = new Float64Array(k);
  for (const l of labels) size[l]!++;
  const sums = new Float64Array(k);
  const values = new Array<number>(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    sums.fill(0);
    const row = i * n;
    for (let j = 0; j < n; j++) sums[labels[j]!]! += dist[row + j]!;
    const own = labels[i]!;
    let s = 0;
    if (size[own]! > 1) {
      const a = sums[own]! / (size[own]! - 1);
      let b = Infinity;
      for (let c = 0; c < k; c++) if (c !== own && size[c]! > 0) b = Math.min(b, sums[c]! / size[c]!);
      const m = Math.max(a, b);
      s = m > 0 && Number.isFinite(b) ? (b - a) / m : 0;
    }
    values[i] = s;
    total += s;
  }
  return { mean: total / n, values };
}

/**
 * The largest k that can be tried: a silhouette needs 2 ≤ k ≤ n − 1, and k-means needs at least k
 * distinct points.
 */
export function maxK(points: readonly (readonly number[])[], kMax = K_MAX): number {
  return Math.min(kMax, points.length - 1, distinctCount(points));
}

/**
 * Clusters points for every k from `kMin` to the largest possible k ≤ `kMax` and keeps the chosen
 * one: `k = 'auto'` takes the best mean silhouette, a number fixes k (the criterion is still
 * computed for every k so that people see how the fixed choice compares).
 * @param points n × d z-values (n ≥ 3)
 * @throws RangeError when fewer than 3 distinct points exist or a fixed k lies outside the range
 * @example clusterPoints([[0], [0.2], [5], [5.2], [9], [9.1]], 'auto').k // 3
 */
export function clusterPoints(
  points: readonly (readonly number[])[],
  k: number | 'auto',
  options: KMeansOptions & { kMin?: number; kMax?: number } = {},
): Clustering {
  const kMin = options.kMin ?? K_MIN;
  const top = maxK(points, options.kMax ?? K_MAX);
  if (top < kMin) throw new RangeError(`clusterPoints: too few distinct points for k = ${kMin}`);
  if (k !== 'auto' && (!Number.isInteger(k) || k < kMin || k > top))
    throw new RangeError(`clusterPoints: k = ${k} outside ${kMin} … ${top}`);
  const dist = distanceMatrix(points);
  const runs = [];
  for (let kk = kMin; kk <= top; kk++) {
    const result = kMeans(points, kk, options);
    runs.push({ k: kk, result, sil: meanSilhouette(points, result.labels, dist) });
  }
  const criterion = runs.map((r) => ({ k: r.k, silhouette: r.sil.mean, wcss: r.result.wcss }));
  let chosen = runs[0]!;
  if (k === 'auto') {
    for (const r of runs) if (r.sil.mean > chosen.sil.mean + 1e-12) chosen = r;
  } else chosen = runs.find((r) => r.k === k)!;
  return {
    k: chosen.k,
    labels: chosen.result.labels,
    centroids: chosen.result.centroids,
    silhouettes: chosen.sil.values,
    criterion,
  };
}
