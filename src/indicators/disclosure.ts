/**
 * Primary disclosure control for published values (Geheimhaltung, METHODS.md §6):
 * no count below the threshold, no rate whose numerator or denominator is below it, and no
 * rate at all for areas under the minimum population. Secondary suppression and the LP audit
 * come with the data issue; until then public outputs carry no counts, only protected rates.
 */
import type { Cell } from './aggregate.ts';
import type { Formula } from './indicator.schema.ts';

export interface DisclosureRules {
  /** Counts below this are secret (Bundesagentur für Arbeit practice: 3). */
  minCount: number;
  /** Areas with fewer inhabitants get no published rates (monitoring practice: 300). */
  minPopulation: number;
}

export const DEFAULT_RULES: DisclosureRules = { minCount: 3, minPopulation: 300 };

const SECRET: Cell = { value: null, status: 'secret' };

/**
 * The publishable version of an indicator value.
 * @param value the computed value
 * @param num numerator count, den denominator count, population inhabitants of the area
 * @example protect('share', {value: 50, status:'value'}, 1, 2, 2000) // secret: numerator 1 < 3
 */
export function protect(
  formula: Formula,
  value: Cell,
  num: number | null,
  den: number | null,
  population: number | null,
  rules: DisclosureRules = DEFAULT_RULES,
): Cell {
  if (value.status === 'missing' || value.status === 'secret') return value;
  // Zero is published ("-" in BA tables): only 1 … threshold−1 cases are secret.
  if (num !== null && num > 0 && num < rules.minCount) return SECRET;
  if (formula === 'count') return value;
  if (den !== null && den > 0 && den < rules.minCount) return SECRET;
  if (population === null || population < rules.minPopulation) return SECRET;
  return value;
}
