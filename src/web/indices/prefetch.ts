/**
 * When the app opens directly on the monitoring page, the index result and the geometry start
 * loading at once, in parallel with the configuration and indicator list App waits for before it
 * renders any page. The page later finds both in the per-URL cache (cachedGet).
 */
import { api } from '../api.ts';
import { indexApi } from './index-api.ts';
import { readMonitoringState } from './monitoring-url.ts';
import { defaultDate } from '../ui/dates.ts';

/** The index the monitoring page opens with (docs/methods.md §3). */
export const DEFAULT_INDEX = 'berlin_mss';

/** Starts the requests of the first view (the choice App and the page make: finest level, latest Stichtag). */
export function prefetchMonitoring(): void {
  const state = readMonitoringState(window.location.search);
  api.config().then(
    (config) => {
      const levels = config.levels
        .filter((l) => l.rank >= 1 && l.areaCount > 0)
        .sort((a, b) => a.rank - b.rank);
      const level = levels.find((l) => l.key === state.level) ?? levels.at(-1);
      const date = state.date && config.dates.includes(state.date) ? state.date : defaultDate(config);
      if (!level || !date) return;
      // geometry first: it is one quick query, so the map can be built while the index computes
      // (the embedded database answers one query after the other); failures are not cached, the
      // page asks again and shows the error
      api.areas(level.key).catch(() => undefined);
      indexApi.result(state.index ?? DEFAULT_INDEX, level.key, date).catch(() => undefined);
    },
    () => undefined,
  );
}
