/**
 * Effect of a measure on its target indicator (Wirkung, docs/methods.md §9): matching of
 * comparison areas, difference-in-differences, placebo interval and the German text in one call.
 * Pure: the service loads the panel, this computes, nothing is stored here.
 */
import { badRequest } from '../core/errors.ts';
import { areaChange, didEstimate, yearlyMeans, type YearMeans } from './did.ts';
import {
  keyRanks,
  nearestNeighbours,
  standardiseFeatures,
  type MatchFeatures,
  type Matching,
} from './matching.ts';
import {
  panelYears,
  periodYears,
  summariseArea,
  type EffectWindow,
  type PanelArea,
  type PeriodYears,
} from './panel.ts';
import { placeboEstimates, placeboInference } from './placebo.ts';
import { effectText, type EffectText, type Polarity, type Reliability } from './wording.ts';

/** The panel of one measure: all areas of the level, the treated ones and the start year. */
export interface EffectPanel {
  areas: readonly PanelArea[];
  /** Keys of the areas the measure works in (Maßnahmegebiete). */
  treated: readonly string[];
  /** First year the measure works; it belongs to the post-period. */
  start: number;
}

/** Options of the estimate; every one has a default. */
export interface EffectOptions {
  /** Comparisons per treated area (default 3). */
  k?: number;
  /** Placebo runs R (default 1,000). */
  runs?: number;
  /** Seed of the placebo draws (default 1). */
  seed?: number;
  /** Pre- and post-period relative to the start (default: all years before, all from the start). */
  window?: EffectWindow;
  /** Weight of a treated area: `equal` (default) or its `population` at the last pre-period year. */
  weights?: 'equal' | 'population';
  /** Nominal level of the interval (default 0.95). */
  level?: number;
  /** Fewer untreated areas with values than this: not reliable (default 10). */
  minComparisons?: number;
  /** Fewer pre-period years than this: not reliable (default 2). */
  minPreYears?: number;
  /** For the text: the indicator with article, its unit, polarity and decimals. */
  indicator?: { subject: string; unit: string; polarity: Polarity; decimals?: number };
}

/** An area that takes no part, and why. */
export interface DroppedArea {
  key: string;
  treated: boolean;
  reason: 'no_pre_values' | 'no_post_values' | 'no_population';
}

/** Everything the UI shows about the effect. */
export interface EffectResult {
  /** δ̂ (post − pre of the treated minus that of their comparisons); null when not estimable. */
  estimate: number | null;
  treatedChange: number | null;
  comparisonChange: number | null;
  /** [δ̂ − q_{1−α/2}, δ̂ − q_{α/2}] of the placebo estimates; null without placebo runs. */
  interval: { lower: number; upper: number; level: number } | null;
  /** Permutation p-value (1 + #{|δ̂ᵣ| ≥ |δ̂|}) / (R + 1); null without placebo runs. */
  p: number | null;
  /** Placebo runs done (0 when none was possible). */
  runs: number;
  nTreated: number;
  /** Distinct untreated areas used as comparisons. */
  nComparison: number;
  periods: PeriodYears;
  matching: Matching;
  /** Mean of the treated and of their comparisons per year of the window (for the chart). */
  series: YearMeans[];
  dropped: DroppedArea[];
  reliability: Reliability;
  text: EffectText;
}

/**
 * Estimates the effect of a measure: k-nearest-neighbour matching on pre-period level, trend and
 * size; matched difference-in-differences; placebo interval and permutation p-value; German text.
 * @throws LagebildError `impact.*` on duplicate keys, unknown or repeated treated keys, bad options
 * @example estimateEffect({ areas, treated: ['0101', '0102'], start: 2020 }, { seed: 7 }).text.sentences
 */
