/**
 * Uncertainty of an effect estimate by placebo (permutation) runs (docs/methods.md §9).
 *
 * Method: the same estimator — matching and difference-in-differences — is repeated R times with a
 * placebo "treated" set of the same size drawn at random from the untreated areas, each matched
 * against the remaining untreated areas exactly like the real set. No measure worked in a placebo
 * set, so its estimates show how far the estimator strays from 0 by chance and by imperfect matching
 * alone. Interval: [δ̂ − q₉₇.₅, δ̂ − q₂.₅] with q the placebo quantiles — the estimate corrected by
 * the distribution of the estimator's error, as Conley & Taber ("Inference with 'difference in
 * differences' with a small number of policy changes", Review of Economics and Statistics 93(1),
 * 2011) do with the residuals of the control groups. p-value: the share of placebo estimates at
 * least as far from 0 as the real one, with the +1 correction of Phipson & Smyth ("Permutation
 * p-values should never be zero", Stat. Appl. Genet. Mol. Biol. 9(1), 2010):
 * p = (1 + #{|δ̂ᵣ| ≥ |δ̂|}) / (R + 1). Placebo sets in the spirit of Abadie, Diamond & Hainmueller
 * (JASA 105(490), 2010).
 *
 * Assumptions behind the interval: (1) without the measure, the treated areas' estimation error
 * would have been distributed like that of a randomly chosen set of untreated areas (the matching
 * makes this plausible, nothing proves it: a programme chosen for areas about to change breaks it);
 * (2) the effect is the same additive shift in every treated area; (3) no spill-over of the measure
 * into untreated areas. It covers sampling noise and matching error, not a bias that the treated
 * share and placebo sets do not.
 */
import { mulberry32 } from '../core/random.ts';
import { didEstimate } from './did.ts';
import { nearestNeighbours, type FeatureMatrix } from './matching.ts';

/** Everything a placebo run needs, in index space (all arrays indexed by area). */
export interface PlaceboInput {
  matrix: FeatureMatrix;
  /** Tie-break rank of every area (see `keyRanks`). */
  rank: ArrayLike<number>;
  /** dᵢ = post mean − pre mean per area. */
  change: ArrayLike<number>;
  /** Optional weight per area, as in the real estimate. */
  weights?: ArrayLike<number>;
  /** The untreated areas that may be drawn and matched (the real treated are not among them). */
  pool: readonly number[];
  /** Size of each placebo set: the number of treated areas. */
  size: number;
  /** Comparisons per area, as in the real estimate. */
  k: number;
  /** Number of placebo runs R. */
  runs: number;
  /** Seed of the generator (mulberry32): the same seed gives the same runs. */
  seed: number;
}

/**
 * R placebo estimates. Sets are drawn without replacement by a partial Fisher–Yates shuffle.
 * @throws RangeError when the pool leaves no comparison area beside a placebo set
 */
export function placeboEstimates(input: PlaceboInput): Float64Array {
  const { matrix, rank, change, weights, pool, size, k, runs, seed } = input;
  if (!Number.isInteger(runs) || runs < 1)
    throw new RangeError(`placeboEstimates: runs must be ≥ 1 (${runs})`);
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`placeboEstimates: size must be ≥ 1 (${size})`);
  if (pool.length <= size)
    throw new RangeError(
      `placeboEstimates: ${pool.length} untreated areas leave none to compare ${size} with`,
    );
  const rand = mulberry32(seed);
  const order = Int32Array.from(pool);
  const exclude = new Uint8Array(rank.length);
  const out = new Float64Array(runs);
  const placebo: number[] = new Array<number>(size);
  for (let r = 0; r < runs; r++) {
    for (let i = 0; i < size; i++) {
      const j = i + Math.floor(rand() * (order.length - i));
      const picked = order[j]!;
      order[j] = order[i]!;
      order[i] = picked;
      placebo[i] = picked;
      exclude[picked] = 1;
    }
    const matches = nearestNeighbours(matrix, rank, placebo, pool, k, exclude);
    out[r] = didEstimate(change, placebo, matches, weights).estimate;
    for (const p of placebo) exclude[p] = 0;
  }
  return out;
}

/**
 * Quantile of sorted values by linear interpolation between order statistics (Hyndman & Fan,
 * "Sample quantiles in statistical packages", The American Statistician 50(4), 1996, type 7 — the
 * default of R and NumPy): h = (n − 1)·p, q = x₍⌊h⌋₎ + (h − ⌊h⌋)·(x₍⌊h⌋+1₎ − x₍⌊h⌋₎).
 * @example quantileSorted([1, 2, 3, 4], 0.5) // 2.5
 */
export function quantileSorted(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) throw new RangeError('quantileSorted: no values');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantileSorted: p must lie in [0, 1] (${p})`);
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = sorted[lo]!;
  return lo + 1 < n ? a + (h - lo) * (sorted[lo + 1]! - a) : a;
}

/** The placebo interval and permutation p-value of an estimate. */
export interface PlaceboInference {
  /** δ̂ − q_{1−α/2}. */
  lower: number;
  /** δ̂ − q_{α/2}. */
  upper: number;
  /** (1 + #{|δ̂ᵣ| ≥ |δ̂|}) / (R + 1). */
  p: number;
  /** Nominal level of the interval (default 0.95). */
  level: number;
  /** R. */
  runs: number;
}

/**
 * Interval [δ̂ − q_{1−α/2}, δ̂ − q_{α/2}] and permutation p-value from the placebo estimates.
 * @example placeboInference(2, [-1, -0.5, 0, 0.5, 1]) // lower 1.05, upper 2.95, p 1/6
 */
export function placeboInference(
  estimate: number,
  placebos: ArrayLike<number>,
  level = 0.95,
): PlaceboInference {
  if (!(level > 0 && level < 1))
    throw new RangeError(`placeboInference: level must lie in (0, 1) (${level})`);
  const sorted = Float64Array.from(placebos).sort();
  const alpha = 1 - level;
  const size = Math.abs(estimate);
  let beyond = 0;
  for (const e of sorted) if (Math.abs(e) >= size) beyond++;
  return {
    lower: estimate - quantileSorted(sorted, 1 - alpha / 2),
    upper: estimate - quantileSorted(sorted, alpha / 2),
    p: (1 + beyond) / (sorted.length + 1),
    level,
    runs: sorted.length,
  };
}
