/**
 * Expected residents of a new residential quarter by age, year by year (docs/methods.md §7,
 * „Belegung von Neubauquartieren“). Pure: no I/O.
 *
 * For a calendar year Y and dwellings of type t first occupied in year F, the year after first
 * occupancy is k = Y − F + 1 (k = 1 is the year of first occupancy itself, counted at its end);
 * before F there is nobody. Residents of age band b:
 *
 *   E_b(Y) = Σ_phases dwellings · persons_t(k) · share_t,b(k) / Σ_b' share_t,b'(k)
 *
 * Beyond the years a profile describes, its last year holds (the quarter is taken as settled).
 */
import type { AgeRange } from '../core/age-range.ts';
import { AGE_BANDS, type DwellingType } from './occupancy.schema.ts';

/** Dwellings of one type first occupied in one year (a phase of the plan). */
export interface DwellingPhase {
  type: string;
  count: number;
  /** Calendar year of first occupancy (Erstbezug). */
  year: number;
}

/** Residents of one calendar year: per age band (AGE_BANDS order) and in total. */
export interface ResidentsYear {
  year: number;
  bands: number[];
  total: number;
}

/**
 * Persons and age shares of a dwelling type in year `k` after first occupancy (k ≥ 1), the last
 * year of the profile beyond its end; shares normalised to sum to 1.
 */
export function typeYear(t: Pick<DwellingType, 'persons' | 'ageShares'>, k: number) {
  const i = Math.min(k, t.persons.length) - 1;
  const shares = t.ageShares[i]!;
  const sum = shares.reduce((s, v) => s + v, 0);
  return { persons: t.persons[i]!, shares: shares.map((v) => (sum > 0 ? v / sum : 0)) };
}

/**
 * The calendar years a statement looks at: from the first occupancy to `years` − 1 years after
 * the last phase's first occupancy (at most 40 years).
 * @example statementYears([{ type: 'efh', count: 10, year: 2028 }], 10) // [2028, …, 2037]
 */
export function statementYears(phases: readonly DwellingPhase[], years: number): number[] {
  const first = Math.min(...phases.map((p) => p.year));
  const last = Math.min(first + 39, Math.max(...phases.map((p) => p.year)) + years - 1);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/**
 * Expected residents per calendar year and age band.
 * @param types the profile's dwelling types by key (every phase's type must be among them)
 * @example expectedResidents(types, [{ type: 'efh', count: 10, year: 2028 }], [2028])
 *   // [{ year: 2028, bands: [2.88, …], total: 32 }] with 3.2 persons per dwelling in year 1
 */
export function expectedResidents(
  types: ReadonlyMap<string, Pick<DwellingType, 'persons' | 'ageShares'>>,
  phases: readonly DwellingPhase[],
  years: readonly number[],
): ResidentsYear[] {
  return years.map((year) => {
    const bands = AGE_BANDS.map(() => 0);
    for (const p of phases) {
      const k = year - p.year + 1;
      if (k < 1 || p.count === 0) continue;
      const t = types.get(p.type);
      if (!t) throw new Error(`expectedResidents: unknown dwelling type ${p.type}`);
      const { persons, shares } = typeYear(t, k);
      shares.forEach((s, b) => (bands[b]! += p.count * persons * s));
    }
    return { year, bands, total: bands.reduce((s, v) => s + v, 0) };
  });
}

/** Width used for the open top band when a range cuts through it (80 to 100 years). */
const OPEN_BAND_WIDTH = 21;

/** Whether the range starts and ends on band boundaries (no interpolation needed). */
export function alignedRange(r: AgeRange): boolean {
  const bounds = new Set<number | null>(AGE_BANDS.flatMap((b) => [b.from, b.to]));
  return bounds.has(r.from) && bounds.has(r.to);
}

/**
 * Residents in an age range from the band values: whole bands inside it, and of a band it cuts
 * the share of its years inside (ages spread evenly within a band; the open band as 80–100).
 * @example residentsIn(bands, { from: 6, to: 18 }) // bands 6–9 + 10–14 + 15–17
 */
export function residentsIn(bands: readonly number[], r: AgeRange): number {
  let sum = 0;
  AGE_BANDS.forEach((b, i) => {
    const bTo = b.to ?? b.from + OPEN_BAND_WIDTH;
    const rTo = r.to ?? Infinity;
    const overlap = Math.min(bTo, rTo) - Math.max(b.from, r.from);
    if (overlap <= 0) return;
    sum += bands[i]! * (b.to === null && r.to === null && r.from <= b.from ? 1 : overlap / (bTo - b.from));
  });
  return sum;
}

/** The age groups a statement reports (key → range), in the order they are shown. */
export const REPORTED_GROUPS: readonly { key: string; name: string; range: AgeRange }[] = [
  { key: 'ew_u3', name: 'unter 3 Jahre', range: { from: 0, to: 3 } },
  { key: 'ew_3_5', name: '3 Jahre bis Schuleintritt', range: { from: 3, to: 6 } },
  { key: 'ew_6_9', name: '6 bis 9 Jahre (Grundschule)', range: { from: 6, to: 10 } },
  { key: 'ew_6_17', name: '6 bis 17 Jahre', range: { from: 6, to: 18 } },
  { key: 'ew_65plus', name: '65 Jahre und älter', range: { from: 65, to: null } },
  { key: 'ew_80plus', name: '80 Jahre und älter', range: { from: 80, to: null } },
  { key: 'ew', name: 'insgesamt', range: { from: 0, to: null } },
];

/** The reported age groups of one year. */
export function reportedGroups(bands: readonly number[]): Record<string, number> {
  return Object.fromEntries(REPORTED_GROUPS.map((g) => [g.key, residentsIn(bands, g.range)]));
}
