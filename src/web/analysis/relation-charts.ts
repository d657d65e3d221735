/** Ranking, scatter plot with regression line, and radar profile (ECharts options, pure). */
import { formatNumber, formatValue } from '../../core/format.ts';
import type { AreaPoint, RadarAxis, ScatterPoint } from './chart-data.ts';
import {
  axisNumber,
  base,
  COLORS,
  escapeHtml,
  itemIndex,
  valueText,
  type ChartIndicator,
  type ChartModel,
} from './chart-model.ts';
import type { Regression } from './stats.ts';
import { at } from './texts.ts';

const refLine = (value: number, color: string, label: string) => ({
  yAxis: value,
  lineStyle: { color, type: 'dashed' as const, width: 2 },
  label: { formatter: label, color, position: 'insideEndTop' as const },
});

/**
 * Bars of the visible areas, highest value first, with the city value (from counts) and the
 * target value as lines.
 */
export function rankingChart(
  ind: ChartIndicator,
  ranked: readonly AreaPoint[],
  city: number | null,
  target: number | null,
  selected: ReadonlySet<string>,
): ChartModel {
  const lines = [
    ...(city === null ? [] : [refLine(city, COLORS.city, `${at.charts.city} ${valueText(ind, city)}`)]),
    ...(target === null
      ? []
      : [refLine(target, COLORS.target, `${at.charts.target} ${valueText(ind, target)}`)]),
  ];
  const top = ranked
    .slice(0, 3)
    .map((p) => `${p.name} ${valueText(ind, p.value)}`)
    .join(', ');
  return {
    ...itemIndex([ranked.map((p) => p.id)]),
    description: at.charts.describeRanking(
      ind.name,
      ranked.length,
      top,
      city === null ? '–' : valueText(ind, city),
    ),
    option: {
      ...base,
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const i = (Array.isArray(p) ? p[0] : p)?.dataIndex ?? -1;
          const a = ranked[i];
          return a
            ? `<strong>${escapeHtml(a.name)}</strong><br>Rang ${i + 1}: ${valueText(ind, a.value)}`
            : '';
        },
      },
      xAxis: {
        type: 'category',
        data: ranked.map((p) => p.name),
        axisLabel:
          ranked.length <= 24
            ? { color: COLORS.axis, fontSize: 10, interval: 0, rotate: 45 }
            : { show: false },
        axisTick: { show: false },
      },
      yAxis: {
        type: 'value',
        name: ind.unit,
        nameTextStyle: { align: 'left', color: COLORS.axis },
        axisLabel: { color: COLORS.axis, fontSize: 11, formatter: axisNumber(ind.decimals) },
        splitLine: { lineStyle: { color: COLORS.split } },
      },
      series: [
        {
          type: 'bar',
          barCategoryGap: '15%',
          data: ranked.map((p) => ({
            value: p.value,
            itemStyle: { color: selected.has(p.id) ? COLORS.selected : COLORS.bar },
          })),
          emphasis: { itemStyle: { color: COLORS.emphasis } },
          markLine: lines.length ? { silent: true, symbol: 'none', data: lines } : undefined,
        },
      ],
    },
  };
}

/**
 * German reading of a regression: „r = 0,82 (Pearson, n = 61)“ and „y = 1,42 · x + 0,30“.
 * @example regressionText({ slope: 1.4234, intercept: -0.3, r: 0.8164, n: 61 }) // ['r = 0,82 (Pearson, n = 61)', 'y = 1,42 · x − 0,30']
 */
export function regressionText(fit: Regression): [string, string] {
  const sign = fit.intercept < 0 ? '−' : '+';
  return [
    at.charts.pearson(formatNumber(fit.r, 2), fit.n),
    at.charts.line(formatNumber(fit.slope, 2), `${sign} ${formatNumber(Math.abs(fit.intercept), 2)}`),
  ];
}

