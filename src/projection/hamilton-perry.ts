/**
 * Hamilton–Perry projection (docs/methods.md §8.2): cohort change ratios from two population
 * stocks by age, children from child–woman ratios. Needs nothing but stocks, which is what most
 * cities have for their small areas.
 *
 * Hamilton & Perry, "A short method for projecting population by age from one decennial census to
 * another", Social Forces 41 (1962) 163–170; Swanson, Schlottmann & Schmidt, "Forecasting the
 * population of census tracts by age and sex: an example of the Hamilton–Perry method in action",
 * Population Research and Policy Review 29 (2010) 47–63 (CCR and CWR as used here); Baker et al.,
 * *Small Area Population Forecasting* (2017), ch. 6 (shrinking small-area ratios towards a larger
 * area's).
 */
import { total, type AgeVector } from './age-vector.ts';
import { scaleToTotal, stocksTotal } from './control.ts';

/** Stocks by sex key (`m`, `w`, or one key such as `all` when the data has no sex). */
export type Stocks = Record<string, AgeVector>;

export interface HamiltonPerryOptions {
  /** Years between the two stocks, also the length of one projection step (default 1). */
  interval?: number;
  /** Sex key of the women for the child–woman ratio; null: persons of every sex (default). */
  female?: string | null;
  /** Ages [from, to) of the mothers in the child–woman ratio (default 15–45). */
  motherAges?: [number, number];
  /**
   * Weight, in persons, of the reference ratios in every area's ratio (default 100): an area's
   * CCR is (P₁(a+k) + m·CCRʳᵉᶠ(a)) / (P₀(a) + m), so a cohort of a handful of people moves with the
   * city, a large one with itself. The same for children per woman (m women).
   */
  prior?: number;
  /**
   * Weight w of the area's own child–woman ratio trend (default 0.2). A ratio moves as
   * CWR(j) = (1 − w)·CWR₁·(1 + j·(C₁ − C₀)/C₁) + w·(CWR₁ + j·(CWR₁ − CWR₀)), C the larger
   * area's ratio (the area's own without a reference): the city's births set the direction,
   * a small area's one-year change is mostly noise.
   */
  cwrTrend?: number;
  /**
   * Share of the net migration in the cohort change ratios carried into the future (default 0.5;
   * the classic method: 1). A ratio is survival plus net migration, CCR(a) = S(a) + M(a); with
   * θ < 1 it becomes S(a) + θ·(CCR(a) − S(a)) — one or two years of moves are a poor guide to the
   * next ones, ageing and dying are a good one.
   */
  migrationWeight?: number;
  /**
   * Ages below this come from child–woman ratios rather than cohort change ratios (default 6;
   * never fewer than the interval, the classic method). The under-6 projected by their ratio to
   * the women avoids carrying forward a shape inside the band that a band split made up.
   */
  childAges?: number;
  /**
   * Share of the projected change of the area's total that is kept (default 0.5): every step's
   * stocks are scaled proportionally to T₁ + φ·(T_j − T₁), T₁ the base total. The age structure
   * comes from the ratios, the size moves only part of the way the ratios push it.
   */
  totalWeight?: number;
  /** k-year survival S(a) by age for `migrationWeight` (default {@link standardSurvival}). */
  survival?: readonly number[];
}

const defaults: Required<Omit<HamiltonPerryOptions, 'survival'>> = {
  interval: 1,
  female: null,
  motherAges: [15, 45],
  prior: 100,
  cwrTrend: 0.2,
  migrationWeight: 0.5,
  childAges: 6,
  totalWeight: 0.5,
};

/**
 * Gompertz hazard of a German life table of both sexes, μ(a) = A·e^{B·a} with B = 0.095 and
 * μ(65) = 0.012 (Statistisches Bundesamt, Sterbetafel 2019/21: q₆₅ ≈ 0.012, q₈₀ ≈ 0.047,
 * q₉₀ ≈ 0.17); children and young adults get the floor 0.0003 instead of the curve's smaller
 * values. Gompertz, Phil. Trans. R. Soc. 115 (1825) 513–583.
 */
