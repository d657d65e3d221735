/**
 * Cohort-component projection for an area (docs/methods.md §8.3), for cities that count births,
 * deaths and moves: the city's age-specific fertility and mortality rates, scaled to the area by
 * indirect standardisation (the area's observed births and deaths over those the city's rates
 * expect from its population), and the area's net migration spread by an age profile.
 *
 * Preston, Heuveline & Guillot, *Demography* (2001), ch. 6 (the cohort-component method);
 * Rees, Norman & Brown, "A framework for progressively improving small area population
 * estimates", JRSS A 167 (2004) (scaling national/city rates to small areas); Rogers & Castro,
 * *Model Migration Schedules* (1981) (migration by an age profile).
 */
import type { AgeVector } from './age-vector.ts';

/** What one area's cohort-component projection is built from (all rates per year). */
export interface CohortComponentInput {
  /** The area's population at the base by sex key (`m`, `w`) or one key (`all`). */
  base: Record<string, AgeVector>;
  /** City births per woman and year by mother's age (age-specific fertility rates). */
  fertility: readonly number[];
  /** City probability of dying within a year by age, per sex key of `base`. */
  mortality: Record<string, readonly number[]>;
  /** The area's fertility relative to the city's (see {@link indirectFactor}; default 1). */
  fertilityFactor?: number;
  /** The area's mortality relative to the city's (default 1). */
  mortalityFactor?: number;
  /** The area's net migration per year (in minus out), persons. */
  netMigration: number;
  /** Share of the net migration by sex and age, summing to 1 over all cells. */
  migrationProfile: Record<string, readonly number[]>;
  /** Sex key of the women; null: the data has no sex and half of every age counts as women. */
  female?: string | null;
  /** Share of each sex among births (default: 0.513 `m`, 0.487 `w`, or 1 for the only key). */
  birthShares?: Record<string, number>;
}

/**
 * Observed events over those the city's rates expect (indirect standardisation, the SMR of
 * epidemiology): Σ events / Σ_a population(a)·rate(a).
 * @example indirectFactor(12, [100, 100], [0.05, 0.05]) // 1.2
 */
export function indirectFactor(
  observed: number,
  population: readonly number[],
  rates: readonly number[],
): number {
  const expected = population.reduce((s, p, a) => s + p * (rates[a] ?? 0), 0);
  return expected > 0 ? observed / expected : 1;
}

/**
 * Projects `steps` years. Each year: survivors age by one year, P(a+1) = P(a)·(1 − f_d·q(a)),
 * the open top keeps its own survivors; births B = f_b·Σ_a W(a)·F(a) on the women at the start of
 * the year, split by sex, of whom half a year's deaths at age 0 are taken (1 − f_d·q(0)/2); then
 * the net migration N·profile(sex, a) is added. No cell goes below zero.
 *
 * @returns the population after each year (index 0 = one year after the base)
 * @example
 * projectCohortComponent({ base: { all: [0, 10, 10] }, fertility: [0, 0.2, 0], mortality: { all: [0, 0.1, 0.5] },
 *   netMigration: 0, migrationProfile: { all: [0, 0, 0] } }, 1)
 * // [{ all: [1, 0, 14] }] — 10 × ½ women × 0.2 births; 10 × 0.9 + 10 × 0.5 at the open top
 */
export function projectCohortComponent(
  input: CohortComponentInput,
  steps: number,
): Record<string, AgeVector>[] {
  const sexes = Object.keys(input.base);
  const female = input.female === undefined ? (sexes.includes('w') ? 'w' : null) : input.female;
  const fb = input.fertilityFactor ?? 1;
  const fd = input.mortalityFactor ?? 1;
  const shares = input.birthShares ?? (sexes.length === 1 ? { [sexes[0]!]: 1 } : { m: 0.513, w: 0.487 });
  const out: Record<string, AgeVector>[] = [];
  let cur = input.base;
  for (let j = 0; j < steps; j++) {
    const women =
      female === null
        ? sexes.reduce<number[]>((w, s) => cur[s]!.map((x, a) => (w[a] ?? 0) + x / 2), [])
        : cur[female]!;
    const births = fb * women.reduce((s, w, a) => s + w * (input.fertility[a] ?? 0), 0);
    const next: Record<string, AgeVector> = {};
    for (const s of sexes) {
      const p = cur[s]!;
      const q = input.mortality[s] ?? [];
      const max = p.length - 1;
      const v = new Array<number>(p.length).fill(0);
      const survive = (a: number) => Math.max(0, 1 - fd * (q[a] ?? 0));
      for (let a = 0; a < max; a++) v[a + 1]! += p[a]! * survive(a);
      v[max]! += p[max]! * survive(max);
      v[0] = births * (shares[s] ?? 0) * Math.max(0, 1 - (fd * (q[0] ?? 0)) / 2);
      const profile = input.migrationProfile[s] ?? [];
      next[s] = v.map((x, a) => Math.max(0, x + input.netMigration * (profile[a] ?? 0)));
    }
    out.push(next);
    cur = next;
  }
  return out;
}
