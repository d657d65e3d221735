/**
 * The panel an effect estimate works on (Wirkung, docs/methods.md §9): one target indicator per
 * area and year, the split of the years into the periods before and after the start of a measure,
 * and the per-area summaries everything else is computed from (pure, no I/O).
 */

/** One area (Sozialraum, Planungsraum …) of the panel. */
export interface PanelArea {
  /** Area key, unique in the panel. */
  key: string;
  /** The indicator's value by year; `null` (or an absent year) is a missing value. */
  values: Readonly<Record<number, number | null>>;
  /** Inhabitants by year (optional): the size used for matching and for population weights. */
  population?: Readonly<Record<number, number | null>>;
}

/**
 * Which years count, relative to the start year s of the measure.
 * Defaults: every year of the panel before s, every year from s on.
 */
export interface EffectWindow {
  /** Years before the start: s − pre … s − 1. */
  pre?: number;
  /** Years from the start on: s … s + post − 1. */
  post?: number;
}

/** The years of the pre-period (before the start) and of the post-period (start year and after). */
export interface PeriodYears {
  pre: number[];
  post: number[];
}

/**
 * Splits the years of a panel into pre- and post-period.
 * @param years every year that occurs in the panel (any order, duplicates allowed)
 * @param start the first year the measure works (belongs to the post-period)
 * @example periodYears([2015, 2016, 2017, 2018, 2019], 2018, { pre: 2 }) // { pre: [2016, 2017], post: [2018, 2019] }
 */
export function periodYears(years: Iterable<number>, start: number, window: EffectWindow = {}): PeriodYears {
  for (const [name, n] of Object.entries(window))
    if (n !== undefined && (!Number.isInteger(n) || (n as number) < 1))
      throw new RangeError(`periodYears: window.${name} must be a whole number ≥ 1 (${String(n)})`);
  const sorted = [...new Set(years)].sort((a, b) => a - b);
  const from = window.pre === undefined ? -Infinity : start - window.pre;
  const to = window.post === undefined ? Infinity : start + window.post;
  return {
    pre: sorted.filter((y) => y >= from && y < start),
    post: sorted.filter((y) => y >= start && y < to),
  };
}

/** Every year that has a key in some area's values. */
export function panelYears(areas: readonly PanelArea[]): number[] {
  const years = new Set<number>();
  for (const a of areas) for (const y of Object.keys(a.values)) years.add(Number(y));
  return [...years].sort((a, b) => a - b);
}

/** What one area contributes: its period means and its pre-period matching features. */
export interface AreaSummary {
  key: string;
  /** Mean of the non-missing pre-period values; null when there are none. */
  preMean: number | null;
  /** Mean of the non-missing post-period values; null when there are none. */
  postMean: number | null;
  /** Number of non-missing pre-period values. */
  preCount: number;
  /** OLS slope over the non-missing pre-period values (per year); null with fewer than two. */
  trend: number | null;
  /** Inhabitants at the last pre-period year that has a positive count; null when none. */
  population: number | null;
}

/** A finite number from a record, else null. */
function valueAt(record: Readonly<Record<number, number | null>> | undefined, year: number): number | null {
  const v = record?.[year];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/**
 * Ordinary least-squares slope of y on x: b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)².
 * @returns null with fewer than two points or when all x are equal
 * @example olsSlope([2015, 2016, 2017], [10, 12, 14]) // 2
 */
export function olsSlope(xs: readonly number[], ys: readonly number[]): number | null {
  const n = xs.length;
  if (n !== ys.length) throw new RangeError('olsSlope: x and y differ in length');
  if (n < 2) return null;
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += xs[i]!;
    my += ys[i]!;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    sxy += dx * (ys[i]! - my);
    sxx += dx * dx;
  }
  return sxx > 0 ? sxy / sxx : null;
}

/**
 * The summary of one area over the given periods; missing values are skipped.
 * @example summariseArea({ key: 'a', values: { 2016: 10, 2017: 11, 2018: 9 } }, { pre: [2016, 2017], post: [2018] })
 *   // { key: 'a', preMean: 10.5, postMean: 9, preCount: 2, trend: 1, population: null }
 */
export function summariseArea(area: PanelArea, periods: PeriodYears): AreaSummary {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const y of periods.pre) {
    const v = valueAt(area.values, y);
    if (v !== null) {
      xs.push(y);
      ys.push(v);
    }
  }
  let postSum = 0;
  let postCount = 0;
  for (const y of periods.post) {
    const v = valueAt(area.values, y);
    if (v !== null) {
      postSum += v;
      postCount++;
    }
  }
  let population: number | null = null;
  for (let i = periods.pre.length - 1; i >= 0 && population === null; i--) {
    const p = valueAt(area.population, periods.pre[i]!);
    if (p !== null && p > 0) population = p;
  }
  return {
    key: area.key,
    preMean: ys.length > 0 ? ys.reduce((a, b) => a + b, 0) / ys.length : null,
    postMean: postCount > 0 ? postSum / postCount : null,
    preCount: ys.length,
    trend: olsSlope(xs, ys),
    population,
  };
}

/** The value of an area in a year, or null (for the per-year chart). */
export function areaValue(area: PanelArea, year: number): number | null {
  return valueAt(area.values, year);
}
