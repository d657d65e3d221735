import { lazy, Suspense, useEffect, useEffectEvent, useRef } from 'react';
import { api, type Indicator } from '../api.ts';
import { formatArea, formatDate } from '../../core/format.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';
import { pt } from '../profile/texts.ts';
import { paths } from '../router.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { Link } from '../ui/Link.tsx';
import { ProfileTable } from '../profile/ProfileTable.tsx';

const SeriesChart = lazy(() => import('../profile/SeriesChart.tsx'));

interface SidePanelProps {
  level: string;
  levelName: string;
  /** Name of the parent level (e.g. Stadtbezirk), if the level has one. */
  parentLevelName: string | null;
  /**
   * Name of a level by key (districts only, not the whole city): in a ragged hierarchy the parent
   * of one area lies on a level between (a Wohnplatz under a Sozialraum, not under its Gemeinde).
   */
  levelNameOf: (key: string) => string | undefined;
  areaId: string;
  /** Name known before the profile has loaded (from the values list). */
  areaName: string;
  date: string;
  indicator: Indicator;
  onClose: () => void;
}

/** Area profile (Gebietsprofil): all indicators of the area beside the city, and a time series. */
export function SidePanel(props: SidePanelProps) {
  const { level, levelName, parentLevelName, areaId, areaName, date, indicator } = props;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const profile = useFetched(`${level}|${areaId}|${date}`, () => api.profile(level, areaId, date));
  const series = useFetched(`${indicator.key}|${level}|${areaId}`, () =>
    api.series(indicator.key, level, areaId),
  );
  const close = useEffectEvent(() => props.onClose());

  // Move focus into the panel when it opens or shows another area, so screen readers follow.
  useEffect(() => {
    headingRef.current?.focus();
  }, [areaId]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      if (event.target instanceof Element && event.target.closest('dialog')) return;
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const area = profile.data?.area.id === areaId ? profile.data.area : undefined;
  const name = area?.name ?? areaName;
  const points = series.data?.points ?? [];
  const error = profile.error ?? series.error;

  return (
    <aside className="side-panel" data-testid="side-panel" aria-labelledby="side-panel-title">
      <div className="side-panel__head">
        <div>
          <p className="eyebrow">{levelName}</p>
          <h2 id="side-panel-title" ref={headingRef} tabIndex={-1}>
            {name}
          </h2>
          {area && (
            <p className="side-panel__meta">
              {area.parentName && (
                <>
                  {(area.parentLevel ? props.levelNameOf(area.parentLevel) : undefined) ??
                    parentLevelName ??
                    t.panel.parent}
                  : <strong data-testid="parent-name">{area.parentName}</strong>
                  {' · '}
                </>
              )}
              {t.panel.areaSize} {formatArea(area.areaM2)}
            </p>
          )}
          <p className="side-panel__meta">
            <Link
              to={`${paths.profile(level, areaId)}?stichtag=${encodeURIComponent(date)}`}
              data-testid="profile-link"
            >
              {pt.sideLink}
            </Link>
          </p>
        </div>
        <button type="button" className="icon-button" onClick={props.onClose} aria-label={t.panel.close}>
          <span aria-hidden="true">×</span>
        </button>
      </div>

      {error && (
        <p className="form-error" role="alert">
          {t.loadError} {error.message}
        </p>
      )}

      <section className="side-panel__section" aria-labelledby="side-panel-series">
        <h3 id="side-panel-series">
          {t.panel.series(indicator.name)}
          {indicator.unit && <span className="muted"> ({indicator.unit})</span>}
        </h3>
        {series.data ? (
          points.length > 0 ? (
            <ErrorBoundary fallback={<p className="muted">{t.panel.chartFailed}</p>}>
              <Suspense fallback={<div className="series-chart series-chart--loading">{t.loading}</div>}>
                <SeriesChart
                  points={points}
                  areaName={name}
                  indicatorName={indicator.name}
                  unit={indicator.unit}
                  decimals={indicator.decimals}
                  withCity={indicator.formula !== 'count'}
                />
              </Suspense>
            </ErrorBoundary>
          ) : (
            <p className="muted">{t.panel.noSeries}</p>
          )
        ) : (
          !series.error && <div className="series-chart series-chart--loading">{t.loading}</div>
        )}
      </section>

      <section className="side-panel__section" aria-labelledby="side-panel-profile">
        <h3 id="side-panel-profile">{t.panel.profile(formatDate(date))}</h3>
        {profile.data ? (
          <ProfileTable profile={profile.data} currentKey={indicator.key} />
        ) : (
          !profile.error && <p className="muted">{t.loading}</p>
        )}
      </section>
    </aside>
  );
}
