/**
 * What the section „Wirkung“ of a measure shows, shaped from the effect route's answer
 * (`GET /api/measures/{id}/goals/{goal}/effect`, docs/methods.md §9): the key figures, the
 * reasons an estimate is not reliable, the yearly means for chart and table, and the matching
 * table with area names and the features in German. Pure functions, no I/O.
 */
import { formatNumber, MISSING_SYMBOL, withUnit } from '../../core/format.ts';
import type { Goal, Measure, MeasureEffect } from './measures-api.ts';
import { mt } from './texts.ts';

const e = mt.effect;

/**
 * The date the measure started to work: its start date, else its decision's — the same rule the
 * server applies; without either there is nothing to compare.
 * @example effectStart({ startDate: null, decision: { date: '2021-11-18', … } }) // '2021-11-18'
 */
export function effectStart(m: Pick<Measure, 'startDate' | 'decision'>): string | null {
  return m.startDate ?? m.decision?.date ?? null;
}

/** The unit of a difference or a trend: a difference of percentages is in percentage points. */
export function differenceUnit(unit: string): string {
  return unit.trim() === '%' ? 'Prozentpunkte' : unit;
}

/** A signed number, so a reader never has to guess the direction: `+0,4`, `−1,2`, `0,0`. */
export function signed(value: number, decimals: number): string {
  const text = formatNumber(value, decimals);
  if (text === formatNumber(0, decimals)) return text;
  return value > 0 ? `+${text}` : `−${text.replace(/^-/, '')}`;
}

type Unit = Pick<Goal, 'unit' | 'decimals'>;

export interface Fact {
  term: string;
  value: string;
}

/**
 * The small definition list beside the sentences: the estimate and its placebo interval in the
 * unit of a difference, how many areas and runs it rests on, the years before and from the start.
 */
export function effectFacts(effect: MeasureEffect, goal: Unit): Fact[] {
  const unit = differenceUnit(goal.unit);
  const diff = (v: number) => (unit ? `${signed(v, goal.decimals)}\u00a0${unit}` : signed(v, goal.decimals));
  const { interval } = effect;
  return [
    { term: e.estimate, value: effect.estimate === null ? e.noEstimate : diff(effect.estimate) },
    {
      term: e.interval(formatNumber((interval?.level ?? 0.95) * 100, 0)),
      value: interval
        ? e.range(signed(interval.lower, goal.decimals), diff(interval.upper))
        : e.noIntervalValue,
    },
    ...(effect.p === null ? [] : [{ term: e.p, value: formatNumber(effect.p, 3) }]),
    { term: e.treated, value: formatNumber(effect.nTreated, 0) },
    {
      term: e.comparison,
      value: e.comparisonOf(
        formatNumber(effect.nComparison, 0),
        formatNumber(effect.reliability.comparisonPool, 0),
      ),
    },
    { term: e.runs, value: formatNumber(effect.runs, 0) },
    { term: e.periods, value: `${e.period(effect.periods.pre)} / ${e.period(effect.periods.post)}` },
  ];
}

/**
 * Why the estimate is not reliable, one short German reason per flag; empty when it is.
 * @example reliabilityWarnings({ reliable: false, fewComparisons: true, comparisonPool: 4,
 *   minComparisons: 10, … }) // ['zu wenige Vergleichsgebiete (4, mindestens 10)']
 */
export function reliabilityWarnings(r: MeasureEffect['reliability']): string[] {
  if (r.reliable) return [];
  return [
    ...(r.fewComparisons ? [e.fewComparisons(r.comparisonPool, r.minComparisons)] : []),
    ...(r.fewPreYears ? [e.fewPreYears(r.preYears, r.minPreYears)] : []),
    ...(r.noInterval ? [e.noInterval] : []),
  ];
}

export interface EffectChartData {
  /** Category labels of the x axis. */
  years: string[];
  treated: (number | null)[];
  comparison: (number | null)[];
  /** The start year's label when it is among the years (the marked line), else null. */
  start: string | null;
}

