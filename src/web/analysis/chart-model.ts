/**
 * What every atlas chart hands the chart component: the ECharts option, which area each data
 * item stands for (hover and click), where an area is drawn (highlight from outside) and a text
 * alternative. Builders are pure, so they are tested without a browser.
 */
import type { ComposeOption } from 'echarts/core';
import type {
  BarSeriesOption,
  BoxplotSeriesOption,
  LineSeriesOption,
  RadarSeriesOption,
  ScatterSeriesOption,
} from 'echarts/charts';
import type {
  GridComponentOption,
  MarkLineComponentOption,
  RadarComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import { formatNumber, withUnit } from '../../core/format.ts';

export type ChartOption = ComposeOption<
  | BarSeriesOption
  | BoxplotSeriesOption
  | LineSeriesOption
  | RadarSeriesOption
  | ScatterSeriesOption
  | GridComponentOption
  | MarkLineComponentOption
  | RadarComponentOption
  | TooltipComponentOption
>;

export interface ItemRef {
  seriesIndex: number;
  dataIndex: number;
}

export interface ChartModel {
  option: ChartOption;
  /** Area id of a data item (null: the item stands for several areas, e.g. a histogram bin). */
  idAt: (ref: ItemRef) => string | null;
  /** Data items that show an area (for highlighting it from the map or a table). */
  find: (id: string) => ItemRef[];
  /** Text alternative for screen readers. */
  description: string;
}

/** The indicator as the charts need it. */
export interface ChartIndicator {
  name: string;
  unit: string;
  decimals: number;
}

export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';
export const COLORS = {
  bar: '#7fa3c6',
  selected: '#0b2540',
  emphasis: '#d97706',
  city: '#b45309',
  target: '#15803d',
  line: '#1f4e79',
  box: '#dbe7f3',
  boxBorder: '#1f4e79',
  point: '#4b5563',
  axis: '#4b5563',
  split: '#e5e7eb',
};

export const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

/** Number with the indicator's decimals and unit, German. */
export const valueText = (ind: ChartIndicator, value: number) => withUnit(value, ind.decimals, ind.unit);

/** Axis labels: the indicator's decimals, at most one more digit than needed. */
export const axisNumber = (decimals: number) => (v: number) => formatNumber(v, decimals);

/** Common frame of every chart: no animation (instant redraws), the app's font. */
export const base = {
  animation: false,
  textStyle: { fontFamily: FONT, color: '#1d232b' },
} as const;

/** Look-up of data items by area id, built from the ids of each series. */
export function itemIndex(
  series: readonly (readonly (string | null)[])[],
): Pick<ChartModel, 'idAt' | 'find'> {
  const where = new Map<string, ItemRef[]>();
  series.forEach((ids, seriesIndex) =>
    ids.forEach((id, dataIndex) => {
      if (id === null) return;
      const list = where.get(id);
      if (list) list.push({ seriesIndex, dataIndex });
      else where.set(id, [{ seriesIndex, dataIndex }]);
    }),
  );
  return {
    idAt: ({ seriesIndex, dataIndex }) => series[seriesIndex]?.[dataIndex] ?? null,
    find: (id) => where.get(id) ?? [],
  };
}
