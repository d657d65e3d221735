import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ClassificationSpec } from '../../classification/classification.schema.ts';
import { fromParam, toParam } from '../../classification/spec-text.ts';
import { classificationTexts } from '../../classification/texts.ts';
import { AnalysisFilters } from '../analysis/AnalysisFilters.tsx';
import { AnalysisSection } from '../analysis/AnalysisSection.tsx';
import { useAtlasAnalysis } from '../analysis/useAtlasAnalysis.ts';
import { EMPTY_VIEW, toggleArea, type AnalysisView } from '../analysis/view-params.ts';
import { api, type AppConfig, type Indicator } from '../api.ts';
import { buildChoropleth, type Choropleth } from '../map/choropleth.ts';
import { defaultClassification, saveDefaultClassification } from '../classification/classification-api.ts';
import { prefetchValues } from './prefetch.ts';
import { atlasDates } from './projected-dates.ts';
import { ProjectionNotice } from './ProjectionNotice.tsx';
import { PartialLevelNotice } from './PartialLevelNotice.tsx';
import { formatDate, formatValue } from '../../core/format.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';
import { readSelection, writeSelection, type Selection } from '../url-state.ts';
import { AreaTable } from './AreaTable.tsx';
import { ClassificationControl } from '../classification/ClassificationControl.tsx';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Controls } from './Controls.tsx';
import { Legend } from './Legend.tsx';
import { SidePanel } from './SidePanel.tsx';
import { defaultDate } from '../ui/dates.ts';

// MapLibre is the largest part of the app: start loading it at once, in parallel with the data.
const mapModule = import('../map/AtlasMap.tsx');
const AtlasMap = lazy(() => mapModule);
const Table = memo(AreaTable);

type Level = AppConfig['levels'][number];

interface AtlasProps {
  config: AppConfig;
  /** Not empty. */
  indicators: readonly Indicator[];
  /** Levels with rank ≥ 1, coarse to fine; not empty. */
  levels: readonly Level[];
  /** Not empty. */
  dates: readonly string[];
  announce: (message: string) => void;
  /** Planner or admin: may save the map classification as an indicator's default. */
  canEdit?: boolean;
}

/** A classification a person chose on one indicator. */
interface ClassChoice {
  indicator: string;
  spec: ClassificationSpec;
}

/**
 * The choice on the current indicator (kept while the person stays there), and the one of the
 * indicator just left, which still colours its values until the next indicator's values arrive.
 */
interface ClassChoices {
  current: ClassChoice | null;
  leaving: ClassChoice | null;
}

/** Inner breaks of the classes on screen, rounded as shown: where fixed breaks start from. */
function shownBreaks(choropleth: Choropleth | null, decimals: number): number[] {
  const inner = (choropleth?.classes ?? [])
    .slice(0, -1)
    .map((c) => Number((c.to ?? c.max).toFixed(decimals)));
  return inner.filter((b, i) => i === 0 || b > (inner[i - 1] as number));
}

function first<T>(list: readonly T[]): T {
  const item = list[0];
  if (item === undefined) throw new Error('Leere Auswahlliste');
  return item;
}

function initialSelection({ config, indicators, levels, dates }: AtlasProps): Selection {
  const fromUrl = readSelection();
  const level =
    levels.find((l) => l.key === fromUrl.level) ??
    levels.find((l) => l.key === config.defaultLevel) ??
    levels.at(-1);
  return {
    // open with a rate rather than a head count: counts make a poor choropleth
    indicator:
      fromUrl.indicator ??
      // Open on the social situation (the first rate whose high values mean need), not on demography.
      (
        indicators.find((i) => i.polarity === 'high_bad' && i.formula === 'share') ??
        indicators.find((i) => i.formula !== 'count') ??
        indicators[0]
      )?.key ??
      '',
    // a projected Stichtag in the address stays, if the indicator and level still offer it
    date:
      fromUrl.date && (dates.includes(fromUrl.date) || config.projection?.dates.includes(fromUrl.date))
        ? fromUrl.date
        : defaultDate(config),
    level: level?.key ?? '',
    area: fromUrl.area ?? null,
    analysis: fromUrl.analysis,
  };
}

