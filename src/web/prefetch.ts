import { api, type Indicator } from './api.ts';

/** How many indicators before and after the current one in the list are fetched ahead. */
const INDICATOR_REACH = 2;

/**
 * Warms the value cache for the likeliest next choices — every Stichtag of the current indicator and
 * the neighbouring indicators in the list — so that switching recolours the map without waiting for
 * the network. Runs when the browser is idle.
 * @returns a function that cancels the prefetch if it has not started yet
 */
export function prefetchValues(
  indicators: readonly Indicator[],
  indicatorKey: string,
  level: string,
  dates: readonly string[],
  date: string,
): () => void {
  const run = () => {
    const index = indicators.findIndex((i) => i.key === indicatorKey);
    const near = indicators.slice(Math.max(0, index - INDICATOR_REACH), index + INDICATOR_REACH + 1);
    const wanted: [string, string][] = [
      ...dates.map((d): [string, string] => [indicatorKey, d]),
      ...near.map((i): [string, string] => [i.key, date]),
    ];
    // failures are not cached and surface when the value is really asked for
    for (const [key, d] of wanted) api.values(key, level, d).catch(() => undefined);
  };
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(run, { timeout: 2000 });
    return () => window.cancelIdleCallback(handle);
  }
  const timer = window.setTimeout(run, 300);
  return () => window.clearTimeout(timer);
}
