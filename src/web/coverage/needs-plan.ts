/**
 * Pure helpers of the Bedarfsplan page: its state in the address, the areas drawn as the top of
 * the ranking, the score as map values, and distances in words.
 */
import type { IndicatorValue } from '../../indicators/indicator.schema.ts';
import { formatNumber } from '../../core/format.ts';
import type { RankingRow } from './coverage-api.ts';

export interface NeedsPlanState {
  norm: string | null;
  level: string | null;
  date: string | null;
  /** Key of the index whose class counts; `-` for none (the default is the first index). */
  index: string | null;
  radius: string | null;
  /** How many areas from the top are highlighted. */
  top: string | null;
  area: string | null;
}

const PARAMS: Record<keyof NeedsPlanState, string> = {
  norm: 'richtwert',
  level: 'ebene',
  date: 'stichtag',
  index: 'index',
  radius: 'radius',
  top: 'erste',
  area: 'gebiet',
};
const FIELDS = Object.keys(PARAMS) as (keyof NeedsPlanState)[];

/**
 * Reads the state from a query string; missing parameters are null.
 * @example readNeedsPlanState('?richtwert=kita_gesamt&erste=5').top // '5'
 */
export function readNeedsPlanState(search: string): NeedsPlanState {
  const params = new URLSearchParams(search);
  const state = {} as NeedsPlanState;
  for (const field of FIELDS) state[field] = params.get(PARAMS[field]) || null;
  return state;
}

/** The query string of a state (without `?`; empty fields left out). */
export function needsPlanQuery(state: NeedsPlanState): string {
  const params = new URLSearchParams();
  for (const field of FIELDS) {
    const value = state[field];
    if (value) params.set(PARAMS[field], value);
  }
  return params.toString();
}

/**
 * A positive whole number from the address, else the fallback.
 * @example wholeNumber('12', 10, 1, 100) // 12
 */
export function wholeNumber(text: string | null, fallback: number, min: number, max: number): number {
  const n = Number(text);
  return Number.isInteger(n) && n >= min && n <= max ? n : fallback;
}

/** The keys of the first `n` ranked areas. */
export const topAreas = (rows: readonly RankingRow[], n: number): Set<string> =>
  new Set(rows.filter((r) => r.rank !== null && r.rank <= n).map((r) => r.area));

/** The points (0–100) of each ranked area as the values the map classifies; unranked ones missing. */
export const scoreValues = (rows: readonly RankingRow[]): IndicatorValue[] =>
  rows.map((r) => ({
    id: r.area,
    name: r.name,
    value: r.rank === null ? null : r.score,
    status: r.rank === null ? 'missing' : 'value',
    numerator: null,
    denominator: null,
  }));

/**
 * A straight-line distance as people read it: metres to the nearest 10 below 10 km, so that it
 * compares with a radius in metres.
 * @example distanceText(1034) // '1.030 m'
 * @example distanceText(12_345) // '12,3 km'
 */
export function distanceText(metres: number | null): string {
  if (metres === null) return '–';
  return metres < 10_000
    ? `${formatNumber(Math.round(metres / 10) * 10, 0)} m`
    : `${formatNumber(metres / 1000, 1)} km`;
}
