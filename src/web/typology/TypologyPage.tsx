import { lazy, Suspense, useCallback, useEffect, useId, useMemo, useState } from 'react';
import { api } from '../api.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { formatDate, formatNumber } from '../../core/format.ts';
import type { PageProps } from '../page-props.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';
import { tt } from './texts.ts';
import { TypologyControls } from './TypologyControls.tsx';
import { TypeAreas } from './TypeAreas.tsx';
import { TypeLegend } from './TypeLegend.tsx';
import { TypeProfiles } from './TypeProfiles.tsx';
import { typeStyles } from './type-styles.ts';
import { typologyApi } from './typology-api.ts';
import {
  compareHref,
  readTypologyState,
  replaceQuery,
  typologyQuery,
  type TypologyState,
} from './typology-url.ts';
import { useTypologyInputs } from './typology-inputs.ts';
import './typology.css';

// MapLibre is the largest part of the app: start loading it at once, in parallel with the data.
const mapModule = import('../map/AtlasMap.tsx');
const AtlasMap = lazy(() => mapModule);
const CriterionChart = lazy(() => import('./CriterionChart.tsx'));

const K_CHOICES = ['auto', '2', '3', '4', '5', '6', '7', '8'];

/**
 * Sozialraumtypen: level, Stichtag, indicators and k in the address; the map coloured by type,
 * the criterion chart behind k, the type profiles and the areas of every type.
 */
