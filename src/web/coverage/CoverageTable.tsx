import { useMemo, useState } from 'react';
import { formatDate } from '../../core/format.ts';
import type { Choropleth } from '../map/choropleth.ts';
import { t } from '../texts.ts';
import { amountText, balanceText, rateText } from './coverage-format.ts';
import { sortCoverage, type CoverageColumn, type CoverageSort, type SideBySide } from './coverage-rows.ts';
import { ct } from './texts.ts';

interface CoverageTableProps {
  levelName: string;
  parentLevelName: string | null;
  normName: string;
  unit: string;
  date: string;
  rows: readonly SideBySide[];
  /** The parent level's rows and the city's, below the areas. */
  totals: readonly SideBySide[];
  scenario: string | null;
  choropleth: Choropleth;
  selectedId: string | null;
  highlightId: string | null;
  onOpen: (id: string) => void;
  onFocusArea: (id: string | null) => void;
}

/** Supply, demand, rate and balance per area (sortable), the scenario beside them, districts and city below. */
export function CoverageTable(props: CoverageTableProps) {
  const { levelName, parentLevelName, normName, unit, date, rows, totals, scenario, choropleth } = props;
  const { selectedId, highlightId, onOpen, onFocusArea } = props;
  const [sort, setSort] = useState<CoverageSort>({ column: 'name', descending: false });
  const sorted = useMemo(() => sortCoverage(rows, sort), [rows, sort]);
  const all = [...rows, ...totals];
  // in a ragged hierarchy the parents lie on several levels (Gemeinden and one Gemeinde's Sozialräume)
  const parentLevels = [...new Set(totals.flatMap((r) => (r.levelName === undefined ? [] : [r.levelName])))];
  const ragged = parentLevels.some((l) => l !== parentLevelName);
  const decimals = all.every((r) => r.supply === null || Number.isInteger(r.supply)) ? 0 : 1;

  const header = (column: CoverageColumn, label: string) => {
    const active = sort.column === column;
    return (
      <th
        scope="col"
        className={column === 'name' ? undefined : 'num'}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() => setSort({ column, descending: active ? !sort.descending : false })}
        >
          {label}
          <span className="visually-hidden">, {ct.table.sortBy(label)}</span>
          <span className="sort-button__icon" aria-hidden="true">
            {active ? (sort.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  const cells = (r: SideBySide) => (
    <>
      <td className="num">{amountText(r.supply, r.status, decimals, true)}</td>
      <td className="num">{amountText(r.demand, r.status, 1)}</td>
      <td className="num" data-column="rate">
        {rateText(r)}
      </td>
      <td className="num">{balanceText(r)}</td>
      {scenario && (
        <>
          <td className="num coverage-scenario" data-column="scenario-rate">
            {r.scenario ? rateText(r.scenario) : '–'}
          </td>
          <td className="num coverage-scenario">{r.scenario ? balanceText(r.scenario) : '–'}</td>
        </>
      )}
    </>
  );

  return (
    <div className="area-table coverage-table">
      <div className="area-table__scroll">
        <table data-testid="coverage-table">
          <caption>{ct.table.caption(levelName, normName, formatDate(date))}</caption>
          <thead>
            <tr>
              {header('name', ct.table.area)}
              {header('supply', ct.table.supply(unit))}
              {header('demand', ct.table.demand(unit))}
              {header('rate', ct.table.rate)}
              {header('balance', ct.table.balance)}
              {scenario && header('scenarioRate', ct.table.scenarioRate(scenario))}
              {scenario && header('scenarioBalance', ct.table.scenarioBalance(scenario))}
            </tr>
          </thead>
          <tbody onMouseLeave={() => onFocusArea(null)}>
            {sorted.map((r) => {
              const selected = r.area === selectedId;
              const style = choropleth.styles.get(r.area);
              return (
                <tr
                  key={r.area}
                  data-area={r.area}
                  className={selected ? 'is-selected' : r.area === highlightId ? 'is-highlighted' : undefined}
                  onMouseEnter={() => onFocusArea(r.area)}
                >
                  <th scope="row">
                    <span className="class-cell">
                      <span
                        className={`swatch swatch--small${style?.cls != null ? '' : r.status === 'secret' ? ' swatch--secret' : ' swatch--missing'}`}
                        style={style?.cls != null ? { background: style.color } : undefined}
                        aria-hidden="true"
                      />
                      <button
                        type="button"
                        className="link-button"
                        aria-current={selected ? 'true' : undefined}
                        aria-label={ct.table.open(r.name)}
                        onClick={() => onOpen(r.area)}
                        onFocus={() => onFocusArea(r.area)}
                        onBlur={() => onFocusArea(null)}
                        data-area-id={r.area}
                      >
                        {r.name}
                      </button>
                    </span>
                  </th>
                  {cells(r)}
                </tr>
              );
            })}
          </tbody>
          {totals.length > 0 && (
            <tbody className="coverage-table__totals" data-testid="coverage-totals">
              <tr>
                <th scope="rowgroup" colSpan={scenario ? 7 : 5} className="coverage-table__group">
                  {ct.table.parents(parentLevels.join(', ') || (parentLevelName ?? t.legend.city))}
                </th>
              </tr>
              {totals.map((r, i) => {
                const city = i === totals.length - 1;
                return (
                  <tr
                    key={`${r.area}-${i}`}
                    data-area={r.area}
                    className={city ? 'is-city' : r.area === selectedId ? 'is-selected' : undefined}
                  >
                    <th scope="row">
                      {city ? (
                        `${r.name} (${ct.table.city})`
                      ) : (
                        <button
                          type="button"
                          className="link-button"
                          aria-current={r.area === selectedId ? 'true' : undefined}
                          aria-label={ct.table.open(r.name)}
                          onClick={() => onOpen(r.area)}
                        >
                          {r.name}
                        </button>
                      )}
                      {!city && ragged && r.levelName && <span className="muted"> ({r.levelName})</span>}
                    </th>
                    {cells(r)}
                  </tr>
                );
              })}
            </tbody>
          )}
        </table>
      </div>
    </div>
  );
}
