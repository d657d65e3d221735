/**
 * An ECharts instance (SVG renderer, so charts print and export as vectors) bound to a div: created
 * on mount, resized with its element, disposed on unmount. Charts register their own modules.
 */
import { useEffect, useRef } from 'react';
import { init, type ECharts } from 'echarts/core';

export function useEChart() {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const chart = init(element, null, { renderer: 'svg' });
    chartRef.current = chart;
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element);
    return () => {
      observer.disconnect();
      chart.dispose();
      chartRef.current = null;
    };
  }, []);
  return { ref, chartRef };
}
