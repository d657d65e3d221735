import { api, type AppConfig, type Indicator } from '../api.ts';

/** How many indicators before and after the current one in the list are fetched ahead. */
const INDICATOR_REACH = 2;

/**
 * Warms the cache for the likeliest next choices — every Stichtag of the current indicator, the
 * neighbouring indicators in the list and the geometry of the other levels — so that switching
 * recolours the map without waiting for the network. Starts when the browser is idle and asks for
 * one thing at a time, so a request the user makes is never stuck behind a queue of prefetches.
 * @returns a function that stops the prefetch
 */
export function prefetchValues(
  indicators: readonly Indicator[],
  indicatorKey: string,
  levels: readonly AppConfig['levels'][number][],
  level: string,
  dates: readonly string[],
  date: string,
): () => void {
  let stopped = false;
  const index = indicators.findIndex((i) => i.key === indicatorKey);
  const near = indicators.slice(Math.max(0, index - INDICATOR_REACH), index + INDICATOR_REACH + 1);
  const jobs: (() => Promise<unknown>)[] = [
    ...[...dates].reverse().map((d) => () => api.values(indicatorKey, level, d)),
    ...near.map((i) => () => api.values(i.key, level, date)),
    ...levels.map((l) => () => api.areas(l.key)),
  ];
  const run = async () => {
    for (const job of jobs) {
      if (stopped) return;
      // failures are not cached and surface when the data is really asked for
      await job().catch(() => undefined);
    }
  };
  const start = () => void run();
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(start, { timeout: 2000 });
    return () => {
      stopped = true;
      window.cancelIdleCallback(handle);
    };
  }
  const timer = window.setTimeout(start, 300);
  return () => {
    stopped = true;
    window.clearTimeout(timer);
  };
}