export function estimateEffect(panel: EffectPanel, options: EffectOptions = {}): EffectResult {
  const k = options.k ?? 3;
  const runs = options.runs ?? 1000;
  const level = options.level ?? 0.95;
  const minComparisons = options.minComparisons ?? 10;
  const minPreYears = options.minPreYears ?? 2;
  const byPopulation = options.weights === 'population';
  if (!Number.isInteger(k) || k < 1)
    throw badRequest('impact.bad_k', `k muss eine ganze Zahl ≥ 1 sein (${k}).`);
  if (!Number.isInteger(runs) || runs < 0)
    throw badRequest(
      'impact.bad_runs',
      `Die Zahl der Vergleichsrechnungen muss eine ganze Zahl ≥ 0 sein (${runs}).`,
    );
  if (!Number.isInteger(panel.start))
    throw badRequest('impact.bad_start', `Ungültiges Startjahr (${panel.start}).`);

  const seen = new Set<string>();
  for (const a of panel.areas) {
    if (seen.has(a.key))
      throw badRequest('impact.duplicate_area', `Gebiet ${a.key} kommt doppelt vor.`, { key: a.key });
    seen.add(a.key);
  }
  const treatedKeys = new Set<string>();
  for (const key of panel.treated) {
    if (!seen.has(key))
      throw badRequest('impact.unknown_area', `Unbekanntes Maßnahmegebiet ${key}.`, { key });
    if (treatedKeys.has(key))
      throw badRequest('impact.duplicate_treated', `Maßnahmegebiet ${key} ist doppelt angegeben.`, { key });
    treatedKeys.add(key);
  }

  const periods = periodYears(panelYears(panel.areas), panel.start, options.window);
  const dropped: DroppedArea[] = [];
  const areas: PanelArea[] = [];
  const change: number[] = [];
  const features: MatchFeatures[] = [];
  const population: number[] = [];
  for (const area of panel.areas) {
    const s = summariseArea(area, periods);
    const treated = treatedKeys.has(area.key);
    const d = areaChange(s);
    const reason =
      s.preMean === null
        ? 'no_pre_values'
        : s.postMean === null
          ? 'no_post_values'
          : byPopulation && s.population === null
            ? 'no_population'
            : null;
    if (reason !== null || d === null || s.preMean === null) {
      dropped.push({ key: area.key, treated, reason: reason ?? 'no_post_values' });
      continue;
    }
    areas.push(area);
    change.push(d);
    population.push(s.population ?? 0);
    features.push({
      level: s.preMean,
      trend: s.trend,
      size: s.population === null ? null : Math.log(s.population),
    });
  }

  const treated: number[] = [];
  const pool: number[] = [];
  areas.forEach((a, i) => (treatedKeys.has(a.key) ? treated : pool).push(i));
  const matrix = standardiseFeatures(features);
  const rank = keyRanks(areas.map((a) => a.key));
  const weights = byPopulation ? population : undefined;
  const preYears = periods.pre.filter((y) => areas.some((a) => typeof a.values[y] === 'number')).length;

  const estimable = treated.length > 0 && pool.length > 0;
  const matches = estimable ? nearestNeighbours(matrix, rank, treated, pool, k) : [];
  const did = estimable ? didEstimate(change, treated, matches, weights) : null;
  const canPermute = did !== null && runs > 0 && pool.length > treated.length;
  const inference = canPermute
    ? placeboInference(
        did.estimate,
        placeboEstimates({
          matrix,
          rank,
          change,
          weights,
          pool,
          size: treated.length,
          k,
          runs,
          seed: options.seed ?? 1,
        }),
        level,
      )
    : null;

  const fewComparisons = pool.length < minComparisons;
  const fewPreYears = preYears < minPreYears;
  const reliability: Reliability = {
    reliable: !fewComparisons && !fewPreYears && inference !== null,
    comparisonPool: pool.length,
    preYears,
    fewComparisons,
    fewPreYears,
    noInterval: inference === null,
    minComparisons,
    minPreYears,
  };
  const interval = inference ? { lower: inference.lower, upper: inference.upper, level } : null;
  const indicator = options.indicator ?? { subject: 'der Zielindikator', unit: '', polarity: 'neutral' };
  const matchedAreas = new Set(matches.flat().map((m) => m.index));

  return {
    estimate: did?.estimate ?? null,
    treatedChange: did?.treatedChange ?? null,
    comparisonChange: did?.comparisonChange ?? null,
    interval,
    p: inference?.p ?? null,
    runs: inference?.runs ?? 0,
    nTreated: estimable ? treated.length : 0,
    nComparison: matchedAreas.size,
    periods,
    matching: {
      dims: matrix.dims,
      stats: matrix.stats,
      rows: treated.map((t, r) => ({
        key: areas[t]!.key,
        features: features[t]!,
        comparisons: (matches[r] ?? []).map((m) => ({
          key: areas[m.index]!.key,
          distance: m.distance,
          features: features[m.index]!,
        })),
      })),
    },
    series: estimable ? yearlyMeans(areas, [...periods.pre, ...periods.post], treated, matches, weights) : [],
    dropped,
    reliability,
    text: effectText({
      ...indicator,
      estimate: did?.estimate ?? null,
      interval,
      treatedChange: did?.treatedChange ?? null,
      comparisonChange: did?.comparisonChange ?? null,
      reliability,
      k,
      droppedTreated: dropped.filter((d) => d.treated).map((d) => d.key),
    }),
  };
}
