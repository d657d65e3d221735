/**
 * The analysis tools under the atlas map: linked charts (loaded lazily once the map is on screen)
 * and the statistics table. Charts and table follow a new indicator, year or level only after
 * the map shows it, so that switching stays instant.
 */
import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import type { Indicator, IndicatorValues } from '../api.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { analysisApi } from './analysis-api.ts';
import type { AtlasAnalysis } from './useAtlasAnalysis.ts';
import { secondIndicator } from './choices.ts';
import { StatisticsTable } from './StatisticsTable.tsx';
import { at } from './texts.ts';
import type { AnalysisView } from './view-params.ts';
import './analysis.css';

const AnalysisCharts = lazy(() => import('./AnalysisCharts.tsx'));
const Table = memo(StatisticsTable);

/** Charts follow a new choice this long after the map showed it (no redraws while switching). */
const SETTLE_MS = 250;
/** Charts wait at most this long for the map (e.g. without WebGL it never reports). */
const MAP_WAIT_MS = 1500;

// requestIdleCallback where the browser has it (not Safari), else the next task
const whenIdle = (run: () => void): number =>
  typeof requestIdleCallback === 'function'
    ? requestIdleCallback(run, { timeout: 500 })
    : window.setTimeout(run, 0);
const cancelIdle = (handle: number) =>
  typeof cancelIdleCallback === 'function' ? cancelIdleCallback(handle) : clearTimeout(handle);

interface AnalysisSectionProps {
  indicator: Indicator;
  indicators: readonly Indicator[];
  /** Values on screen (or loading). */
  values: IndicatorValues | undefined;
  /** The map shows `values` (the current choice). */
  ready: boolean;
  analysis: AtlasAnalysis;
  view: AnalysisView;
  parentLevel: { key: string; name: string } | null;
  openArea: string | null;
  highlightId: string | null;
  onView: (change: Partial<AnalysisView>) => void;
  onHover: (id: string | null) => void;
  /** Open an area, or (additive) toggle it in the selection. */
  onSelect: (id: string, additive: boolean) => void;
}

interface Settled {
  indicator: Indicator;
  values: IndicatorValues;
  visible: ReadonlySet<string> | null;
}

export function AnalysisSection(props: AnalysisSectionProps) {
  const { indicator, values, ready, analysis, view, highlightId } = props;

  // What charts and table show. They follow new values only once the map shows them and the
  // choice has rested a moment (then in an idle moment of the browser), so that switching
  // indicator or year quickly stays as fast as without charts. Filters apply at once.
  const [settled, setSettled] = useState<Settled | null>(null);
  const [rested, setRested] = useState<IndicatorValues | null>(null);
  const current = values && values.indicator === indicator.key ? values : undefined;
  useEffect(() => {
    if (!current) return;
    let idle: number | undefined;
    const timer = setTimeout(
      () => {
        idle = whenIdle(() => setRested(current));
      },
      ready ? SETTLE_MS : MAP_WAIT_MS,
    );
    return () => {
      clearTimeout(timer);
      if (idle !== undefined) cancelIdle(idle);
    };
  }, [current, ready]);
  if (
    current &&
    rested === current &&
    (settled?.values !== current || settled.indicator !== indicator || settled.visible !== analysis.visible)
  )
    setSettled({ indicator, values: current, visible: analysis.visible });

  const parentNames = useFetched(props.parentLevel?.key ?? null, () =>
    analysisApi.areas(props.parentLevel!.key),
  );
  const names = useMemo(
    () => new Map((parentNames.latest ?? []).map((a) => [a.id, a.name])),
    [parentNames.latest],
  );

  const selected = useMemo(
    () => new Set([...view.areas, ...(props.openArea ? [props.openArea] : [])]),
    [view.areas, props.openArea],
  );
  const { onView, onSelect } = props;
  const second = settled && secondIndicator(props.indicators, settled.indicator, view.indicator2);
  const candidates = useMemo(
    () => settled?.values.values.filter((v) => settled.visible === null || settled.visible.has(v.id)) ?? [],
    [settled],
  );
  const isSelection = view.areas.length > 0;
  const request = useMemo(
    () =>
      settled && {
        indicators: [settled.indicator.key, ...(second ? [second.key] : [])],
        level: settled.values.level,
        date: settled.values.date,
        areas: isSelection ? view.areas : settled.visible ? candidates.map((v) => v.id) : [],
      },
    [settled, second, isSelection, view.areas, candidates],
  );
  // stable callbacks: charts and table are memoised and must not redraw on every atlas render
  const onIndicator2 = useCallback((key: string) => onView({ indicator2: key }), [onView]);
  const onOpen = useCallback((id: string) => onSelect(id, false), [onSelect]);
  const onAdd = useCallback((id: string) => onView({ areas: [...view.areas, id] }), [onView, view.areas]);
  const onRemove = useCallback(
    (id: string) => onView({ areas: view.areas.filter((a) => a !== id) }),
    [onView, view.areas],
  );
  const onClear = useCallback(() => onView({ areas: [] }), [onView]);
  // Charts (their code and their drawing) and table wait until this part is scrolled near: the
  // atlas opens and switches without them. Watching starts once the map is drawn: before, the
  // page above is still short and this part would count as near on the first paint.
  const [section, setSection] = useState<HTMLElement | null>(null);
  const near = useNear(ready ? section : null);

  return (
    <section className="analysis" aria-label={at.section} data-testid="analysis" ref={setSection}>
      {!settled || !request || !near ? (
        <ChartsPlaceholder />
      ) : (
        <>
          <ErrorBoundary fallback={<p className="alert">{at.charts.failed}</p>}>
            <Suspense fallback={<ChartsPlaceholder />}>
              <AnalysisCharts
                indicator={settled.indicator}
                indicators={props.indicators}
                values={settled.values}
                visible={settled.visible}
                parentOf={analysis.parentOf}
                parentNames={names}
                parentLevelName={props.parentLevel?.name ?? null}
                selected={selected}
                profileArea={props.openArea ?? view.areas[0] ?? null}
                highlightId={highlightId}
                indicator2={view.indicator2}
                onIndicator2={onIndicator2}
                onHover={props.onHover}
                onSelect={onSelect}
              />
            </Suspense>
          </ErrorBoundary>
          <Table
            request={request}
            candidates={candidates}
            isSelection={isSelection}
            highlightId={highlightId}
            openArea={props.openArea}
            onHover={props.onHover}
            onOpen={onOpen}
            onAdd={onAdd}
            onRemove={onRemove}
            onClear={onClear}
          />
        </>
      )}
    </section>
  );
}

/** Room for charts and table until they are drawn, so the page does not jump. */
function ChartsPlaceholder() {
  return (
    <div className="analysis-charts analysis-charts--placeholder">
      <h2 className="analysis-charts__title">{at.charts.region}</h2>
      <p className="notice">{at.charts.loading}</p>
    </div>
  );
}

/** Becomes true (and stays) once `element` comes within 400 px of the viewport. */
function useNear(element: Element | null): boolean {
  const [near, setNear] = useState(false);
  useEffect(() => {
    if (!element || near) return;
    if (typeof IntersectionObserver !== 'function') return setNearSoon(setNear);
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      { rootMargin: '400px 0px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [element, near]);
  return near;
}

// without IntersectionObserver (very old browsers): draw after the first paint
const setNearSoon = (set: (near: boolean) => void) => {
  const timer = setTimeout(() => set(true), 0);
  return () => clearTimeout(timer);
};
