import { lazy, Suspense, useId, useMemo, useState } from 'react';
import { formatDate } from '../../core/format.ts';
import { api, type AppConfig, type User } from '../api.ts';
import { t } from '../texts.ts';
import { defaultDate } from '../ui/dates.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { LevelSwitch } from '../ui/LevelSwitch.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { CareTable } from './CareTable.tsx';
import { controlQuery, formatControlInput } from './control-input.ts';
import { CoverageForecast } from './CoverageForecast.tsx';
import { PopulationTable } from './PopulationTable.tsx';
import { projectionApi } from './projection-api.ts';
import { MAIN_ASSUMPTIONS, ProjectionAssumptions, type Assumptions } from './ProjectionAssumptions.tsx';
import { StoredRuns } from './StoredRuns.tsx';
import {
  ageGroupsIn,
  careRowsLastYear,
  cityTotals,
  columnYears,
  horizonsAfter,
  tableRows,
  targetDate,
} from './projection-table.ts';
import { pt } from './texts.ts';
import './projection.css';

const ProjectionChart = lazy(() => import('./ProjectionChart.tsx'));

type Level = AppConfig['levels'][number];

export interface ProjectionPageProps {
  config: AppConfig;
  levels: readonly Level[];
  user: User | null;
  canEdit: boolean;
  onLogin: () => void;
  announce: (message: string) => void;
  /** A run was published, withdrawn or deleted: the app loads its configuration (the atlas's Prognose) again. */
  onConfigChanged: () => void;
}

/**
 * Prognose (planners): the population projection of a level from the Datenstand — a table per
 * area and a line of the city total — under the planner's assumptions (variant, Eckwerte der
 * Stadt; ProjectionAssumptions.tsx), the stored runs and their publication (StoredRuns.tsx), a
 * norm's coverage in the years ahead (CoverageForecast.tsx) and the care plan of the city and its
 * districts. Visitors read only that projections are internal: the routes answer planners only.
 */
