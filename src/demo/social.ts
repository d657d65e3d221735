import type { Rng } from './rng.ts';
import type { AreaTraits } from './traits.ts';
import type { Cohorts } from './population.ts';
import { cohortIndex, sumAges } from './population.ts';
import { MAX_AGE } from './demography.ts';

/** SGB-II share (persons in SGB II / population under 65) the city is calibrated to in 2015. */
const CITY_SGB2_QUOTE_2015 = 0.105;
/** Year effects on the SGB-II logit: refugees entering the system 2016–17, Covid 2020, 2022 on. */
const SGB2_YEAR: Record<number, number> = {
  2016: 0.03,
  2017: 0.05,
  2018: 0.02,
  2019: -0.04,
  2020: -0.01,
  2021: -0.04,
  2022: -0.02,
  2023: 0.0,
  2024: 0.01,
};
/** Extra logit for foreigners in the years after arrival waves (recognised refugees, Ukrainians). */
const SGB2_FOREIGN_YEAR: Record<number, number> = {
  2016: 0.15,
  2017: 0.3,
  2018: 0.2,
  2019: 0.1,
  2020: 0.1,
  2021: 0.05,
  2022: 0.2,
  2023: 0.3,
  2024: 0.25,
};
/** Unemployment insurance (SGB III) cycle: Covid 2020/21, weak economy 2023/24. */
const ALO3_YEAR: Record<number, number> = {
  2015: 1.05,
  2017: 0.97,
  2018: 0.93,
  2019: 0.92,
  2020: 1.3,
  2021: 1.12,
  2023: 1.08,
  2024: 1.18,
};
/** Share of SGB-II ELB registered unemployed; Ukrainians in integration courses are not. */
const ALO2_YEAR: Record<number, number> = { 2020: 1.08, 2021: 1.06, 2022: 0.95, 2023: 0.97 };
const SGB2_DEP_SLOPE = 0.44;
const SGB2_FOREIGN_LOGIT = 1.0;

const logistic = (x: number) => 1 / (1 + Math.exp(-x));
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/**
 * Deprivation of every area per year: the latent level plus the area's trend plus a small random
 * walk, so that series drift a little instead of jumping independently each year.
 * @returns [area][yearIndex]
 */
export function deprivationPaths(traits: AreaTraits[], yearCount: number, rng: Rng): number[][] {
  return traits.map((t) => {
    let walk = 0;
    return Array.from({ length: yearCount }, (_, y) => {
      if (y > 0) walk += rng.normal(0, 0.04);
      return t.dep + t.depTrend * y + walk;
    });
  });
}

/** SGB-II probability for Germans and foreigners given the logit intercept. */
function sgb2Rates(intercept: number, dep: number, year: number): [number, number] {
  const l = intercept + SGB2_DEP_SLOPE * dep + (SGB2_YEAR[year] ?? 0);
  return [logistic(l), logistic(l + SGB2_FOREIGN_LOGIT + (SGB2_FOREIGN_YEAR[year] ?? 0))];
}

/** Expected SGB-II persons by group: [under 15, ELB 15–64, other non-employable 15–64]. */
function expectedSgb2(c: Cohorts, q: [number, number]): [number, number, number] {
  let u15 = 0;
  let elb = 0;
  let other = 0;
  for (let nat = 0; nat < 2; nat++) {
    const p = q[nat] ?? 0;
    const children = sumAges(c, 0, 14, { nat });
    const working = sumAges(c, 15, 64, { nat });
    u15 += children * Math.min(0.8, 1.7 * p);
    elb += working * p * 0.92;
    other += working * p * 0.03;
  }
  return [u15, elb, other];
}

/**
 * Logit intercept that gives the city its SGB-II quote in the first year (bisection; the quote
 * rises monotonically with the intercept).
 * @param quote the territory's SGB-II quote (persons in SGB II / population under 65) to meet
 */
export function calibrateSgb2(
  cohorts: Cohorts[],
  dep: number[],
  year: number,
  quote: number = CITY_SGB2_QUOTE_2015,
): number {
  let lo = -8;
  let hi = 2;
  for (let iter = 0; iter < 60; iter++) {
    const mid = (lo + hi) / 2;
    let sgb2 = 0;
    let under65 = 0;
    cohorts.forEach((c, i) => {
      const [a, b, d] = expectedSgb2(c, sgb2Rates(mid, dep[i] ?? 0, year));
      sgb2 += a + b + d;
      under65 += sumAges(c, 0, 64);
    });
    if (sgb2 / under65 > quote) hi = mid;
    else lo = mid;
  }
  return (lo + hi) / 2;
}

