import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { api } from '../api.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { PageProps } from '../page-props.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';
import { CompareTable } from './CompareTable.tsx';
import { SimilarAreas } from './SimilarAreas.tsx';
import { tt } from './texts.ts';
import { TypologyControls } from './TypologyControls.tsx';
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
import { useTypologyInputs } from './typology-inputs.ts';
import './typology.css';

const CompareChart = lazy(() => import('./CompareChart.tsx'));

/**
 * Gebiete vergleichen: area A against area B, the city or A's district — values, differences,
 * ranks and a bar chart in z units — and the areas comparable to A within a tolerance band.
 */
export function ComparePage(props: PageProps) {
  const { config, levels, indicators, user } = props;
  const id = useId();
  const [state, setState] = useState<CompareState>(() => readCompareState(window.location.search));

  const inputs = useTypologyInputs(props, state);
  const { level, date, selection } = inputs;

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

      <TypologyControls
        id={id}
        label={tt.compare.controls}
        levels={levels}
        indicators={indicators}
        inputs={inputs}
        onLevel={(key) => change({ level: key, a: null, b: CITY })}
        onChange={change}
      >
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
      </TypologyControls>

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
