/**
 * The linked charts of the atlas (loaded lazily, after the map): ranking, histogram, boxplot per
 * parent area, scatter plot with regression, radar profile of an area. All show the filtered
 * areas; an area highlighted or selected anywhere is highlighted in each.
 */
import { memo, useId, useMemo, useState, type ReactNode } from 'react';
import { api, type Indicator, type IndicatorValues } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';
import { analysisApi } from './analysis-api.ts';
import Chart from './Chart.tsx';
import { boxGroups, plotted, radarAxes, ranking, scatterPoints } from './chart-data.ts';
import { radarIndicators, radarThemes, secondIndicator } from './choices.ts';
import { boxplotChart, histogramChart } from './distribution-charts.ts';
import { radarChart, rankingChart, regressionText, scatterChart } from './relation-charts.ts';
import { regression } from './stats.ts';
import { at } from './texts.ts';

export interface AnalysisChartsProps {
  indicator: Indicator;
  /** Indicators the user may see (for the scatter plot and the radar). */
  indicators: readonly Indicator[];
  /** Values of `indicator` on screen (level and Stichtag inside). */
  values: IndicatorValues;
  /** Areas that pass the filters; null = all. */
  visible: ReadonlySet<string> | null;
  parentOf: ReadonlyMap<string, string | null>;
  parentNames: ReadonlyMap<string, string>;
  parentLevelName: string | null;
  /** Selected areas (the selection and the open area), drawn dark. */
  selected: ReadonlySet<string>;
  /** The area whose radar profile is shown, or null. */
  profileArea: string | null;
  highlightId: string | null;
  indicator2: string | null;
  onIndicator2: (key: string) => void;
  onHover: (id: string | null) => void;
  onSelect: (id: string, additive: boolean) => void;
}

function Card(props: { title: string; wide?: boolean; children: ReactNode; testId: string }) {
  const id = useId();
  return (
    <section
      className={`analysis-card${props.wide ? ' analysis-card--wide' : ''}`}
      aria-labelledby={id}
      data-testid={props.testId}
    >
      <h3 id={id}>{props.title}</h3>
      {props.children}
    </section>
  );
}

