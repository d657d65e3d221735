/**
 * Line chart of one indicator over time, area against city (ECharts, loaded lazily with only the
 * line chart, grid, tooltip, legend, mark area and the SVG renderer). Points of the published
 * Prognose (`projected`) are drawn dashed and faded after the last observed one, on a band
 * labelled „Prognose“, and said as such in the tooltip and the text alternative.
 */
import { useEffect } from 'react';
import type { LineSeriesOption } from 'echarts/charts';
import { type LineChartOption } from '../ui/line-chart.ts';
import { useEChart } from '../ui/useEChart.ts';
import type { Series } from '../api.ts';
import { formatDate, formatNumber, formatValue } from '../../core/format.ts';
import { t } from '../texts.ts';
import { firstProjected, splitAt } from './series-projection.ts';
import { pt } from './texts.ts';

type Option = LineChartOption;
type SeriesPoint = Series['points'][number];
/** A point; the district value is optional (area profile: area, district and city). */
type Point = SeriesPoint & {
  districtValue?: number | null;
  districtStatus?: SeriesPoint['status'] | null;
  districtConverted?: SeriesPoint['cityConverted'];
};

export interface SeriesChartProps {
  points: readonly Point[];
  areaName: string;
  indicatorName: string;
  unit: string;
  decimals: number;
  /** Draw the city line too (not for counts: a city total dwarfs any area). */
  withCity: boolean;
  /** Name of the district (parent area): draws its line from the points' district values. */
  districtName?: string | null;
  /** Name of the city's line: the level name of the whole territory („Stadt“, „Kreis“); default „Stadt“. */
  cityName?: string;
}

const AREA_COLOR = '#1f4e79';
const CITY_COLOR = '#6b7280';
const DISTRICT_COLOR = '#b45309';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/**
 * Marks after a point's date (tooltip, text alternative): projected, or converted from an earlier
 * Gebietsstand (its counts were never observed on this area).
 */
const ahead = (p: Point) =>
  (p.projected ? ` (${pt.series.projected})` : '') +
  (p.converted ? ` (${pt.series.converted(formatDate(p.converted.from))})` : '');

/**
 * The mark of a summed value (city or district; tooltip, text alternative): summed from converted
 * counts, not the old total.
 */
const summedMark = (mark: Point['cityConverted']) =>
  mark ? ` (${pt.series.converted(formatDate(mark.from))})` : '';
const cityMark = (p: Point) => summedMark(p.cityConverted);
const districtMark = (p: Point) => summedMark(p.districtConverted);

const plotted = (value: number | null, status: Point['status']) =>
  (status === 'value' || status === 'estimated') && value !== null ? value : null;

/** Text alternative of the chart: every point with area, district and city value, each with its marks. */
export function describeSeries(props: SeriesChartProps): string {
  const { points, areaName, indicatorName, unit, decimals, districtName } = props;
  const city = props.cityName ?? t.panel.city;
  const district = (p: Point) =>
    districtName && p.districtStatus
      ? `${districtName} ${formatValue(p.districtValue ?? null, p.districtStatus, decimals, unit)}${districtMark(p)}, `
      : '';
  const list = points
    .map(
      (p) =>
        `${formatDate(p.date)}${ahead(p)}: ${formatValue(p.value, p.status, decimals, unit)} (${district(p)}${city} ${formatValue(
          p.cityValue,
          p.cityStatus,
          decimals,
          unit,
        )}${cityMark(p)})`,
    )
    .join('; ');
  return t.panel.chartLabel(indicatorName, areaName, list);
}

/**
 * The tooltip of one point (HTML): its date with its marks, then area, district and city value,
 * each summed value with its own mark.
 */
export function tooltipOf(
  point: Point,
  props: Pick<SeriesChartProps, 'areaName' | 'unit' | 'decimals' | 'districtName' | 'cityName'>,
): string {
  const { areaName, unit, decimals, districtName, cityName = t.panel.city } = props;
  return [
    `<strong>${formatDate(point.date)}</strong>${escapeHtml(ahead(point))}`,
    `${escapeHtml(areaName)}: ${formatValue(point.value, point.status, decimals, unit)}`,
    ...(districtName && point.districtStatus
      ? [
          `${escapeHtml(districtName)}: ${formatValue(point.districtValue ?? null, point.districtStatus, decimals, unit)}${escapeHtml(districtMark(point))}`,
        ]
      : []),
    `${cityName}: ${formatValue(point.cityValue, point.cityStatus, decimals, unit)}${escapeHtml(cityMark(point))}`,
  ].join('<br>');
}

