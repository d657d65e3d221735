/**
 * Class assignment of a part index by the definition's intervals, on the UNROUNDED value: the
 * MSS publishes indices with two decimals, but an index of 1.0004 is "niedrig" (SI > 1), not
 * "mittel" (docs/methods.md §3).
 */
import type { IndexClass } from './index.schema.ts';

/** Whether `v` lies in the class interval (bounds as the definition says, open or closed). */
export function inClass(v: number, c: IndexClass): boolean {
  if (c.min !== null && (c.minInclusive ? v < c.min : v <= c.min)) return false;
  if (c.max !== null && (c.maxInclusive ? v > c.max : v >= c.max)) return false;
  return true;
}

/**
 * Position of the class `v` falls in, or -1 (NaN, or a gap between the classes).
 * @example classIndex(1.2, MSS_STATUS_CLASSES) // 2: 'niedrig' (1 < SI ≤ 1.5)
 */
export function classIndex(v: number, classes: readonly IndexClass[]): number {
  if (v !== v) return -1;
  for (let k = 0; k < classes.length; k++) if (inClass(v, classes[k]!)) return k;
  return -1;
}
