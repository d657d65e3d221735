import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { formatDate, formatNumber, formatValue } from '../../core/format.ts';
import { api, type AppConfig, type User } from '../api.ts';
import { facilityApi } from '../facilities/facility-api.ts';
import { localToday } from '../facilities/facility-url.ts';
import { buildChoropleth } from '../map/choropleth.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { defaultDate } from '../ui/dates.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { LevelSwitch } from '../ui/LevelSwitch.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { coverageApi, coverageDownloads } from './coverage-api.ts';
import { rateValues, sideBySide } from './coverage-rows.ts';
import {
  readCoverageState,
  stichtagOptions,
  writeCoverageState,
  type CoverageViewState,
} from './coverage-url.ts';
import { CoverageLegend } from './CoverageLegend.tsx';
import { CoveragePanel } from './CoveragePanel.tsx';
import { CoverageTable } from './CoverageTable.tsx';
import { NormFacts } from './NormFacts.tsx';
import { ct } from './texts.ts';
import './coverage.css';
import { chosenLevel } from '../ui/levels.ts';

// MapLibre is the largest part of the app: start loading it at once, in parallel with the data.
const mapModule = import('../map/AtlasMap.tsx');
const AtlasMap = lazy(() => mapModule);

type Level = AppConfig['levels'][number];

export interface CoveragePageProps {
  config: AppConfig;
  /** Levels with areas, coarse to fine (rank ≥ 1); not empty. */
  levels: readonly Level[];
  user: User | null;
  /** Planner or admin: unprotected values, unpublished norms and scenarios. */
  canEdit: boolean;
  announce: (message: string) => void;
}

/** How the Versorgungsquote is classified and coloured: higher is better. */
const RATE = { polarity: 'high_good', decimals: 1, unit: '%' } as const;

/**
 * Versorgung: coverage of a norm on a level at a Stichtag — choropleth of the Versorgungsquote,
 * the table of areas with districts and city, a scenario beside the Bestand, the time series of
 * one area against the city, and the export.
 */
