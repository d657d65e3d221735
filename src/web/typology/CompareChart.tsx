/**
 * Bar chart of a comparison: A and B per indicator in SD units over the level's areas (z), so
 * that indicators of different units share one axis (ECharts, loaded lazily, SVG renderer).
 */
import { useEffect } from 'react';
import { use as registerECharts, type ComposeOption } from 'echarts/core';
import { BarChart, type BarSeriesOption } from 'echarts/charts';
import {
  GridSimpleComponent,
  LegendPlainComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import { useEChart } from '../ui/useEChart.ts';
import { formatNumber } from '../../core/format.ts';
import { tt } from './texts.ts';
import type { CompareResult } from './typology-api.ts';

registerECharts([BarChart, GridSimpleComponent, LegendPlainComponent, TooltipComponent, SVGRenderer]);

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

const A_COLOR = '#1f4e79';
const B_COLOR = '#cc6677';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
const z = (v: number | null) => (v === null ? '–' : formatNumber(v, 2));
const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Text alternative: both z-values per indicator. */
export function describeCompareChart(result: CompareResult): string {
  const list = result.rows.map((r) => `${r.name}: ${z(r.zA)} / ${z(r.zB)}`).join('; ');
  return tt.compare.chartLabel(result.a.name, result.b.name, list);
}

function chartOption(result: CompareResult): Option {
  // ECharts draws the first category at the bottom of a horizontal bar chart: reverse for reading order
  const rows = [...result.rows].reverse();
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: '#1d232b' },
    grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 18, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const r = rows[first?.dataIndex ?? -1];
        if (!r) return '';
        return [
          `<strong>${escapeHtml(r.name)}</strong>`,
          `${escapeHtml(result.a.name)}: z = ${z(r.zA)}`,
          `${escapeHtml(result.b.name)}: z = ${z(r.zB)}`,
        ].join('<br>');
      },
    },
    xAxis: {
      type: 'value',
      axisLabel: { color: '#4b5563', fontSize: 11, formatter: (v: number) => formatNumber(v, 1) },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    yAxis: {
      type: 'category',
      data: rows.map((r) => r.name),
      axisLabel: { color: '#1d232b', fontSize: 11, width: 180, overflow: 'truncate' },
    },
    series: [
      { name: result.a.name, type: 'bar', data: rows.map((r) => r.zA), color: A_COLOR, barMaxWidth: 14 },
      { name: result.b.name, type: 'bar', data: rows.map((r) => r.zB), color: B_COLOR, barMaxWidth: 14 },
    ],
  };
}

export default function CompareChart({ result }: { result: CompareResult }) {
  const { ref, chartRef } = useEChart();

  useEffect(() => {
    chartRef.current?.setOption(chartOption(result), { notMerge: true });
  }, [chartRef, result]);

  return (
    <div
      ref={ref}
      className="compare-chart"
      style={{ height: `${Math.max(160, 48 + result.rows.length * 34)}px` }}
      role="img"
      aria-label={describeCompareChart(result)}
      data-testid="compare-chart"
    />
  );
}