/** Scatter plot of two indicators with the least-squares line over the range of x. */
export function scatterChart(
  x: ChartIndicator,
  y: ChartIndicator,
  points: readonly ScatterPoint[],
  fit: Regression | null,
  selected: ReadonlySet<string>,
): ChartModel {
  let lo = Infinity;
  let hi = -Infinity;
  for (const p of points) {
    lo = Math.min(lo, p.x);
    hi = Math.max(hi, p.x);
  }
  const line =
    fit && lo < hi
      ? [
          [lo, fit.slope * lo + fit.intercept],
          [hi, fit.slope * hi + fit.intercept],
        ]
      : [];
  return {
    ...itemIndex([points.map((p) => p.id), line.map(() => null)]),
    description: at.charts.describeScatter(
      x.name,
      y.name,
      points.length,
      fit ? regressionText(fit).join(', ') : at.charts.noRegression,
    ),
    option: {
      ...base,
      grid: { left: 8, right: 24, top: 28, bottom: 24, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          const a = item?.seriesIndex === 0 ? points[item.dataIndex] : undefined;
          return a
            ? `<strong>${escapeHtml(a.name)}</strong><br>${escapeHtml(x.name)}: ${valueText(x, a.x)}<br>${escapeHtml(y.name)}: ${valueText(y, a.y)}`
            : '';
        },
      },
      xAxis: {
        type: 'value',
        scale: true,
        name: `${x.name}${x.unit ? ` (${x.unit})` : ''}`,
        nameLocation: 'middle',
        nameGap: 24,
        nameTextStyle: { color: COLORS.axis },
        nameTruncate: { maxWidth: 320 },
        axisLabel: { color: COLORS.axis, fontSize: 11, formatter: axisNumber(x.decimals) },
        splitLine: { lineStyle: { color: COLORS.split } },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: `${y.name}${y.unit ? ` (${y.unit})` : ''}`,
        nameTextStyle: { align: 'left', color: COLORS.axis },
        nameTruncate: { maxWidth: 300 },
        axisLabel: { color: COLORS.axis, fontSize: 11, formatter: axisNumber(y.decimals) },
        splitLine: { lineStyle: { color: COLORS.split } },
      },
      series: [
        {
          type: 'scatter',
          data: points.map((p) => ({
            value: [p.x, p.y],
            symbolSize: selected.has(p.id) ? 12 : 8,
            itemStyle: selected.has(p.id)
              ? { color: COLORS.selected, opacity: 1 }
              : { color: COLORS.bar, opacity: 0.85, borderColor: '#1f4e79', borderWidth: 0.5 },
          })),
          emphasis: { scale: 1.6, itemStyle: { color: COLORS.emphasis, opacity: 1 } },
        },
        {
          type: 'line',
          data: line,
          symbol: 'none',
          silent: true,
          color: COLORS.line,
          lineStyle: { width: 2 },
        },
      ],
    },
  };
}

/**
 * Breaks a long label into lines of about `width` characters at spaces (axis names of the radar).
 * @example wrap('Leistungsberechtigte nach SGB II je 1.000 Einwohner', 20) // 'Leistungsberechtigte\nnach SGB II je 1.000\nEinwohner'
 */
export function wrap(text: string, width = 20): string {
  const lines: string[] = [];
  for (const word of text.split(' ')) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= width)
      lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/**
 * Radar of one area against the city: every axis is the deviation from the city value in SDs of
 * the level's areas, so indicators with different units share one scale (clamped to ±3).
 */
export function radarChart(areaName: string, all: readonly RadarAxis[]): ChartModel {
  // an axis without a deviation would sit on the city line and look like "as the city"
  const axes = all.filter((a) => a.deviation !== null);
  const limit = 3;
  const clamp = (v: number) => Math.max(-limit, Math.min(limit, v));
  const fmt = (a: RadarAxis, v: number | null, status: RadarAxis['status'] = 'value') =>
    formatValue(v, v === null ? (status === 'secret' ? 'secret' : 'missing') : status, a.decimals, a.unit);
  return {
    ...itemIndex([]),
    description: at.charts.describeRadar(
      areaName,
      all
        .map((a) => `${a.name} ${fmt(a, a.value, a.status)} (${at.charts.city} ${fmt(a, a.city)})`)
        .join('; '),
    ),
    option: {
      ...base,
      tooltip: {
        trigger: 'item',
        formatter: () =>
          [
            `<strong>${escapeHtml(areaName)}</strong>`,
            ...axes.map(
              (a) =>
                `${escapeHtml(a.name)}: ${fmt(a, a.value, a.status)} (${at.charts.city} ${fmt(a, a.city)}${
                  a.deviation === null ? '' : `; ${formatNumber(a.deviation, 1)} SD`
                })`,
            ),
          ].join('<br>'),
      },
      radar: {
        indicator: axes.map((a) => ({ name: wrap(a.name), min: -limit, max: limit })),
        radius: '58%',
        splitNumber: 6,
        axisName: { color: COLORS.axis, fontSize: 11 },
        splitLine: { lineStyle: { color: COLORS.split } },
        splitArea: { show: false },
      },
      series: [
        {
          type: 'radar',
          symbolSize: 5,
          data: [
            {
              name: at.charts.city,
              value: axes.map(() => 0),
              lineStyle: { color: COLORS.city, type: 'dashed', width: 2 },
              itemStyle: { color: COLORS.city },
            },
            {
              name: areaName,
              value: axes.map((a) => clamp(a.deviation ?? 0)),
              lineStyle: { color: COLORS.selected, width: 2 },
              itemStyle: { color: COLORS.selected },
              areaStyle: { color: 'rgba(31, 78, 121, 0.18)' },
            },
          ],
        },
      ],
    },
  };
}
