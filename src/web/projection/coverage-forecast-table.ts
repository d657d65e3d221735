/**
 * Pure helpers of the section „Versorgung bis …“ on the page „Prognose“: the norms the population
 * projection can carry forward, the norm chosen at first, and the forecast turned into table rows
 * — the areas in the target year and the city per year — with the figures as the table prints them.
 */
import { variableRange } from '../../core/age-range.ts';
import { formatNumber, MISSING_SYMBOL } from '../../core/format.ts';
import type { Norm } from '../coverage/coverage-api.ts';
import type { CoverageForecast, CoverageForecastRow } from './projection-api.ts';

/** Chosen at first where the city has it: the Kita Bedarfsplan's question. */
export const DEFAULT_FORECAST_NORM = 'kita_u3';

/**
 * The norms whose demand is a sum of age groups: only those the projection can carry forward
 * (the server refuses the others with `coverage.norm_not_age_based`).
 */
export function ageBasedNorms(norms: readonly Norm[]): Norm[] {
  return norms.filter((n) => n.demand.length > 0 && n.demand.every((v) => variableRange(v) !== null));
}

/**
 * The norm asked for, else {@link DEFAULT_FORECAST_NORM}, else the first; undefined without norms.
 * @example chosenNorm(norms, null)?.key // 'kita_u3'
 */
export function chosenNorm(norms: readonly Norm[], key: string | null): Norm | undefined {
  return norms.find((n) => n.key === key) ?? norms.find((n) => n.key === DEFAULT_FORECAST_NORM) ?? norms[0];
}

/** Demand, supply, balance and Versorgungsquote of one side (Bestand or scenario), printed. */
export interface ForecastCells {
  demand: string;
  supply: string;
  /** With its sign: `+12`, `−5` (missing places), `0`. */
  balance: string;
  /** Percent with one decimal, without the unit (the column names it); `–` without demand. */
  rate: string;
  /** Places are missing (balance below 0): the table marks the balance. */
  missing: boolean;
}

export interface ForecastTableRow {
  /** Area key, or the year of a city row. */
  key: string;
  /** Area name, or the year of a city row. */
  label: string;
  bestand: ForecastCells;
  /** Null without a scenario. */
  scenario: ForecastCells | null;
}

type Values = Pick<CoverageForecastRow, 'demand' | 'supply' | 'balance' | 'rate'>;

/**
 * The figures as printed: whole units, the balance signed with a true minus, the rate to 0.1 %.
 * @example cellsOf({ demand: 1200, supply: 1150, balance: -50, rate: 95.8 })
 * // { demand: '1.200', supply: '1.150', balance: '−50', rate: '95,8', missing: true }
 */
export function cellsOf(v: Values): ForecastCells {
  const balance = formatNumber(v.balance, 0);
  return {
    demand: formatNumber(v.demand, 0),
    supply: formatNumber(v.supply, 0),
    balance: v.balance > 0 ? `+${balance}` : balance.replace(/^-/, '−'),
    rate: v.rate === null ? MISSING_SYMBOL : formatNumber(v.rate, 1),
    missing: v.balance < 0,
  };
}

const tableRow = (r: CoverageForecastRow, key: string, label: string): ForecastTableRow => ({
  key,
  label,
  bestand: cellsOf(r),
  scenario: r.scenario ? cellsOf(r.scenario) : null,
});

/** The last projected Stichtag (the target); undefined when nothing was projected. */
export const targetOf = (p: CoverageForecast): string | undefined =>
  p.city.reduce<string | undefined>(
    (last, r) => (last === undefined || r.date > last ? r.date : last),
    undefined,
  );

/** One row per area in the target year, in the order the server gives them (by area key). */
export function areaTableRows(p: CoverageForecast): ForecastTableRow[] {
  const last = targetOf(p);
  return p.areas.filter((r) => r.date === last).map((r) => tableRow(r, r.area, r.name));
}

/** One row per projected year for the whole city, ascending. */
export function cityTableRows(p: CoverageForecast): ForecastTableRow[] {
  return [...p.city]
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((r) => tableRow(r, r.date.slice(0, 4), r.date.slice(0, 4)));
}
