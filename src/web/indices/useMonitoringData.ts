/**
 * Loads what the monitoring page shows: the index result, the geometry, the
 * inhabitants (planners only) and — once the map is on screen — the robustness. Each part loads
 * on its own, so the map never waits for the Monte Carlo runs.
 */
import { useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';
import { indexApi } from './index-api.ts';
import type { Robust } from './table-rows.ts';
import type { IndexResult, RobustnessResult } from './types.ts';

/** Indicator with the inhabitants, for the population shares of the matrix cells. */
const POPULATION_INDICATOR = 'einwohner';
/** Start the robustness anyway if the map has not reported its first drawing by then (no WebGL). */
const ROBUSTNESS_FALLBACK_MS = 4000;

export const resultKeyOf = (r: Pick<IndexResult, 'index' | 'level' | 'date'>) =>
  `${r.index}|${r.level}|${r.date}`;

interface Options {
  index: string;
  level: string;
  date: string;
  /** Changes when the user logs in or out (other values become visible). */
  session: string;
  /** Planner view: inhabitants may be shown. */
  unprotected: boolean;
  hasPopulation: boolean;
  /** drawKey of the map once drawn (starts the robustness). */
  drawn: string | null;
}

export function useMonitoringData({
  index,
  level,
  date,
  session,
  unprotected,
  hasPopulation,
  drawn,
}: Options) {
  // geometry first (see prefetch.ts): the map is built while the index computes
  const geo = useFetched(level, () => api.areas(level).then((collection) => ({ level, collection })));
  const result = useFetched(`${index}|${level}|${date}#${session}`, () =>
    indexApi.result(index, level, date),
  );
  const populationValues = useFetched(
    unprotected && hasPopulation ? `${level}|${date}#${session}` : null,
    () => api.values(POPULATION_INDICATOR, level, date),
  );

  const shown = result.latest;
  const resultKey = shown ? resultKeyOf(shown) : null;
  const [timedOut, setTimedOut] = useState<string | null>(null);
  useEffect(() => {
    if (resultKey === null) return;
    const timer = setTimeout(() => setTimedOut(resultKey), ROBUSTNESS_FALLBACK_MS);
    return () => clearTimeout(timer);
  }, [resultKey]);
  const mapDone = resultKey !== null && (drawn?.startsWith(`${resultKey}|`) || timedOut === resultKey);
  const robustness = useFetched<RobustnessResult>(mapDone && shown ? `${resultKey}#${session}` : null, () =>
    indexApi.robustness(shown?.index ?? '', shown?.level ?? '', shown?.date ?? ''),
  );
  // only the robustness of the result on screen, never that of the previous choice
  const robust = robustness.latest;
  const robustFits = !!robust && !!shown && resultKeyOf(robust) === resultKey;
  const robustById = useMemo(
    () => (robustFits && robust ? new Map<string, Robust>(robust.areas.map((a) => [a.id, a])) : null),
    [robust, robustFits],
  );

  const pop = populationValues.data;
  const population = useMemo(() => {
    if (!pop || !shown || pop.level !== shown.level || pop.date !== shown.date) return null;
    const map = new Map<string, number>();
    for (const v of pop.values) if (v.value !== null) map.set(v.id, v.value);
    return map;
  }, [pop, shown]);

  return {
    result,
    geo,
    population,
    robustness: robustFits ? robust : null,
    robustById,
    robustnessLoading: !robustFits && !robustness.error,
    robustnessError: robustness.error ?? null,
    /** The result could not be computed for this Stichtag (e.g. no earlier year for the dynamics). */
    notComputable:
      (result.error instanceof ApiError && (result.error.status === 400 || result.error.status === 422)) ||
      (result.data !== undefined && !result.data.areas.some((a) => a.valid && a.code !== null)),
  };
}
