/**
 * Colour schemes of the atlas: ColorBrewer sequential schemes (Brewer & Harrower, colorbrewer2.org,
 * both marked colour-blind safe), chosen per indicator polarity so that the darkest red always marks
 * the areas with the highest need for action (Handlungsbedarf).
 */
import type { Indicator } from '../../indicators/indicator.schema.ts';

type Size = 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** ColorBrewer YlOrRd, light to dark, for 3–9 classes. */
const YL_OR_RD: Record<Size, readonly string[]> = {
  3: ['#ffeda0', '#feb24c', '#f03b20'],
  4: ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'],
  5: ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'],
  6: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#f03b20', '#bd0026'],
  7: ['#ffffb2', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  8: ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#b10026'],
  9: ['#ffffcc', '#ffeda0', '#fed976', '#feb24c', '#fd8d3c', '#fc4e2a', '#e31a1c', '#bd0026', '#800026'],
};

/** ColorBrewer Blues, light to dark, for 3–9 classes. */
const BLUES: Record<Size, readonly string[]> = {
  3: ['#deebf7', '#9ecae1', '#3182bd'],
  4: ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5'],
  5: ['#eff3ff', '#bdd7e7', '#6baed6', '#3182bd', '#08519c'],
  6: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#3182bd', '#08519c'],
  7: ['#eff3ff', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  8: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#084594'],
  9: ['#f7fbff', '#deebf7', '#c6dbef', '#9ecae1', '#6baed6', '#4292c6', '#2171b5', '#08519c', '#08306b'],
};

/** Fill of areas whose value is secret (under the hatching). */
export const SECRET_FILL = '#d4d4d4';
/** Lines of the hatching drawn over secret areas. */
export const SECRET_HATCH = '#737373';
/** Fill of areas without data. */
export const MISSING_FILL = '#f4f4f4';
/** Map background where there is no area (no basemap). */
export const MAP_BACKGROUND = '#e9edf1';

/** Colour at position t (0–1) along a scheme, linear in RGB (for more classes than ColorBrewer has). */
function along(colors: readonly string[], t: number): string {
  const x = t * (colors.length - 1);
  const i = Math.min(Math.floor(x), colors.length - 2);
  const [a, b] = [colors[i] as string, colors[i + 1] as string].map((c) => parseInt(c.slice(1), 16));
  const mix = (shift: number) =>
    Math.round((((a as number) >> shift) & 255) * (1 - (x - i)) + (((b as number) >> shift) & 255) * (x - i));
  return `#${((mix(16) << 16) | (mix(8) << 8) | mix(0)).toString(16).padStart(6, '0')}`;
}

function scheme(base: Record<Size, readonly string[]>, n: number): string[] {
  if (n <= 0) return [];
  if (n > 9) return Array.from({ length: n }, (_, i) => along(base[9], i / (n - 1)));
  if (n >= 3) return [...base[n as Size]];
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
