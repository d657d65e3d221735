import type { Rng } from './rng.ts';
import type { AreaTraits } from './traits.ts';
import type { Cohorts } from './population.ts';
import { COHORT_CELLS, REFERENCE_POPULATION, cohortIndex } from './population.ts';
import {
  AGES,
  FAMILY_PROFILE,
  FERTILITY_SHAPE,
  MAX_AGE,
  MOVER_PROFILE,
  REFUGEE_2016_PROFILE,
  REFUGEE_2022_PROFILE,
  deathProbability,
} from './demography.ts';

/**
 * City total relative to the requested population at each Stichtag: the requested size is reached
 * exactly at the latest Stichtag, earlier years are a little smaller (growth in the refugee years
 * 2016 and 2022, a flat Covid year 2020), and every year stays within ±2 %.
 */
const TARGET_INDEX: Record<number, number> = {
  2015: 0.981,
  2016: 0.987,
  2017: 0.989,
  2018: 0.991,
  2019: 0.993,
  2020: 0.992,
  2021: 0.992,
  2022: 0.997,
  2023: 0.999,
  2024: 1,
};
/** Planned city total at a Stichtag relative to the requested population. */
export function targetIndex(year: number): number {
  return TARGET_INDEX[year] ?? 1;
}

/** Total fertility rate relative to 1.5 (German TFR peaked 2016 and 2021, fell from 2022). */
const TFR_INDEX: Record<number, number> = {
  2016: 1.06,
  2017: 1.05,
  2018: 1.05,
  2019: 1.04,
  2020: 1.04,
  2021: 1.06,
  2022: 0.98,
  2023: 0.91,
  2024: 0.9,
};
/** Excess mortality in the Covid years. */
const MORTALITY_INDEX: Record<number, number> = { 2020: 1.05, 2021: 1.07, 2022: 1.06 };
/** Annual naturalisation rate of foreigners (rising with the Syrian naturalisations from 2022). */
const NATURALISATION: Record<number, number> = { 2022: 0.016, 2023: 0.02, 2024: 0.022 };
/** Refugee arrivals as a share of the city population, with their age/sex profile. */
const WAVES: Record<number, [share: number, profile: readonly (readonly number[])[], spread: number]> = {
  2016: [0.008, REFUGEE_2016_PROFILE, 0.5],
  2017: [0.002, REFUGEE_2016_PROFILE, 0.5],
  2022: [0.012, REFUGEE_2022_PROFILE, 0.25],
  2023: [0.002, REFUGEE_2022_PROFILE, 0.25],
};
/** First and last year of the new housing development, and its yearly inflow per 250,000. */
const NEW_DEVELOPMENT = { from: 2018, to: 2022, inflow: 420 };
/** Upper bound of a Sozialraum per 250,000 inhabitants; balancing migration avoids full areas. */
const AREA_CEILING = 8800;

/**
 * Cohort-component projection of every Sozialraum, one step per year: births from age-specific
 * fertility, deaths by age-specific probabilities, everybody one year older, naturalisations,
 * then migration (trait-driven moves inside the city, refugee waves, the new development) and a
 * final balancing migration that keeps the city on its planned total.
 * @returns cohorts per year (index 0 = `start`) and area
 */
export function simulate(
  traits: AreaTraits[],
  start: Cohorts[],
  years: number[],
  population: number,
  rng: Rng,
): Cohorts[][] {
  const result: Cohorts[][] = [start];
  let prev = start;
  for (const year of years.slice(1)) {
    const next = prev.map((c, i) => naturalStep(c, traits[i] as AreaTraits, year, rng.fork(`${year}/${i}`)));
    const delta = next.map(() => new Float64Array(COHORT_CELLS));
    next.forEach((c, i) => internalMigration(c, traits[i] as AreaTraits, delta[i] as Float64Array));
    externalMigration(next, traits, delta, year, population);
    const flowRng = rng.fork(`${year}/migration`);
    applyDelta(next, delta, flowRng);
    balance(next, traits, year, population, flowRng);
    settle(next, traits, Math.round(population * targetIndex(year)), flowRng);
    result.push(next);
    prev = next;
  }
  return result;
}

