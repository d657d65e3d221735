import { lazy, Suspense, useState } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { t } from '../texts.ts';
import type { ProfileIndicator, Steckbrief } from './api.ts';
import { pt, type WholeWords } from './texts.ts';

const SeriesChart = lazy(() => import('./SeriesChart.tsx'));

const MAX_HIGHLIGHTS = 4;

function Chart({ row, profile, whole }: { row: ProfileIndicator; profile: Steckbrief; whole: WholeWords }) {
  return (
    <figure className="profile-chart">
      <figcaption>
        {row.name}
        {row.unit && <span className="muted"> ({row.unit})</span>}
      </figcaption>
      <ErrorBoundary fallback={<p className="muted">{t.panel.chartFailed}</p>}>
        <Suspense fallback={<div className="series-chart series-chart--loading">{t.loading}</div>}>
          <SeriesChart
            points={row.series}
            areaName={profile.area.name}
            indicatorName={row.name}
            unit={row.unit}
            decimals={row.decimals}
            withCity={row.formula !== 'count'}
            districtName={profile.area.parentName}
            cityName={whole.name}
          />
        </Suspense>
      </ErrorBoundary>
    </figure>
  );
}

/**
 * Time series of the indicators the text names (area, district, city), and one more chosen from
 * all indicators.
 */
export function SeriesSection({ profile, whole }: { profile: Steckbrief; whole: WholeWords }) {
  const rows = profile.themes.flatMap((th) => th.indicators);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  const highlighted = profile.highlights
    .map((k) => byKey.get(k))
    .filter((r): r is ProfileIndicator => r !== undefined)
    .slice(0, MAX_HIGHLIGHTS);
  const fallback = highlighted.length ? [] : rows.filter((r) => r.formula !== 'count').slice(0, 1);
  const shown = [...highlighted, ...fallback];
  const [extra, setExtra] = useState('');
  const chosen = byKey.get(extra);
  return (
    <>
      <p className="muted">{pt.series.intro}</p>
      <div className="profile-charts">
        {shown.map((row) => (
          <Chart key={row.key} row={row} profile={profile} whole={whole} />
        ))}
        {chosen && !shown.includes(chosen) && <Chart row={chosen} profile={profile} whole={whole} />}
      </div>
      <div className="field profile-noprint">
        <label htmlFor="profile-series-choice">{pt.series.choose}</label>
        <select id="profile-series-choice" value={extra} onChange={(e) => setExtra(e.target.value)}>
          <option value="">{pt.series.none}</option>
          {profile.themes.map((th) => (
            <optgroup key={th.theme} label={th.theme}>
              {th.indicators.map((r) => (
                <option key={r.key} value={r.key}>
                  {r.name}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
    </>
  );
}
