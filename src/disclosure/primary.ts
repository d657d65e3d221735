/**
 * Primary suppression (primäre Geheimhaltung): which values are secret by themselves.
 *
 * - Frequency rule (sdcTable `freq`, τ-Argus "minimum frequency"): a count below the threshold
 *   is secret. Threshold 3 follows the Statistik der Bundesagentur für Arbeit, which treats 1 and
 *   2 as secret and publishes 0 as "-". Zeros are therefore published by default
 *   (`suppressZero: false`): an empty cell names no person. Set `suppressZero` where the absence
 *   of cases is itself sensitive (e.g. "no recipient in this house block").
 * - Rates (Quoten): secret when numerator or denominator is below the threshold, when a count
 *   they are computed from is secret (rate × denominator would give it back), or when the area
 *   has fewer inhabitants than the minimum population (monitoring practice: 300, docs/methods.md §6).
 *
 * Every function is pure and returns the suppressed ids with a German reason each.
 */
import { reasons } from './messages.ts';
import type { SdcCell } from './table.ts';

/** Suppressed cell ids with the reason shown to people. */
export type Suppressions = Map<string, string>;

export interface FrequencyRuleOptions {
  /** Counts below this are secret. Default 3 (Bundesagentur für Arbeit). */
  threshold?: number;
  /** Hide zeros too. Default false: 0 is published (BA: "-"). */
  suppressZero?: boolean;
}

export const DEFAULT_THRESHOLD = 3;
export const DEFAULT_MIN_POPULATION = 300;

/**
 * Frequency rule on the counts of a table (totals included: a total below the threshold is
 * as telling as a cell).
 * @param cells the table's cells; `value` is the number of cases
 * @returns suppressed ids → reason, e.g. `'sr-4|w_85+' → 'Fallzahl unter 3'`
 * @example frequencyRule([{ id: 'a', value: 2 }, { id: 'b', value: 0 }, { id: 'c', value: 7 }])
 *   // Map { 'a' => 'Fallzahl unter 3' }
 */
export function frequencyRule(cells: readonly SdcCell[], options: FrequencyRuleOptions = {}): Suppressions {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const out: Suppressions = new Map();
  for (const cell of cells) {
    if (isSmallCount(cell.value, threshold, options.suppressZero ?? false)) {
      out.set(cell.id, cell.value === 0 ? reasons.zeroCount() : reasons.countBelow(threshold));
    }
  }
  return out;
}

function isSmallCount(value: number, threshold: number, suppressZero: boolean): boolean {
  return value < threshold && (value !== 0 || suppressZero);
}

/** A rate (Quote, Anteil) to be published for an area: numerator / denominator. */
export interface RateCell {
  id: string;
  numerator: number;
  denominator: number;
  /** Inhabitants of the area; checked against `minPopulation` when given. */
  population?: number;
  /** Id of the numerator's count cell in a protected count table. */
  numeratorCell?: string;
  /** Id of the denominator's count cell in a protected count table. */
  denominatorCell?: string;
}

export interface RateRuleOptions extends FrequencyRuleOptions {
  /** Areas with fewer inhabitants get no rates. Default 300. */
  minPopulation?: number;
  /** Cells that are secret in the count table (primary and secondary), by id. */
  secret?: ReadonlySet<string> | ReadonlyMap<string, unknown>;
}

/**
 * Rates that must not be published. A denominator below the threshold is always secret
 * (including 0, where no rate exists); a numerator of 0 only with `suppressZero`.
 * @example rateRule([{ id: 'sr-1', numerator: 1, denominator: 80, population: 900 }])
 *   // Map { 'sr-1' => 'Zähler unter 3' }
 */
export function rateRule(rates: readonly RateCell[], options: RateRuleOptions = {}): Suppressions {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  const minPopulation = options.minPopulation ?? DEFAULT_MIN_POPULATION;
  const suppressZero = options.suppressZero ?? false;
  const out: Suppressions = new Map();
  for (const rate of rates) {
    const reason =
      rate.population !== undefined && rate.population < minPopulation
        ? reasons.populationBelow(minPopulation)
        : isSmallCount(rate.numerator, threshold, suppressZero)
          ? reasons.numeratorBelow(threshold)
          : rate.denominator < threshold
            ? reasons.denominatorBelow(threshold)
            : rate.numeratorCell !== undefined && options.secret?.has(rate.numeratorCell)
              ? reasons.numeratorSecret()
              : rate.denominatorCell !== undefined && options.secret?.has(rate.denominatorCell)
                ? reasons.denominatorSecret()
                : undefined;
    if (reason !== undefined) out.set(rate.id, reason);
  }
  return out;
}

/**
 * Areas too small for rates and indices (monitoring practice, docs/methods.md §6).
 * @example populationRule([{ id: 'sr-9', population: 120 }]) // Map { 'sr-9' => 'Gebiet mit weniger als 300 … ' }
 */
export function populationRule(
  areas: readonly { id: string; population: number }[],
  minPopulation: number = DEFAULT_MIN_POPULATION,
): Suppressions {
  return new Map(
    areas
      .filter((a) => a.population < minPopulation)
      .map((a) => [a.id, reasons.populationBelow(minPopulation)]),
  );
}