export function CoveragePage({ config, levels, user, canEdit, announce }: CoveragePageProps) {
  const id = useId();
  const today = useMemo(() => localToday(), []);
  const [view, setView] = useState<CoverageViewState>(() => readCoverageState(window.location.search));
  const [focusId, setFocusId] = useState<string | null>(null);
  const session = user ? String(user.id) : '-';

  const norms = useFetched(`norms#${session}`, () => coverageApi.norms());
  const variables = useFetched('variables', () => api.variables());
  const types = useFetched('facility-types', () => facilityApi.types());
  const scenarios = useFetched(canEdit ? `scenarios#${session}` : null, () => coverageApi.scenarios());

  const normList = norms.latest ?? [];
  const norm = normList.find((n) => n.key === view.norm) ?? normList[0];
  const level = chosenLevel(levels, view.level, config.defaultLevel);
  const options = useMemo(() => {
    const list = stichtagOptions(config.dates, today);
    return view.date && !list.some((o) => o.date === view.date)
      ? [...list, { date: view.date, future: true }].sort((a, b) => (a.date < b.date ? -1 : 1))
      : list;
  }, [config.dates, today, view.date]);
  const date = view.date ?? defaultDate(config);
  const scenario =
    canEdit && view.scenario && scenarios.latest?.some((s) => s.name === view.scenario)
      ? view.scenario
      : null;
  const side = scenario && view.mapSide === 'szenario' ? 'scenario' : 'bestand';

  const coverage = useFetched(
    norm ? `coverage#${norm.key}#${level.key}#${date}#${scenario ?? ''}#${session}` : null,
    () => coverageApi.coverage({ norm: norm!.key, level: level.key, date, scenario }),
  );
  const geo = useFetched(level.key, () =>
    api.areas(level.key).then((collection) => ({ level: level.key, collection })),
  );

  useEffect(() => {
    writeCoverageState({ ...view, norm: norm?.key ?? view.norm, level: level.key, scenario });
  }, [view, norm?.key, level.key, scenario]);

  const shown = coverage.latest;
  const shownDate = shown?.stichtage.at(-1)?.date ?? date;
  const shownScenario = shown?.scenarios[0]?.name ?? null;
  const rows = useMemo(
    () => (shown ? sideBySide(shown, 'rows', shownDate, shownScenario) : []),
    [shown, shownDate, shownScenario],
  );
  const totals = useMemo(
    () =>
      shown
        ? [
            ...sideBySide(shown, 'parents', shownDate, shownScenario),
            ...sideBySide(shown, 'city', shownDate, shownScenario),
          ]
        : [],
    [shown, shownDate, shownScenario],
  );
  const mapSide = shownScenario && side === 'scenario' ? 'scenario' : 'bestand';
  const choropleth = useMemo(() => buildChoropleth(rateValues(rows, mapSide), RATE), [rows, mapSide]);
  // the level's own areas win over a parent with the same key
  const byId = useMemo(() => new Map([...totals, ...rows].map((r) => [r.area, r])), [rows, totals]);

  const shownNorm = normList.find((n) => n.key === shown?.norm.key) ?? norm;
  const unit = shown?.norm.capacityUnit ?? norm?.capacityUnit ?? '';
  const normName = shown?.norm.name ?? norm?.name ?? '';
  const areas = geo.latest;
  const stylesFit = !!shown && !!areas && areas.level === shown.level;
  const drawKey = shown
    ? `${shown.norm.key}|${shownDate}|${shown.level}|${shownScenario ?? ''}|${mapSide}`
    : null;

  const describe = useCallback(
    (areaId: string): [string, string] | null => {
      const r = byId.get(areaId);
      if (!r) return null;
      const f = mapSide === 'scenario' ? r.scenario : r;
      return [
        r.name,
        `${ct.table.rate}: ${f ? formatValue(f.rate, f.rate === null ? 'missing' : f.status, 1, '%') : '–'}`,
      ];
    },
    [byId, mapSide],
  );

  const selectedRow = view.area ? (byId.get(view.area) ?? null) : null;
  const selectedIsParent = !!selectedRow && !rows.some((r) => r.area === selectedRow.area);
  const parentLevel = config.levels.find((l) => l.key === shown?.parentLevel) ?? null;
  const open = useCallback(
    (areaId: string) => {
      setView((v) => ({ ...v, area: areaId }));
      const name = byId.get(areaId)?.name;
      if (name) announce(ct.panel.announce(name));
    },
    [byId, announce],
  );
  const close = useCallback(() => {
    const areaId = view.area;
    setView((v) => ({ ...v, area: null }));
    announce(ct.panel.closed);
    if (areaId) document.querySelector<HTMLElement>(`[data-area-id="${CSS.escape(areaId)}"]`)?.focus();
  }, [view.area, announce]);

  const levelName = (key: string) => config.levels.find((l) => l.key === key)?.name ?? key;
  const variableNames = useMemo(
    () => new Map(variables.latest?.map((v) => [v.key, v.name])),
    [variables.latest],
  );
  const variableName = (key: string) => (variableNames.has(key) ? `${variableNames.get(key)} (${key})` : key);
  const stichtag = shown?.stichtage.at(-1) ?? null;
  const notes = [...(shown?.notes ?? []), ...(shown?.scenarios[0]?.notes ?? [])];
  const error = norms.error ?? coverage.error ?? geo.error;
  const cityRow = totals.at(-1) ?? null;
  const city = cityRow ? (mapSide === 'scenario' ? cityRow.scenario : cityRow) : null;

  const change = (patch: Partial<CoverageViewState>) => {
    performance.mark('lagebild:select');
    setView((v) => ({ ...v, ...patch }));
  };

  return (
    <div className="page coverage-page">
      <div className="page-head">
        <PageHeading title={norm ? ct.docTitle(norm.name) : `${ct.title} – ${t.appName}`}>
          {ct.title}
        </PageHeading>
        <p className="page-intro">{ct.intro}</p>
        {!canEdit && <p className="muted">{ct.publicHint}</p>}
        <p className="coverage-links">
          <Link to={paths.needsPlan}>{ct.bedarfsplan.link}</Link>
          {canEdit && <Link to={paths.scenarios}>{ct.scenariosLink}</Link>}
          {canEdit && <Link to={paths.statements}>{ct.statementsLink}</Link>}
        </p>
      </div>

      {norms.latest && normList.length === 0 && <p className="notice">{ct.noNorms}</p>}
      {norm && (
        <section className="controls" aria-label={ct.controls}>
          <div className="controls__row">
            <div className="field field--grow">
              <label htmlFor={`${id}-norm`}>{ct.norm}</label>
              <select
                id={`${id}-norm`}
                value={norm.key}
                onChange={(e) => change({ norm: e.target.value })}
                data-testid="norm-select"
              >
                {normList.map((n) => (
                  <option key={n.key} value={n.key}>
                    {n.published ? n.name : `${n.name} ${ct.unpublished}`}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-date`}>{ct.date}</label>
              <select
                id={`${id}-date`}
                value={date}
                aria-describedby={`${id}-date-hint`}
                onChange={(e) => change({ date: e.target.value })}
                data-testid="date-select"
              >
                {[...options].reverse().map((o) => (
                  <option key={o.date} value={o.date}>
                    {o.future ? ct.futureDate(formatDate(o.date)) : formatDate(o.date)}
                  </option>
                ))}
              </select>
            </div>
            <LevelSwitch
              name={`${id}-level`}
              legend={ct.level}
              levels={levels}
              value={level.key}
              onChange={(key) => change({ level: key, area: null })}
              data-testid="level-switch"
            />
            {canEdit && (
              <div className="field">
                <label htmlFor={`${id}-scenario`}>{ct.scenario}</label>
                <select
                  id={`${id}-scenario`}
                  value={scenario ?? ''}
                  onChange={(e) => change({ scenario: e.target.value || null })}
                  data-testid="scenario-select"
                >
                  <option value="">{ct.noScenario}</option>
                  {(scenarios.latest ?? []).map((s) => (
                    <option key={s.name} value={s.name}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
            )}
            {shownScenario && (
              <fieldset className="field segmented" data-testid="map-side">
                <legend>{ct.mapShows}</legend>
                <div className="segmented__options">
                  {(['bestand', 'scenario'] as const).map((s) => (
                    <label key={s} className="segmented__option">
                      <input
                        type="radio"
                        name={`${id}-side`}
                        value={s}
                        checked={mapSide === s}
                        onChange={() => change({ mapSide: s === 'scenario' ? 'szenario' : null })}
                      />
                      <span>{s === 'scenario' ? shownScenario : ct.bestand}</span>
                    </label>
                  ))}
                </div>
              </fieldset>
            )}
          </div>
          <p className="field__hint">{ct.dateHint}</p>
        </section>
      )}

      {error && (
        <p className="alert" role="alert">
          {t.loadError} {error.message}
        </p>
      )}

      {shownNorm && (
        <NormFacts
          norm={shownNorm}
          stichtag={stichtag}
          facilityTypeName={
            types.latest?.find((x) => x.key === shownNorm.facilityType)?.name ?? shownNorm.facilityType
          }
          levelName={levelName}
          variableName={variableName}
        />
      )}

      {(notes.length > 0 || (stichtag?.outside.count ?? 0) > 0) && (
        <ul className="notice coverage-notes" data-testid="coverage-notes">
          {notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          {stichtag && stichtag.outside.count > 0 && (
            <li>
              {ct.table.outside(stichtag.outside.count, formatNumber(stichtag.outside.capacity, 0), unit)}
            </li>
          )}
        </ul>
      )}

      {norm && (
        <div className={`atlas-layout${selectedRow ? ' atlas-layout--panel' : ''}`}>
          <div className="atlas-main">
            <div className="map-frame" aria-busy={coverage.loading || geo.loading}>
              {areas ? (
                <ErrorBoundary fallback={<div className="map-placeholder">{t.map.failed}</div>}>
                  <Suspense fallback={<div className="map-placeholder">{t.mapLoading}</div>}>
                    <AtlasMap
                      areas={areas.collection}
                      styles={stylesFit ? choropleth.styles : null}
                      drawKey={stylesFit ? drawKey : null}
                      selectedId={selectedRow && !selectedIsParent ? selectedRow.area : null}
                      focusId={focusId}
                      tileUrl={config.tileUrl}
                      label={ct.map.label(normName, level.name, formatDate(shownDate))}
                      describe={describe}
                      onSelect={open}
                      onHover={setFocusId}
                    />
                  </Suspense>
                </ErrorBoundary>
              ) : (
                <div className="map-placeholder">{geo.error ? '' : t.mapLoading}</div>
              )}
              {(coverage.loading || geo.loading) && areas && (
                <div className="map-busy" aria-hidden="true">
                  {t.loading}
                </div>
              )}
            </div>
            {shown && (
              <CoverageLegend
                normName={normName}
                date={shownDate}
                scenario={mapSide === 'scenario' ? shownScenario : null}
                city={city}
                choropleth={choropleth}
              />
            )}
            {shown && (
              <CoverageTable
                levelName={shown.levelName}
                parentLevelName={shown.parentLevelName}
                normName={normName}
                unit={unit}
                date={shownDate}
                rows={rows}
                totals={totals}
                scenario={shownScenario}
                choropleth={choropleth}
                selectedId={selectedRow?.area ?? null}
                highlightId={focusId}
                onOpen={open}
                onFocusArea={setFocusId}
              />
            )}
            {shown && (
              <section className="coverage-downloads" aria-labelledby={`${id}-downloads`}>
                <h2 id={`${id}-downloads`}>{ct.downloads.title}</h2>
                <p>{ct.downloads.intro}</p>
                <p className="button-row">
                  <a
                    className="button"
                    href={coverageDownloads.table(shown.norm.key, shown.level, shownDate, 'csv')}
                    download
                    data-testid="coverage-csv"
                  >
                    {ct.downloads.csv}
                  </a>
                  <a
                    className="button"
                    href={coverageDownloads.table(shown.norm.key, shown.level, shownDate, 'xlsx')}
                    download
                  >
                    {ct.downloads.xlsx}
                  </a>
                  <a className="button" href={coverageDownloads.series(shown.norm.key, shown.level)} download>
                    {ct.downloads.seriesCsv}
                  </a>
                </p>
              </section>
            )}
          </div>
          {selectedRow && shown && (
            <CoveragePanel
              key={selectedRow.area}
              norm={shown.norm.key}
              normName={normName}
              unit={unit}
              level={shown.level}
              // a parent on its own level: a Sozialraum in one Gemeinde, the Gemeinde elsewhere
              areaLevel={
                selectedIsParent ? (selectedRow.level ?? parentLevel?.key ?? shown.level) : shown.level
              }
              areaLevelName={
                selectedIsParent ? (selectedRow.levelName ?? shown.parentLevelName ?? '') : shown.levelName
              }
              row={selectedRow}
              scenario={shownScenario}
              revision={session}
              onClose={close}
            />
          )}
        </div>
      )}
    </div>
  );
}
