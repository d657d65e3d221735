/**
 * Figures of the report model as inline SVG (vector graphics for screen, print and PDF): the
 * choropleth with the area highlighted and the line chart of a series. Deterministic output
 * (fixed rounding) so the report HTML can be compared with golden files.
 */
import { formatNumber } from '../core/format.ts';
import type { ReportChart, ReportMap } from './report-model.ts';
import { escapeHtml } from '../core/html.ts';

/** ColorBrewer Reds (Brewer & Harrower, colorbrewer2.org), light → dark, for 3–9 map classes. */
const REDS: Record<number, readonly string[]> = {
  3: ['#fee0d2', '#fc9272', '#de2d26'],
  4: ['#fee5d9', '#fcae91', '#fb6a4a', '#cb181d'],
  5: ['#fee5d9', '#fcae91', '#fb6a4a', '#de2d26', '#a50f15'],
  6: ['#fee5d9', '#fcbba1', '#fc9272', '#fb6a4a', '#de2d26', '#a50f15'],
  7: ['#fee5d9', '#fcbba1', '#fc9272', '#fb6a4a', '#ef3b2c', '#cb181d', '#99000d'],
  8: ['#fff5f0', '#fee0d2', '#fcbba1', '#fc9272', '#fb6a4a', '#ef3b2c', '#cb181d', '#99000d'],
  9: ['#fff5f0', '#fee0d2', '#fcbba1', '#fc9272', '#fb6a4a', '#ef3b2c', '#cb181d', '#a50f15', '#67000d'],
};

/** The colours of `k` map classes, light → dark (1–2 classes take the darker end of three). */
export const classColours = (k: number): readonly string[] =>
  REDS[Math.min(9, Math.max(3, k))]!.slice(k < 3 ? 3 - k : 0);

/** Sequential colours (light → dark) for the five map classes of a report; grey for no value or secret. */
export const CLASS_COLOURS = classColours(5);
export const NO_VALUE_COLOUR = '#d9d9d9';
/** The area's own line and the city line; district lines take DISTRICT_COLOURS in order. */
export const SERIES_COLOURS = { area: '#b2182b', city: '#4d4d4d' } as const;
/**
 * Qualitative palette for up to 12 district lines of a city chart (Tableau 20, lightened pairs
 * last), none close to the area's red or the city's grey; from the 13th on colours repeat dashed.
 */
export const DISTRICT_COLOURS = [
  '#2166ac',
  '#ff7f0e',
  '#2ca02c',
  '#9467bd',
  '#8c564b',
  '#e377c2',
  '#17becf',
  '#bcbd22',
  '#08306b',
  '#fdae6b',
  '#74c476',
  '#c5b0d5',
];

type Series = ReportChart['series'][number];

/** Colour and dash of every series: districts get the palette in order of appearance. */
function seriesStyles(series: readonly Series[]): { colour: string; dash: string | null }[] {
  let k = 0;
  return series.map((s) => {
    if (s.role !== 'district')
      return { colour: SERIES_COLOURS[s.role], dash: s.role === 'city' ? '1.5 1' : null };
    const i = k++;
    return {
      colour: DISTRICT_COLOURS[i % DISTRICT_COLOURS.length]!,
      dash: i >= DISTRICT_COLOURS.length ? '3 0.8' : null,
    };
  });
}

/** Fill of class `cls` of a map with `classes` classes; grey for no value or secret. */
export const classColour = (cls: number | null, classes = 5) =>
  cls === null ? NO_VALUE_COLOUR : (classColours(classes)[cls] ?? NO_VALUE_COLOUR);

/** The choropleth: every area filled by class, the report's area outlined on top. */
export function mapSvg(map: ReportMap): string {
  const shapes = map.shapes
    .filter((s) => !s.highlight)
    .map(
      (s) =>
        `<path d="${s.path}" fill="${classColour(s.cls, map.classes)}"><title>${escapeHtml(s.name)}</title></path>`,
    );
  const own = map.shapes
    .filter((s) => s.highlight)
    .map(
      (s) =>
        `<path d="${s.path}" fill="${classColour(s.cls, map.classes)}" stroke="#000" stroke-width="0.9"><title>${escapeHtml(s.name)}</title></path>`,
    );
  return (
    // 1 unit of margin so that the outline of an area on the edge is not cut off
    `<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="-1 -1 ${map.width + 2} ${map.height + 2}" ` +
    `role="img" aria-label="${escapeHtml(map.title)}">` +
    `<g stroke="#fff" stroke-width="0.25" stroke-linejoin="round">${shapes.join('')}</g>${own.join('')}</svg>`
  );
}

