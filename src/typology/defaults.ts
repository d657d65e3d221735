/**
 * The indicators a typology starts with (pure data, no zod: the browser imports it too).
 * A classic Sozialraumtypisierung mixes social situation and population structure: transfer
 * receipt, child poverty, unemployment, single parents, young and old population, foreigners.
 */
import type { Indicator } from '../indicators/indicator.schema.ts';

export const DEFAULT_TYPOLOGY_INDICATORS = [
  'sgb2_quote',
  'kinderarmut',
  'arbeitslosenanteil',
  'alleinerziehende',
  'anteil_u18',
  'anteil_65plus',
  'auslaenderanteil',
] as const;

/** At most this many indicators in one typology, comparison or similarity search. */
export const MAX_INDICATORS = 20;

/**
 * The default selection among the indicators a user may see: the preset above, or — in a
 * catalogue without most of them — the first six rates (head counts make poor profiles).
 * @example defaultIndicatorKeys(catalogue) // ['sgb2_quote', 'kinderarmut', …]
 */
export function defaultIndicatorKeys(available: readonly Pick<Indicator, 'key' | 'formula'>[]): string[] {
  const keys = new Set(available.map((i) => i.key));
  const preset = DEFAULT_TYPOLOGY_INDICATORS.filter((k) => keys.has(k));
  if (preset.length >= 3) return preset;
  return available
    .filter((i) => i.formula !== 'count')
    .slice(0, 6)
    .map((i) => i.key);
}
