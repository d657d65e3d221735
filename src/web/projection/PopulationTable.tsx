import { formatNumber } from '../../core/format.ts';
import { roundProjected, type ProjectionTableRow } from './projection-table.ts';
import { pt } from './texts.ts';

interface PopulationTableProps {
  rows: readonly ProjectionTableRow[];
  years: readonly number[];
  totals: readonly { year: number; value: number }[];
  caption: string;
}

const cell = (value: number | undefined) =>
  value === undefined ? '–' : formatNumber(roundProjected(value), 0);

/** The projection of one age group: a row per area, a column per year shown, the city sum last. */
export function PopulationTable({ rows, years, totals, caption }: PopulationTableProps) {
  const total = new Map(totals.map((p) => [p.year, p.value]));
  return (
    <div className="area-table projection-table">
      {/* focusable: a keyboard scrolls the table when it is wider or taller than its frame */}
      <div className="area-table__scroll" tabIndex={0} role="region" aria-label={caption}>
        <table data-testid="projection-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{pt.population.area}</th>
              {years.map((y) => (
                <th key={y} scope="col" className="num" data-year={y}>
                  {y}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.area} data-area={r.area}>
                <th scope="row">{r.name}</th>
                {years.map((y) => (
                  <td key={y} className="num">
                    {cell(r.values.get(y))}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{pt.population.city}</th>
              {years.map((y) => (
                <td key={y} className="num">
                  {cell(total.get(y))}
                </td>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  );
}
