/**
 * The criterion behind the number of types: mean silhouette per k (left axis) and the
 * within-cluster sum of squares for the elbow view (right axis), the chosen k marked (ECharts,
 * loaded lazily with the SVG renderer).
 */
import { useEffect } from 'react';
import { type LineChartOption } from '../ui/line-chart.ts';
import { useEChart } from '../ui/useEChart.ts';
import { formatNumber } from '../../core/format.ts';
import { tt } from './texts.ts';
import type { ClustersResult } from './typology-api.ts';

type Option = LineChartOption;

export interface CriterionChartProps {
  criterion: ClustersResult['criterion'];
  k: number;
}

const SILHOUETTE_COLOR = '#1f4e79';
const WCSS_COLOR = '#8a5a00';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Text alternative: every k with both numbers. */
export function describeCriterion({ criterion, k }: CriterionChartProps): string {
  const list = criterion
    .map((c) => tt.typology.criterionRow(c.k, formatNumber(c.silhouette, 3), formatNumber(c.wcss, 1)))
    .join('; ');
  return tt.typology.criterionLabel(list, k);
}

function chartOption({ criterion, k }: CriterionChartProps): Option {
  const ks = criterion.map((c) => String(c.k));
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: '#1d232b' },
    grid: { left: 8, right: 8, top: 36, bottom: 24, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 18, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const c = criterion[first?.dataIndex ?? -1];
        if (!c) return '';
        return [
          `<strong>k = ${c.k}${c.k === k ? ` (${tt.typology.chosen})` : ''}</strong>`,
          `${tt.typology.silhouette}: ${formatNumber(c.silhouette, 3)}`,
          `${tt.typology.wcss}: ${formatNumber(c.wcss, 1)}`,
        ].join('<br>');
      },
    },
    xAxis: {
      type: 'category',
      name: tt.typology.kAxis,
      nameLocation: 'middle',
      nameGap: 26,
      nameTextStyle: { color: '#4b5563', fontSize: 11 },
      data: ks,
      axisLabel: { color: '#4b5563', fontSize: 11 },
    },
    yAxis: [
      {
        type: 'value',
        scale: true,
        axisLabel: { color: SILHOUETTE_COLOR, fontSize: 11, formatter: (v: number) => formatNumber(v, 2) },
        splitLine: { lineStyle: { color: '#e5e7eb' } },
      },
      {
        type: 'value',
        scale: true,
        axisLabel: { color: WCSS_COLOR, fontSize: 11, formatter: (v: number) => formatNumber(v, 0) },
        splitLine: { show: false },
      },
    ],
    series: [
      {
        name: tt.typology.silhouette,
        type: 'line',
        yAxisIndex: 0,
        data: criterion.map((c) => ({
          value: c.silhouette,
          symbolSize: c.k === k ? 14 : 7,
          itemStyle: c.k === k ? { borderColor: '#1d232b', borderWidth: 2 } : undefined,
        })),
        color: SILHOUETTE_COLOR,
        lineStyle: { width: 2.5 },
        symbol: 'circle',
        markLine: {
          silent: true,
          symbol: 'none',
          label: { formatter: `${tt.typology.chosen}: k = ${k}`, position: 'end', fontSize: 11 },
          lineStyle: { color: '#1d232b', type: 'dashed', width: 1.5 },
          data: [{ xAxis: String(k) }],
        },
      },
      {
        name: tt.typology.wcss,
        type: 'line',
        yAxisIndex: 1,
        data: criterion.map((c) => c.wcss),
        color: WCSS_COLOR,
        lineStyle: { width: 2, type: 'dashed' },
        symbol: 'rect',
        symbolSize: 6,
      },
    ],
  };
}

export default function CriterionChart(props: CriterionChartProps) {
  const { ref, chartRef } = useEChart();

  const { criterion, k } = props;
  useEffect(() => {
    chartRef.current?.setOption(chartOption({ criterion, k }), { notMerge: true });
  }, [chartRef, criterion, k]);

  return (
    <div
      ref={ref}
      className="criterion-chart"
      role="img"
      aria-label={describeCriterion(props)}
      data-testid="criterion-chart"
      data-k={k}
    />
  );
}
