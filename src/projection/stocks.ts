/**
 * An area's population by single year of age from what a city delivers (docs/methods.md §8.6):
 * single years by sex (`bev`, breakdown `age=<a>;sex=<m|w>`), or age-band variables whose ranges
 * come from their keys (core/age-range.ts), tiled into contiguous bands and split (§8.1).
 */
import { variableRange } from '../core/age-range.ts';
import { MAX_AGE, type AgeVector } from './age-vector.ts';
import type { AgeBand } from './split-bands.ts';

/**
 * Contiguous bands from 0 with an open top from whatever age variables are there, by the number
 * under each age: U(to) from every range starting at 0, U(b) = U(a) + N for a range [a, b) once
 * U(a) is known, U(a) = total − N for an open range [a, ∞) — until nothing new follows. The bands
 * run between consecutive known ages; the last is open (total − U(last)).
 *
 * @param values counts by variable key (`ew` needed for the total)
 * @returns null when there is no total or no age border at all, or the counts contradict each
 *   other (a band below zero)
 * @example
 * bandsFromVariables({ ew: 10, ew_u6: 2, ew_6_9: 3, ew_65plus: 1 })
 * // [{0,6,2}, {6,10,3}, {10,65,4}, {65,null,1}]
 */
export function bandsFromVariables(values: Record<string, number>): AgeBand[] | null {
  const totalValue = values.ew;
  if (totalValue === undefined) return null;
  const ranges = Object.entries(values)
    .map(([k, v]) => ({ r: variableRange(k), v }))
    .filter((x) => x.r !== null && !(x.r.from === 0 && x.r.to === null));
  const under = new Map<number, number>([[0, 0]]);
  for (let changed = true; changed;) {
    changed = false;
    for (const { r, v } of ranges) {
      const from = under.get(r!.from);
      if (r!.to !== null && from !== undefined && !under.has(r!.to) && r!.to <= MAX_AGE + 1) {
        under.set(r!.to, from + v);
        changed = true;
      } else if (r!.to === null && !under.has(r!.from)) {
        under.set(r!.from, totalValue - v);
        changed = true;
      } else if (r!.to !== null && from === undefined && under.has(r!.to) && r!.from > 0) {
        under.set(r!.from, under.get(r!.to)! - v);
        changed = true;
      }
    }
  }
  under.delete(MAX_AGE + 1);
  const ages = [...under.keys()].sort((a, b) => a - b);
  if (ages.length < 2) return null;
  const bands: AgeBand[] = ages.map((from, i) => {
    const to = ages[i + 1] ?? null;
    return { from, to, value: (to === null ? totalValue : under.get(to)!) - under.get(from)! };
  });
  return bands.every((b) => b.value >= -1e-9)
    ? bands.map((b) => ({ ...b, value: Math.max(0, b.value) }))
    : null;
}

/**
 * Single years by sex from `bev` cells (`age=<a>;sex=<s>`), ages above the top folded into it;
 * null when there are none.
 */
export function stocksFromBreakdown(
  cells: { breakdown: string; value: number }[],
): Record<string, AgeVector> | null {
  const out: Record<string, AgeVector> = {};
  let any = false;
  for (const c of cells) {
    const m = /^age=(\d+);sex=(\w+)$/.exec(c.breakdown);
    if (!m) continue;
    const age = Math.min(MAX_AGE, Number(m[1]));
    const v = (out[m[2]!] ??= new Array<number>(MAX_AGE + 1).fill(0));
    v[age]! += c.value;
    any = true;
  }
  return any ? out : null;
}
