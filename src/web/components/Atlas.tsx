import { lazy, memo, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, type AppConfig, type Indicator } from '../api.ts';
import { buildChoropleth } from '../choropleth.ts';
import { prefetchValues } from '../prefetch.ts';
import { formatDate, formatValue } from '../format.ts';
import { t } from '../texts.ts';
import { useFetched } from '../useFetched.ts';
import { readSelection, writeSelection, type Selection } from '../url-state.ts';
import { AreaTable } from './AreaTable.tsx';
import { ErrorBoundary } from './ErrorBoundary.tsx';
import { Controls } from './Controls.tsx';
import { Legend } from './Legend.tsx';
import { SidePanel } from './SidePanel.tsx';

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
    date: fromUrl.date && dates.includes(fromUrl.date) ? fromUrl.date : (dates.at(-1) ?? ''),
    level: level?.key ?? '',
    area: fromUrl.area ?? null,
  };
}

/** The Sozialatlas: controls, choropleth map with legend, area table and area profile. */
export function Atlas(props: AtlasProps) {
  const { config, indicators, levels, dates, announce } = props;
  const [selection, setSelection] = useState<Selection>(() => initialSelection(props));
  const [focusId, setFocusId] = useState<string | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  // Fall back to valid choices if the lists change (e.g. after logout fewer indicators are visible).
  const indicator = indicators.find((i) => i.key === selection.indicator) ?? first(indicators);
  const level = levels.find((l) => l.key === selection.level) ?? first(levels);
  const date = dates.includes(selection.date) ? selection.date : first(dates.slice(-1));
  const parentLevel = config.levels.find((l) => l.key === level.parent && l.rank >= 1) ?? null;

  useEffect(() => {
    writeSelection({ indicator: indicator.key, date, level: level.key, area: selection.area });
  }, [indicator.key, date, level.key, selection.area]);

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
    () => (onScreen ? prefetchValues(indicators, indicator.key, levels, level.key, dates, date) : undefined),
    [onScreen, indicators, indicator.key, levels, level.key, dates, date],
  );

  // Until the new values arrive, map, legend and table keep showing the previous ones together.
  const shown = values.latest;
  const shownIndicator = indicators.find((i) => i.key === shown?.indicator) ?? indicator;
  const polarity = shownIndicator.polarity;
  const choropleth = useMemo(
    () => (shown ? buildChoropleth(shown.values, polarity) : null),
    [shown, polarity],
  );
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
        dates={dates}
        date={date}
        levels={levels}
        level={level.key}
        onIndicator={(key) => {
          performance.mark('lagebild:select');
          setSelection((s) => ({ ...s, indicator: key }));
        }}
        onDate={(d) => {
          performance.mark('lagebild:select');
          setSelection((s) => ({ ...s, date: d }));
        }}
        onLevel={(key) => {
          performance.mark('lagebild:select');
          setSelection((s) => ({ ...s, level: key, area: null }));
        }}
      />
      <div className={`atlas-layout${selectedArea ? ' atlas-layout--panel' : ''}`}>
        <div className="atlas-main">
          {(values.error ?? geo.error) && (
            <p className="alert" role="alert">
              {t.loadError} {(values.error ?? geo.error)?.message}
            </p>
          )}
          <div className="map-frame" aria-busy={values.loading || geo.loading}>
            {areas ? (
              <ErrorBoundary fallback={<div className="map-placeholder">{t.map.failed}</div>}>
                <Suspense fallback={<div className="map-placeholder">{t.mapLoading}</div>}>
                  <AtlasMap
                    areas={areas.collection}
                    styles={stylesFit && choropleth ? choropleth.styles : null}
                    drawKey={stylesFit ? drawKey : null}
                    selectedId={selectedArea}
                    focusId={focusId}
                    tileUrl={config.tileUrl}
                    label={mapLabel}
                    describe={describe}
                    onSelect={open}
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
              values={shown}
              choropleth={choropleth}
              selectedId={selectedArea}
              onOpen={open}
              onFocusArea={setFocusId}
            />
          )}
        </div>
        {selectedArea && (
          <SidePanel
            level={level.key}
            levelName={level.name}
            parentLevelName={parentLevel?.name ?? null}
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