export function TypologyPage(props: PageProps) {
  const { config, levels, indicators, user, announce } = props;
  const id = useId();
  const [state, setState] = useState<TypologyState>(() => readTypologyState(window.location.search));
  const [selectedId, setSelectedId] = useState<string | null>(null);

  const inputs = useTypologyInputs(props, state);
  const { level, date, selection } = inputs;

  useEffect(() => {
    replaceQuery(typologyQuery({ level: level.key, date, indicators: selection.split(','), k: state.k }));
  }, [level.key, date, selection, state.k]);

  const session = user ? String(user.id) : '-';
  const result = useFetched(
    selection ? `${level.key}|${date}|${selection}|${state.k}|${session}` : null,
    () => typologyApi.clusters(level.key, date, selection.split(','), state.k),
  );
  const geo = useFetched(level.key, () =>
    api.areas(level.key).then((collection) => ({ level: level.key, collection })),
  );

  // after an error (e.g. more types than areas) nothing of the previous result stays on screen
  const shown = result.error ? undefined : result.latest;
  const styles = useMemo(() => (shown ? typeStyles(shown) : null), [shown]);
  const areas = geo.latest;
  const stylesFit = !!shown && !!areas && shown.level === areas.level;
  const drawKey = shown
    ? `${shown.level}|${shown.date}|${shown.k}|${shown.indicators.map((i) => i.key).join(',')}`
    : null;

  const describe = useCallback(
    (areaKey: string): [string, string] | null => {
      const typed = shown?.areas.find((a) => a.key === areaKey);
      if (typed) return [typed.name, shown?.types[typed.type - 1]?.label ?? ''];
      const left = shown?.unassigned.find((u) => u.key === areaKey);
      return left ? [left.name, `${tt.typology.unassignedLegend}: ${left.reason}`] : null;
    },
    [shown],
  );
  const selectedArea = selectedId ? shown?.areas.find((a) => a.key === selectedId) : undefined;
  const selectedLeft = selectedId ? shown?.unassigned.find((u) => u.key === selectedId) : undefined;
  const select = (areaKey: string) => {
    setSelectedId(areaKey);
    const line = describe(areaKey);
    if (line) announce(`${line[0]}: ${line[1]}`);
  };

  const change = (patch: Partial<TypologyState>) => {
    performance.mark('lagebild:select');
    setSelectedId(null);
    setState((s) => ({ ...s, ...patch }));
  };

  const levelName = levels.find((l) => l.key === shown?.level)?.name ?? level.name;
  const mapLabel = shown ? tt.typology.mapLabel(levelName, formatDate(shown.date), shown.k) : t.mapLoading;

  return (
    <div className="page typology-page">
      <div className="page-head">
        <PageHeading title={`${tt.typology.title} – ${t.appName}`}>{tt.typology.title}</PageHeading>
        <p className="page-intro">{tt.typology.intro}</p>
        <p className="page-intro">
          <Link to={paths.compare}>{tt.typology.toCompare}</Link>
        </p>
      </div>

      <TypologyControls
        id={id}
        label={tt.typology.controls}
        levels={levels}
        indicators={indicators}
        inputs={inputs}
        onLevel={(key) => change({ level: key })}
        onChange={change}
      >
        <div className="field">
          <label htmlFor={`${id}-k`}>{tt.typology.k}</label>
          <select
            id={`${id}-k`}
            value={state.k}
            onChange={(e) => change({ k: e.target.value })}
            data-testid="k-select"
          >
            {K_CHOICES.map((k) => (
              <option key={k} value={k}>
                {k === 'auto' ? tt.typology.kAuto : k}
              </option>
            ))}
          </select>
        </div>
      </TypologyControls>

      {result.error && (
        <p className="alert" role="alert">
          {result.error.message}
        </p>
      )}
      {shown && (
        <p className="typology-summary" role="status" data-testid="typology-summary">
          {tt.typology.summary(
            shown.k,
            shown.kRequested === 'auto',
            formatNumber(shown.silhouette, 2),
            shown.areas.length,
            shown.unassigned.length,
          )}
        </p>
      )}

      <div className="typology-layout">
        <div className="map-frame typology-map" aria-busy={result.loading || geo.loading}>
          {areas ? (
            <ErrorBoundary fallback={<div className="map-placeholder">{t.map.failed}</div>}>
              <Suspense fallback={<div className="map-placeholder">{t.mapLoading}</div>}>
                <AtlasMap
                  areas={areas.collection}
                  styles={stylesFit ? styles : null}
                  drawKey={stylesFit ? drawKey : null}
                  selectedId={selectedId}
                  focusId={null}
                  tileUrl={config.tileUrl}
                  label={mapLabel}
                  describe={describe}
                  onSelect={select}
                />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <div className="map-placeholder">{geo.error ? geo.error.message : t.mapLoading}</div>
          )}
          {result.loading && areas && (
            <div className="map-busy" aria-hidden="true">
              {tt.typology.loading}
            </div>
          )}
        </div>
        <div className="typology-aside">
          {shown && <TypeLegend result={shown} />}
          {(selectedArea ?? selectedLeft) && (
            <div className="typology-selected" aria-live="polite" data-testid="typology-selected">
              <strong>{(selectedArea ?? selectedLeft)!.name}</strong>
              <span>
                {selectedArea
                  ? shown?.types[selectedArea.type - 1]?.label
                  : `${tt.typology.unassignedLegend}: ${selectedLeft!.reason}`}
              </span>
              <span>
                <Link to={paths.profile(shown!.level, selectedId!)}>{tt.typology.profileLink}</Link>
                {' · '}
                <Link to={compareHref(shown!.level, selectedId!, undefined, shown!.date)}>
                  {tt.typology.compareLink}
                </Link>
              </span>
            </div>
          )}
        </div>
      </div>

      {shown && (
        <section className="typology-section" aria-labelledby="criterion-title">
          <h2 id="criterion-title">{tt.typology.criterionTitle}</h2>
          <p className="muted">{tt.typology.criterionIntro}</p>
          <ErrorBoundary fallback={null}>
            <Suspense fallback={<div className="criterion-chart criterion-chart--loading">{t.loading}</div>}>
              <CriterionChart criterion={shown.criterion} k={shown.k} />
            </Suspense>
          </ErrorBoundary>
        </section>
      )}
      {shown && <TypeProfiles result={shown} />}
      {shown && <TypeAreas result={shown} />}
    </div>
  );
}
