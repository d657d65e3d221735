import type { DemoObservation } from './types.ts';
import type { Rng } from './rng.ts';
import type { AreaTraits } from './traits.ts';
import { initialCohorts } from './population.ts';
import { settle, simulate, targetIndex } from './simulate.ts';
import { calibrateSgb2, demographicTotals, deprivationPaths, households, transfers } from './social.ts';
import { areaObservations } from './observations.ts';

/** An area of the finest level with its latent traits. */
export interface SeriesArea {
  key: string;
  traits: AreaTraits;
}

/** Options of {@link areaSeries}. */
export interface AreaSeriesOptions {
  /** Inhabitants of each area at the first Stichtag (expected values). */
  sizes: number[];
  /** Territory total at the latest Stichtag; earlier years follow `targetIndex`. */
  population: number;
  /** Years of the Stichtage (31.12.), oldest first. */
  years: number[];
  /** Stream of the population model (forks 'start/<key>', 'settle', 'simulate'). */
  populationRng: Rng;
  /** Stream of the social model (forks 'deprivation', '<year>/<key>'). */
  socialRng: Rng;
  /** SGB-II quote of the territory in the first year; default that of the demo city. */
  sgb2Quote?: number;
}

/**
 * Ten years of counts for the areas of the finest level: cohorts projected year by year, then
 * households, SGB II, unemployment and Grundsicherung drawn from them. Shared by the demo city
 * and the demo Kreis, so both deliver the same variables in the same shape.
 * @returns the observation rows (area by area within each year) and the totals of the last year
 */
export function areaSeries(
  areas: readonly SeriesArea[],
  opts: AreaSeriesOptions,
): { observations: DemoObservation[]; latest: Record<string, number>[] } {
  const { years, population, populationRng: popRng, socialRng } = opts;
  const first = years[0] ?? 0;
  const traits = areas.map((a) => a.traits);
  const start = areas.map((a, i) =>
    initialCohorts(opts.sizes[i] ?? 0, a.traits, popRng.fork(`start/${a.key}`)),
  );
  settle(start, traits, Math.round(population * targetIndex(first)), popRng.fork('settle'));
  const cohorts = simulate(traits, start, years, population, popRng.fork('simulate'));

  const dep = deprivationPaths(traits, years.length, socialRng.fork('deprivation'));
  const intercept = calibrateSgb2(
    start,
    dep.map((d) => d[0] ?? 0),
    first,
    opts.sgb2Quote,
  );
  const observations: DemoObservation[] = [];
  let latest: Record<string, number>[] = [];
  years.forEach((year, y) => {
    latest = areas.map((s, i) => {
      const c = cohorts[y]?.[i] ?? new Int32Array(0);
      const d = dep[i]?.[y] ?? 0;
      const demo = demographicTotals(c);
      const totals = {
        ...demo,
        ...households(demo, s.traits, d),
        ...transfers(c, demo, d, year, intercept, socialRng.fork(`${year}/${s.key}`)),
      };
      observations.push(...areaObservations(s.key, `${year}-12-31`, c, totals));
      return totals;
    });
  });
  return { observations, latest };
}