/** Births, deaths, ageing and naturalisation of one area over one year. */
function naturalStep(c: Cohorts, t: AreaTraits, year: number, rng: Rng): Cohorts {
  const tfr = [1.25 * Math.exp(0.06 * t.fam + 0.05 * t.dep), 1.7 * Math.exp(0.05 * t.dep)];
  let births = [0, 0];
  for (let nat = 0; nat < 2; nat++) {
    let expected = 0;
    for (let age = 15; age < 50; age++)
      expected += (c[cohortIndex(nat, 1, age)] ?? 0) * (FERTILITY_SHAPE[age] ?? 0);
    births[nat] = rng.poisson(expected * (tfr[nat] ?? 1.5) * (TFR_INDEX[year] ?? 1));
  }
  // About half of the children of foreign mothers are German at birth (ius soli, German father).
  const foreignBorn = rng.binomial(births[1] ?? 0, 0.45);
  births = [(births[0] ?? 0) + (births[1] ?? 0) - foreignBorn, foreignBorn];

  const mortality = Math.exp(0.12 * t.dep) * (MORTALITY_INDEX[year] ?? 1);
  const out: Cohorts = new Int32Array(COHORT_CELLS);
  for (let nat = 0; nat < 2; nat++) {
    for (let sex = 0; sex < 2; sex++) {
      const base = cohortIndex(nat, sex, 0);
      const boys = rng.binomial(births[nat] ?? 0, 0.512);
      out[base] = sex === 0 ? boys : (births[nat] ?? 0) - boys;
      for (let age = 0; age <= MAX_AGE; age++) {
        const n = c[base + age] ?? 0;
        const survivors = n - rng.binomial(n, Math.min(0.9, deathProbability(age, sex === 0) * mortality));
        const target = base + Math.min(MAX_AGE, age + 1);
        out[target] = (out[target] ?? 0) + survivors;
      }
    }
  }
  const rate = NATURALISATION[year] ?? 0.011;
  for (let sex = 0; sex < 2; sex++) {
    for (let age = 0; age <= MAX_AGE; age++) {
      const f = cohortIndex(1, sex, age);
      const moved = rng.binomial(out[f] ?? 0, rate);
      out[f] = (out[f] ?? 0) - moved;
      const g = cohortIndex(0, sex, age);
      out[g] = (out[g] ?? 0) + moved;
    }
  }
  return out;
}

/** Moves inside the city as rates on existing cohorts: young adults to the centre, families out. */
function internalMigration(c: Cohorts, t: AreaTraits, delta: Float64Array): void {
  if (t.role === 'industrial') return;
  for (let nat = 0; nat < 2; nat++) {
    for (let sex = 0; sex < 2; sex++) {
      for (let age = 0; age < AGES; age++) {
        let rate = 0;
        if (age >= 18 && age <= 29) rate += 0.05 * (t.urban - 0.3);
        if (age <= 12 || (age >= 28 && age <= 45)) rate += 0.012 * (0.6 * t.fam - t.urban);
        // The very old move from the suburbs towards care homes and services in the centre.
        if (age >= 78) rate += 0.012 * (t.urban - 0.25) - 0.006 * Math.max(0, t.old);
        // Gentrifying quarters win German young adults and lose foreigners; the declining one the reverse.
        if (t.depTrend < 0) rate += nat === 0 ? (age >= 20 && age <= 40 ? 0.03 : 0) : -0.015;
        if (t.depTrend > 0) rate += nat === 0 ? (age < 18 || (age >= 25 && age < 65) ? -0.02 : 0) : 0.03;
        const i = cohortIndex(nat, sex, age);
        delta[i] = (delta[i] ?? 0) + (c[i] ?? 0) * rate;
      }
    }
  }
}

