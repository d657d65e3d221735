/**
 * Back-test (docs/methods.md §8.5): project from past stocks, compare with what was observed
 * later, and put the error beside the two baselines' — "no change" and linear trend — for the
 * total, children under 6 and people aged 65 and older.
 */
import type { AgeRange } from '../core/age-range.ts';
import { addVectors, sumAges, type AgeVector } from './age-vector.ts';
import { linearTrend, noChange } from './baselines.ts';
import { mape, type ErrorCase } from './error.ts';
import { projectHamiltonPerry, type HamiltonPerryOptions } from './hamilton-perry.ts';
import { splitBands, type AgeBand } from './split-bands.ts';

/** One area's age bands at the earlier date, the base date and the date projected to. */
export interface BacktestArea {
  key: string;
  earlier: AgeBand[];
  base: AgeBand[];
  observed: AgeBand[];
}

export interface BacktestInput {
  areas: BacktestArea[];
  /** Years (may be fractional) of the earlier date, the base and the target. */
  earlierYear: number;
  baseYear: number;
  targetYear: number;
}

/** The age groups the error is reported for. */
export const MEASURES: readonly { key: string; label: string; range: AgeRange }[] = [
  { key: 'total', label: 'insgesamt', range: { from: 0, to: null } },
  { key: 'u6', label: 'unter 6', range: { from: 0, to: 6 } },
  { key: '65plus', label: '65 und älter', range: { from: 65, to: null } },
];

/** MAPE (percent) of the method and the baselines for one age group. */
export interface BacktestRow {
  measure: string;
  method: number;
  noChange: number;
  trend: number;
  /** Areas counted (≥ 300 inhabitants observed). */
  areas: number;
}

/**
 * Hamilton–Perry on single years split from the bands, every area's ratios shrunk towards the
 * sum of all areas; the baselines on the band sums themselves.
 *
 * @param options Hamilton–Perry options; `interval` is taken from the dates
 * @throws Error when the target is not a whole number of intervals after the base
 */
export function backtest(input: BacktestInput, options: HamiltonPerryOptions = {}): BacktestRow[] {
  const interval = input.baseYear - input.earlierYear;
  const steps = (input.targetYear - input.baseYear) / interval;
  if (!Number.isInteger(interval) || interval < 1 || !Number.isInteger(steps) || steps < 1)
    throw new Error('backtest: the target must lie whole intervals of whole years after the base');
  const split = input.areas.map((a) => ({
    key: a.key,
    earlier: splitBands(a.earlier),
    base: splitBands(a.base),
    observed: splitBands(a.observed),
  }));
  const reference = {
    earlier: { all: addVectors(split.map((a) => a.earlier)) },
    base: { all: addVectors(split.map((a) => a.base)) },
  };
  const projected: AgeVector[] = split.map(
    (a) =>
      projectHamiltonPerry({ earlier: { all: a.earlier }, base: { all: a.base }, reference }, steps, {
        ...options,
        interval,
      }).at(-1)!.all!,
  );
  return MEASURES.map(({ key, range }) => {
    const cases = (f: (i: number) => number): ErrorCase[] =>
      split.map((a, i) => ({
        projected: f(i),
        observed: sumAges(a.observed, range),
        population: sumAges(a.observed, { from: 0, to: null }),
      }));
    const at = (i: number, which: 'earlier' | 'base') => sumAges(split[i]![which], range);
    const counted = split.filter((a) => sumAges(a.observed, { from: 0, to: null }) >= 300).length;
    return {
      measure: key,
      method: mape(cases((i) => sumAges(projected[i]!, range))),
      noChange: mape(cases((i) => noChange(at(i, 'base')))),
      trend: mape(
        cases((i) =>
          linearTrend(at(i, 'earlier'), input.earlierYear, at(i, 'base'), input.baseYear, input.targetYear),
        ),
      ),
      areas: counted,
    };
  });
}
