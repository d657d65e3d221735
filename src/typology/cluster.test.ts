import { silhouette } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { mssTable } from './berlin-mss.testdata.ts';
import { clusterPoints, maxK, meanSilhouette } from './cluster.ts';
import { kMeans } from './kmeans.ts';
import { standardiseColumns } from './standardise.ts';

/** Rousseeuw's silhouette by its definition, for one partition (singletons: 0). */
function silhouetteByHand(points: number[][], labels: number[]) {
  const d = (a: number[], b: number[]) => Math.hypot(...a.map((v, j) => v - b[j]!));
  const groups = [...new Set(labels)];
  const s = points.map((p, i) => {
    const own = points.filter((_, m) => m !== i && labels[m] === labels[i]);
    if (own.length === 0) return 0;
    const a = own.reduce((t, q) => t + d(p, q), 0) / own.length;
    const b = Math.min(
      ...groups
        .filter((g) => g !== labels[i])
        .map((g) => {
          const other = points.filter((_, m) => labels[m] === g);
          return other.reduce((t, q) => t + d(p, q), 0) / other.length;
        }),
    );
    return (b - a) / Math.max(a, b);
  });
  return s.reduce((t, v) => t + v, 0) / s.length;
}

describe('clusterPoints', () => {
  it('computes the mean silhouette as Rousseeuw defines it', () => {
    const points = [
      [0, 0],
      [1, 0],
      [0, 1],
      [6, 6],
      [7, 6],
      [9, 9],
      [20, 0],
    ];
    const labels = [0, 0, 0, 1, 1, 1, 2];
    expect(meanSilhouette(points, labels).mean).toBeCloseTo(silhouetteByHand(points, labels), 12);
  });

  it('agrees with simple-statistics silhouette on Berlin MSS 2021 (every point, k = 2 … 8)', () => {
    const { z } = standardiseColumns(mssTable().rows);
    for (let k = 2; k <= 8; k++) {
      const labels = kMeans(z, k, { restarts: 1 }).labels;
      const ours = meanSilhouette(z, labels).values;
      const theirs = silhouette(z, labels);
      ours.forEach((v, i) => expect(v).toBeCloseTo(theirs[i]!, 12));
    }
  });

  it('chooses the k with the best mean silhouette and reports every k', () => {
    const points = [[0], [0.2], [0.1], [5], [5.2], [5.1], [9], [9.1], [9.2]];
    const c = clusterPoints(points, 'auto');
    expect(c.k).toBe(3);
    expect(c.criterion.map((x) => x.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = Math.max(...c.criterion.map((x) => x.silhouette));
    expect(c.criterion.find((x) => x.k === 3)!.silhouette).toBe(best);
    // WCSS falls with k (the elbow view)
    for (let i = 1; i < c.criterion.length; i++)
      expect(c.criterion[i]!.wcss).toBeLessThanOrEqual(c.criterion[i - 1]!.wcss + 1e-12);
    for (const x of c.criterion) expect(x.silhouette).toBeGreaterThanOrEqual(-1);
  });

  it('keeps a fixed k and still reports the criterion for the others', () => {
    const points = [[0], [0.2], [0.1], [5], [5.2], [5.1], [9], [9.1], [9.2]];
    const c = clusterPoints(points, 2);
    expect(c.k).toBe(2);
    expect(new Set(c.labels).size).toBe(2);
    expect(c.criterion).toHaveLength(7);
  });

  it('limits k by the number of points and rejects impossible choices', () => {
    expect(maxK([[0], [1], [2], [3]])).toBe(3);
    expect(clusterPoints([[0], [1], [2], [3]], 'auto').criterion.map((x) => x.k)).toEqual([2, 3]);
    expect(() => clusterPoints([[0], [1]], 'auto')).toThrow(RangeError);
    expect(() => clusterPoints([[0], [1], [2], [3]], 4)).toThrow(RangeError);
    expect(() => clusterPoints([[0], [1], [2], [3]], 1)).toThrow(RangeError);
  });
});
