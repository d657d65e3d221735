/**
 * Difference-in-differences against matched comparison areas (docs/methods.md §9).
 *
 * Method: for every area the change d = (mean of its post-period values) − (mean of its
 * pre-period values), missing values skipped. The effect on the treated is
 * δ̂ = Σᵢ wᵢ·(dᵢ − d̄_M(i)) / Σᵢ wᵢ, with d̄_M(i) the plain mean of the changes of the k areas matched
 * to treated area i and wᵢ = 1 (or its population). With equal weights and no missing values this is
 * (mean post − mean pre of the treated) − (mean post − mean pre of their matched comparisons), the
 * matched DiD estimator of the effect on the treated (Heckman, Ichimura & Todd, "Matching as an
 * econometric evaluation estimator", Review of Economic Studies 64(4), 1997; Angrist & Pischke,
 * _Mostly Harmless Econometrics_, 2009, ch. 5).
 */
import type { Neighbour } from './matching.ts';
import type { AreaSummary, PanelArea } from './panel.ts';

/** The estimate and its two halves. */
export interface DidResult {
  /** δ̂: change of the treated minus change of their comparisons. */
  estimate: number;
  /** Σ wᵢ dᵢ / Σ wᵢ. */
  treatedChange: number;
  /** Σ wᵢ d̄_M(i) / Σ wᵢ. */
  comparisonChange: number;
}

/**
 * The matched DiD estimate in index space (used for the real estimate and every placebo).
 * @param change dᵢ per area (finite for every area used)
 * @param treated indices of the treated areas
 * @param matches per treated area its matched comparisons (at least one each)
 * @param weights optional weight per area (indexed like `change`); equal weights without
 * @example didEstimate([-2, 0, 1], [0], [[{ index: 1, distance: 0 }, { index: 2, distance: 0 }]])
 *   // { estimate: -2.5, treatedChange: -2, comparisonChange: 0.5 }
 */
export function didEstimate(
  change: ArrayLike<number>,
  treated: readonly number[],
  matches: readonly (readonly Neighbour[])[],
  weights?: ArrayLike<number>,
): DidResult {
  if (treated.length === 0) throw new RangeError('didEstimate: no treated areas');
  let sw = 0;
  let st = 0;
  let sc = 0;
  treated.forEach((t, r) => {
    const m = matches[r];
    if (!m || m.length === 0) throw new RangeError(`didEstimate: treated area ${t} has no comparison`);
    let c = 0;
    for (const n of m) c += change[n.index]!;
    const w = weights ? weights[t]! : 1;
    sw += w;
    st += w * change[t]!;
    sc += (w * c) / m.length;
  });
  if (!(sw > 0)) throw new RangeError('didEstimate: the weights sum to 0');
  return { estimate: (st - sc) / sw, treatedChange: st / sw, comparisonChange: sc / sw };
}

/** dᵢ = post mean − pre mean, or null when either period has no value. */
export function areaChange(s: AreaSummary): number | null {
  return s.preMean === null || s.postMean === null ? null : s.postMean - s.preMean;
}

/** A treated area and the keys of its matched comparisons. */
export interface MatchedPair {
  treated: string;
  comparisons: readonly string[];
}

/**
 * The matched DiD estimate from area summaries by key. An area without a pre- or post-period value
 * drops out: a comparison is left out of its treated area's mean, a treated area whose comparisons
 * all dropped drops as well.
 * @param weights optional weight by treated key (e.g. population)
 * @returns the estimate (null when no treated area is left) and the keys that dropped out
 */
export function differenceInDifferences(
  summaries: readonly AreaSummary[],
  pairs: readonly MatchedPair[],
  weights?: Readonly<Record<string, number>>,
): { result: DidResult | null; dropped: string[] } {
  const index = new Map(summaries.map((s, i) => [s.key, i]));
  const change = summaries.map((s) => areaChange(s) ?? NaN);
  const usable = (key: string) => {
    const i = index.get(key);
    if (i === undefined) throw new RangeError(`differenceInDifferences: unknown area ${key}`);
    return Number.isFinite(change[i]!) ? i : null;
  };
  const dropped = new Set<string>();
  const treated: number[] = [];
  const matches: Neighbour[][] = [];
  for (const p of pairs) {
    const t = usable(p.treated);
    const m: Neighbour[] = [];
    for (const key of p.comparisons) {
      const c = usable(key);
      if (c === null) dropped.add(key);
      else m.push({ index: c, distance: 0 });
    }
    if (t === null || m.length === 0) dropped.add(p.treated);
    else {
      treated.push(t);
      matches.push(m);
    }
  }
  const w = weights ? summaries.map((s) => weights[s.key] ?? 0) : undefined;
  return {
    result: treated.length > 0 ? didEstimate(change, treated, matches, w) : null,
    dropped: [...dropped].sort(),
  };
}

/** Mean of the treated and of their comparisons in one year (for the chart). */
export interface YearMeans {
  year: number;
  /** Σ wᵢ yᵢₜ / Σ wᵢ over the treated with a value; null when none has one. */
  treated: number | null;
  /** Σ wᵢ ȳ_M(i),t / Σ wᵢ, ȳ_M(i),t the mean of i's comparisons with a value; null when none. */
  comparison: number | null;
}

/**
 * The per-year means of the treated areas and of their matched comparisons, each treated area
 * weighted as in the estimate and its comparisons averaged first, so the gap between the two lines
 * is what the estimate compares.
 */
export function yearlyMeans(
  areas: readonly PanelArea[],
  years: readonly number[],
  treated: readonly number[],
  matches: readonly (readonly Neighbour[])[],
  weights?: ArrayLike<number>,
): YearMeans[] {
  const at = (i: number, year: number) => {
    const v = areas[i]?.values[year];
    return typeof v === 'number' && Number.isFinite(v) ? v : null;
  };
  return years.map((year) => {
    let tw = 0;
    let ts = 0;
    let cw = 0;
    let cs = 0;
    treated.forEach((t, r) => {
      const w = weights ? weights[t]! : 1;
      const v = at(t, year);
      if (v !== null) {
        tw += w;
        ts += w * v;
      }
      let n = 0;
      let s = 0;
      for (const m of matches[r] ?? []) {
        const c = at(m.index, year);
        if (c !== null) {
          n++;
          s += c;
        }
      }
      if (n > 0) {
        cw += w;
        cs += (w * s) / n;
      }
    });
    return { year, treated: tw > 0 ? ts / tw : null, comparison: cw > 0 ? cs / cw : null };
  });
}
