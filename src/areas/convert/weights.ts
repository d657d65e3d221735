/** Population weights for the pieces of a correspondence table (docs/methods.md §10.1). */
import type { CorrespondenceRow } from './correspondence.ts';

/**
 * Population-weighted shares by target density (Schroeder 2007, a dasymetric method in the
 * sense of Eicher & Brewer 2001 and Mennis 2003): inhabitants are assumed evenly spread within
 * each new area t — whose population P_t is known on the new Gebietsstand — rather than within the
 * old area. A piece s∩t then holds `w(s,t) = P_t · |s∩t| / |t|` inhabitants, and the old area's
 * value is split in proportion: `share(s,t) = w(s,t) / Σ_t' w(s,t')`. A built-up new area takes
 * more of the old value than a park of the same size.
 *
 * An old area whose pieces hold no inhabitants at all (all P_t = 0 or unknown) keeps its area
 * shares: there is nothing better to go by.
 *
 * @param rows area-weighted rows (`overlapM2` used, `share` replaced)
 * @param population P_t of the new areas (an area without a count weighs 0)
 * @param areaM2 |t|, the new areas' surfaces
 * @returns rows with population shares, and the old keys that fell back to area shares
 * @example populationShares(rows, new Map([['x', 900], ['y', 100]]), new Map([['x', 1e6], ['y', 1e6]]))
 */
export function populationShares(
  rows: readonly CorrespondenceRow[],
  population: ReadonlyMap<string, number>,
  areaM2: ReadonlyMap<string, number>,
): { rows: CorrespondenceRow[]; areaFallback: string[] } {
  const weight = (r: CorrespondenceRow) => {
    const a = areaM2.get(r.to) ?? 0;
    return a > 0 ? ((population.get(r.to) ?? 0) * r.overlapM2) / a : 0;
  };
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(r.from, (sums.get(r.from) ?? 0) + weight(r));
  const fallback = new Set<string>();
  const out = rows.map((r) => {
    const sum = sums.get(r.from)!;
    if (!(sum > 0)) {
      fallback.add(r.from);
      return { ...r };
    }
    return { ...r, share: weight(r) / sum };
  });
  return { rows: out, areaFallback: [...fallback].sort() };
}
