/**
 * Natural breaks as optimal one-dimensional k-means ("Ckmeans"): the grouping of sorted values
 * into k contiguous classes with the least within-class sum of squared deviations, found exactly
 * by dynamic programming (Wang & Song 2011, The R Journal 3/2; implementation: simple-statistics
 * `ckmeans`). Unlike Jenks' iterative heuristic the result is the proven optimum.
 */
import { ckmeans } from 'simple-statistics';
import { distinctCount } from './breaks.ts';

/**
 * Upper class breaks (inclusive) of the optimal k-means grouping, ascending and distinct; the last
 * is the maximum. Asks for at most as many classes as there are distinct values, so k larger than
 * the data never fails.
 * @param sorted finite numbers, ascending
 * @param k wanted number of classes, an integer ≥ 1
 * @returns between 0 (no values) and k breaks
 * @example naturalBreaks([0, 1, 2, 50, 100, 101, 103], 3) // [2, 50, 103]
 */
export function naturalBreaks(sorted: readonly number[], k: number): number[] {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`Klassenzahl muss eine ganze Zahl ≥ 1 sein (war ${k}).`);
  if (sorted.length === 0) return [];
  const groups = ckmeans([...sorted], Math.min(k, distinctCount(sorted)));
  const breaks: number[] = [];
  for (const group of groups) {
    const top = group[group.length - 1];
    // a tie split across two groups would give the same break twice: keep it once
    if (top !== undefined && top !== breaks[breaks.length - 1]) breaks.push(top);
  }
  return breaks;
}
