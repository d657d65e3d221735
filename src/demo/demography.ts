/**
 * Demographic schedules for the cohort model of the demo city, single years of age 0…100 (100 =
 * 100 and older). Shapes are rounded from the German population and life tables (Destatis,
 * around 2015); they only need to look right, not to reproduce a statistic.
 */

/** Highest age class (open-ended: 100 and older). */
export const MAX_AGE = 100;
/** Number of age classes 0…100. */
export const AGES = MAX_AGE + 1;

/** Persons per single year of age, Germany end of 2015, thousands (both sexes), anchor points. */
const PYRAMID_2015: [age: number, thousands: number][] = [
  [0, 740],
  [5, 700],
  [10, 720],
  [15, 780],
  [20, 900],
  [25, 1020],
  [30, 1010],
  [35, 960],
  [40, 1000],
  [45, 1320],
  [51, 1430],
  [55, 1300],
  [60, 1100],
  [65, 930],
  [69, 800],
  [70, 720],
  [74, 860],
  [77, 930],
  [80, 640],
  [85, 390],
  [90, 150],
  [95, 45],
  [99, 12],
  [100, 17],
];

function interpolate(anchors: [number, number][], age: number): number {
  for (let i = 1; i < anchors.length; i++) {
    const [a1, v1] = anchors[i] as [number, number];
    const [a0, v0] = anchors[i - 1] as [number, number];
    if (age <= a1) return v0 + ((v1 - v0) * (age - a0)) / (a1 - a0);
  }
  return anchors[anchors.length - 1]?.[1] ?? 0;
}

/** Relative size of each age class in 2015 (both sexes). */
export const BASE_PYRAMID: readonly number[] = Array.from({ length: AGES }, (_, a) =>
  interpolate(PYRAMID_2015, a),
);

/** Share of men in an age class: 105 boys per 100 girls at birth, women outliving men late in life. */
export function maleShare(age: number): number {
  if (age < 55) return 0.512 - age * 0.0002;
  return Math.max(0.2, 0.5 - (age - 55) * (age - 55) * 0.00022);
}

/**
 * Probability of dying within the year at a given age (Gompertz fit to the German life table,
 * infant mortality and a floor for children and young adults added).
 */
export function deathProbability(age: number, male: boolean): number {
  if (age === 0) return male ? 0.0037 : 0.0031;
  const q = male ? 3.95e-5 * Math.exp(0.0905 * age) : 1.14e-5 * Math.exp(0.1014 * age);
  return Math.min(0.6, Math.max(male ? 0.0002 : 0.00012, q));
}

/** Age-specific fertility rates for ages 15…49 summing to 1; multiply by a total fertility rate. */
export const FERTILITY_SHAPE: readonly number[] = (() => {
  const raw = Array.from({ length: AGES }, (_, a) =>
    a < 15 || a > 49 ? 0 : Math.exp(-((a - 31) ** 2) / (2 * 5.5 ** 2)),
  );
  const sum = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => v / sum);
})();

/** Net migration age profile of movers (students, young workers, young families), sums to 1. */
export const MOVER_PROFILE: readonly number[] = normalise((a) =>
  a < 18
    ? 0.35 * Math.exp(-a / 8)
    : a <= 45
      ? Math.exp(-((a - 26) ** 2) / (2 * 6 ** 2)) + 0.15
      : 0.08 * Math.exp(-(a - 45) / 15),
);

/** Young adults (18–29) who move towards the centre. */
export const YOUNG_ADULT_PROFILE: readonly number[] = normalise((a) => (a >= 18 && a <= 29 ? 1 : 0));

/** Families: parents 28–45 and their children 0–12. */
export const FAMILY_PROFILE: readonly number[] = normalise((a) =>
  a <= 12 ? 0.8 : a >= 28 && a <= 45 ? 1 : 0,
);

/** Refugees 2015/16: mostly young men, some families. Index 0 men, 1 women. */
export const REFUGEE_2016_PROFILE: readonly (readonly number[])[] = [
  normalise((a) =>
    a < 18 ? 0.5 : a <= 40 ? 1.6 * Math.exp(-((a - 25) ** 2) / 120) + 0.2 : a < 65 ? 0.08 : 0,
  ),
  normalise((a) =>
    a < 18 ? 0.5 : a <= 40 ? 0.5 * Math.exp(-((a - 27) ** 2) / 140) + 0.1 : a < 65 ? 0.05 : 0,
  ),
].map((p, s) => p.map((v) => v * (s === 0 ? 0.65 : 0.35)));

/** Refugees from Ukraine 2022: mothers, children and older people; few men of military age. */
export const REFUGEE_2022_PROFILE: readonly (readonly number[])[] = [
  normalise((a) => (a < 18 ? 0.9 : a < 60 ? 0.1 : a < 85 ? 0.2 : 0)),
  normalise((a) => (a < 18 ? 0.9 : a < 60 ? 0.8 : a < 85 ? 0.3 : 0)),
].map((p, s) => p.map((v) => v * (s === 0 ? 0.35 : 0.65)));

function normalise(f: (age: number) => number): number[] {
  const raw = Array.from({ length: AGES }, (_, a) => f(a));
  const sum = raw.reduce((s, v) => s + v, 0);
  return raw.map((v) => v / sum);
}
