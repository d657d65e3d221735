/** Histogram and boxplots per parent area of the current indicator (ECharts options, pure). */
import { formatNumber } from '../../core/format.ts';
import type { AreaPoint, BoxGroup } from './chart-data.ts';
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
import { binOf, histogram, type Bin } from './stats.ts';
import { at } from './texts.ts';

/**
 * A bin edge in German with no more decimals than it needs (edges are nice numbers).
 * @example edgeText(12.5, 1) // '12,5'; edgeText(100, 1) // '100'
 */
export const edgeText = (x: number, decimals: number) =>
  formatNumber(x, decimals + 1)
    .replace(/(,\d*?)0+$/, '$1')
    .replace(/,$/, '');

const binLabel = (ind: ChartIndicator, b: Bin, last: boolean) =>
  (last ? at.charts.lastBin : at.charts.bin)(
    edgeText(b.x0, ind.decimals),
    edgeText(b.x1, ind.decimals),
    b.count,
  );

/** Position of a value on a category axis of bins: bin i spans i − 0.5 … i + 0.5. */
export function binPosition(bins: readonly Bin[], value: number): number | null {
  const i = binOf(bins, value);
  if (i < 0) return null;
  const b = bins[i]!;
  return b.x1 > b.x0 ? i - 0.5 + (value - b.x0) / (b.x1 - b.x0) : i;
}

/**
 * Histogram of the visible areas' values with the city value marked; hovering an area elsewhere
 * highlights its bin.
 */
export function histogramChart(
  ind: ChartIndicator,
  points: readonly AreaPoint[],
  city: number | null,
  selected: ReadonlySet<string>,
): ChartModel {
  const bins = histogram(points.map((p) => p.value));
  const binOfArea = new Map(points.map((p) => [p.id, binOf(bins, p.value)]));
  const selectedBins = new Set([...selected].map((id) => binOfArea.get(id)).filter((i) => i !== undefined));
  const labels = bins.map((b) => `${edgeText(b.x0, ind.decimals)}–${edgeText(b.x1, ind.decimals)}`);
  const cityAt = city === null ? null : binPosition(bins, city);
  const { idAt } = itemIndex([]);
  return {
    idAt,
    find: (id) => {
      const i = binOfArea.get(id);
      return i === undefined || i < 0 ? [] : [{ seriesIndex: 0, dataIndex: i }];
    },
    description: at.charts.describeHistogram(
      ind.name,
      bins.map((b, i) => binLabel(ind, b, i === bins.length - 1)).join('; '),
    ),
    option: {
      ...base,
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const i = (Array.isArray(p) ? p[0] : p)?.dataIndex ?? -1;
          const b = bins[i];
          return b ? escapeHtml(binLabel(ind, b, i === bins.length - 1)) : '';
        },
      },
      xAxis: {
        type: 'category',
        data: labels,
        name: ind.unit,
        nameGap: 4,
        axisLabel: { color: COLORS.axis, fontSize: 11 },
        axisTick: { alignWithLabel: false },
      },
      yAxis: {
        type: 'value',
        minInterval: 1,
        name: at.charts.count,
        nameTextStyle: { align: 'left', color: COLORS.axis },
        axisLabel: { color: COLORS.axis, fontSize: 11 },
        splitLine: { lineStyle: { color: COLORS.split } },
      },
      series: [
        {
          type: 'bar',
          barCategoryGap: '4%',
          data: bins.map((b, i) => ({
            value: b.count,
            itemStyle: { color: selectedBins.has(i) ? COLORS.selected : COLORS.bar },
          })),
          emphasis: { itemStyle: { color: COLORS.emphasis } },
          markLine:
            cityAt === null || city === null
              ? undefined
              : {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: COLORS.city, type: 'dashed', width: 2 },
                  label: { formatter: `${at.charts.city} ${valueText(ind, city)}`, color: COLORS.city },
                  data: [{ xAxis: cityAt }],
                },
        },
      ],
    },
  };
}

/**
 * Boxplot per parent area (Tukey whiskers), with every visible area as a point over its box so
 * an area can be pointed at and highlighted; the city value as a line.
 */
export function boxplotChart(
  ind: ChartIndicator,
  groups: readonly BoxGroup[],
  city: number | null,
  selected: ReadonlySet<string>,
): ChartModel {
  const members = groups.flatMap((g, i) => g.members.map((m) => ({ ...m, group: i })));
  const index = itemIndex([groups.map(() => null), members.map((m) => m.id)]);
  const fmt = (v: number) => valueText(ind, v);
  return {
    ...index,
    description: at.charts.describeBoxplot(
      ind.name,
      groups
        .map((g) => at.charts.box(g.name, g.stats.n, fmt(g.stats.median), fmt(g.stats.q1), fmt(g.stats.q3)))
        .join('; '),
    ),
    option: {
      ...base,
      grid: { left: 8, right: 16, top: 28, bottom: 8, containLabel: true },
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const item = Array.isArray(p) ? p[0] : p;
          if (!item) return '';
          if (item.seriesIndex === 1) {
            const m = members[item.dataIndex];
            return m ? `<strong>${escapeHtml(m.name)}</strong><br>${fmt(m.value)}` : '';
          }
          const g = groups[item.dataIndex];
          if (!g) return '';
          const s = g.stats;
          const t = at.charts.boxTooltip;
          return [
            `<strong>${escapeHtml(g.name)}</strong> (${s.n})`,
            `${t.max}: ${fmt(s.high)}`,
            `${t.q3}: ${fmt(s.q3)}`,
            `${t.median}: ${fmt(s.median)}`,
            `${t.q1}: ${fmt(s.q1)}`,
            `${t.min}: ${fmt(s.low)}`,
          ].join('<br>');
        },
      },
      xAxis: {
        type: 'category',
        data: groups.map((g) => g.name),
        axisLabel: { color: COLORS.axis, fontSize: 11, interval: 0, rotate: groups.length > 6 ? 30 : 0 },
      },
      yAxis: {
        type: 'value',
        scale: true,
        name: ind.unit,
        nameTextStyle: { align: 'left', color: COLORS.axis },
        axisLabel: { color: COLORS.axis, fontSize: 11, formatter: axisNumber(ind.decimals) },
        splitLine: { lineStyle: { color: COLORS.split } },
      },
      series: [
        {
          type: 'boxplot',
          data: groups.map((g) => [g.stats.low, g.stats.q1, g.stats.median, g.stats.q3, g.stats.high]),
          itemStyle: { color: COLORS.box, borderColor: COLORS.boxBorder },
          boxWidth: ['20%', '55%'],
          markLine:
            city === null
              ? undefined
              : {
                  silent: true,
                  symbol: 'none',
                  lineStyle: { color: COLORS.city, type: 'dashed', width: 2 },
                  label: {
                    formatter: `${at.charts.city} ${fmt(city)}`,
                    color: COLORS.city,
                    position: 'insideEndTop',
                  },
                  data: [{ yAxis: city }],
                },
        },
        {
          type: 'scatter',
          data: members.map((m) => ({
            value: [m.group, m.value],
            symbolSize: selected.has(m.id) ? 10 : 6,
            itemStyle: selected.has(m.id)
              ? { color: COLORS.selected, opacity: 1 }
              : { color: COLORS.point, opacity: 0.45 },
          })),
          emphasis: { scale: 1.8, itemStyle: { color: COLORS.emphasis, opacity: 1 } },
        },
      ],
    },
  };
}
