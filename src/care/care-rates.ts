/**
 * Care need from care rates (Pflegequoten) and the care settings it splits into
 * (docs/methods.md §7, Pflegebedarf): need(t) = Σ_age population(age, t) · rate(age) · trend^(t − base year);
 * persons per setting = need · share(setting); required places = persons · (1 / occupancy) for the
 * settings that are counted in places (Pflegeheim, Tagespflege).
 *
 * Rates, shares and occupancy are data with their source (`CareAssumptions`), so a Kreis replaces
 * the federal defaults by its Land's Pflegestatistik and plans variants (rates rising or falling).
 */
import { formatNumber } from '../core/format.ts';

/** A care rate for the ages [from, to) (to null: and older), as a share (0.083 = 8.3 %). */
export interface CareRateBand {
  from: number;
  to: number | null;
  rate: number;
}

/** The settings care is given in (Pflegestatistik's categories, Tagespflege as its own). */
export const CARE_SETTINGS = ['angehoerige', 'ambulant', 'tagespflege', 'stationaer'] as const;
export type CareSetting = (typeof CARE_SETTINGS)[number];

export interface CareAssumptions {
  key: string;
  name: string;
  /** Where the rates and shares come from, printed under every table. */
  source: string;
  /** Year the rates were observed; the trend counts from here. */
  rateYear: number;
  bands: CareRateBand[];
  /** Share of the persons in need per setting; sums to 1. */
  shares: Record<CareSetting, number>;
  /** Occupancy of the settings counted in places (places needed = persons / occupancy). */
  occupancy: { stationaer: number; tagespflege: number };
  /** Yearly factor on every rate (1 = constant; 1.01 = rising 1 % a year): a scenario. */
  trend: number;
}

/** The care rate of a single age. */
export function rateAt(bands: readonly CareRateBand[], age: number): number {
  for (const b of bands) if (age >= b.from && (b.to === null || age < b.to)) return b.rate;
  return 0;
}

/**
 * Persons in need of care: Σ persons of each rate band × its rate, times the trend.
 * @param persons persons per band, in the order of `bands`
 * @param years years after the base, for the trend (0: rates as given)
 * @example careNeed([100, 100], [{ from: 0, to: 80, rate: 0.1 }, { from: 80, to: null, rate: 0.5 }]) // 60
 */
export function careNeed(
  persons: readonly number[],
  bands: readonly CareRateBand[],
  trend = 1,
  years = 0,
): number {
  return bands.reduce((s, b, i) => s + (persons[i] ?? 0) * b.rate, 0) * trend ** years;
}

export interface CareSplit {
  need: number;
  /** Persons per setting. */
  persons: Record<CareSetting, number>;
  /** Places needed in the settings counted in places. */
  places: { stationaer: number; tagespflege: number };
}

/** Splits a need into settings and the places they require. */
export function splitCare(need: number, a: Pick<CareAssumptions, 'shares' | 'occupancy'>): CareSplit {
  const persons = Object.fromEntries(CARE_SETTINGS.map((s) => [s, need * a.shares[s]])) as Record<
    CareSetting,
    number
  >;
  return {
    need,
    persons,
    places: {
      stationaer: persons.stationaer / a.occupancy.stationaer,
      tagespflege: persons.tagespflege / a.occupancy.tagespflege,
    },
  };
}

/**
 * Checks assumptions a planner entered: bands ascending and not overlapping, rates and shares
 * within 0…1, shares summing to 1, occupancy within (0, 1].
 * @returns German problem descriptions; empty when valid
 */
export function checkAssumptions(a: CareAssumptions): string[] {
  const problems: string[] = [];
  let previous = 0;
  a.bands.forEach((b, i) => {
    if (b.from < previous) problems.push(`Altersgruppe ${i + 1} überschneidet sich mit der vorigen.`);
    if (b.to !== null && b.to <= b.from)
      problems.push(`Altersgruppe ${i + 1} endet nicht nach ihrem Beginn.`);
    if (!(b.rate >= 0 && b.rate <= 1))
      problems.push(`Pflegequote der Altersgruppe ${i + 1} liegt nicht zwischen 0 und 1.`);
    previous = b.to ?? Infinity;
  });
  const sum = CARE_SETTINGS.reduce((s, k) => s + a.shares[k], 0);
  if (CARE_SETTINGS.some((k) => !(a.shares[k] >= 0)))
    problems.push('Anteile der Versorgungsarten dürfen nicht negativ sein.');
  if (Math.abs(sum - 1) > 1e-6)
    problems.push(`Anteile der Versorgungsarten ergeben ${formatNumber(sum * 100, 1)} % statt 100 %.`);
  for (const s of ['stationaer', 'tagespflege'] as const)
    if (!(a.occupancy[s] > 0 && a.occupancy[s] <= 1))
      problems.push(`Auslastung (${s}) muss über 0 und höchstens 1 sein.`);
  if (!(a.trend > 0)) problems.push('Der jährliche Faktor der Pflegequoten muss positiv sein.');
  return problems;
}
