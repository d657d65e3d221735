/** Grouping, searching and listing the indicator catalogue (pure functions). */
import type { Indicator } from '../../indicators/indicator.schema.ts';

/** Groups indicators by theme, keeping the order in which the API lists them. */
export function byTheme<T extends Pick<Indicator, 'theme'>>(indicators: readonly T[]): [string, T[]][] {
  const groups = new Map<string, T[]>();
  for (const indicator of indicators) {
    const group = groups.get(indicator.theme) ?? [];
    group.push(indicator);
    groups.set(indicator.theme, group);
  }
  return [...groups];
}

/** Lower case without accents, so „Ausländer“ is found by „auslander“ too. */
const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').toLowerCase();

/**
 * Indicators whose name, theme, key, variables, source or description contain every word of the query.
 * @example filterIndicators(list, 'sgb quote') // SGB-II-Quote, Veränderung SGB-II-Quote, …
 */
export function filterIndicators<T extends Indicator>(indicators: readonly T[], query: string): T[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...indicators];
  return indicators.filter((i) => {
    const text = fold(
      [i.name, i.theme, i.key, i.numerator, i.denominator ?? '', i.source, i.description].join(' '),
    );
    return words.every((w) => text.includes(w));
  });
}

const sortedUnique = (values: Iterable<string>) =>
  [...new Set(values)].filter(Boolean).sort((a, b) => a.localeCompare(b, 'de'));

/** Themes in use, alphabetically (suggestions for the edit form). */
export const themesOf = (indicators: readonly Indicator[]) => sortedUnique(indicators.map((i) => i.theme));

/**
 * Count series (variables) the indicators use. The API has no list of variables, so these are the
 * suggestions the form can offer; the server checks any other key on saving.
 */
export const variablesOf = (indicators: readonly Indicator[]) =>
  sortedUnique(indicators.flatMap((i) => [i.numerator, i.denominator ?? '']));

/** Formulas that compare Stichtage and need a number of years. */
export const TEMPORAL_FORMULAS = new Set<Indicator['formula']>([
  'change_pp',
  'relative_change',
  'trend_slope',
]);
