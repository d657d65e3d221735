import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { classificationTexts as tx } from '../../classification/texts.ts';
import { formatDate, formatNumber } from '../../core/format.ts';
import { DEFAULT_RANKING_PARAMS } from '../../planning/ranking-score.ts';
import { api, type AppConfig, type User } from '../api.ts';
import { indexApi } from '../indices/index-api.ts';
import { buildChoropleth } from '../map/choropleth.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { defaultDate } from '../ui/dates.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { LevelSwitch } from '../ui/LevelSwitch.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { coverageApi, coverageDownloads, type Ranking, type RankingRequest } from './coverage-api.ts';
import {
  needsPlanQuery,
  readNeedsPlanState,
  scoreValues,
  topAreas,
  wholeNumber,
  type NeedsPlanState,
} from './needs-plan.ts';
import { NeedsPlanTable } from './NeedsPlanTable.tsx';
import { bt, ct } from './texts.ts';
import './coverage.css';

const mapModule = import('../map/AtlasMap.tsx');
const AtlasMap = lazy(() => mapModule);

type Level = AppConfig['levels'][number];

/** The request of the ranking shown: its export gives the same table. */
const shownRequest = (r: Ranking): RankingRequest => ({
  norm: r.norm.key,
  level: r.level,
  date: r.date,
  index: r.index?.key ?? null,
  radius: r.parameters.radius,
  weightGap: r.parameters.weights.gap,
  weightClass: r.parameters.weights.class,
  weightDistance: r.parameters.weights.distance,
});

export interface NeedsPlanPageProps {
  config: AppConfig;
  levels: readonly Level[];
  user: User | null;
  canEdit: boolean;
  announce: (message: string) => void;
}

/** Points: higher is more need. */
const SCORE = { polarity: 'high_bad', decimals: 1, unit: '' } as const;
const NO_INDEX = '-';

/**
 * Bedarfsplan: the areas of a level ranked by need for a norm — coverage gap, social index class
 * and distance to the nearest facility — as a table with the reasons, the top areas on the map.
 */
