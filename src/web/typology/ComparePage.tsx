import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { api } from '../api.ts';
import { ErrorBoundary } from '../components/ErrorBoundary.tsx';
import { Link } from '../components/Link.tsx';
import { PageHeading } from '../components/PageHeading.tsx';
import { formatDate } from '../format.ts';
import type { PageProps } from '../page-props.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { useFetched } from '../useFetched.ts';
import { defaultIndicatorKeys } from '../../typology/defaults.ts';
import { CompareTable } from './CompareTable.tsx';
import { IndicatorPicker } from './IndicatorPicker.tsx';
import { SimilarAreas } from './SimilarAreas.tsx';
import { tt } from './texts.ts';
import { typologyApi } from './typology-api.ts';
import {
  apiTarget,
  CITY,
  compareQuery,
  DISTRICT,
  readCompareState,
  replaceQuery,
  type CompareState,
} from './typology-url.ts';
import './typology.css';
import { defaultDate } from '../dates.ts';

const CompareChart = lazy(() => import('./CompareChart.tsx'));

/**
 * Gebiete vergleichen: area A against area B, the city or A's district — values, differences,
 * ranks and a bar chart in z units — and the areas comparable to A within a tolerance band.
 */
export function ComparePage(props: PageProps) {
  const { config, levels, indicators, user } = props;
  const id = useId();
  const [state, setState] = useState<CompareState>(() => readCompareState(window.location.search));

  const level = levels.find((l) => l.key === state.level) ?? levels.at(-1)!;
  const dates = config.dates;
  const date = state.date && dates.includes(state.date) ? state.date : defaultDate(config);
  const defaults = useMemo(() => defaultIndicatorKeys(indicators), [indicators]);
  const visible = useMemo(() => new Set(indicators.map((i) => i.key)), [indicators]);
  const selected = (state.indicators ?? defaults).filter((k) => visible.has(k));
  const selection = selected.join(',');

  const geo = useFetched(level.key, () =>
    api.areas(level.key).then((collection) => ({ level: level.key, collection })),
  );
  const areaList = useMemo(
    () =>
      geo.data
        ? geo.data.collection.features
            .map((f) => f.properties)
            .sort((x, y) => x.name.localeCompare(y.name, 'de') || x.id.localeCompare(y.id))
        : [],
    [geo.data],
  );
  const a = areaList.some((x) => x.id === state.a) ? state.a : (areaList[0]?.id ?? null);
  const aName = areaList.find((x) => x.id === a)?.name ?? '';
  // B = district only below a level with areas of its own (a Stadtbezirk's parent is the city)
  const parentLevel = config.levels.find((l) => l.key === level.parent && l.rank >= 1) ?? null;
  const hasDistrict = !!parentLevel && !!areaList.find((x) => x.id === a)?.parent;
  const b =
    state.b === CITY || (state.b === DISTRICT && hasDistrict) || areaList.some((x) => x.id === state.b)
      ? state.b
      : CITY;

  useEffect(() => {
    if (!geo.data) return;
    replaceQuery(compareQuery({ ...state, level: level.key, date, indicators: selection.split(','), a, b }));
  }, [geo.data, state, level.key, date, selection, a, b]);

  const session = user ? String(user.id) : '-';
  const pair = a && b !== a && selection ? `${level.key}|${date}|${a}|${b}|${selection}|${session}` : null;
  const result = useFetched(pair, () =>
    typologyApi.compare(level.key, date, a!, apiTarget(b), selection.split(',')),
  );
  const shown = result.latest;

  const change = (patch: Partial<CompareState>) => setState((s) => ({ ...s, ...patch }));

  return (
    <div className="page compare-page">
      <div className="page-head">
        <PageHeading title={`${tt.compare.title} – ${t.appName}`}>{tt.compare.title}</PageHeading>
        <p className="page-intro">{tt.compare.intro}</p>
        <p className="page-intro">
          <Link to={paths.typology}>{tt.compare.toTypology}</Link>
        </p>
      </div>

      <section className="controls" aria-label={tt.compare.controls}>
        <div className="controls__row">
          <fieldset className="field segmented">
            <legend>{t.controls.level}</legend>
            <div className="segmented__options">
              {levels.map((l) => (
                <label key={l.key} className="segmented__option">
                  <input
                    type="radio"
                    name={`${id}-level`}
                    value={l.key}
                    checked={l.key === level.key}
                    onChange={() => change({ level: l.key, a: null, b: CITY })}
                  />
                  <span>{l.name}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <div className="field">
            <label htmlFor={`${id}-date`}>{t.controls.date}</label>
            <select id={`${id}-date`} value={date} onChange={(e) => change({ date: e.target.value })}>
              {[...dates].reverse().map((d) => (
                <option key={d} value={d}>
                  {formatDate(d)}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-a`}>{tt.compare.a}</label>
            <select
              id={`${id}-a`}
              value={a ?? ''}
              onChange={(e) => change({ a: e.target.value })}
              data-testid="compare-a"
            >
              {areaList.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field field--grow">
            <label htmlFor={`${id}-b`}>{tt.compare.b}</label>
            <select
              id={`${id}-b`}
              value={b}
              onChange={(e) => change({ b: e.target.value })}
              data-testid="compare-b"
            >
              <option value={CITY}>{tt.compare.city}</option>
              {hasDistrict && <option value={DISTRICT}>{tt.compare.district(parentLevel.name)}</option>}
              <optgroup label={tt.compare.areas}>
                {areaList
                  .filter((x) => x.id !== a)
                  .map((x) => (
                    <option key={x.id} value={x.id}>
                      {x.name}
                    </option>
                  ))}
              </optgroup>
            </select>
          </div>
        </div>
        <IndicatorPicker
          indicators={indicators}
          selected={selected}
          defaults={defaults}
          onChange={(keys) => change({ indicators: keys })}
        />
      </section>

      {geo.error && (
        <p className="alert" role="alert">
          {geo.error.message}
        </p>
      )}
      {result.error && (
        <p className="alert" role="alert">
          {result.error.message}
        </p>
      )}
      {!a && geo.data && <p className="notice">{tt.compare.chooseA}</p>}
      {result.loading && !shown && <p className="muted">{tt.compare.loading}</p>}
      {shown && (
        <div className={`compare-body${result.loading ? ' is-loading' : ''}`} aria-busy={result.loading}>
          <CompareTable result={shown} />
          <section className="typology-section" aria-labelledby={`${id}-chart`}>
            <h2 id={`${id}-chart`}>{tt.compare.chartTitle}</h2>
            <p className="muted">{tt.compare.chartIntro}</p>
            <ErrorBoundary fallback={null}>
              <Suspense fallback={<div className="compare-chart">{t.loading}</div>}>
                <CompareChart result={shown} />
              </Suspense>
            </ErrorBoundary>
          </section>
        </div>
      )}
      {a && selection && (
        <SimilarAreas
          level={level.key}
          date={date}
          area={a}
          areaName={aName}
          indicators={selection.split(',')}
          tolerance={state.tolerance}
          band={state.band}
          session={session}
          onTolerance={(tolerance, band) => change({ tolerance, band })}
          onPick={(key) => {
            change({ b: key });
            window.scrollTo({ top: 0 });
          }}
        />
      )}
    </div>
  );
}