/** Refugee waves, EU labour migration and the new development, as absolute inflows. */
function externalMigration(
  cohorts: Cohorts[],
  traits: AreaTraits[],
  delta: Float64Array[],
  year: number,
  population: number,
): void {
  const spreadBy = (spread: number) =>
    normalise(
      cohorts.map((c, i) =>
        traits[i]?.role === 'industrial' ? 0 : total(c) * Math.exp(spread * (traits[i]?.dep ?? 0)),
      ),
    );
  const add = (area: number, nat: number, persons: number, profile: readonly (readonly number[])[]) => {
    const d = delta[area];
    if (!d) return;
    for (let sex = 0; sex < 2; sex++) {
      for (let age = 0; age < AGES; age++) {
        const i = cohortIndex(nat, sex, age);
        d[i] = (d[i] ?? 0) + persons * (profile[sex]?.[age] ?? 0);
      }
    }
  };
  const halfHalf = (p: readonly number[]) => [p.map((v) => v / 2), p.map((v) => v / 2)];

  const wave = WAVES[year];
  if (wave) {
    const [share, profile, spread] = wave;
    spreadBy(spread).forEach((w, i) => add(i, 1, w * share * population, profile));
  }
  spreadBy(0.3).forEach((w, i) => add(i, 1, w * 0.0025 * population, halfHalf(MOVER_PROFILE)));

  if (year >= NEW_DEVELOPMENT.from && year <= NEW_DEVELOPMENT.to) {
    const area = traits.findIndex((t) => t.role === 'newDevelopment');
    const inflow = (NEW_DEVELOPMENT.inflow * population) / REFERENCE_POPULATION;
    add(area, 0, inflow * 0.85, halfHalf(FAMILY_PROFILE));
    add(area, 1, inflow * 0.15, halfHalf(FAMILY_PROFILE));
  }
}

/** Turn expected flows into integer moves; a cohort never drops below zero. */
function applyDelta(cohorts: Cohorts[], delta: Float64Array[], rng: Rng): void {
  cohorts.forEach((c, area) => {
    const d = delta[area];
    if (!d) return;
    for (let i = 0; i < COHORT_CELLS; i++) c[i] = Math.max(0, (c[i] ?? 0) + rng.roundStochastic(d[i] ?? 0));
  });
}

/** Migration balance that brings the city total onto its planned path for the year. */
function balance(cohorts: Cohorts[], traits: AreaTraits[], year: number, population: number, rng: Rng): void {
  const current = cohorts.reduce((s, c) => s + total(c), 0);
  const gap = population * (TARGET_INDEX[year] ?? 1) - current;
  const ceiling = (AREA_CEILING * population) / REFERENCE_POPULATION;
  const weights = normalise(
    cohorts.map((c, i) => {
      const t = traits[i];
      const size = total(c);
      if (!t || t.role === 'industrial' || (gap > 0 && size > 0.95 * ceiling)) return 0;
      return size * (1 + 0.5 * t.urban);
    }),
  );
  const delta = cohorts.map(() => new Float64Array(COHORT_CELLS));
  weights.forEach((w, area) => {
    const d = delta[area] as Float64Array;
    for (let nat = 0; nat < 2; nat++) {
      for (let sex = 0; sex < 2; sex++) {
        for (let age = 0; age < AGES; age++) {
          d[cohortIndex(nat, sex, age)] =
            gap * w * (nat === 0 ? 0.75 : 0.25) * 0.5 * (MOVER_PROFILE[age] ?? 0);
        }
      }
    }
  });
  applyDelta(cohorts, delta, rng);
}

/**
 * Add or remove single movers until the city total is exactly `target`: the balancing flows are
 * rounded at random, this removes the last few persons of difference so that the requested
 * population is met exactly at the latest Stichtag.
 */
export function settle(cohorts: Cohorts[], traits: AreaTraits[], target: number, rng: Rng): void {
  let diff = target - cohorts.reduce((s, c) => s + total(c), 0);
  const areas = cohorts.map((_, i) => i).filter((i) => traits[i]?.role !== 'industrial');
  for (let guard = 0; diff !== 0 && guard < 1_000_000; guard++) {
    const c = cohorts[rng.pick(areas)] as Cohorts;
    let u = rng.float();
    let age = 0;
    while (age < AGES - 1 && u >= (MOVER_PROFILE[age] ?? 0)) u -= MOVER_PROFILE[age++] ?? 0;
    const i = cohortIndex(rng.chance(0.25) ? 1 : 0, rng.int(0, 1), age);
    if (diff > 0) {
      c[i] = (c[i] ?? 0) + 1;
      diff--;
    } else if ((c[i] ?? 0) > 0) {
      c[i] = (c[i] ?? 0) - 1;
      diff++;
    }
  }
}

/** Total persons in a cohort array. */
export function total(c: Cohorts): number {
  let sum = 0;
  for (let i = 0; i < c.length; i++) sum += c[i] ?? 0;
  return sum;
}

function normalise(values: number[]): number[] {
  const sum = values.reduce((a, b) => a + b, 0);
  return values.map((v) => (sum > 0 ? v / sum : 0));
}