/** The Sozialatlas: controls, choropleth map with legend, area table and area profile. */
export function Atlas(props: AtlasProps) {
  const { config, indicators, levels, dates, announce } = props;
  const [selection, setSelection] = useState<Selection>(() => initialSelection(props));
  // a classification named in the address belongs to the indicator named there
  const [classChoice, setClassChoice] = useState<ClassChoices>(() => {
    const spec = fromParam(readSelection().classification);
    return { current: spec ? { indicator: selection.indicator, spec } : null, leaving: null };
  });
  // counts defaults saved in this visit (../classification/classification-api.ts keeps them)
  const [, setSavedDefaults] = useState(0);
  const [focusId, setFocusId] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  // Fall back to valid choices if the lists change (e.g. after logout fewer indicators are visible).
  const indicator = indicators.find((i) => i.key === selection.indicator) ?? first(indicators);
  const level = levels.find((l) => l.key === selection.level) ?? first(levels);
  const offered = useMemo(
    () => atlasDates(dates, config.projection, indicator, level.key, config.levels),
    [dates, config.projection, indicator, level.key, config.levels],
  );
  // a projected Stichtag the indicator or level does not offer falls back to the latest observed
  const date = offered.dates.includes(selection.date) ? selection.date : first(dates.slice(-1));
  const parentLevel = config.levels.find((l) => l.key === level.parent && l.rank >= 1) ?? null;

  const specFor = (i: Indicator): ClassificationSpec =>
    (classChoice.current?.indicator === i.key ? classChoice.current.spec : null) ??
    (classChoice.leaving?.indicator === i.key ? classChoice.leaving.spec : null) ??
    defaultClassification(i);
  const classParam =
    classChoice.current?.indicator === indicator.key ? toParam(classChoice.current.spec) : null;

  useEffect(() => {
    writeSelection({
      indicator: indicator.key,
      date,
      level: level.key,
      area: selection.area,
      classification: classParam,
      analysis: selection.analysis,
    });
  }, [indicator.key, date, level.key, selection.area, classParam, selection.analysis]);

  const geo = useFetched(`${level.key}`, () =>
    api.areas(level.key).then((collection) => ({ level: level.key, collection })),
  );
  const values = useFetched(`${indicator.key}|${level.key}|${date}`, () =>
    api.values(indicator.key, level.key, date),
  );

  const territory = config.territory?.name ?? null;
  useEffect(() => {
    document.title = t.documentTitle(indicator.name, territory);
  }, [indicator.name, territory]);

  // Fetch ahead only once the current choice is on screen, not in competition with it.
  const [drawnKey, setDrawnKey] = useState<string | null>(null);
  const currentKey = `${indicator.key}|${date}|${level.key}`;
  const onScreen = drawnKey === currentKey;
  useEffect(
    () =>
      onScreen
        ? prefetchValues(indicators, indicator.key, levels, level.key, offered.dates, date)
        : undefined,
    [onScreen, indicators, indicator.key, levels, level.key, offered.dates, date],
  );

  // Until the new values arrive, map, legend and table keep showing the previous ones together.
  const shown = values.latest;
  const shownIndicator = indicators.find((i) => i.key === shown?.indicator) ?? indicator;
  const shownSpec = specFor(shownIndicator);
  const choropleth = useMemo(
    () => (shown ? buildChoropleth(shown.values, shownIndicator, shownSpec) : null),
    [shown, shownIndicator, shownSpec],
  );
  const spec = specFor(indicator);
  const chooseClassification = (next: ClassificationSpec) => {
    performance.mark('lagebild:select');
    setClassChoice({ current: { indicator: indicator.key, spec: next }, leaving: null });
    announce(classificationTexts.control.changed(classificationTexts.methods[next.method]));
  };
  const saveDefault = async () => {
    await saveDefaultClassification(indicator.key, spec);
    setSavedDefaults((n) => n + 1);
    announce(classificationTexts.control.saved(indicator.name));
  };
  const areas = geo.latest;
  const stylesFit = !!shown && !!areas && shown.level === areas.level;
  const drawKey = shown ? `${shown.indicator}|${shown.date}|${shown.level}` : null;

  const byId = useMemo(() => new Map(shown?.values.map((v) => [v.id, v])), [shown]);
  const describe = useCallback(
    (id: string): [string, string] | null => {
      const v = byId.get(id);
      if (!v) return null;
      return [v.name, formatValue(v.value, v.status, shownIndicator.decimals, shownIndicator.unit)];
    },
    [byId, shownIndicator],
  );

  const open = useCallback(
    (id: string) => {
      if (document.activeElement instanceof HTMLElement) returnFocus.current = document.activeElement;
      setSelection((s) => ({ ...s, area: id }));
      const name = byId.get(id)?.name;
      if (name) announce(t.panel.announce(name, null));
    },
    [byId, announce],
  );

  const close = useCallback(() => {
    const id = selection.area;
    setSelection((s) => ({ ...s, area: null }));
    announce(t.panel.announceClosed);
    const back =
      returnFocus.current?.isConnected && returnFocus.current.closest('.side-panel') === null
        ? returnFocus.current
        : id
          ? document.querySelector<HTMLElement>(`[data-area-id="${CSS.escape(id)}"]`)
          : null;
    back?.focus();
  }, [selection.area, announce]);

  // Analysis tools: filters, selection (Auswahl), linked charts and statistics table.
  const view = selection.analysis ?? EMPTY_VIEW;
  const analysis = useAtlasAnalysis(view, shown, choropleth, areas?.collection);
  const changeView = useCallback(
    (change: Partial<AnalysisView>) =>
      setSelection((s) => ({ ...s, analysis: { ...(s.analysis ?? EMPTY_VIEW), ...change } })),
    [],
  );
  const pick = useCallback(
    (id: string, additive = false) => {
      if (!additive) return open(id);
      setSelection((s) => ({ ...s, analysis: toggleArea(s.analysis ?? EMPTY_VIEW, id) }));
    },
    [open],
  );

  const selectedArea = selection.area;
  const selectedName =
    (selectedArea &&
      (byId.get(selectedArea)?.name ??
        areas?.collection.features.find((f) => f.properties.id === selectedArea)?.properties.name)) ||
    '';
  const mapLabel = t.map.label(shownIndicator.name, level.name, formatDate(shown?.date ?? date));

  return (
    <>
      <Controls
        indicators={indicators}
        indicator={indicator}
        dates={offered.dates}
        projected={offered.projected}
        date={date}
        levels={levels}
        level={level.key}
        onIndicator={(key) => {
          performance.mark('lagebild:select');
          // a value filter belongs to the indicator it was set on
          setSelection((s) => ({
            ...s,
            indicator: key,
            analysis: s.analysis && { ...s.analysis, min: null, max: null },
          }));
          // the next indicator starts with its default classification
          setClassChoice((c) => ({ current: null, leaving: c.current }));
        }}
        onDate={(d) => {
          performance.mark('lagebild:select');
          setSelection((s) => ({ ...s, date: d }));
        }}
        onLevel={(key) => {
          performance.mark('lagebild:select');
          // selection and district filter name areas of the level left
          setSelection((s) => ({
            ...s,
            level: key,
            area: null,
            analysis: s.analysis && { ...s.analysis, areas: [], parents: [] },
          }));
        }}
      >
        <ClassificationControl
          spec={spec}
          defaultSpec={defaultClassification(indicator)}
          suggestBreaks={() => shownBreaks(choropleth, indicator.decimals)}
          onChange={chooseClassification}
          onSave={props.canEdit ? saveDefault : undefined}
        />
      </Controls>
      <div className={`atlas-layout${selectedArea ? ' atlas-layout--panel' : ''}`}>
        <div className="atlas-main">
          {(values.error ?? geo.error) && (
            <p className="alert" role="alert">
              {t.loadError} {(values.error ?? geo.error)?.message}
            </p>
          )}
          {shown?.projection && <ProjectionNotice projection={shown.projection} />}
          <PartialLevelNotice level={level} />
          <AnalysisFilters
            indicator={shownIndicator}
            values={shown}
            view={view}
            parentLevel={parentLevel}
            shown={analysis.tableValues?.values.length ?? 0}
            total={shown?.values.length ?? 0}
            onChange={changeView}
          />
          <div className="map-frame" aria-busy={values.loading || geo.loading}>
            {areas ? (
              <ErrorBoundary fallback={<div className="map-placeholder">{t.map.failed}</div>}>
                <Suspense fallback={<div className="map-placeholder">{t.mapLoading}</div>}>
                  <AtlasMap
                    areas={areas.collection}
                    styles={stylesFit && analysis.styles ? analysis.styles : null}
                    drawKey={stylesFit ? drawKey : null}
                    selectedId={selectedArea}
                    focusId={focusId}
                    marked={analysis.selected}
                    tileUrl={config.tileUrl}
                    label={mapLabel}
                    describe={describe}
                    onSelect={pick}
                    onHover={setFocusId}
                    onDrawn={setDrawnKey}
                  />
                </Suspense>
              </ErrorBoundary>
            ) : (
              <div className="map-placeholder">{geo.error ? '' : t.mapLoading}</div>
            )}
            {(values.loading || geo.loading) && areas && (
              <div className="map-busy" aria-hidden="true">
                {t.loading}
              </div>
            )}
          </div>
          {shown && choropleth && (
            <Legend indicator={shownIndicator} values={shown} choropleth={choropleth} />
          )}
          {shown && choropleth && (
            <Table
              levelName={(levels.find((l) => l.key === shown.level) ?? level).name}
              indicator={shownIndicator}
              values={analysis.tableValues ?? shown}
              choropleth={choropleth}
              selectedId={selectedArea}
              highlightId={focusId}
              onOpen={open}
              onFocusArea={setFocusId}
            />
          )}
          <AnalysisSection
            indicator={shownIndicator}
            indicators={indicators}
            values={shown}
            ready={onScreen}
            analysis={analysis}
            view={view}
            parentLevel={parentLevel}
            openArea={selectedArea}
            highlightId={focusId}
            onView={changeView}
            onHover={setFocusId}
            onSelect={pick}
          />
        </div>
        {selectedArea && (
          <SidePanel
            level={level.key}
            levelName={level.name}
            parentLevelName={parentLevel?.name ?? null}
            levelNameOf={(key) => config.levels.find((l) => l.key === key && l.rank >= 1)?.name}
            areaId={selectedArea}
            areaName={selectedName}
            date={date}
            indicator={indicator}
            onClose={close}
          />
        )}
      </div>
    </>
  );
}
