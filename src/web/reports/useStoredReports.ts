import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import { ApiError, messageOf } from '../api.ts';
import { reportsApi, type ReportMeta } from './api.ts';
import { mergeReports, runningIds } from './stored-format.ts';

/** How often a report being generated is asked for its state (ms). */
const POLL_MS = 1000;

export interface StoredReports {
  /** Stored reports, newest first; null while loading. */
  reports: ReportMeta[] | null;
  error: string | null;
  /** A report just started or regenerated: shown at once, then polled until it is done. */
  add: (meta: ReportMeta) => void;
  remove: (id: number) => void;
}

interface Loaded {
  /** The session the list belongs to: after login or logout it loads again. */
  session: string;
  reports: ReportMeta[];
  error: string | null;
}

/**
 * The stored reports of the page, loaded again after login or logout; every report still `running`
 * is polled once a second, and a finished one is announced (`onFinished`).
 */
export function useStoredReports(session: string, onFinished: (meta: ReportMeta) => void): StoredReports {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // counts answers of the poll: the next one is scheduled after each (also after a failed one)
  const [tick, setTick] = useState(0);
  const finished = useEffectEvent(onFinished);

  useEffect(() => {
    let current = true;
    reportsApi.reports().then(
      (answer) => current && setLoaded({ session, reports: answer.reports, error: null }),
      (err: unknown) => current && setLoaded({ session, reports: [], error: messageOf(err) }),
    );
    return () => {
      current = false;
    };
  }, [session]);

  const own = loaded?.session === session ? loaded : null;
  const update = useCallback(
    (change: (list: ReportMeta[]) => ReportMeta[]) =>
      setLoaded((l) => (l ? { ...l, reports: change(l.reports) } : l)),
    [],
  );

  const running = runningIds(own?.reports ?? []).join(',');
  useEffect(() => {
    if (!running) return;
    const ids = running.split(',').map(Number);
    let current = true;
    const timer = window.setTimeout(() => {
      const ask = (id: number) =>
        reportsApi.report(id).then(
          (meta) => ({ meta, gone: false }),
          // deleted meanwhile: stop asking; any other failure: ask again next time
          (err: unknown) => ({ meta: null, gone: err instanceof ApiError && err.status === 404 }),
        );
      void Promise.all(ids.map(ask)).then((answers) => {
        if (!current) return;
        const updates = answers.flatMap((a) => (a.meta ? [a.meta] : []));
        for (const u of updates) if (u.status !== 'running') finished(u);
        const gone = new Set(ids.filter((_, i) => answers[i]?.gone));
        update((list) => mergeReports(list, updates).filter((r) => !gone.has(r.id)));
        setTick((n) => n + 1);
      });
    }, POLL_MS);
    return () => {
      current = false;
      window.clearTimeout(timer);
    };
  }, [running, tick, update]);

  const add = useCallback((meta: ReportMeta) => update((list) => mergeReports(list, [meta])), [update]);
  const remove = useCallback((id: number) => update((list) => list.filter((r) => r.id !== id)), [update]);
  return { reports: own?.reports ?? null, error: own?.error ?? null, add, remove };
}