export function ProjectionPage(props: ProjectionPageProps) {
  const { canEdit, onLogin } = props;
  return (
    <div className="page projection-page">
      <div className="page-head">
        <PageHeading title={pt.docTitle}>{pt.title}</PageHeading>
        <p className="page-intro">{pt.intro}</p>
      </div>
      {canEdit ? (
        <ProjectionContent {...props} />
      ) : (
        <div className="notice" data-testid="projection-internal">
          <p>{pt.internal}</p>
          {!props.user && (
            <button type="button" className="button button--primary" onClick={onLogin}>
              {pt.login}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function ProjectionContent({ config, levels, user, announce, onConfigChanged }: ProjectionPageProps) {
  const id = useId();
  const session = user ? String(user.id) : '-';
  const base = defaultDate(config);
  const horizons = base ? horizonsAfter(base) : [];
  const [levelKey, setLevelKey] = useState<string | null>(null);
  const [horizon, setHorizon] = useState<number | null>(null);
  const [ageGroup, setAgeGroup] = useState<string>('ew');
  const [trend, setTrend] = useState(0);
  const [assumptions, setAssumptions] = useState<Assumptions>(MAIN_ASSUMPTIONS);
  const control = controlQuery(assumptions.control);

  const level =
    levels.find((l) => l.key === levelKey) ??
    levels.find((l) => l.key === config.defaultLevel) ??
    levels[levels.length - 1];
  const toYear = horizon !== null && horizons.includes(horizon) ? horizon : horizons.at(-1);
  const to = toYear !== undefined && base ? targetDate(base, toYear) : null;
  const ready = level && to ? { level: level.key, to } : null;

  const projection = useFetched(
    ready
      ? `projection#${ready.level}#${base}#${ready.to}#${assumptions.variant}#${control ?? ''}#${session}`
      : null,
    () => projectionApi.population(ready!.level, base, ready!.to, { variant: assumptions.variant, control }),
  );
  const care = useFetched(ready ? `care#${ready.level}#${base}#${ready.to}#${trend}#${session}` : null, () =>
    projectionApi.care(ready!.level, base, ready!.to, trend),
  );
  const geo = useFetched(level ? `areas#${level.key}` : null, () => api.areas(level!.key));

  // the latest answer may still be of the previous level while the next loads: shown until then
  const shown = projection.latest;
  const names = useMemo(
    () => new Map((geo.latest?.features ?? []).map((f) => [f.properties.id, f.properties.name])),
    [geo.latest],
  );
  const groups = useMemo(() => ageGroupsIn(shown?.rows ?? []), [shown]);
  const variable = groups.includes(ageGroup) ? ageGroup : (groups[0] ?? null);
  const years = useMemo(
    () => (shown ? columnYears(Number(shown.base.slice(0, 4)), Number(shown.to.slice(0, 4))) : []),
    [shown],
  );
  const rows = useMemo(
    () => (shown && variable ? tableRows(shown.rows, variable, years, names) : []),
    [shown, variable, years, names],
  );
  const totals = useMemo(
    () => (shown && variable ? cityTotals(shown.rows, variable) : []),
    [shown, variable],
  );
  const careRows = useMemo(() => (care.latest ? careRowsLastYear(care.latest) : []), [care.latest]);
  const groupName = (key: string) => pt.ageGroups[key] ?? key;
  const shownLevel = levels.find((l) => l.key === shown?.level)?.name ?? shown?.level ?? '';
  const levelNames = useMemo(() => new Map(config.levels.map((l) => [l.key, l.name])), [config.levels]);
  const apply = (next: Assumptions) => {
    setAssumptions(next);
    announce(pt.assumptions.applied);
  };

  if (!base) return <p className="notice">{pt.noBase}</p>;
  if (horizons.length === 0) return <p className="notice">{pt.noHorizon}</p>;
  return (
    <>
      {level && (
        <section className="controls" aria-label={pt.controls}>
          <div className="controls__row">
            <LevelSwitch
              name={`${id}-level`}
              legend={pt.level}
              levels={levels}
              value={level.key}
              onChange={setLevelKey}
              data-testid="level-switch"
            />
            <p className="field projection-base" data-testid="projection-base">
              {pt.base}: <strong>{formatDate(base)}</strong>
            </p>
            <div className="field">
              <label htmlFor={`${id}-horizon`}>{pt.horizon}</label>
              <select
                id={`${id}-horizon`}
                value={toYear}
                onChange={(e) => setHorizon(Number(e.target.value))}
                data-testid="horizon-select"
              >
                {horizons.map((y) => (
                  <option key={y} value={y}>
                    {y}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-age`}>{pt.ageGroup}</label>
              <select
                id={`${id}-age`}
                value={variable ?? ''}
                onChange={(e) => setAgeGroup(e.target.value)}
                disabled={groups.length === 0}
                data-testid="age-select"
              >
                {groups.map((g) => (
                  <option key={g} value={g}>
                    {groupName(g)}
                  </option>
                ))}
              </select>
            </div>
          </div>
        </section>
      )}

      {ready && <ProjectionAssumptions base={base} to={ready.to} applied={assumptions} onApply={apply} />}

      <section aria-labelledby={`${id}-population`} aria-busy={projection.loading}>
        <h2 id={`${id}-population`}>{pt.population.title}</h2>
        {projection.error && (
          <p className="alert" role="alert">
            {t.loadError} {projection.error.message}
          </p>
        )}
        {!shown && !projection.error && <p className="notice">{t.loading}</p>}
        {shown && !variable && <p className="notice">{pt.noAgeGroup}</p>}
        {shown && variable && (
          <>
            <p className="muted" data-testid="projection-method">
              {pt.population.method(pt.methods[shown.method])}
            </p>
            <p className="muted" data-testid="projection-assumptions">
              {pt.population.variant(pt.variants[shown.variant])}{' '}
              {shown.control?.length
                ? pt.population.control(formatControlInput(shown.control).replace(/\n/g, '; '))
                : pt.population.noControl}
            </p>
            <PopulationTable
              rows={rows}
              years={years}
              totals={totals}
              caption={pt.population.caption(groupName(variable), shownLevel)}
            />
            <h3>{pt.population.chartTitle(groupName(variable))}</h3>
            <ErrorBoundary fallback={null}>
              <Suspense fallback={<p className="notice">{t.loading}</p>}>
                <ProjectionChart totals={totals} ageGroup={groupName(variable)} />
              </Suspense>
            </ErrorBoundary>
          </>
        )}
      </section>

      {ready && level && (
        <StoredRuns
          level={ready.level}
          levelName={level.name}
          base={base}
          to={ready.to}
          assumptions={assumptions}
          levelNames={levelNames}
          session={session}
          announce={announce}
          onPublishedChanged={onConfigChanged}
        />
      )}

      {ready && level && (
        <CoverageForecast
          level={ready.level}
          levelName={level.name}
          base={base}
          to={ready.to}
          session={session}
        />
      )}

      <section aria-labelledby={`${id}-care`} aria-busy={care.loading}>
        <h2 id={`${id}-care`}>{pt.care.title}</h2>
        <div className="controls__row">
          <div className="field">
            <label htmlFor={`${id}-trend`}>{pt.care.trend}</label>
            <select
              id={`${id}-trend`}
              value={trend}
              onChange={(e) => setTrend(Number(e.target.value))}
              data-testid="trend-select"
            >
              {pt.care.trends.map((o) => (
                <option key={o.value} value={o.value}>
                  {o.label}
                </option>
              ))}
            </select>
          </div>
        </div>
        {care.error && (
          <p className="alert" role="alert">
            {t.loadError} {care.error.message}
          </p>
        )}
        {!care.latest && !care.error && <p className="notice">{t.loading}</p>}
        {care.latest && (
          <>
            <CareTable rows={careRows} />
            <p className="muted" data-testid="care-source">
              {pt.care.source(care.latest.assumptions.name, care.latest.assumptions.source)}
            </p>
          </>
        )}
      </section>
    </>
  );
}