/** Legend of the map as HTML (colour swatch + German class label). */
export function mapLegend(map: ReportMap): string {
  return (
    '<ul class="legend">' +
    map.legend
      .map(
        (l) =>
          `<li><span class="swatch" style="background:${classColour(l.cls, map.classes)}"></span>${escapeHtml(l.label)}</li>`,
      )
      .join('') +
    '</ul>'
  );
}

/** A "nice" step (1, 2, 2.5, 5 × 10^n) for about `count` axis ticks. */
function niceStep(span: number, count: number): number {
  const raw = span / Math.max(count, 1);
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * magnitude >= raw) ?? 10;
  return step * magnitude;
}

/** Line chart: one line per series over the Stichtage, y axis with German tick labels. */
export function chartSvg(chart: ReportChart): string {
  const [W, H, left, right, top, bottom] = [160, 70, 14, 4, 4, 10];
  const values = chart.series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  if (!values.length)
    return `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}"><text x="${W / 2}" y="${H / 2}" text-anchor="middle" font-size="4">keine Werte</text></svg>`;
  let [lo, hi] = [Math.min(...values), Math.max(...values)];
  if (hi === lo) [lo, hi] = [lo - 1, hi + 1];
  const step = niceStep(hi - lo, 4);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  const n = chart.labels.length;
  const x = (i: number) => left + (n > 1 ? (i * (W - left - right)) / (n - 1) : (W - left - right) / 2);
  const y = (v: number) => top + ((hi - v) * (H - top - bottom)) / (hi - lo);
  const r = (v: number) => v.toFixed(2);
  const decimals = Math.max(0, -Math.floor(Math.log10(step) + 1e-9));
  const parts: string[] = [];
  for (let t = lo; t <= hi + step / 2; t += step)
    parts.push(
      `<line x1="${left}" x2="${W - right}" y1="${r(y(t))}" y2="${r(y(t))}" stroke="#ddd" stroke-width="0.2"/>` +
        `<text x="${left - 1.5}" y="${r(y(t) + 1.2)}" text-anchor="end">${formatNumber(t, decimals)}</text>`,
    );
  chart.labels.forEach((label, i) =>
    parts.push(`<text x="${r(x(i))}" y="${H - bottom + 5}" text-anchor="middle">${escapeHtml(label)}</text>`),
  );
  const styles = seriesStyles(chart.series);
  chart.series.forEach((s, k) => {
    // gaps (secret or missing) break the line instead of bridging it
    let d = '';
    let open = false;
    s.values.forEach((v, i) => {
      if (v === null) return void (open = false);
      d += `${open ? 'L' : 'M'}${r(x(i))} ${r(y(v))}`;
      open = true;
    });
    const width = s.role === 'area' ? 0.9 : 0.5;
    const { colour, dash } = styles[k]!;
    parts.push(
      `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${width}"` +
        `${dash ? ` stroke-dasharray="${dash}"` : ''}/>`,
    );
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${W} ${H}" role="img" ` +
    `aria-label="${escapeHtml(chart.title)}" font-family="Arial, sans-serif" font-size="3" fill="#333">` +
    `${parts.join('')}</svg>`
  );
}

/** Legend of the chart as HTML, in the colours and dashes of the lines. */
export function chartLegend(chart: ReportChart): string {
  const styles = seriesStyles(chart.series);
  return (
    '<ul class="legend">' +
    chart.series
      .map((s, k) => {
        const { colour, dash } = styles[k]!;
        return (
          `<li><span class="line ${s.role}${dash && s.role !== 'city' ? ' dashed' : ''}" style="border-color:${colour}"></span>` +
          `${escapeHtml(s.name)}</li>`
        );
      })
      .join('') +
    '</ul>'
  );
}

/** Line colour of each series (for the Word legend and for tests that look for the lines). */
export const chartColours = (chart: ReportChart): string[] => seriesStyles(chart.series).map((s) => s.colour);