export function gompertzHazard(age: number): number {
  return Math.max(0.0003, 0.012 * Math.exp(0.095 * (age - 65)));
}

/**
 * Probability to survive k years from age a (a = 0…maxAge − k, as the cohort change ratios),
 * from {@link gompertzHazard}: S(a) = exp(−Σ_{i<k} μ(a+i+½)).
 * @example standardSurvival(100, 1)[65] // ≈ 0.987
 */
export function standardSurvival(maxAge: number, k = 1): number[] {
  return Array.from({ length: maxAge - k + 1 }, (_, a) => {
    let h = 0;
    for (let i = 0; i < k; i++) h += gompertzHazard(a + i + 0.5);
    return Math.exp(-h);
  });
}

/**
 * Cohort change ratios: ccr[a] = P₁(a+k) / P₀(a) for a = 0…max−k−1, and for the open top
 * ccr[max−k] = P₁(max) / Σ P₀(max−k…max). With `reference` ratios and a prior weight m:
 * (P₁(a+k) + m·ref[a]) / (P₀(a) + m); without: a cohort with nobody at P₀ keeps ratio 1.
 *
 * @example cohortChangeRatios([10, 10, 10], [5, 9, 18], 1) // [0.9, 0.9]
 */
export function cohortChangeRatios(
  p0: readonly number[],
  p1: readonly number[],
  interval = 1,
  reference?: readonly number[],
  prior = 0,
): number[] {
  const k = interval;
  const max = p0.length - 1;
  if (p1.length !== p0.length) throw new Error('cohortChangeRatios: stocks of different length');
  if (!(k >= 1 && k <= max) || !Number.isInteger(k)) throw new Error(`cohortChangeRatios: bad interval ${k}`);
  const out: number[] = [];
  for (let a = 0; a <= max - k; a++) {
    const from = a === max - k ? total(p0.slice(a)) : p0[a]!;
    const to = a === max - k ? p1[max]! : p1[a + k]!;
    const ref = reference?.[a] ?? 1;
    const m = reference ? prior : 0;
    out.push(from + m > 0 ? (to + m * ref) / (from + m) : ref);
  }
  return out;
}

/** Persons of ages [from, to) in a vector. */
const between = (v: readonly number[], [from, to]: readonly [number, number]) => total(v.slice(from, to));

/** The women (or persons) of mother ages in stocks. */
function women(stocks: Stocks, female: string | null, ages: readonly [number, number]) {
  return female === null
    ? Object.values(stocks).reduce((s, v) => s + between(v, ages), 0)
    : between(stocks[female] ?? [], ages);
}

/**
 * Child–woman ratio: children of age `age` per woman (or person) of mother ages.
 * @example childWomanRatio({ all: [6, 0, 3, 3] }, 0, null, [2, 4]) // 1
 */
export function childWomanRatio(
  stocks: Stocks,
  age: number,
  female: string | null = null,
  motherAges: readonly [number, number] = [15, 45],
  sex?: string,
): number {
  const w = women(stocks, female, motherAges);
  const children = sex
    ? (stocks[sex]?.[age] ?? 0)
    : Object.values(stocks).reduce((s, v) => s + (v[age] ?? 0), 0);
  return w > 0 ? children / w : 0;
}

/** What one area's projection is built from: its stocks and, optionally, the city's. */
export interface HamiltonPerryInput {
  /** The area's stocks at the earlier date (k years before the base). */
  earlier: Stocks;
  /** The area's stocks at the base date. */
  base: Stocks;
  /** Stocks of a larger area (the city) at the same two dates: ratios to shrink towards. */
  reference?: { earlier: Stocks; base: Stocks };
}

/**
 * Projects one area `steps` steps of `interval` years beyond the base: ages `childAges` and older
 * by the (damped) cohort change ratios, the younger ones from the projected women by child–woman
 * ratios moving as described at `cwrTrend`; each step's stocks then scaled by `totalWeight`.
 *
 * @returns the stocks after each step (index 0 = one step after the base)
 * @example
 * projectHamiltonPerry({ earlier: { all: [2, 4, 4] }, base: { all: [2, 2, 4] } }, 1, {
 *   motherAges: [1, 3], childAges: 1, migrationWeight: 1, totalWeight: 1, cwrTrend: 0 })
 * // [{ all: [25 / 12, 2, 3] }] — CCR [1, ½]; CWR 2/6 → 2/8 rose by ¼, so 5 women × 5/12
 */
