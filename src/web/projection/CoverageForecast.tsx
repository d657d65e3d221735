import { useId, useMemo, useState } from 'react';
import { formatDate } from '../../core/format.ts';
import { coverageApi } from '../coverage/coverage-api.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';
import {
  ageBasedNorms,
  areaTableRows,
  chosenNorm,
  cityTableRows,
  targetOf,
  type ForecastCells,
  type ForecastTableRow,
} from './coverage-forecast-table.ts';
import { projectionApi } from './projection-api.ts';
import { pt } from './texts.ts';

export interface CoverageForecastProps {
  /** The page's level, base and target: the projection the need is carried forward with. */
  level: string;
  levelName: string;
  base: string;
  to: string;
  /** Changes with the user: norms and scenarios a planner sees are reloaded. */
  session: string;
}

/**
 * „Versorgung bis …“: an age-based norm's need from the population projection beside the places
 * in operation, per area in the target year and for the city per year, with a scenario's figures
 * beside the Bestand (GET /api/coverage/forecast).
 */
export function CoverageForecast({ level, levelName, base, to, session }: CoverageForecastProps) {
  const id = useId();
  const f = pt.forecast;
  const [normKey, setNormKey] = useState<string | null>(null);
  const [scenarioName, setScenarioName] = useState('');
  const norms = useFetched(`norms#${session}`, () => coverageApi.norms());
  const scenarios = useFetched(`scenarios#${session}`, () => coverageApi.scenarios());
  const offered = useMemo(() => ageBasedNorms(norms.latest ?? []), [norms.latest]);
  const norm = chosenNorm(offered, normKey);
  // a scenario deleted meanwhile (another tab) is not asked for
  const scenario = scenarios.latest?.some((s) => s.name === scenarioName) ? scenarioName : null;
  const forecast = useFetched(
    norm ? `forecast#${norm.key}#${level}#${base}#${to}#${scenario ?? ''}#${session}` : null,
    () => projectionApi.coverage(norm!.key, level, base, to, scenario),
  );

  // the latest answer may be of the previous choice while the next loads: shown until then
  const shown = forecast.latest;
  const areaRows = useMemo(() => (shown ? areaTableRows(shown) : []), [shown]);
  const cityRows = useMemo(() => (shown ? cityTableRows(shown) : []), [shown]);
  const target = shown && targetOf(shown);
  const error = norms.error ?? scenarios.error ?? forecast.error;

  return (
    <section aria-labelledby={`${id}-title`} aria-busy={forecast.loading} data-testid="coverage-forecast">
      <h2 id={`${id}-title`}>{f.title(to.slice(0, 4))}</h2>
      <p className="muted">{f.intro}</p>
      <div className="controls__row">
        <div className="field">
          <label htmlFor={`${id}-norm`}>{f.norm}</label>
          <select
            id={`${id}-norm`}
            value={norm?.key ?? ''}
            onChange={(e) => setNormKey(e.target.value)}
            disabled={offered.length === 0}
            data-testid="forecast-norm-select"
          >
            {offered.map((n) => (
              <option key={n.key} value={n.key}>
                {n.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-scenario`}>{f.scenario}</label>
          <select
            id={`${id}-scenario`}
            value={scenario ?? ''}
            onChange={(e) => setScenarioName(e.target.value)}
            data-testid="forecast-scenario-select"
          >
            <option value="">{f.noScenario}</option>
            {(scenarios.latest ?? []).map((s) => (
              <option key={s.id} value={s.name}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {error && (
        <p className="alert" role="alert">
          {t.loadError} {error.message}
        </p>
      )}
      {norms.latest && offered.length === 0 && <p className="notice">{f.noNorms}</p>}
      {!shown && !error && offered.length > 0 && <p className="notice">{t.loading}</p>}
      {shown && target && (
        <>
          <ForecastTable
            testId="forecast-area-table"
            caption={f.areaCaption(shown.norm.name, levelName, formatDate(target))}
            first={f.area}
            rows={areaRows}
            unit={shown.norm.capacityUnit}
            scenario={shown.scenario}
            hint={`${id}-hint`}
          />
          <ForecastTable
            testId="forecast-city-table"
            caption={f.cityCaption(shown.norm.name)}
            first={f.year}
            rows={cityRows}
            unit={shown.norm.capacityUnit}
            scenario={shown.scenario}
            hint={`${id}-hint`}
          />
          <p className="muted" id={`${id}-hint`}>
            {f.balanceHint}
          </p>
          <p className="muted" data-testid="forecast-source">
            {f.source(shown.norm.name, shown.norm.source)}
          </p>
        </>
      )}
    </section>
  );
}

interface ForecastTableProps {
  testId: string;
  caption: string;
  /** Heading of the first column (Gebiet or Jahr). */
  first: string;
  rows: readonly ForecastTableRow[];
  unit: string;
  /** The scenario's name: its four columns beside the Bestand's; null: none. */
  scenario: string | null;
  /** Id of the text that explains the balance and the rounding. */
  hint: string;
}

const CELLS = ['demand', 'supply', 'balance', 'rate'] as const;

/** Bedarf, Versorgung, Saldo and Versorgungsquote of the Bestand, and of the scenario beside it. */
function ForecastTable({ testId, caption, first, rows, unit, scenario, hint }: ForecastTableProps) {
  const f = pt.forecast;
  const labels = { demand: f.demand(unit), supply: f.supply(unit), balance: f.balance, rate: f.rate };
  const groups = scenario === null ? ['bestand'] : ['bestand', 'scenario'];
  const cells = (c: ForecastCells, group: string) =>
    CELLS.map((k) => (
      <td
        key={`${group}-${k}`}
        className={k === 'balance' && c.missing ? 'num projection-table__missing' : 'num'}
        data-column={`${group}-${k}`}
      >
        {c[k]}
      </td>
    ));
  return (
    <div className="area-table projection-table">
      {/* focusable: a keyboard scrolls the table when it is wider or taller than its frame */}
      <div className="area-table__scroll" tabIndex={0} role="region" aria-label={caption}>
        <table data-testid={testId} aria-describedby={hint}>
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {first}
              </th>
              <th scope="colgroup" colSpan={4} className="projection-table__group">
                {f.bestand}
              </th>
              {scenario !== null && (
                <th scope="colgroup" colSpan={4} className="projection-table__group" data-group="scenario">
                  {f.scenarioGroup(scenario)}
                </th>
              )}
            </tr>
            <tr>
              {groups.flatMap((group) =>
                CELLS.map((k) => (
                  <th key={`${group}-${k}`} scope="col" className="num">
                    {labels[k]}
                  </th>
                )),
              )}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key} data-key={r.key}>
                <th scope="row">{r.label}</th>
                {cells(r.bestand, 'bestand')}
                {r.scenario && cells(r.scenario, 'scenario')}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
