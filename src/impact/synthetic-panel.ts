/**
 * Seeded synthetic panels for testing and benchmarking the effect estimate: every area has its own
 * level and linear trend plus independent normal noise; the treated areas, drawn at random, get an
 * additive effect δ from the start year on. With random assignment the treated areas are
 * exchangeable with the untreated ones, which is what the placebo interval assumes — so on these
 * panels the interval should cover the true δ in about its nominal share of runs.
 */
import { mulberry32 } from '../core/random.ts';
import type { PanelArea } from './panel.ts';

/** Parameters of a synthetic panel; every one has a default. */
export interface SyntheticPanelOptions {
  /** Number of areas (default 60). */
  areas?: number;
  /** Number of treated areas (default 5). */
  treated?: number;
  /** First year (default 2015). */
  firstYear?: number;
  /** Number of years (default 8). */
  years?: number;
  /** Start year of the measure (default firstYear + years − 3). */
  start?: number;
  /** True effect δ added to the treated from the start year on (default 0). */
  effect?: number;
  /** Mean and SD of the area levels (default 10 and 4, e.g. an SGB-II-Quote in %). */
  levelMean?: number;
  levelSd?: number;
  /** SD of the area trends per year (default 0.3). */
  trendSd?: number;
  /** SD of the yearly noise (default 0.5). */
  noiseSd?: number;
  /** Share of values set to null at random (default 0). */
  missingShare?: number;
  /** Seed (default 1). */
  seed?: number;
}

/** A synthetic panel with its truth. */
export interface SyntheticPanel {
  areas: PanelArea[];
  treated: string[];
  start: number;
  effect: number;
}

/**
 * y_it = level_i + trend_i·(t − t₀) + ε_it + δ·[i treated and t ≥ start], ε ~ N(0, noiseSd²);
 * level ~ N(levelMean, levelSd²), trend ~ N(0, trendSd²), population log-normal around 4,000.
 * Normal variates by Box–Muller from mulberry32.
 * @example syntheticPanel({ areas: 20, treated: 3, effect: -1, seed: 4 }).treated.length // 3
 */
export function syntheticPanel(options: SyntheticPanelOptions = {}): SyntheticPanel {
  const n = options.areas ?? 60;
  const nTreated = options.treated ?? 5;
  const firstYear = options.firstYear ?? 2015;
  const years = options.years ?? 8;
  const start = options.start ?? firstYear + years - 3;
  const effect = options.effect ?? 0;
  const missingShare = options.missingShare ?? 0;
  if (nTreated > n) throw new RangeError('syntheticPanel: more treated than areas');
  const rand = mulberry32(options.seed ?? 1);
  const normal = () => {
    const u = 1 - rand();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
  };
  const keys = Array.from({ length: n }, (_, i) => `A${String(i + 1).padStart(3, '0')}`);
  const shuffled = keys.slice();
  for (let i = 0; i < nTreated; i++) {
    const j = i + Math.floor(rand() * (n - i));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  const treated = new Set(shuffled.slice(0, nTreated));
  const areas = keys.map((key): PanelArea => {
    const level = (options.levelMean ?? 10) + (options.levelSd ?? 4) * normal();
    const trend = (options.trendSd ?? 0.3) * normal();
    const size = 4000 * Math.exp(0.5 * normal());
    const values: Record<number, number | null> = {};
    const population: Record<number, number | null> = {};
    for (let t = 0; t < years; t++) {
      const year = firstYear + t;
      const noise = (options.noiseSd ?? 0.5) * normal();
      const shift = treated.has(key) && year >= start ? effect : 0;
      values[year] = rand() < missingShare ? null : level + trend * t + noise + shift;
      population[year] = Math.round(size * (1 + 0.01 * t));
    }
    return { key, values, population };
  });
  return { areas, treated: [...treated].sort(), start, effect };
}
