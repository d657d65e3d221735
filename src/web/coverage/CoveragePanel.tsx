import { lazy, Suspense, useEffect, useId, useMemo, useRef } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Link } from '../ui/Link.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { coverageApi } from './coverage-api.ts';
import { amountText, balanceText, rateText } from './coverage-format.ts';
import { ratePoints, type Figures, type SideBySide } from './coverage-rows.ts';
import { ct } from './texts.ts';

const SeriesChart = lazy(() => import('../profile/SeriesChart.tsx'));

interface CoveragePanelProps {
  norm: string;
  normName: string;
  unit: string;
  level: string;
  /** The level the area belongs to (the page's level or its parent level) and its name. */
  areaLevel: string;
  areaLevelName: string;
  row: SideBySide;
  scenario: string | null;
  /** Counts changes of facilities and scenarios seen on the page: the series loads again. */
  revision: string;
  onClose: () => void;
}

/** One area: its figures in the Bestand and the scenario side by side, and its rate over time against the city. */
export function CoveragePanel(props: CoveragePanelProps) {
  const { norm, normName, unit, level, areaLevel, areaLevelName, row, scenario, revision, onClose } = props;
  const id = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const series = useFetched(`series#${norm}#${level}#${revision}`, () => coverageApi.series(norm, level));
  const points = useMemo(
    () => (series.data ? ratePoints(series.data, row.area) : null),
    [series.data, row.area],
  );

  useEffect(() => {
    headingRef.current?.focus();
  }, [row.area]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onClose]);

  const decimals = Number.isInteger(row.supply ?? 0) ? 0 : 1;
  const line = (label: string, bestand: string, planned: string | null) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{bestand}</td>
      {scenario && <td className="num coverage-scenario">{planned ?? '–'}</td>}
    </tr>
  );
  const s: Figures | null = row.scenario;

  return (
    <aside className="side-panel coverage-panel" aria-labelledby={`${id}-name`} data-testid="side-panel">
      <div className="side-panel__head">
        <div>
          <p className="eyebrow">{areaLevelName}</p>
          <h2 id={`${id}-name`} ref={headingRef} tabIndex={-1}>
            {row.name}
          </h2>
        </div>
        <button
          type="button"
          className="icon-button"
          aria-label={ct.panel.close}
          title={ct.panel.close}
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <section className="side-panel__section" aria-labelledby={`${id}-values`}>
        <h3 id={`${id}-values`}>{ct.panel.values}</h3>
        <table className="profile-table coverage-values" data-testid="coverage-values">
          <caption className="visually-hidden">{normName}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col" className="num">
                {ct.bestand}
              </th>
              {scenario && (
                <th scope="col" className="num">
                  {scenario}
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {line(
              ct.table.supply(unit),
              amountText(row.supply, row.status, decimals, true),
              s && amountText(s.supply, s.status, decimals, true),
            )}
            {line(
              ct.table.demand(unit),
              amountText(row.demand, row.status, 1),
              s && amountText(s.demand, s.status, 1),
            )}
            {line(ct.table.rate, rateText(row), s && rateText(s))}
            {line(ct.table.balance, balanceText(row), s && balanceText(s))}
          </tbody>
        </table>
        <p>
          <Link to={paths.profile(areaLevel, row.area)}>{ct.panel.profile}</Link>
        </p>
      </section>
      <section className="side-panel__section" aria-labelledby={`${id}-series`}>
        <h3 id={`${id}-series`}>{ct.panel.series}</h3>
        {series.error && (
          <p className="alert" role="alert">
            {series.error.message}
          </p>
        )}
        {!points && !series.error && (
          <div className="series-chart series-chart--loading">{ct.panel.seriesLoading}</div>
        )}
        {points && points.length === 0 && <p className="muted">{ct.panel.noSeries}</p>}
        {points && points.length > 0 && (
          <ErrorBoundary fallback={<p className="muted">{t.panel.chartFailed}</p>}>
            <Suspense fallback={<div className="series-chart series-chart--loading">{t.loading}</div>}>
              <SeriesChart
                points={points}
                areaName={row.name}
                indicatorName={`${ct.table.rate} – ${normName}`}
                unit="%"
                decimals={1}
                withCity
              />
            </Suspense>
          </ErrorBoundary>
        )}
      </section>
    </aside>
  );
}
