/**
 * Time comparison (Zeitvergleich) of one indicator series: change against the previous period,
 * change against the city, trend over n years and consecutive rises or falls. Pure functions on
 * cells; a secret or missing input gives no number (a secret stays secret). The differences of
 * rates are absolute (percentage points for shares in %), as usual in social monitoring
 * (docs/methods.md §2: change in percentage points over n years; trend = least-squares slope
 * over the Stichtage of the last n years).
 */
import { standardDeviation } from 'simple-statistics';
import type { Cell } from '../core/value-status.ts';
import { changeOver, trendSlope, yearsBefore } from '../indicators/formula.ts';

const usable = (c: Cell | undefined): c is Cell & { value: number } =>
  c !== undefined &&
  c.value !== null &&
  Number.isFinite(c.value) &&
  (c.status === 'value' || c.status === 'estimated');

/**
 * Unit of a difference of two values: percentage points for shares in %, per-mille points for
 * ‰, else the unit itself.
 * @example changeUnit('%') // 'Pp.'
 */
export function changeUnit(unit: string): string {
  if (unit === '%') return 'Pp.';
  if (unit === '‰') return '‰-Punkte';
  return unit;
}

/**
 * Change against the previous period: value(t) − value(t−1) (absolute, in the change unit).
 * @returns null when either value is missing or secret
 * @example periodChange({ value: 19.5, status: 'value' }, { value: 18.2, status: 'value' }) // 1.3 (up to rounding)
 */
export function periodChange(now: Cell | undefined, before: Cell | undefined): number | null {
  if (!now || !before) return null;
  return changeOver(now, before).value;
}

export interface CityComparison {
  /** value(t) − value(t−1) of the area */
  change: number | null;
  /** value(t) − value(t−1) of the city */
  cityChange: number | null;
  /** Area change minus city change: did the area move away from the city (> 0: rose faster)? */
  changeVsCity: number | null;
  /** Current gap to the city: value(t) − city(t). */
  gapToCity: number | null;
}

/**
 * Change of an area against the change of the city between two Stichtage, and its current gap.
 * @example compareWithCity({ now: {value: 12, status: 'value'}, before: {value: 10, status: 'value'} },
 *   { now: {value: 9, status: 'value'}, before: {value: 8, status: 'value'} }) // { change: 2, cityChange: 1, changeVsCity: 1, gapToCity: 3 }
 */
export function compareWithCity(
  area: { now: Cell | undefined; before: Cell | undefined },
  city: { now: Cell | undefined; before: Cell | undefined },
): CityComparison {
  const change = periodChange(area.now, area.before);
  const cityChange = periodChange(city.now, city.before);
  return {
    change,
    cityChange,
    changeVsCity: change !== null && cityChange !== null ? change - cityChange : null,
    gapToCity: usable(area.now) && usable(city.now) ? area.now.value - city.now.value : null,
  };
}

/**
 * The x value of a Stichtag for a trend: the year when all dates share one day of the year (as the
 * `trend_slope` indicators compute it), else the exact time in years.
 */
function xOf(dates: readonly string[]): (date: string) => number {
  const sameDay = dates.every((d) => d.slice(4) === dates[0]?.slice(4));
  return sameDay
    ? (d) => Number(d.slice(0, 4))
    : (d) => Date.parse(`${d}T00:00:00Z`) / (365.2425 * 86_400_000);
}

export interface Trend {
  /** First Stichtag inside the window, null when there is none. */
  from: string | null;
  /** Stichtage inside the window. */
  points: number;
  /** Least-squares slope per year; null with fewer than 3 points or any gap (see formula.ts trendSlope). */
  slope: number | null;
}

/**
 * Trend over n years: the least-squares slope per year through the values of all Stichtage from
 * n years before `dates[at]` up to it (n = 5 over yearly data: 6 points, as the `trend_slope`
 * indicators). Reuses formula.ts trendSlope (OLS; needs ≥ 3 usable points).
 * @param dates Stichtage ascending
 * @param cells one cell per date
 * @param at index of the current Stichtag
 * @example trendOver(['2022-12-31','2023-12-31','2024-12-31'], [{value:1,status:'value'},{value:2,status:'value'},{value:3,status:'value'}], 2, 5).slope // 1
 */
export function trendOver(
  dates: readonly string[],
  cells: readonly Cell[],
  at: number,
  years: number,
): Trend {
  const end = dates[at];
  if (end === undefined) return { from: null, points: 0, slope: null };
  const start = yearsBefore(end, years);
  const x = xOf(dates);
  const points: [number, Cell][] = [];
  let from: string | null = null;
  for (let i = 0; i <= at; i++) {
    const d = dates[i]!;
    if (d < start) continue;
    from ??= d;
    points.push([x(d), cells[i] ?? { value: null, status: 'missing' }]);
  }
  return { from, points: points.length, slope: trendSlope(points).value };
}

export interface Run {
  /** Direction of the latest change; null when the latest change is zero or unknown. */
  direction: 'up' | 'down' | null;
  /** Changes in that direction in a row, ending at `at` (0 when direction is null). */
  length: number;
}

/**
 * Consecutive rises or falls ending at index `at`: how many successive changes had the same
 * sign. A gap (null) or an unchanged value ends the run.
 * @example consecutiveRun([1, 2, 3, 2.5, 3, 4, 5], 6) // { direction: 'up', length: 3 }
 */
export function consecutiveRun(values: readonly (number | null)[], at: number): Run {
  const step = (i: number): 'up' | 'down' | null => {
    const a = values[i - 1];
    const b = values[i];
    if (a === null || a === undefined || b === null || b === undefined || a === b) return null;
    return b > a ? 'up' : 'down';
  };
  const direction = at >= 1 ? step(at) : null;
  if (direction === null) return { direction: null, length: 0 };
  let length = 1;
  for (let i = at - 1; i >= 1 && step(i) === direction; i--) length++;
  return { direction, length };
}

/**
 * Population standard deviation (divide by n, as the MSS z-scores, docs/methods.md §3) of the finite
 * values (simple-statistics standardDeviation); null for fewer than two values.
 * @example populationSd([2, 4, 4, 4, 5, 5, 7, 9, null]) // 2
 */
export function populationSd(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v));
  return xs.length < 2 ? null : standardDeviation(xs);
}