/** The two lines of the chart, year by year; a missing mean stays a gap, never a zero. */
export function effectChart(effect: MeasureEffect): EffectChartData {
  const years = effect.series.map((s) => String(s.year));
  return {
    years,
    treated: effect.series.map((s) => s.treated),
    comparison: effect.series.map((s) => s.comparison),
    start: years.includes(String(effect.start)) ? String(effect.start) : null,
  };
}

export interface SeriesRow {
  year: number;
  phase: string;
  treated: string;
  comparison: string;
}

const value = (v: number | null, goal: Unit) =>
  v === null ? MISSING_SYMBOL : withUnit(v, goal.decimals, goal.unit);

/** The chart's values as table rows: year, before or from the start, both means with unit. */
export function seriesRows(effect: MeasureEffect, goal: Unit): SeriesRow[] {
  return effect.series.map((s) => ({
    year: s.year,
    phase: s.year < effect.start ? e.before : e.after,
    treated: value(s.treated, goal),
    comparison: value(s.comparison, goal),
  }));
}

/** The chart's text alternative: what it shows and every year with both means. */
export function describeEffectChart(effect: MeasureEffect, goal: Unit & Pick<Goal, 'indicatorName'>): string {
  const list = effect.series
    .map((s) => e.chartPoint(s.year, value(s.treated, goal), value(s.comparison, goal)))
    .join('; ');
  return e.chartLabel(goal.indicatorName, effect.start, list ? `${list}.` : '');
}

export interface MatchingRow {
  /** Unique within the table (a comparison area may serve several treated ones). */
  id: string;
  key: string;
  name: string;
  treated: boolean;
  role: string;
  distance: string;
  level: string;
  trend: string;
  size: string;
}

type Features = MeasureEffect['matching']['rows'][number]['features'];

/**
 * The matching table: each treated area, then its comparison areas with their distance, all with
 * the features in German — level in the indicator's unit, trend per year in the unit of a
 * difference, size as inhabitants (the feature is ln of them). Names from `names`, else the key.
 */
export function matchingRows(
  effect: MeasureEffect,
  goal: Unit,
  names: ReadonlyMap<string, string>,
): MatchingRow[] {
  const unit = differenceUnit(goal.unit);
  const features = (f: Features) => ({
    level: withUnit(f.level, goal.decimals, goal.unit),
    trend:
      f.trend === null
        ? MISSING_SYMBOL
        : e.perYear(
            unit ? `${signed(f.trend, goal.decimals + 1)}\u00a0${unit}` : signed(f.trend, goal.decimals + 1),
          ),
    size: f.size === null ? MISSING_SYMBOL : e.inhabitants(formatNumber(Math.exp(f.size), 0)),
  });
  const name = (key: string) => names.get(key) ?? key;
  return effect.matching.rows.flatMap((row) => [
    {
      id: row.key,
      key: row.key,
      name: name(row.key),
      treated: true,
      role: e.roleTreated,
      distance: MISSING_SYMBOL,
      ...features(row.features),
    },
    ...row.comparisons.map((c) => ({
      id: `${row.key}|${c.key}`,
      key: c.key,
      name: name(c.key),
      treated: false,
      role: e.roleComparison(name(row.key)),
      distance: formatNumber(c.distance, 2),
      ...features(c.features),
    })),
  ]);
}

/**
 * The sentence above the matching table: by which features and how many comparisons per area.
 * @example matchingIntro(effect) // '… die 3 Gebiete … – nach Niveau, Trend und Größe. …'
 */
export function matchingIntro(effect: MeasureEffect): string {
  const k = Math.max(0, ...effect.matching.rows.map((r) => r.comparisons.length));
  const dims = effect.matching.dims.map((d) => e.features[d] ?? d);
  return e.matchingIntro(e.and(dims), k);
}
