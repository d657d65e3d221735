/**
 * Yearly means of the treated areas against their comparison areas with the start year marked
 * (ECharts, loaded lazily with only the line chart, grid, tooltip, legend, mark line and the SVG
 * renderer). The page shows the same values as a table; the chart's label says them too.
 */
import { useEffect } from 'react';
import { formatNumber, withUnit } from '../../core/format.ts';
import { type LineChartOption } from '../ui/line-chart.ts';
import { useEChart } from '../ui/useEChart.ts';
import type { EffectChartData } from './effect-view.ts';
import { mt } from './texts.ts';

type Option = LineChartOption;

export interface EffectChartProps {
  data: EffectChartData;
  unit: string;
  decimals: number;
  /** The text alternative (describeEffectChart). */
  label: string;
}

// the colours of the profile's series chart: the measure's areas as the area, the comparison as the city
const TREATED_COLOR = '#1f4e79';
const COMPARISON_COLOR = '#6b7280';
const START_COLOR = '#b45309';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

function chartOption({ data, unit, decimals }: EffectChartProps): Option {
  const e = mt.effect;
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: '#1d232b' },
    grid: { left: 8, right: 24, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 18, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? withUnit(v, decimals, unit) : '–'),
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: data.years,
      axisLabel: { color: '#4b5563', fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: '#4b5563', fontSize: 11, formatter: (v: number) => formatNumber(v, decimals) },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    series: [
      {
        name: e.treatedLine,
        type: 'line',
        data: data.treated,
        color: TREATED_COLOR,
        lineStyle: { width: 2.5 },
        symbol: 'circle',
        symbolSize: 7,
        connectNulls: false,
        ...(data.start && {
          markLine: {
            silent: true,
            symbol: 'none',
            lineStyle: { color: START_COLOR, type: 'solid', width: 1.5 },
            label: {
              formatter: e.start(Number(data.start)),
              position: 'insideEndTop',
              color: '#7c2d12',
              fontSize: 11,
            },
            data: [{ xAxis: data.start }],
          },
        }),
      },
      {
        // dashed and square-marked: told apart without colour
        name: e.comparisonLine,
        type: 'line',
        data: data.comparison,
        color: COMPARISON_COLOR,
        lineStyle: { width: 2, type: 'dashed' },
        symbol: 'rect',
        symbolSize: 6,
        connectNulls: false,
      },
    ],
  };
}

export default function EffectChart(props: EffectChartProps) {
  const { ref, chartRef } = useEChart();
  const { data, unit, decimals, label } = props;
  useEffect(() => {
    chartRef.current?.setOption(chartOption({ data, unit, decimals, label }), { notMerge: true });
  }, [chartRef, data, unit, decimals, label]);
  return <div ref={ref} className="effect-chart" role="img" aria-label={label} data-testid="effect-chart" />;
}
