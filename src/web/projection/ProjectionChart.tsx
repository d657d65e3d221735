/**
 * Line of the city total per projected year (ECharts with only the line chart, grid, tooltip and
 * legend and the SVG renderer). Every point is a projection: the line is dashed and the legend
 * says „Prognose“.
 */
import { useEffect } from 'react';
import { formatNumber } from '../../core/format.ts';
import { type LineChartOption } from '../ui/line-chart.ts';
import { useEChart } from '../ui/useEChart.ts';
import { roundProjected } from './projection-table.ts';
import { pt } from './texts.ts';

type Option = LineChartOption;

export interface ProjectionChartProps {
  totals: readonly { year: number; value: number }[];
  ageGroup: string;
}

const LINE_COLOR = '#1f4e79';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Text alternative: every year with its rounded total. */
export function describeTotals({ totals, ageGroup }: ProjectionChartProps): string {
  const list = totals.map((p) => `${p.year}: ${formatNumber(roundProjected(p.value), 0)}`).join('; ');
  return pt.population.chartLabel(ageGroup, list);
}

function chartOption({ totals }: ProjectionChartProps): Option {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: '#1d232b' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 24, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v) => (typeof v === 'number' ? formatNumber(v, 0) : ''),
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: totals.map((p) => String(p.year)),
      axisLabel: { color: '#4b5563', fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: '#4b5563', fontSize: 11, formatter: (v: number) => formatNumber(v, 0) },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    series: [
      {
        name: pt.population.legend,
        type: 'line',
        data: totals.map((p) => roundProjected(p.value)),
        color: LINE_COLOR,
        lineStyle: { width: 2.5, type: 'dashed' },
        symbol: 'emptyCircle',
        symbolSize: 6,
      },
    ],
  };
}

export default function ProjectionChart(props: ProjectionChartProps) {
  const { ref, chartRef } = useEChart();
  const { totals, ageGroup } = props;
  useEffect(() => {
    chartRef.current?.setOption(chartOption({ totals, ageGroup }), { notMerge: true });
  }, [chartRef, totals, ageGroup]);
  return (
    <div
      ref={ref}
      className="projection-chart"
      role="img"
      aria-label={describeTotals(props)}
      data-testid="projection-chart"
    />
  );
}
