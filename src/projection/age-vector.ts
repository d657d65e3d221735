/**
 * Population by single year of age: index a holds the persons aged a (in completed years), the
 * last index the oldest age and everyone older (the open top, 100 and older by default).
 */
import type { AgeRange } from '../core/age-range.ts';

/** Oldest single age kept; the last cell of an age vector holds this age and older. */
export const MAX_AGE = 100;

/** Persons by single year of age 0…{@link MAX_AGE} (last cell: that age and older). */
export type AgeVector = number[];

/**
 * Persons of an age range in a single-year vector; `to` null or beyond the top: up to the open
 * top cell included.
 * @example sumAges([1, 2, 3, 4], { from: 1, to: 3 }) // 5
 */
export function sumAges(v: readonly number[], range: AgeRange): number {
  const to = range.to === null ? v.length : Math.min(range.to, v.length);
  let s = 0;
  for (let a = range.from; a < to; a++) s += v[a] ?? 0;
  return s;
}

/** Sum of a vector. */
export const total = (v: readonly number[]) => v.reduce((s, x) => s + x, 0);

/** Element-wise sum of several vectors of the same length (e.g. both sexes). */
export function addVectors(vs: readonly (readonly number[])[]): AgeVector {
  const out = new Array<number>(vs[0]?.length ?? 0).fill(0);
  for (const v of vs) v.forEach((x, i) => (out[i]! += x));
  return out;
}
