/**
 * Primary disclosure control for published values (Geheimhaltung, docs/methods.md §6):
 * no count below the threshold, no rate whose numerator or denominator is below it, and no
 * rate at all for areas under the minimum population. Secondary suppression of the count
 * tables behind a value is done in linked-protection.ts; public outputs carry no counts.
 */
import type { Cell } from '../core/value-status.ts';
import { DEFAULT_MIN_POPULATION, DEFAULT_THRESHOLD, frequencyRule, rateRule } from '../disclosure/primary.ts';
import type { Formula } from './indicator.schema.ts';

export interface DisclosureRules {
  /** Counts below this are secret (Bundesagentur für Arbeit practice: 3). */
  minCount: number;
  /** Areas with fewer inhabitants get no published rates (monitoring practice: 300). */
  minPopulation: number;
}

export const DEFAULT_RULES: DisclosureRules = {
  minCount: DEFAULT_THRESHOLD,
  minPopulation: DEFAULT_MIN_POPULATION,
};

const SECRET: Cell = { value: null, status: 'secret' };

/**
 * The publishable version of one indicator value, by the primary rules of
 * `disclosure/primary.ts` (frequency rule for counts, rate rule for rates; zeros published).
 * An unknown population counts as too small.
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
  const options = { threshold: rules.minCount, minPopulation: rules.minPopulation };
  const secret =
    formula === 'count'
      ? num !== null && frequencyRule([{ id: 'cell', value: num }], options).size > 0
      : rateRule(
          [{ id: 'cell', numerator: num ?? 0, denominator: den ?? 0, population: population ?? 0 }],
          options,
        ).size > 0;
  return secret ? SECRET : value;
}
