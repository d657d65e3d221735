/**
 * One ECharts chart (SVG renderer) linked to the atlas: pointing at a data item reports its area,
 * clicking opens it (with Ctrl/Cmd/Shift: adds it to the selection), and an area highlighted
 * elsewhere is highlighted here.
 */
import { useEffect, useEffectEvent, useRef } from 'react';
import { init, use as registerECharts, type ECharts } from 'echarts/core';
import { BarChart, BoxplotChart, LineChart, RadarChart, ScatterChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartModel, ItemRef } from './chart-model.ts';

registerECharts([
  BarChart,
  BoxplotChart,
  LineChart,
  RadarChart,
  ScatterChart,
  GridComponent,
  MarkLineComponent,
  RadarComponent,
  TooltipComponent,
  SVGRenderer,
]);

declare global {
  interface Window {
    /** Chart instances by name, exposed only to automated browsers (navigator.webdriver) for tests. */
    __lagebildCharts?: Record<string, ECharts>;
  }
}

export interface ChartProps {
  /** Stable name, e.g. `ranking` (test id `chart-ranking`). */
  name: string;
  model: ChartModel;
  highlightId: string | null;
  onHover: (id: string | null) => void;
  onSelect: (id: string, additive: boolean) => void;
  height?: number;
}

interface ChartEvent extends Partial<ItemRef> {
  event?: { event?: MouseEvent };
}

export default function Chart({ name, model, highlightId, height = 280, ...props }: ChartProps) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const modelRef = useRef(model);
  const hover = useEffectEvent((id: string | null) => props.onHover(id));
  const select = useEffectEvent((id: string, additive: boolean) => props.onSelect(id, additive));

  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    chartRef.current = chart;
    if (navigator.webdriver) window.__lagebildCharts = { ...window.__lagebildCharts, [name]: chart };
    const idOf = (e: ChartEvent) =>
      e.seriesIndex === undefined || e.dataIndex === undefined
        ? null
        : modelRef.current.idAt({ seriesIndex: e.seriesIndex, dataIndex: e.dataIndex });
    chart.on('mouseover', (e) => {
      const id = idOf(e as ChartEvent);
      if (id) hover(id);
    });
    chart.on('mouseout', () => hover(null));
    chart.on('click', (e) => {
      const id = idOf(e as ChartEvent);
      const mouse = (e as ChartEvent).event?.event;
      if (id) select(id, !!mouse && (mouse.ctrlKey || mouse.metaKey || mouse.shiftKey));
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
      if (window.__lagebildCharts?.[name] === chart) delete window.__lagebildCharts[name];
    };
  }, [name]);

  useEffect(() => {
    modelRef.current = model;
    chartRef.current?.setOption(model.option, { notMerge: true, lazyUpdate: false });
    // for browser tests: when a chart was drawn (compared with the map's lagebild:drawn)
    performance.mark('lagebild:chart', { detail: name });
  }, [model, name]);

  // Highlight the area pointed at elsewhere (after every redraw too: setOption clears it).
  useEffect(() => {
    const chart = chartRef.current;
    if (!chart || highlightId === null) return;
    const refs = model.find(highlightId);
    for (const r of refs) chart.dispatchAction({ type: 'highlight', ...r });
    return () => {
      if (chartRef.current !== chart) return;
      for (const r of refs) chart.dispatchAction({ type: 'downplay', ...r });
    };
  }, [model, highlightId]);

  return (
    <div
      ref={ref}
      className="analysis-chart"
      style={{ height }}
      role="img"
      aria-label={model.description}
      data-testid={`chart-${name}`}
      data-highlight={highlightId ?? ''}
    />
  );
}