export function projectHamiltonPerry(
  input: HamiltonPerryInput,
  steps: number,
  options: HamiltonPerryOptions = {},
): Stocks[] {
  const o = { ...defaults, ...options };
  const k = o.interval;
  const sexes = Object.keys(input.base);
  const ccr: Record<string, number[]> = {};
  const cwr0: Record<string, number[]> = {};
  const cwr1: Record<string, number[]> = {};
  /** The larger area's relative change of each child–woman ratio per step. */
  const cwrChange: Record<string, number[]> = {};
  const ref = input.reference;
  const young = Math.max(k, o.childAges);
  const w0 = women(input.earlier, o.female, o.motherAges);
  const w1 = women(input.base, o.female, o.motherAges);
  const survival = o.survival ?? standardSurvival((input.base[sexes[0]!]?.length ?? 1) - 1, k);
  const damp = (r: number[]) =>
    o.migrationWeight === 1
      ? r
      : r.map((x, a) => (survival[a] ?? 1) + o.migrationWeight * (x - (survival[a] ?? 1)));
  for (const s of sexes) {
    const p0 = input.earlier[s];
    const p1 = input.base[s]!;
    if (!p0) throw new Error(`projectHamiltonPerry: no earlier stock for sex ${s}`);
    const r = ref ? cohortChangeRatios(ref.earlier[s]!, ref.base[s]!, k) : undefined;
    ccr[s] = damp(cohortChangeRatios(p0, p1, k, r, o.prior));
    cwr0[s] = [];
    cwr1[s] = [];
    for (let c = 0; c < young; c++) {
      const r0 = ref ? childWomanRatio(ref.earlier, c, o.female, o.motherAges, s) : 0;
      const r1 = ref ? childWomanRatio(ref.base, c, o.female, o.motherAges, s) : 0;
      const m = ref ? o.prior : 0;
      const a0 = w0 + m > 0 ? ((p0[c] ?? 0) + m * r0) / (w0 + m) : r0;
      const a1 = w1 + m > 0 ? ((p1[c] ?? 0) + m * r1) / (w1 + m) : r1;
      cwr0[s].push(a0);
      cwr1[s].push(a1);
      (cwrChange[s] ??= []).push(ref ? (r1 > 0 ? (r1 - r0) / r1 : 0) : a1 > 0 ? (a1 - a0) / a1 : 0);
    }
  }
  const out: Stocks[] = [];
  const baseTotal = stocksTotal(input.base);
  let cur = input.base;
  for (let j = 1; j <= steps; j++) {
    const next: Stocks = {};
    for (const s of sexes) {
      const p = cur[s]!;
      const max = p.length - 1;
      const r = ccr[s]!;
      const v = new Array<number>(p.length).fill(0);
      for (let a = 0; a < max - k; a++) v[a + k] = p[a]! * r[a]!;
      v[max] = total(p.slice(max - k)) * r[max - k]!;
      next[s] = v;
    }
    const w = women(next, o.female, o.motherAges);
    for (const s of sexes)
      for (let c = 0; c < young; c++) {
        const c1 = cwr1[s]![c]!;
        const common = c1 * Math.max(0, 1 + j * cwrChange[s]![c]!);
        const own = Math.max(0, c1 + j * (c1 - cwr0[s]![c]!));
        next[s]![c] = w * ((1 - o.cwrTrend) * common + o.cwrTrend * own);
      }
    out.push(o.totalWeight === 1 ? next : scaleTowards(next, baseTotal, o.totalWeight));
    cur = next;
  }
  return out;
}

/** Stocks scaled to base + φ·(their total − base). */
function scaleTowards(stocks: Stocks, base: number, phi: number): Stocks {
  const t = stocksTotal(stocks);
  return scaleToTotal(stocks, Math.max(0, base + phi * (t - base)));
}