function AnalysisCharts(props: AnalysisChartsProps) {
  const { indicator, indicators, values, visible, selected, highlightId, onHover, onSelect } = props;
  const id = useId();
  const city =
    values.city.status === 'value' || values.city.status === 'estimated' ? values.city.value : null;
  const points = useMemo(() => plotted(values.values, visible), [values, visible]);
  const link = { highlightId, onHover, onSelect };

  const ranked = useMemo(
    () => rankingChart(indicator, ranking(points), city, indicator.target, selected),
    [indicator, points, city, selected],
  );
  const hist = useMemo(
    () => histogramChart(indicator, points, city, selected),
    [indicator, points, city, selected],
  );
  const boxes = useMemo(
    () =>
      boxplotChart(
        indicator,
        boxGroups(points, props.parentOf, props.parentNames, at.charts.allAreas),
        city,
        selected,
      ),
    [indicator, points, props.parentOf, props.parentNames, city, selected],
  );

  // Scatter: the second indicator's values at the same level and Stichtag.
  const second = secondIndicator(indicators, indicator, props.indicator2);
  const ys = useFetched(second ? `${second.key}|${values.level}|${values.date}` : null, () =>
    api.values(second!.key, values.level, values.date),
  );
  const yValues = ys.data ?? (ys.latest?.indicator === second?.key ? ys.latest : undefined);
  const scatter = useMemo(() => {
    if (!second || !yValues) return null;
    const pts = scatterPoints(values.values, yValues.values, visible);
    const fit = regression(pts.map((p) => [p.x, p.y] as const));
    return { fit, model: scatterChart(indicator, second, pts, fit, selected) };
  }, [second, yValues, values, visible, indicator, selected]);

  // Radar: the comparable indicators of a theme, all areas (for the spread), one request.
  const themes = useMemo(() => radarThemes(indicators), [indicators]);
  const [theme, setTheme] = useState<string | null>(null);
  const radarTheme = theme ?? (themes.includes(indicator.theme) ? indicator.theme : (themes[0] ?? null));
  const radarKeys = radarTheme ? radarIndicators(indicators, radarTheme).map((i) => i.key) : [];
  const radarTable = useFetched(
    props.profileArea && radarKeys.length >= 3
      ? `${radarKeys.join(',')}|${values.level}|${values.date}`
      : null,
    () => analysisApi.table({ indicators: radarKeys, level: values.level, date: values.date, areas: [] }),
  );
  const radar = useMemo(() => {
    const table = radarTable.data;
    if (!table || !props.profileArea) return null;
    const axes = radarAxes(table, props.profileArea);
    const name = table.rows.find((r) => r.kind === 'area' && r.key === props.profileArea)?.name ?? '';
    return axes && axes.filter((a) => a.deviation !== null).length >= 3 ? radarChart(name, axes) : null;
  }, [radarTable.data, props.profileArea]);

  const empty = points.length === 0;
  return (
    <div className="analysis-charts" data-testid="analysis-charts">
      <h2 className="analysis-charts__title">{at.charts.region}</h2>
      <p className="analysis-hint muted">{at.charts.hint}</p>
      {empty && <p className="notice">{at.charts.noData}</p>}
      <div className="analysis-grid">
        <Card title={at.charts.ranking} wide testId="card-ranking">
          <Chart name="ranking" model={ranked} {...link} height={300} />
        </Card>
        <Card title={at.charts.histogram} testId="card-histogram">
          <Chart name="histogram" model={hist} {...link} />
        </Card>
        <Card title={at.charts.boxplot(props.parentLevelName)} testId="card-boxplot">
          <Chart name="boxplot" model={boxes} {...link} />
        </Card>
        <Card title={at.charts.scatter} testId="card-scatter">
          <div className="field analysis-field">
            <label htmlFor={`${id}-y`}>{at.charts.yIndicator}</label>
            <select
              id={`${id}-y`}
              value={second?.key ?? ''}
              onChange={(e) => props.onIndicator2(e.target.value)}
              data-testid="scatter-indicator"
            >
              {indicators
                .filter((i) => i.key !== indicator.key && i.formula !== 'count')
                .map((i) => (
                  <option key={i.key} value={i.key}>
                    {i.name}
                  </option>
                ))}
            </select>
          </div>
          {scatter && (
            <>
              <p className="analysis-fit" data-testid="scatter-fit">
                {scatter.fit ? regressionText(scatter.fit).join(' · ') : at.charts.noRegression}
              </p>
              <Chart name="scatter" model={scatter.model} {...link} height={300} />
            </>
          )}
        </Card>
        <Card title={at.charts.radar} testId="card-radar">
          {themes.length > 0 && (
            <div className="field analysis-field">
              <label htmlFor={`${id}-theme`}>{at.charts.theme}</label>
              <select id={`${id}-theme`} value={radarTheme ?? ''} onChange={(e) => setTheme(e.target.value)}>
                {themes.map((th) => (
                  <option key={th} value={th}>
                    {th}
                  </option>
                ))}
              </select>
            </div>
          )}
          {!props.profileArea ? (
            <p className="muted">{at.charts.radarHint}</p>
          ) : radar ? (
            <>
              <p className="muted analysis-fit">{at.charts.radarAxis}</p>
              <Chart name="radar" model={radar} {...link} height={300} />
            </>
          ) : radarTable.data || radarKeys.length < 3 ? (
            <p className="muted">{at.charts.radarTooFew}</p>
          ) : (
            <p className="muted">{at.charts.loading}</p>
          )}
        </Card>
      </div>
    </div>
  );
}

/** Memoised: the atlas renders often (hover, loading); the charts only when their data change. */
export default memo(AnalysisCharts);