export function NeedsPlanPage({ config, levels, user, canEdit, announce }: NeedsPlanPageProps) {
  const id = useId();
  const [view, setView] = useState<NeedsPlanState>(() => readNeedsPlanState(window.location.search));
  const [selectedId, setSelectedId] = useState<string | null>(view.area);
  const [focusId, setFocusId] = useState<string | null>(null);
  const session = user ? String(user.id) : '-';

  const norms = useFetched(`norms#${session}`, () => coverageApi.norms());
  const indices = useFetched(`indices#${session}`, () => indexApi.list());
  const normList = norms.latest ?? [];
  const norm = normList.find((n) => n.key === view.norm) ?? normList[0];
  const level =
    levels.find((l) => l.key === view.level) ??
    levels.find((l) => l.key === config.defaultLevel) ??
    levels[levels.length - 1];
  const date = view.date && config.dates.includes(view.date) ? view.date : defaultDate(config);
  const indexList = indices.latest ?? [];
  const index =
    view.index === NO_INDEX ? null : (indexList.find((i) => i.key === view.index) ?? indexList[0] ?? null);
  const radius = wholeNumber(view.radius, DEFAULT_RANKING_PARAMS.radius, 1, 100_000);
  const top = wholeNumber(view.top, 10, 1, 1000);
  const [radiusText, setRadiusText] = useState(String(radius));
  const [topText, setTopText] = useState(String(top));

  const ranking = useFetched(
    norm && level && indices.latest
      ? `ranking#${norm.key}#${level.key}#${date}#${index?.key ?? ''}#${radius}#${session}`
      : null,
    () =>
      coverageApi.ranking({ norm: norm!.key, level: level!.key, date, index: index?.key ?? null, radius }),
  );
  const geo = useFetched(level ? level.key : null, () =>
    api.areas(level!.key).then((collection) => ({ level: level!.key, collection })),
  );

  useEffect(() => {
    const query = needsPlanQuery({
      ...view,
      norm: norm?.key ?? view.norm,
      level: level?.key ?? view.level,
      area: selectedId,
    });
    const next = `${window.location.pathname}${query ? `?${query}` : ''}`;
    if (next !== `${window.location.pathname}${window.location.search}`)
      window.history.replaceState(window.history.state, '', next);
  }, [view, norm?.key, level?.key, selectedId]);

  const shown = ranking.latest;
  const rows = useMemo(() => shown?.rows ?? [], [shown]);
  const choropleth = useMemo(() => buildChoropleth(scoreValues(rows), SCORE), [rows]);
  const marked = useMemo(() => topAreas(rows, top), [rows, top]);
  const byId = useMemo(() => new Map(rows.map((r) => [r.area, r])), [rows]);
  const describe = useCallback(
    (areaId: string): [string, string] | null => {
      const r = byId.get(areaId);
      return r ? [r.name, bt.map.tooltip(r.rank, formatNumber(r.score, 1))] : null;
    },
    [byId],
  );
  const select = useCallback(
    (areaId: string) => {
      setSelectedId(areaId);
      const r = byId.get(areaId);
      if (r) announce(`${r.name}: ${bt.map.tooltip(r.rank, formatNumber(r.score, 1))}. ${r.reason}`);
      document
        .querySelector(`[data-rank-area="${CSS.escape(areaId)}"]`)
        ?.scrollIntoView({ block: 'nearest' });
    },
    [byId, announce],
  );

  const change = (patch: Partial<NeedsPlanState>) => setView((v) => ({ ...v, ...patch }));
  const apply = (e: FormEvent) => {
    e.preventDefault();
    change({
      radius: String(wholeNumber(radiusText, radius, 1, 100_000)),
      top: String(wholeNumber(topText, top, 1, 1000)),
    });
  };

  const areas = geo.latest;
  const stylesFit = !!shown && !!areas && areas.level === shown.level;
  const drawKey = shown
    ? `${shown.norm.key}|${shown.date}|${shown.level}|${shown.index?.key ?? ''}|${shown.parameters.radius}`
    : null;
  const error = norms.error ?? indices.error ?? ranking.error ?? geo.error;

  return (
    <div className="page coverage-page needs-plan-page">
      <div className="page-head">
        <p className="eyebrow">
          <Link to={paths.coverage}>{bt.back}</Link>
        </p>
        <PageHeading title={norm ? bt.docTitle(norm.name) : `${bt.title} – ${t.appName}`}>
          {bt.title}
        </PageHeading>
        <p className="page-intro">{bt.intro}</p>
        {!canEdit && <p className="muted">{bt.publicHint}</p>}
      </div>

      {norms.latest && normList.length === 0 && <p className="notice">{ct.noNorms}</p>}
      {norm && level && (
        <section className="controls" aria-label={bt.controls}>
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
              <select id={`${id}-date`} value={date} onChange={(e) => change({ date: e.target.value })}>
                {[...config.dates].reverse().map((d) => (
                  <option key={d} value={d}>
                    {formatDate(d)}
                  </option>
                ))}
              </select>
            </div>
            <LevelSwitch
              name={`${id}-level`}
              legend={ct.level}
              levels={levels}
              value={level.key}
              onChange={(key) => {
                setSelectedId(null);
                change({ level: key });
              }}
              data-testid="level-switch"
            />
            <div className="field">
              <label htmlFor={`${id}-index`}>{bt.index}</label>
              <select
                id={`${id}-index`}
                value={index?.key ?? NO_INDEX}
                onChange={(e) => change({ index: e.target.value })}
                data-testid="index-select"
              >
                <option value={NO_INDEX}>{bt.noIndex}</option>
                {indexList.map((i) => (
                  <option key={i.key} value={i.key}>
                    {i.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <form className="controls__row needs-plan__numbers" onSubmit={apply}>
            <div className="field">
              <label htmlFor={`${id}-radius`}>{bt.radius}</label>
              <input
                id={`${id}-radius`}
                inputMode="numeric"
                value={radiusText}
                aria-describedby={`${id}-radius-hint`}
                onChange={(e) => setRadiusText(e.target.value)}
              />
              <p id={`${id}-radius-hint`} className="field__hint">
                {bt.radiusHint}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-top`}>{bt.top}</label>
              <input
                id={`${id}-top`}
                inputMode="numeric"
                value={topText}
                aria-describedby={`${id}-top-hint`}
                onChange={(e) => setTopText(e.target.value)}
              />
              <p id={`${id}-top-hint`} className="field__hint">
                {bt.topHint}
              </p>
            </div>
            <button type="submit" className="button">
              {bt.apply}
            </button>
          </form>
        </section>
      )}

      {error && (
        <p className="alert" role="alert">
          {t.loadError} {error.message}
        </p>
      )}
      {shown && (
        <section className="norm-facts" aria-labelledby={`${id}-rule`}>
          <h2 id={`${id}-rule`} className="norm-facts__title">
            {bt.rule}
          </h2>
          <p className="norm-facts__description" data-testid="needs-plan-rule">
            {shown.rule}
          </p>
          <p className="muted">{shown.parameters.referencePoint}</p>
          {shown.notes.length > 0 && (
            <ul>
              {shown.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
        </section>
      )}

      <div className="map-frame" aria-busy={ranking.loading || geo.loading}>
        {areas ? (
          <ErrorBoundary fallback={<div className="map-placeholder">{t.map.failed}</div>}>
            <Suspense fallback={<div className="map-placeholder">{t.mapLoading}</div>}>
              <AtlasMap
                areas={areas.collection}
                styles={stylesFit ? choropleth.styles : null}
                drawKey={stylesFit ? drawKey : null}
                selectedId={selectedId}
                focusId={focusId}
                marked={marked}
                tileUrl={config.tileUrl}
                label={bt.map.label(shown?.norm.name ?? '', shown?.levelName ?? level?.name ?? '', top)}
                describe={describe}
                onSelect={select}
                onHover={setFocusId}
              />
            </Suspense>
          </ErrorBoundary>
        ) : (
          <div className="map-placeholder">{geo.error ? '' : t.mapLoading}</div>
        )}
        {(ranking.loading || geo.loading) && areas && (
          <div className="map-busy" aria-hidden="true">
            {t.loading}
          </div>
        )}
      </div>

      {shown && (
        <section className="legend" aria-labelledby={`${id}-legend`} data-testid="legend">
          <h2 id={`${id}-legend`} className="legend__title">
            {bt.legend.title(shown.norm.name)}{' '}
            <span className="legend__date">({formatDate(shown.date)})</span>
          </h2>
          <ul className="legend__items">
            {choropleth.classes.map((c, i) => (
              <li key={i} className="legend__item" data-testid="legend-class">
                <span className="swatch" style={{ background: c.color }} aria-hidden="true" />
                <span className="legend__label">{c.label}</span>
                <span className="legend__count">{t.legend.areas(c.count)}</span>
              </li>
            ))}
            <li className="legend__item">
              <span className="swatch swatch--missing" aria-hidden="true" />
              <span className="legend__label">{bt.legend.unranked}</span>
              <span className="legend__count">{t.legend.areas(choropleth.missingCount)}</span>
            </li>
            <li className="legend__item">
              <span className="swatch needs-plan__marked" aria-hidden="true" />
              <span className="legend__label">{bt.legend.top(marked.size)}</span>
            </li>
          </ul>
          <p className="legend__method muted">
            {choropleth.classes.length > 0
              ? tx.legendMethod(
                  choropleth.classes.length,
                  tx.methods[choropleth.method],
                  tx.explain[choropleth.method],
                )
              : choropleth.note}
          </p>
        </section>
      )}

      {shown && (
        <NeedsPlanTable
          ranking={shown}
          marked={marked}
          selectedId={selectedId}
          focusId={focusId}
          onFocus={setFocusId}
        />
      )}
      {shown && (
        <section className="coverage-downloads" aria-labelledby={`${id}-downloads`}>
          <h2 id={`${id}-downloads`}>{bt.downloads.title}</h2>
          <p>{bt.downloads.intro}</p>
          <p className="button-row">
            <a
              className="button"
              href={coverageDownloads.ranking(shownRequest(shown), 'csv')}
              download
              data-testid="needs-plan-csv"
            >
              {bt.downloads.csv}
            </a>
            <a className="button" href={coverageDownloads.ranking(shownRequest(shown), 'xlsx')} download>
              {bt.downloads.xlsx}
            </a>
          </p>
        </section>
      )}
    </div>
  );
}
