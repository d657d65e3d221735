/**
 * Pure helpers of the page „Prognose“: the horizons and columns offered for a base Stichtag, the
 * projected rows turned into one table row per area, the city total per year, and the care plan's
 * rows of the last year.
 */
import type { CarePlan, CarePlanRow, ProjectionRow } from './projection-api.ts';

/** Age groups the page offers, in this order; a level shows those its counts have. */
export const AGE_GROUPS = ['ew', 'ew_u6', 'ew_65plus', 'ew_80plus'] as const;

/** Target years offered; only those after the base year. */
export const HORIZONS = [2030, 2035, 2040] as const;

/** Projected counts are shown to the nearest ten: a projection is no count of persons. */
export const ROUND_TO = 10;

const yearOf = (date: string) => Number(date.slice(0, 4));
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/**
 * The horizons after the base year.
 * @example horizonsAfter('2024-12-31') // [2030, 2035, 2040]
 */
export function horizonsAfter(base: string): number[] {
  const baseYear = yearOf(base);
  return HORIZONS.filter((y) => y > baseYear);
}

/**
 * The Stichtag whole years after the base in the given year (29 February becomes the 28th in
 * a common year, as the API counts whole years from the base day).
 * @example targetDate('2024-12-31', 2040) // '2040-12-31'
 */
export function targetDate(base: string, year: number): string {
  const monthDay = base.slice(4);
  return `${year}${monthDay === '-02-29' && !isLeap(year) ? '-02-28' : monthDay}`;
}

/**
 * The years shown as columns: the first projected year, then every fifth calendar year (about 5,
 * 10 and 15 years after the base, and the horizons offered are such years) up to the target, and
 * the target itself.
 * @example columnYears(2024, 2040) // [2025, 2030, 2035, 2040]
 */
export function columnYears(baseYear: number, toYear: number): number[] {
  const years = [baseYear + 1, toYear];
  for (let y = Math.ceil((baseYear + 2) / 5) * 5; y < toYear; y += 5) years.push(y);
  return [...new Set(years.filter((y) => y > baseYear && y <= toYear))].sort((a, b) => a - b);
}

/**
 * Rounded to the nearest ten (`ROUND_TO`).
 * @example roundProjected(1234) // 1230
 */
export function roundProjected(value: number): number {
  return Math.round(value / ROUND_TO) * ROUND_TO;
}

/** The age groups of `AGE_GROUPS` the projection has rows for. */
export function ageGroupsIn(rows: readonly ProjectionRow[]): string[] {
  const present = new Set(rows.map((r) => r.variable));
  return AGE_GROUPS.filter((v) => present.has(v));
}

export interface ProjectionTableRow {
  area: string;
  name: string;
  /** Value by year (unrounded); a year without a row is missing. */
  values: ReadonlyMap<number, number>;
}

/**
 * One row per area (in the order of the rows, i.e. by key; named where `names` knows the key)
 * with the values of one variable in the given years.
 */
export function tableRows(
  rows: readonly ProjectionRow[],
  variable: string,
  years: readonly number[],
  names: ReadonlyMap<string, string> = new Map(),
): ProjectionTableRow[] {
  const wanted = new Set(years);
  const byArea = new Map<string, Map<number, number>>();
  for (const r of rows) {
    if (r.variable !== variable) continue;
    let values = byArea.get(r.area);
    if (!values) byArea.set(r.area, (values = new Map<number, number>()));
    const y = yearOf(r.date);
    if (wanted.has(y)) values.set(y, r.value);
  }
  return [...byArea].map(([area, values]) => ({ area, name: names.get(area) ?? area, values }));
}

/** The sum of the areas per projected year, ascending. */
export function cityTotals(
  rows: readonly ProjectionRow[],
  variable: string,
): { year: number; value: number }[] {
  const sums = new Map<number, number>();
  for (const r of rows)
    if (r.variable === variable) sums.set(yearOf(r.date), (sums.get(yearOf(r.date)) ?? 0) + r.value);
  return [...sums].map(([year, value]) => ({ year, value })).sort((a, b) => a.year - b.year);
}

/** The city and the parent areas (districts) in the last year of the care plan; city first. */
export function careRowsLastYear(plan: CarePlan): CarePlanRow[] {
  const last = plan.city
    .map((r) => r.date)
    .sort()
    .at(-1);
  if (!last) return [];
  return [...plan.city, ...plan.parents].filter((r) => r.date === last);
}