function chartOption({
  points,
  areaName,
  unit,
  decimals,
  withCity,
  districtName,
  cityName = t.panel.city,
}: SeriesChartProps): Option {
  return {
    animation: false,
    textStyle: { fontFamily: FONT, color: '#1d232b' },
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 18, textStyle: { fontSize: 12 } },
    tooltip: {
      trigger: 'axis',
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        const point = points[first?.dataIndex ?? -1];
        return point ? tooltipOf(point, { areaName, unit, decimals, districtName, cityName }) : '';
      },
    },
    xAxis: {
      type: 'category',
      boundaryGap: false,
      data: points.map((p) => formatDate(p.date)),
      axisLabel: { color: '#4b5563', fontSize: 11 },
    },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { color: '#4b5563', fontSize: 11, formatter: (v: number) => formatNumber(v, decimals) },
      splitLine: { lineStyle: { color: '#e5e7eb' } },
    },
    series: [
      ...stretches(
        {
          name: areaName,
          type: 'line',
          data: points.map((p) => plotted(p.value, p.status)),
          color: AREA_COLOR,
          lineStyle: { width: 2.5 },
          symbol: 'circle',
          symbolSize: 7,
          connectNulls: false,
        },
        points,
        true,
      ),
      ...(withCity && districtName ? stretches(districtLine(points, districtName), points) : []),
      ...(withCity ? stretches(cityLine(points, cityName), points) : []),
    ],
  };
}

/**
 * A line as drawn: its observed stretch, and after it (same name, so one legend entry) the projected
 * stretch dashed and faded; the area's carries the band „Prognose“ over the projected dates.
 */
function stretches(line: LineSeriesOption, points: readonly Point[], band = false): LineSeriesOption[] {
  const from = firstProjected(points);
  if (from < 0) return [line];
  const { observed, projected } = splitAt(line.data as (number | null)[], from);
  return [
    { ...line, data: observed },
    {
      ...line,
      data: projected,
      // a solid line turns dashed; the city's dashes and the district's dots keep their pattern
      lineStyle: { ...line.lineStyle, type: line.lineStyle?.type ?? 'dashed', opacity: 0.75 },
      itemStyle: { opacity: 0.75 },
      symbol: line.symbol === 'circle' ? 'emptyCircle' : line.symbol,
      ...(band && {
        markArea: {
          silent: true,
          itemStyle: { color: 'rgba(31, 78, 121, 0.07)' },
          label: {
            show: true,
            position: 'insideTop',
            color: '#374151',
            fontSize: 11,
            formatter: pt.series.projected,
          },
          data: [[{ xAxis: formatDate(points[from]!.date) }, { xAxis: formatDate(points.at(-1)!.date) }]],
        },
      }),
    },
  ];
}

function districtLine(points: readonly Point[], name: string): LineSeriesOption {
  return {
    name,
    type: 'line',
    data: points.map((p) => (p.districtStatus ? plotted(p.districtValue ?? null, p.districtStatus) : null)),
    color: DISTRICT_COLOR,
    lineStyle: { width: 2, type: 'dotted' },
    symbol: 'triangle',
    symbolSize: 7,
    connectNulls: false,
  };
}

function cityLine(points: readonly Point[], name: string): LineSeriesOption {
  return {
    name,
    type: 'line',
    data: points.map((p) => plotted(p.cityValue, p.cityStatus)),
    color: CITY_COLOR,
    lineStyle: { width: 2, type: 'dashed' },
    symbol: 'rect',
    symbolSize: 6,
    connectNulls: false,
  };
}

export default function SeriesChart(props: SeriesChartProps) {
  const { ref, chartRef } = useEChart();

  const { points, areaName, indicatorName, unit, decimals, withCity, districtName, cityName } = props;
  useEffect(() => {
    chartRef.current?.setOption(
      chartOption({ points, areaName, indicatorName, unit, decimals, withCity, districtName, cityName }),
      { notMerge: true },
    );
  }, [chartRef, points, areaName, indicatorName, unit, decimals, withCity, districtName, cityName]);

  return (
    <div
      ref={ref}
      className="series-chart"
      role="img"
      aria-label={describeSeries(props)}
      data-testid="series-chart"
    />
  );
}