/** Counts derived from the cohorts alone (exactly consistent with `bev`). */
export function demographicTotals(c: Cohorts): Record<string, number> {
  const s = (from: number, to: number) => sumAges(c, from, to);
  return {
    ew: s(0, MAX_AGE),
    ew_m: sumAges(c, 0, MAX_AGE, { sex: 0 }),
    ew_w: sumAges(c, 0, MAX_AGE, { sex: 1 }),
    ew_u3: s(0, 2),
    ew_3_5: s(3, 5),
    ew_u6: s(0, 5),
    ew_6_9: s(6, 9),
    ew_u15: s(0, 14),
    ew_u18: s(0, 17),
    ew_15_64: s(15, 64),
    ew_18_64: s(18, 64),
    ew_65plus: s(65, MAX_AGE),
    ew_80plus: s(80, MAX_AGE),
    ausl: sumAges(c, 0, MAX_AGE, { nat: 1 }),
    ausl_u18: sumAges(c, 0, 17, { nat: 1 }),
  };
}

/**
 * Households from the age structure. Built so that a person-level file can realise them exactly:
 * singles 65+, singles 18–64, households with children (one or two adults, every child in one),
 * and households of two or more adults from everyone left over.
 */
export function households(d: Record<string, number>, t: AreaTraits, dep: number): Record<string, number> {
  const kids = d.ew_u18 ?? 0;
  const a65 = d.ew_65plus ?? 0;
  const a1864 = (d.ew ?? 0) - kids - a65;
  const share80 = a65 > 0 ? (d.ew_80plus ?? 0) / a65 : 0;
  let h1old = Math.round(
    a65 * clamp(0.22 + 0.04 * t.urban + 0.45 * (share80 - 0.25) + 0.02 * dep, 0.15, 0.55),
  );
  let h1young = Math.round(a1864 * clamp(0.24 + 0.09 * t.urban + 0.03 * dep - 0.02 * t.fam, 0.1, 0.45));
  let hk =
    kids > 0
      ? Math.min(kids, Math.max(1, Math.round(kids / clamp(1.62 + 0.07 * dep + 0.03 * t.fam, 1.4, 2.1))))
      : 0;
  let ha = Math.round(hk * clamp(0.19 + 0.06 * dep + 0.03 * t.urban, 0.08, 0.4));
  const rest = () => a1864 + a65 - h1old - h1young - ha - 2 * (hk - ha);
  // Too few adults for this many households: fewer singles first, then fewer two-parent families.
  while (rest() < 0) {
    if (h1young > 0) h1young--;
    else if (h1old > 0) h1old--;
    else if (ha < hk) ha++;
    else if (hk > 0) {
      hk--;
      ha = Math.min(ha, hk);
    } else break;
  }
  const r = rest();
  let other = Math.floor(r / clamp(2.15 + 0.08 * t.fam, 2.05, 2.4));
  if (other === 0 && r >= 2) other = 1;
  if (r === 1 && hk + other === 0) {
    // A lone leftover adult needs a household to join: turn one single into a couple.
    if (h1young > 0) h1young--;
    else h1old--;
    other = 1;
  }
  return {
    hh: h1old + h1young + hk + other,
    hh_1p: h1old + h1young,
    hh_1p_65: h1old,
    hh_kinder: hk,
    hh_alleinerz: ha,
  };
}

/** SGB II, unemployment and Grundsicherung im Alter for one area and year. */
export function transfers(
  c: Cohorts,
  d: Record<string, number>,
  dep: number,
  year: number,
  intercept: number,
  rng: Rng,
): Record<string, number> {
  const [u15Exp, elbExp, otherExp] = expectedSgb2(c, sgb2Rates(intercept, dep, year));
  const u15 = d.ew_u15 ?? 0;
  const working = d.ew_15_64 ?? 0;
  const sgb2U15 = rng.binomial(u15, u15 > 0 ? u15Exp / u15 : 0);
  const elb = rng.binomial(working, working > 0 ? elbExp / working : 0);
  const other = rng.binomial(working - elb, working - elb > 0 ? otherExp / (working - elb) : 0);
  const aloSgb2 = rng.binomial(elb, 0.36 * (ALO2_YEAR[year] ?? 1));
  const aloSgb3 = rng.binomial(working - elb, 0.011 * Math.exp(0.2 * dep) * (ALO3_YEAR[year] ?? 1));

  const trend = 0.04 * (year - 2015);
  let gsiaExp = 0;
  for (let nat = 0; nat < 2; nat++) {
    const q = logistic((nat === 0 ? -3.6 : -2.0) + (nat === 0 ? 0.45 : 0.35) * dep + trend);
    for (let sex = 0; sex < 2; sex++) {
      for (let age = 65; age <= MAX_AGE; age++) gsiaExp += (c[cohortIndex(nat, sex, age)] ?? 0) * q;
    }
  }
  const a65 = d.ew_65plus ?? 0;
  return {
    sgb2: elb + sgb2U15 + other,
    sgb2_elb: elb,
    sgb2_u15: sgb2U15,
    alo: aloSgb2 + aloSgb3,
    alo_sgb2: aloSgb2,
    gsia: rng.binomial(a65, a65 > 0 ? gsiaExp / a65 : 0),
  };
}
