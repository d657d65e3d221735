import type { Rng } from './rng.ts';
import type { AreaTraits } from './traits.ts';
import { AGES, BASE_PYRAMID, maleShare } from './demography.ts';

/**
 * Population of one Sozialraum by nationality × sex × single year of age, as integer counts.
 * Layout: index = (nat * 2 + sex) * AGES + age, nat 0 = German, 1 = foreign; sex 0 = m, 1 = w.
 */
export type Cohorts = Int32Array;

/** Length of a {@link Cohorts} array. */
export const COHORT_CELLS = 4 * AGES;

/** Index into {@link Cohorts}. */
export function cohortIndex(nat: number, sex: number, age: number): number {
  return (nat * 2 + sex) * AGES + age;
}

/** Reference population the size bounds below are stated for. */
export const REFERENCE_POPULATION = 250_000;

/**
 * Population of each Sozialraum at the start (end of 2015): density × area, passed through a
 * saturating curve between a floor and a ceiling (no area exceeds the ceiling, and large areas
 * keep distinct sizes instead of piling up at a hard cap), scaled by bisection to `total`.
 * The industrial estate gets a tiny population (< 300) so that disclosure control has work to do;
 * the new development starts small because it grows by a couple of thousand.
 */
export function areaSizes(traits: AreaTraits[], cellAreas: number[], total: number, rng: Rng): number[] {
  const s = total / REFERENCE_POPULATION;
  const tiny = traits.findIndex((t) => t.role === 'industrial');
  const tinySize = Math.max(10, Math.round(rng.range(140, 260) * Math.min(1, s)));
  const floor = 450 * s;
  const span = (i: number) => (traits[i]?.role === 'newDevelopment' ? 4000 : 8600) * s - floor;
  const raw = traits.map((t, i) => (i === tiny ? 0 : t.density * (cellAreas[i] ?? 0)));
  const sizesAt = (k: number) =>
    raw.map((r, i) => (i === tiny ? tinySize : floor + span(i) * (1 - Math.exp((-k * r) / span(i)))));
  const sumAt = (k: number) => sizesAt(k).reduce((a, b) => a + b, 0);
  let lo = 0;
  let hi = 1;
  while (sumAt(hi) < total) {
    hi *= 2;
    if (hi > 1e12) throw new Error('The Sozialräume cannot hold the requested population');
  }
  for (let iter = 0; iter < 100; iter++) {
    const mid = (lo + hi) / 2;
    if (sumAt(mid) < total) lo = mid;
    else hi = mid;
  }
  return sizesAt((lo + hi) / 2);
}

/** Age/sex weight of an area's population relative to the German pyramid, from its traits. */
function ageWeight(age: number, t: AreaTraits): number {
  let w = 1;
  if (age < 18) w *= Math.exp(0.2 * t.fam + 0.1 * t.dep);
  if (age >= 18 && age <= 34) w *= 1 + 1.0 * t.urban;
  if (age >= 30 && age <= 49) w *= Math.exp(0.15 * t.fam);
  if (age >= 20 && age <= 44) w *= Math.exp(-0.12 * t.old);
  if (age >= 65) w *= Math.exp(0.12 * t.old);
  // Damp the very old in ageing suburbs: many move to care homes or nearer to services.
  if (age >= 75) w *= Math.exp(-0.1 * t.dep - 0.15 * t.old);
  if (t.role === 'industrial') w *= age < 18 ? 0.3 : age >= 65 ? 0.5 : 1.3;
  return w;
}

/** Relative likelihood of foreign nationality by age: foreigners are younger on average. */
export function foreignAgeFactor(age: number): number {
  if (age < 18) return 0.85;
  if (age < 45) return 1.45;
  if (age < 65) return 1.0;
  return age < 80 ? 0.45 : 0.2;
}

/** Foreigners' share of an area's population at the start, from its traits. */
export function foreignShare(t: AreaTraits): number {
  return 1 / (1 + Math.exp(-(-1.95 + 0.4 * t.dep + 0.5 * t.urban)));
}

/** Starting cohorts of an area of `size` inhabitants (expected values, rounded at random). */
export function initialCohorts(size: number, t: AreaTraits, rng: Rng): Cohorts {
  const weights: number[] = [];
  for (let age = 0; age < AGES; age++) weights.push((BASE_PYRAMID[age] ?? 0) * ageWeight(age, t));
  const wSum = weights.reduce((a, b) => a + b, 0);
  const fMean = weights.reduce((a, w, age) => a + w * foreignAgeFactor(age), 0) / wSum;
  const share = foreignShare(t);
  const cohorts: Cohorts = new Int32Array(COHORT_CELLS);
  for (let age = 0; age < AGES; age++) {
    const persons = (size * (weights[age] ?? 0)) / wSum;
    const foreign = Math.min(0.9, (share * foreignAgeFactor(age)) / fMean);
    for (let sex = 0; sex < 2; sex++) {
      const bySex = persons * (sex === 0 ? maleShare(age) : 1 - maleShare(age));
      const f = rng.roundStochastic(bySex * foreign);
      const g = rng.roundStochastic(bySex * (1 - foreign));
      cohorts[cohortIndex(0, sex, age)] = g;
      cohorts[cohortIndex(1, sex, age)] = f;
    }
  }
  return cohorts;
}

/** Sum of cohorts over an age range (inclusive), optionally for one nationality or sex. */
export function sumAges(
  c: Cohorts,
  from: number,
  to: number,
  filter: { nat?: number; sex?: number } = {},
): number {
  let sum = 0;
  for (let nat = 0; nat < 2; nat++) {
    if (filter.nat !== undefined && filter.nat !== nat) continue;
    for (let sex = 0; sex < 2; sex++) {
      if (filter.sex !== undefined && filter.sex !== sex) continue;
      const base = cohortIndex(nat, sex, 0);
      for (let age = from; age <= to; age++) sum += c[base + age] ?? 0;
    }
  }
  return sum;
}
