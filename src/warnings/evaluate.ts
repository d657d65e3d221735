/**
 * Evaluation of the indicator rules (threshold, rising, deviation) on a level table at one
 * Stichtag. Pure: the table holds the values as the user may see them, so a secret value (null)
 * never triggers a rule and never appears in a reason.
 *
 * Values are compared as they are shown (rounded to the indicator's decimals) for thresholds and
 * runs, so a reason never says „von 18,2 % auf 18,2 % gestiegen“ or „mit 30,0 % über 30,0 %“.
 */
import type { Cell } from '../core/value-status.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';
import type { IndicatorGrid, LevelTable } from '../indicators/level-table.ts';
import { consecutiveRun, populationSd } from './change.ts';
import { convertedMarks } from './converted.ts';
import { deviationReason, runReason, thresholdReason } from './reasons.ts';
import type { WarningEntry, WarningRule } from './warning.schema.ts';

export type IndicatorRule = Extract<WarningRule, { kind: 'threshold' | 'rising' | 'deviation' }>;

/** The parts of a level table the evaluation reads. */
export type EvaluationTable = Pick<LevelTable, 'level' | 'dates' | 'areas' | 'population' | 'grids'>;

const usable = (c: Cell | undefined): number | null =>
  c && c.value !== null && Number.isFinite(c.value) && (c.status === 'value' || c.status === 'estimated')
    ? c.value
    : null;

/** The value as shown: rounded to the indicator's decimals. */
const shown = (v: number | null, decimals: number): number | null => {
  if (v === null) return null;
  const f = 10 ** decimals;
  return Math.round(v * f) / f;
};

/** The direction in which a change is bad: falling for high_good, else rising. */
export const badDirection = (ind: Pick<Indicator, 'polarity'>): 'up' | 'down' =>
  ind.polarity === 'high_good' ? 'down' : 'up';

/** The grids a rule looks at: its indicator, or (null) every indicator with a polarity. */
function gridsOf(rule: IndicatorRule, table: EvaluationTable): IndicatorGrid[] {
  if (rule.kind !== 'threshold' && rule.indicator === null)
    return [...table.grids.values()].filter((g) => g.indicator.polarity !== 'neutral');
  const grid = table.grids.get(rule.indicator!);
  return grid ? [grid] : [];
}

/** Whether every step of dates[from..to] is one year apart on the same day (yearly Stichtage). */
function yearly(dates: readonly string[], from: number, to: number): boolean {
  for (let i = from + 1; i <= to; i++) {
    const a = dates[i - 1]!;
    const b = dates[i]!;
    if (a.slice(4) !== b.slice(4) || Number(b.slice(0, 4)) - Number(a.slice(0, 4)) !== 1) return false;
  }
  return true;
}

/** A rule firing: the value, the reason, and the first Stichtag (index) the reason compares. */
type Hit = { value: number; reason: string; first: number };

function thresholdHit(
  rule: Extract<IndicatorRule, { kind: 'threshold' }>,
  ind: Indicator,
  series: Cell[],
  dates: readonly string[],
  at: number,
): Hit | null {
  const now = usable(series[at]);
  const shownNow = shown(now, ind.decimals);
  if (now === null || shownNow === null) return null;
  const beyond = (v: number) => (rule.direction === 'above' ? v > rule.value : v < rule.value);
  if (!beyond(shownNow)) return null;
  const previous = at >= 1 ? usable(series[at - 1]) : null;
  const shownPrevious = shown(previous, ind.decimals);
  if (rule.crossing && (shownPrevious === null || beyond(shownPrevious))) return null;
  return {
    value: now,
    first: rule.crossing ? at - 1 : at,
    reason: thresholdReason({
      indicator: ind,
      direction: rule.direction,
      threshold: rule.value,
      crossing: rule.crossing,
      date: dates[at]!,
      value: now,
      previousDate: at >= 1 ? dates[at - 1]! : null,
      previous,
    }),
  };
}

function risingHit(
  rule: Extract<IndicatorRule, { kind: 'rising' }>,
  ind: Indicator,
  series: Cell[],
  dates: readonly string[],
  at: number,
): Hit | null {
  const values = series.map((c) => usable(c));
  const run = consecutiveRun(
    values.map((v) => shown(v, ind.decimals)),
    at,
  );
  if (run.direction !== badDirection(ind) || run.length < rule.periods) return null;
  const start = at - run.length;
  return {
    value: values[at]!,
    first: start,
    reason: runReason({
      indicator: ind,
      direction: run.direction,
      length: run.length,
      yearly: yearly(dates, start, at),
      date: dates[at]!,
      value: values[at]!,
      previous: values[at - 1]!,
      startDate: dates[start]!,
      startValue: values[start]!,
    }),
  };
}

function deviationHits(
  rule: Extract<IndicatorRule, { kind: 'deviation' }>,
  grid: IndicatorGrid,
  dates: readonly string[],
  at: number,
): Map<number, Hit> {
  const hits = new Map<number, Hit>();
  const row = grid.cells[at] ?? [];
  const city = usable(grid.city[at]);
  const sd = populationSd(row.map((c) => usable(c)));
  if (city === null || sd === null || sd === 0) return hits;
  const bad = grid.indicator.polarity;
  row.forEach((c, a) => {
    const v = usable(c);
    if (v === null) return;
    const z = (v - city) / sd;
    const fires = bad === 'high_good' ? z < -rule.k : bad === 'high_bad' ? z > rule.k : Math.abs(z) > rule.k;
    if (!fires) return;
    hits.set(a, {
      value: v,
      first: at,
      reason: deviationReason({ indicator: grid.indicator, date: dates[at]!, value: v, city, sd, k: rule.k }),
    });
  });
  return hits;
}

/**
 * Entries of one indicator rule at Stichtag `dates[at]`, in area order per indicator.
 * @param rule an active threshold, rising or deviation rule
 * @param table values as the user may see them (loadLevelTable)
 * @param at index of the Stichtag in `table.dates`
 */
export function evaluateIndicatorRule(
  rule: IndicatorRule,
  table: EvaluationTable,
  at: number,
): WarningEntry[] {
  const entries: WarningEntry[] = [];
  const date = table.dates[at];
  if (date === undefined) return entries;
  const population = table.population[at] ?? [];
  const small = (a: number) => {
    if (rule.minPopulation === null) return false;
    const p = population[a];
    return p === null || p === undefined || p < rule.minPopulation;
  };
  for (const grid of gridsOf(rule, table)) {
    const ind = grid.indicator;
    const deviations = rule.kind === 'deviation' ? deviationHits(rule, grid, table.dates, at) : null;
    table.areas.forEach((area, a) => {
      if (small(a)) return;
      let hit: Hit | null | undefined;
      if (deviations) hit = deviations.get(a);
      else {
        const series = grid.cells.map((row) => row[a] ?? { value: null, status: 'missing' as const });
        hit =
          rule.kind === 'threshold'
            ? thresholdHit(rule, ind, series, table.dates, at)
            : rule.kind === 'rising'
              ? risingHit(rule, ind, series, table.dates, at)
              : null;
      }
      if (!hit) return;
      const converted = convertedMarks(grid, table.dates, a, hit.first, at);
      entries.push({
        rule: rule.key,
        ruleName: rule.name,
        kind: rule.kind,
        indicator: ind.key,
        indicatorName: ind.name,
        theme: ind.theme,
        level: table.level,
        area: area.key,
        areaName: area.name,
        parent: area.parentKey,
        date,
        value: hit.value,
        severity: rule.severity,
        reason: hit.reason,
        ...(converted && { converted }),
      });
    });
  }
  return entries;
}
