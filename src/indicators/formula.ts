/**
 * Indicator values from numerator and denominator counts (docs/methods.md §2): rates from summed
 * counts, changes over n years and least-squares trends. Pure functions.
 */
import type { Cell } from '../core/value-status.ts';
import type { Formula } from './indicator.schema.ts';

const unusable = (c: Cell | null | undefined) =>
  !c || c.value === null || c.status === 'missing' || c.status === 'secret';

const combined = (...cells: (Cell | null)[]): Cell['status'] =>
  cells.some((c) => c?.status === 'estimated') ? 'estimated' : 'value';

/** Status of the first unusable input (secret wins over missing, so a secret stays secret). */
const failure = (...cells: (Cell | null | undefined)[]): Cell => ({
  value: null,
  status: cells.some((c) => c?.status === 'secret') ? 'secret' : 'missing',
});

/**
 * Static formulas: count = x; share = x/y·100; per mille and per 1,000 = x/y·1000; ratio = x/y.
 * @example applyFormula('share', {value: 5, status: 'value'}, {value: 50, status: 'value'}) // {value: 10, status: 'value'}
 */
export function applyFormula(formula: Formula, num: Cell, den: Cell | null): Cell {
  if (unusable(num)) return failure(num);
  if (formula === 'count') return num;
  if (unusable(den)) return failure(den);
  if (den!.value === 0) return { value: null, status: 'missing' };
  const factor = formula === 'ratio' ? 1 : formula === 'share' || formula === 'change_pp' ? 100 : 1000;
  return { value: (num.value! / den!.value!) * factor, status: combined(num, den) };
}

/**
 * The series a temporal formula works on: the share x/y·100 when there is a denominator,
 * else the count x.
 */
export function baseValue(num: Cell, den: Cell | null): Cell {
  return den ? applyFormula('share', num, den) : applyFormula('count', num, null);
}

/** Change in percentage points (or units of the base): base(t) − base(t − n). */
export function changeOver(now: Cell, before: Cell): Cell {
  if (unusable(now) || unusable(before)) return failure(now, before);
  return { value: now.value! - before.value!, status: combined(now, before) };
}

/** Relative change in %: (base(t) / base(t − n) − 1) · 100. */
export function relativeChange(now: Cell, before: Cell): Cell {
  if (unusable(now) || unusable(before)) return failure(now, before);
  if (before.value === 0) return { value: null, status: 'missing' };
  return { value: (now.value! / before.value! - 1) * 100, status: combined(now, before) };
}

/**
 * Ordinary least-squares slope per year through (year, value) points; needs at least 3 points
 * and all of them usable (a trend through gaps would mislead).
 * @example trendSlope([[2020, {value: 1, status:'value'}], [2021, {value: 2, status:'value'}], [2022, {value: 3, status:'value'}]]) // {value: 1, ...}
 */
export function trendSlope(points: [number, Cell][]): Cell {
  if (points.length < 3) return { value: null, status: 'missing' };
  if (points.some(([, c]) => unusable(c))) return failure(...points.map(([, c]) => c));
  const n = points.length;
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, c]) => s + c.value!, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const [x, c] of points) {
    sxy += (x - mx) * (c.value! - my);
    sxx += (x - mx) ** 2;
  }
  return { value: sxy / sxx, status: combined(...points.map(([, c]) => c)) };
}

/** The Stichtag n years earlier ('2024-12-31', 2 → '2022-12-31'); 29 Feb falls back to 28 Feb. */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(4) === '-02-29' ? '-02-28' : date.slice(4);
  return `${String(y).padStart(4, '0')}${md}`;
}
