/** Which indicators the scatter plot and the radar profile offer (pure). */
import type { Indicator } from '../../indicators/indicator.schema.ts';

/** Counts compare badly between areas of different size: charts of relations use rates only. */
const comparable = (i: Pick<Indicator, 'formula'>) => i.formula !== 'count';

/**
 * The scatter plot's y indicator: the one asked for if it exists, else the first comparable one
 * of the same theme on another count, else any other comparable one; null when there is none.
 */
export function secondIndicator(
  indicators: readonly Indicator[],
  current: Indicator,
  wanted: string | null,
): Indicator | null {
  const asked = wanted === current.key ? undefined : indicators.find((i) => i.key === wanted);
  if (asked) return asked;
  const others = indicators.filter((i) => i.key !== current.key && comparable(i));
  // the same count over another base (SGB-II-Quote and SGB II je 1.000) correlates trivially
  const distinct = others.filter((i) => i.numerator !== current.numerator);
  return (
    distinct.find((i) => i.theme === current.theme) ??
    others.find((i) => i.theme === current.theme) ??
    distinct[0] ??
    others[0] ??
    null
  );
}

/** Themes that have at least `min` comparable indicators (radar axes), in catalogue order. */
export function radarThemes(indicators: readonly Indicator[], min = 3): string[] {
  const counts = new Map<string, number>();
  for (const i of indicators) if (comparable(i)) counts.set(i.theme, (counts.get(i.theme) ?? 0) + 1);
  return [...counts].filter(([, n]) => n >= min).map(([theme]) => theme);
}

/** The radar's axes: comparable indicators of a theme, at most 12 (the table API's limit). */
export function radarIndicators(indicators: readonly Indicator[], theme: string): Indicator[] {
  return indicators.filter((i) => i.theme === theme && comparable(i)).slice(0, 12);
}
