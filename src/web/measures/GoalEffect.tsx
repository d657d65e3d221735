import { Fragment, lazy, Suspense, useId, useMemo } from 'react';
import { api, messageOf } from '../api.ts';
import { ErrorBoundary } from '../ui/ErrorBoundary.tsx';
import { useFetched } from '../ui/useFetched.ts';
import {
  describeEffectChart,
  effectChart,
  effectFacts,
  matchingIntro,
  matchingRows,
  reliabilityWarnings,
  seriesRows,
} from './effect-view.ts';
import { measuresApi, type Goal, type Measure, type MeasureEffect } from './measures-api.ts';
import { mt } from './texts.ts';

const EffectChart = lazy(() => import('./EffectChart.tsx'));
const e = mt.effect;

interface GoalEffectProps {
  measure: Measure;
  goal: Goal;
  /** Who reads (values differ for planners and the public): a new session loads again. */
  session: string;
}

/**
 * „Wirkung: <Indikator>“ for one goal: the result in words, why it may not be reliable, the key
 * figures, the chart of both groups' yearly means with its table, and how the comparison areas
 * were chosen. Loads the effect route; the measure's changes and a new Datenstand load it again.
 */
export function GoalEffect({ measure, goal, session }: GoalEffectProps) {
  const id = useId();
  const areas = measure.areas.map((a) => `${a.level}:${a.key}`).join(',');
  const key = [measure.id, goal.id, measure.updatedAt, areas, goal.current.date, session].join('#');
  const fetched = useFetched(key, () => measuresApi.effect(measure.id, goal.id));
  const level = useFetched(`areas#${goal.level}`, () => api.areas(goal.level));
  const names = useMemo(
    () => new Map((level.data?.features ?? []).map((f) => [f.properties.id, f.properties.name])),
    [level.data],
  );
  const effect = fetched.data;
  return (
    <section
      className="measure-effect"
      aria-labelledby={`${id}-heading`}
      aria-busy={fetched.loading || undefined}
      data-testid="measure-effect"
      data-indicator={goal.indicator}
    >
      <h3 id={`${id}-heading`}>{e.heading(goal.indicatorName)}</h3>
      {fetched.error && <p className="muted">{messageOf(fetched.error)}</p>}
      {!effect && !fetched.error && <p className="muted">{e.loading}</p>}
      {effect && <EffectBody effect={effect} goal={goal} names={names} headingId={id} />}
    </section>
  );
}

function EffectBody({
  effect,
  goal,
  names,
  headingId,
}: {
  effect: MeasureEffect;
  goal: Goal;
  names: ReadonlyMap<string, string>;
  headingId: string;
}) {
  const warnings = reliabilityWarnings(effect.reliability);
  const chart = useMemo(() => effectChart(effect), [effect]);
  const label = describeEffectChart(effect, goal);
  const rows = seriesRows(effect, goal);
  const matches = matchingRows(effect, goal, names);
  return (
    <>
      <p className="muted">{e.intro(effect.start)}</p>
      <div
        className={`measure-effect__result measure-effect__result--${effect.text.verdict}`}
        data-testid="effect-sentences"
      >
        {effect.text.sentences.map((s) => (
          <p key={s}>{s}</p>
        ))}
      </div>
      {warnings.length > 0 && (
        <div className="notice measure-effect__warning" data-testid="effect-warning">
          <strong>{e.notReliable}</strong>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      {effect.text.notes.length > 0 && (
        <>
          <h4 className="visually-hidden">{e.notes}</h4>
          <ul className="measure-effect__notes" data-testid="effect-notes">
            {effect.text.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        </>
      )}
      <h4 className="visually-hidden">{e.facts}</h4>
      <dl className="facts measure-effect__facts" data-testid="effect-facts">
        {effectFacts(effect, goal).map((f) => (
          <Fragment key={f.term}>
            <dt>{f.term}</dt>
            <dd>{f.value}</dd>
          </Fragment>
        ))}
      </dl>

      <h4 id={`${headingId}-chart`}>{e.chartHeading}</h4>
      {effect.series.length > 0 && (
        <ErrorBoundary fallback={<p className="notice">{e.chartFailed}</p>}>
          <Suspense fallback={<p className="muted effect-chart">{e.chartLoading}</p>}>
            <EffectChart data={chart} unit={goal.unit} decimals={goal.decimals} label={label} />
          </Suspense>
        </ErrorBoundary>
      )}
      <details className="measure-effect__details">
        <summary>{e.seriesTable}</summary>
        <div className="table-scroll">
          <table className="effect-table" data-testid="effect-series">
            <caption>{e.seriesCaption(goal.indicatorName)}</caption>
            <thead>
              <tr>
                <th scope="col">{e.year}</th>
                <th scope="col">{e.phase}</th>
                <th scope="col">{e.treatedLine}</th>
                <th scope="col">{e.comparisonLine}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.year}>
                  <th scope="row">{r.year}</th>
                  <td>{r.phase}</td>
                  <td>{r.treated}</td>
                  <td>{r.comparison}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>

      <details className="measure-effect__details" data-testid="effect-matching">
        <summary>{e.matching}</summary>
        <p>{matchingIntro(effect)}</p>
        <div className="table-scroll">
          <table className="effect-table">
            <caption>{e.matchingCaption}</caption>
            <thead>
              <tr>
                <th scope="col">{e.area}</th>
                <th scope="col">{e.role}</th>
                <th scope="col">{e.distance}</th>
                <th scope="col">{e.levelColumn}</th>
                <th scope="col">{e.trendColumn}</th>
                <th scope="col">{e.sizeColumn}</th>
              </tr>
            </thead>
            <tbody>
              {matches.map((r) => (
                <tr
                  key={r.id}
                  className={r.treated ? 'effect-table__treated' : undefined}
                  data-area={r.key}
                  data-role={r.treated ? 'treated' : 'comparison'}
                >
                  <th scope="row">{r.name}</th>
                  <td>{r.role}</td>
                  <td>{r.distance}</td>
                  <td>{r.level}</td>
                  <td>{r.trend}</td>
                  <td>{r.size}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </>
  );
}
