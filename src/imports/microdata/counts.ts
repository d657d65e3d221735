import type { AgeGroup } from './options.ts';
import { MAX_AGE } from './options.ts';
import { HOUSEHOLD_VARIABLES } from './households.ts';

/** Single years of age counted: 0 … {@link MAX_AGE}. */
export const AGES = MAX_AGE + 1;
/** Sex codes: 0 männlich, 1 weiblich, 2 divers / ohne Angabe (only with `divers: 'separate'`). */
export const SEX_LABELS = ['m', 'w', 'd'] as const;

/** One count, as it is stored (an observation without its date). */
export interface MicrodataCount {
  /** Area key. */
  area: string;
  /** Variable key, e.g. `ew`, `bev`, `sgb2_u15`. */
  variable: string;
  /** '' for totals, `age=<group>;sex=<m|w|d>` for `bev`. */
  breakdown: string;
  value: number;
}

/** Fixed age bands of the demo city's catalogue (src/demo/variables.ts), inclusive. */
export const EW_BANDS: readonly (readonly [key: string, from: number, to: number])[] = [
  ['ew_u3', 0, 2],
  ['ew_3_5', 3, 5],
  ['ew_u6', 0, 5],
  ['ew_6_9', 6, 9],
  ['ew_u15', 0, 14],
  ['ew_u18', 0, 17],
  ['ew_15_64', 15, 64],
  ['ew_18_64', 18, 64],
  ['ew_65plus', 65, MAX_AGE],
  ['ew_80plus', 80, MAX_AGE],
];

/**
 * Person counters of all areas: one cell per area × nationality (0 deutsch, 1 ausländisch) ×
 * sex × single year of age. A million persons are a million increments; everything published is
 * summed from these cells at the end.
 */
export const personCell = (area: number, foreign: number, sex: number, age: number) =>
  ((area * 2 + foreign) * 3 + sex) * AGES + age;

/** What was counted, ready to be turned into {@link MicrodataCount} rows. */
export interface Tallies {
  keys: readonly string[];
  persons: Int32Array;
  groups: readonly AgeGroup[];
  /** Whether `sex=d` cells and `ew_d` are published (`divers: 'separate'`). */
  separateDivers: boolean;
  nationality: boolean;
  /** Per area × {@link HOUSEHOLD_VARIABLES}, or null without a household column. */
  households: Int32Array | null;
  /** Per flag: its variable, the `under` ages and the counts per area × age. */
  flags: readonly { variable: string; under: readonly number[]; counts: Int32Array }[];
}

/**
 * Count rows in the order of the demo city's catalogue: `bev` by age group and sex, `ew` and its
 * sex and age bands, households, foreigners, then the flags. Every area gets every row, zeros
 * included, so later steps (disclosure control, sums over Bezirke) see complete tables.
 */
export function countRows(t: Tallies): MicrodataCount[] {
  const out: MicrodataCount[] = [];
  const sexes = t.separateDivers ? 3 : 2;
  const byAge = new Int32Array(3 * AGES); // sex × age, both nationalities
  const foreign = new Int32Array(AGES);
  t.keys.forEach((area, a) => {
    byAge.fill(0);
    foreign.fill(0);
    for (let f = 0; f < 2; f++)
      for (let s = 0; s < 3; s++)
        for (let age = 0; age < AGES; age++) {
          const v = t.persons[personCell(a, f, s, age)]!;
          byAge[s * AGES + age]! += v;
          if (f === 1) foreign[age]! += v;
        }
    const sum = (s0: number, s1: number, from: number, to: number) => {
      let v = 0;
      for (let s = s0; s <= s1; s++) for (let age = from; age <= to; age++) v += byAge[s * AGES + age]!;
      return v;
    };
    const push = (variable: string, value: number, breakdown = '') =>
      out.push({ area, variable, breakdown, value });
    for (const g of t.groups)
      for (let s = 0; s < sexes; s++)
        push('bev', sum(s, s, g.from, g.to), `age=${g.label};sex=${SEX_LABELS[s]}`);
    push('ew', sum(0, 2, 0, MAX_AGE));
    push('ew_m', sum(0, 0, 0, MAX_AGE));
    push('ew_w', sum(1, 1, 0, MAX_AGE));
    if (t.separateDivers) push('ew_d', sum(2, 2, 0, MAX_AGE));
    for (const [key, from, to] of EW_BANDS) push(key, sum(0, 2, from, to));
    if (t.households) {
      HOUSEHOLD_VARIABLES.forEach((key, k) => push(key, t.households![a * HOUSEHOLD_VARIABLES.length + k]!));
    }
    if (t.nationality) {
      let all = 0;
      let minors = 0;
      for (let age = 0; age < AGES; age++) {
        all += foreign[age]!;
        if (age < 18) minors += foreign[age]!;
      }
      push('ausl', all);
      push('ausl_u18', minors);
    }
    for (const flag of t.flags) {
      const cells = flag.counts.subarray(a * AGES, (a + 1) * AGES);
      push(
        flag.variable,
        cells.reduce((x, y) => x + y, 0),
      );
      for (const u of flag.under)
        push(
          `${flag.variable}_u${u}`,
          cells.subarray(0, u).reduce((x, y) => x + y, 0),
        );
    }
  });
  return out;
}
