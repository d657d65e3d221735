/**
 * Colour schemes of the atlas: ColorBrewer sequential schemes (Brewer & Harrower, colorbrewer2.org,
 * both marked colour-blind safe), chosen per indicator polarity so that the darkest red always marks
 * the areas with the highest need for action (Handlungsbedarf).
 */
import type { Indicator } from '../indicators/indicator.schema.ts';

/** ColorBrewer YlOrRd, light to dark, for 3–5 classes. */
const YL_OR_RD: Record<3 | 4 | 5, readonly string[]> = {
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
};

/** ColorBrewer Blues, light to dark, for 3–5 classes. */
const BLUES: Record<3 | 4 | 5, readonly string[]> = {
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
};

/** Fill of areas whose value is secret (under the hatching). */
export const SECRET_FILL = '#d4d4d4';
/** Lines of the hatching drawn over secret areas. */
export const SECRET_HATCH = '#737373';
/** Fill of areas without data. */
export const MISSING_FILL = '#f4f4f4';
/** Map background where there is no area (no basemap). */
export const MAP_BACKGROUND = '#e9edf1';

function scheme(base: Record<3 | 4 | 5, readonly string[]>, n: number): string[] {
  if (n <= 0) return [];
  if (n >= 5) return [...base[5]];
  if (n >= 3) return [...base[n as 3 | 4]];
  const three = base[3];
  // one or two classes: the middle, or the two ends of the three-class scheme
  return n === 1 ? [three[1] as string] : [three[0] as string, three[2] as string];
}

/**
 * Fill colours for n ascending classes (lowest value first).
 * high_bad: YlOrRd (high = dark red); high_good: YlOrRd reversed (low = dark red); neutral: Blues.
 * @example classColors(5, 'high_good')[0] // '#bd0026'
 */
export function classColors(n: number, polarity: Indicator['polarity']): string[] {
  if (polarity === 'neutral') return scheme(BLUES, n);
  const colors = scheme(YL_OR_RD, n);
  return polarity === 'high_good' ? colors.reverse() : colors;
}
