/**
 * Matching of comparison areas (Vergleichsgebiete) for an effect estimate (docs/methods.md §9):
 * for every treated area the k nearest untreated areas on z-standardised pre-period features,
 * with replacement (one untreated area may serve several treated ones).
 *
 * Method: nearest-neighbour matching on a Euclidean distance of standardised covariates
 * (Stuart, "Matching methods for causal inference: a review and a look forward", Statistical
 * Science 25(1), 2010, §3); here the covariates are the pre-period level, the pre-period trend and
 * the size, because parallel trends after matching are more plausible for areas that started at a
 * similar level, moved alike before and are of similar size. Ties are broken by area key so that
 * the result never depends on input order.
 */

/** The matching features, in the order they enter the distance. */
export const FEATURE_NAMES = ['level', 'trend', 'size'] as const;
export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Pre-period features of one area, in the indicator's own units. */
export interface MatchFeatures {
  /** Mean of the pre-period values. */
  level: number;
  /** OLS slope over the pre-period years (per year); null with fewer than two values. */
  trend: number | null;
  /** ln(population) at the last pre-period year; null without a population. */
  size: number | null;
}

/** Mean and population SD (÷ n) of one feature over the areas that have it. */
export interface FeatureStats {
  feature: FeatureName;
  mean: number;
  sd: number;
}

/** z-values of the areas, row-major (area × used feature). */
export interface FeatureMatrix {
  /** The features that entered the distance (a feature no area has is left out). */
  dims: FeatureName[];
  stats: FeatureStats[];
  /** z[i · dims.length + j]. */
  z: Float64Array;
}

/**
 * z-standardises the features over all given areas: z = (x − mean) / SD with the population SD,
 * as the composite indices do (§3). A missing feature counts as the mean (z = 0), so it neither
 * attracts nor repels; a constant feature is 0 everywhere.
 * @example standardiseFeatures([{ level: 1, trend: null, size: null }, { level: 3, trend: null, size: null }]).z
 *   // Float64Array [-1, 1]
 */
export function standardiseFeatures(rows: readonly MatchFeatures[]): FeatureMatrix {
  const dims: FeatureName[] = [];
  const stats: FeatureStats[] = [];
  for (const feature of FEATURE_NAMES) {
    const present = rows.map((r) => r[feature]).filter((v): v is number => v !== null && Number.isFinite(v));
    if (present.length === 0) continue;
    const mean = present.reduce((a, b) => a + b, 0) / present.length;
    const sd = Math.sqrt(present.reduce((a, v) => a + (v - mean) ** 2, 0) / present.length);
    dims.push(feature);
    stats.push({ feature, mean, sd });
  }
  const z = new Float64Array(rows.length * dims.length);
  rows.forEach((r, i) =>
    stats.forEach((s, j) => {
      const v = r[s.feature];
      z[i * dims.length + j] = v !== null && Number.isFinite(v) && s.sd > 0 ? (v - s.mean) / s.sd : 0;
    }),
  );
  return { dims, stats, z };
}

/** One matched comparison of a treated area, by index into the feature matrix. */
export interface Neighbour {
  index: number;
  distance: number;
}

/**
 * The k nearest candidates of every treated area (Euclidean distance on the z-values), with
 * replacement; ties in distance go to the lower rank (rank = position of the key in sorted order).
 * With fewer than k candidates every candidate is taken.
 * @param exclude optional mask: candidates with exclude[i] = 1 are skipped (the placebo set)
 */
export function nearestNeighbours(
  m: FeatureMatrix,
  rank: ArrayLike<number>,
  treated: readonly number[],
  candidates: readonly number[],
  k: number,
  exclude?: Uint8Array,
): Neighbour[][] {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`nearestNeighbours: k must be ≥ 1 (${k})`);
  const d = m.dims.length;
  const z = m.z;
  return treated.map((t) => {
    // a sorted list of at most k: insertion is cheaper than sorting all candidates
    const best: Neighbour[] = [];
    for (const c of candidates) {
      if (exclude?.[c] === 1 || c === t) continue;
      let s = 0;
      for (let j = 0; j < d; j++) {
        const diff = z[t * d + j]! - z[c * d + j]!;
        s += diff * diff;
      }
      if (best.length === k) {
        const last = best[k - 1]!;
        if (s > last.distance || (s === last.distance && rank[c]! > rank[last.index]!)) continue;
      }
      let pos = best.length;
      while (pos > 0) {
        const prev = best[pos - 1]!;
        if (prev.distance < s || (prev.distance === s && rank[prev.index]! < rank[c]!)) break;
        pos--;
      }
      best.splice(pos, 0, { index: c, distance: s });
      if (best.length > k) best.pop();
    }
    for (const b of best) b.distance = Math.sqrt(b.distance);
    return best;
  });
}

/** Rank of every key in code-unit order (the tie-break), by position in `keys`. */
export function keyRanks(keys: readonly string[]): Int32Array {
  const order = keys
    .map((_, i) => i)
    .sort((a, b) => (keys[a]! < keys[b]! ? -1 : keys[a]! > keys[b]! ? 1 : 0));
  const rank = new Int32Array(keys.length);
  order.forEach((i, r) => (rank[i] = r));
  return rank;
}

/** An area with its features, as input to {@link matchAreas}. */
export interface FeatureRow {
  key: string;
  features: MatchFeatures;
}

/** One row of the matching table: a treated area and its comparisons. */
export interface MatchRow {
  key: string;
  features: MatchFeatures;
  comparisons: { key: string; distance: number; features: MatchFeatures }[];
}

/** The matching as the UI shows it. */
export interface Matching {
  dims: FeatureName[];
  stats: FeatureStats[];
  rows: MatchRow[];
}

/**
 * Matches every treated area to its k nearest untreated areas (with replacement, ties by key).
 * The z-values are computed over all given areas, treated and untreated.
 * @param areas every area that may take part (treated and candidate comparisons)
 * @param treatedKeys keys of the treated areas; every one must be among `areas`
 * @param k comparisons per treated area (default 3)
 * @example matchAreas([{ key: 'a', features: { level: 1, trend: null, size: null } },
 *   { key: 'b', features: { level: 2, trend: null, size: null } },
 *   { key: 'c', features: { level: 9, trend: null, size: null } }], ['a'], 1).rows[0].comparisons[0].key // 'b'
 */
export function matchAreas(areas: readonly FeatureRow[], treatedKeys: readonly string[], k = 3): Matching {
  const index = new Map(areas.map((a, i) => [a.key, i]));
  if (index.size !== areas.length) throw new RangeError('matchAreas: duplicate area key');
  const treated = treatedKeys.map((key) => {
    const i = index.get(key);
    if (i === undefined) throw new RangeError(`matchAreas: unknown treated area ${key}`);
    return i;
  });
  const isTreated = new Set(treated);
  const candidates = areas.map((_, i) => i).filter((i) => !isTreated.has(i));
  const m = standardiseFeatures(areas.map((a) => a.features));
  const neighbours = nearestNeighbours(m, keyRanks(areas.map((a) => a.key)), treated, candidates, k);
  return {
    dims: m.dims,
    stats: m.stats,
    rows: treated.map((t, r) => ({
      key: areas[t]!.key,
      features: areas[t]!.features,
      comparisons: neighbours[r]!.map((n) => ({
        key: areas[n.index]!.key,
        distance: n.distance,
        features: areas[n.index]!.features,
      })),
    })),
  };
}
