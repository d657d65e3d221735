/**
 * The Bedarfsplan's ranking of areas by need (docs/methods.md §7, Bedarfsplan), pure: three
 * criteria per area, each as points between 0 and 1 and as a need (Bedarfsmerkmal) that holds or
 * not —
 * - the coverage gap (Versorgungslücke): the share of the demand not covered, 1 − rate / 100;
 *   a need from one missing place (balance ≤ −0.5);
 * - the social index class (Statusklasse): the class's severity (0 best … 1 worst, as the index
 *   definition gives it); a need from `minSeverity` on (MSS: classes 3 and 4);
 * - the distance to the nearest facility of the type: distance / radius, at most 1 (none at all:
 *   1); a need beyond the radius (Braunschweig: no Nachbarschaftszentrum within 1,000 m).
 * Areas with more needs come first; among as many needs the score decides, the weighted mean of
 * the points × 100; then more missing places, then the greater distance, then the key. Unknown
 * points (a secret demand, an area the index leaves out) count 0. Areas without any demand are
 * not ranked and come last. A criterion with weight 0 counts neither as points nor as a need.
 *
 * Braunschweig's rule for Nachbarschaftszentren — status class 3–4 without a centre within
 * 1,000 m first — is the ranking with the gap's weight 0.

 */
import type { ValueStatus } from '../core/value-status.ts';

/** Weight of each criterion in the score (0: the criterion is left out). */
export interface CriterionWeights {
  gap: number;
  class: number;
  distance: number;
}

export interface RankingParams {
  /** Metres: no facility within it is a need; the distance points reach 1 there. */
  radius: number;
  weights: CriterionWeights;
  /** Classes of at least this severity are a need (0–1). */
  minSeverity: number;
}

/** The defaults: 1,000 m, equal weights, index classes from severity 0.5 (MSS: 3 and 4). */
export const DEFAULT_RANKING_PARAMS: RankingParams = {
  radius: 1000,
  weights: { gap: 1, class: 1, distance: 1 },
  minSeverity: 0.5,
};

/** A class of the chosen index part. */
export interface SocialClass {
  code: string;
  label: string;
  severity: number;
}

/** What is known of an area. */
export interface AreaNeedInput {
  area: string;
  name: string;
  /** The coverage row of the area (the public: rounded, demand and rate null where secret). */
  supply: number | null;
  demand: number | null;
  rate: number | null;
  balance: number | null;
  status: ValueStatus;
  /** Its class in the index part; null: no index chosen, or the area left out of it. */
  socialClass: SocialClass | null;
  /** Metres from the area's reference point to the nearest facility; null: none in operation. */
  distance: number | null;
}

export interface AreaNeed extends AreaNeedInput {
  /** 1 = the greatest need; null: no demand, not ranked. */
  rank: number | null;
  /** Weighted mean of the points × 100 (0–100). */
  score: number;
  /** How many criteria are a need (0–3). */
  needs: number;
  /** Missing supply units (−balance where negative, else 0); null when unknown. */
  missing: number | null;
  points: { gap: number | null; class: number | null; distance: number | null };
  need: { gap: boolean; class: boolean; distance: boolean };
}

const clamp01 = (x: number) => Math.min(1, Math.max(0, x));
const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The criteria of one area (not yet ranked). */
export function areaNeed(a: AreaNeedInput, p: RankingParams): Omit<AreaNeed, 'rank'> {
  const w = p.weights;
  const missing = a.balance === null ? null : Math.max(0, -a.balance);
  const gap =
    a.demand === 0
      ? 0
      : a.rate !== null
        ? clamp01(1 - a.rate / 100)
        : a.supply !== null && a.demand !== null && a.demand > 0
          ? clamp01(1 - a.supply / a.demand)
          : null;
  const cls = a.socialClass ? clamp01(a.socialClass.severity) : null;
  const distance = a.distance === null ? 1 : clamp01(a.distance / p.radius);
  const points = {
    gap: w.gap > 0 ? gap : null,
    class: w.class > 0 ? cls : null,
    distance: w.distance > 0 ? distance : null,
  };
  const need = {
    gap: w.gap > 0 && missing !== null && missing >= 0.5,
    class: w.class > 0 && a.socialClass !== null && a.socialClass.severity >= p.minSeverity,
    distance: w.distance > 0 && (a.distance === null || a.distance > p.radius),
  };
  const total = w.gap + w.class + w.distance;
  const sum = w.gap * (points.gap ?? 0) + w.class * (points.class ?? 0) + w.distance * (points.distance ?? 0);
  return {
    ...a,
    score: total > 0 ? (100 * sum) / total : 0,
    needs: Number(need.gap) + Number(need.class) + Number(need.distance),
    missing,
    points,
    need,
  };
}

/**
 * Every area with its criteria, ranked: more needs first, then the higher score, more missing
 * units, the greater distance, the key; areas without demand last, unranked.
 * @throws Error when every weight is 0 (the route checks this first)
 * @example rankAreas([{ area: '1', …, rate: 64, balance: -38, socialClass: { code: '4', severity: 1 }, distance: 1430 }],
 *   DEFAULT_RANKING_PARAMS)[0] // { rank: 1, needs: 3, score: 78.7, … }
 */
export function rankAreas(areas: readonly AreaNeedInput[], p: RankingParams): AreaNeed[] {
  if (!(p.weights.gap + p.weights.class + p.weights.distance > 0))
    throw new Error('At least one criterion needs a weight above 0');
  const scored = areas.map((a) => areaNeed(a, p));
  const ranked = scored.filter((a) => a.demand !== 0);
  const idle = scored.filter((a) => a.demand === 0).sort((a, b) => byCodePoint(a.area, b.area));
  ranked.sort(
    (a, b) =>
      b.needs - a.needs ||
      b.score - a.score ||
      (b.missing ?? -1) - (a.missing ?? -1) ||
      (b.distance ?? Infinity) - (a.distance ?? Infinity) ||
      byCodePoint(a.area, b.area),
  );
  return [...ranked.map((a, i) => ({ ...a, rank: i + 1 })), ...idle.map((a) => ({ ...a, rank: null }))];
}
