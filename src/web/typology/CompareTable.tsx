import { formatDate, formatValue } from '../../core/format.ts';
import { signedDifference } from './compare-format.ts';
import { tt } from './texts.ts';
import type { CompareResult } from './typology-api.ts';

/** Values of A and B per indicator, the difference A − B and the ranks among the level's areas. */
export function CompareTable({ result }: { result: CompareResult }) {
  const bIsArea = result.b.kind === 'area';
  const rank = (r: number | null, of: number) => (r === null ? '–' : tt.compare.rankOf(r, of));
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="compare-caption">
      <table className="typology-table compare-table" data-testid="compare-table">
        <caption id="compare-caption" className="typology-table__caption">
          {tt.compare.tableCaption(result.a.name, result.b.name, formatDate(result.date))}
        </caption>
        <thead>
          <tr>
            <th scope="col">{tt.compare.indicator}</th>
            <th scope="col" className="num" data-testid="compare-a-head">
              {result.a.name}
            </th>
            <th scope="col" className="num" data-testid="compare-b-head">
              {result.b.name}
            </th>
            <th scope="col" className="num">
              {tt.compare.difference}
            </th>
            <th scope="col" className="num" title={tt.compare.rankHint}>
              {tt.compare.rank(result.a.name)}
            </th>
            {bIsArea && (
              <th scope="col" className="num" title={tt.compare.rankHint}>
                {tt.compare.rank(result.b.name)}
              </th>
            )}
            {result.b.kind !== 'city' && (
              <th scope="col" className="num">
                {tt.compare.city}
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={r.indicator} data-key={r.indicator}>
              <th scope="row">
                {r.name}
                {r.unit && <span className="typology-table__unit"> ({r.unit})</span>}
              </th>
              <td className="num">
                {formatValue(r.a.value, r.a.status, r.decimals, r.unit, { unit: false })}
              </td>
              <td className="num">
                {formatValue(r.b.value, r.b.status, r.decimals, r.unit, { unit: false })}
              </td>
              <td className="num">{signedDifference(r.difference, r.decimals, r.differenceUnit)}</td>
              <td className="num">{rank(r.rankA, r.ranked)}</td>
              {bIsArea && <td className="num">{rank(r.rankB, r.ranked)}</td>}
              {result.b.kind !== 'city' && (
                <td className="num">
                  {formatValue(r.city.value, r.city.status, r.decimals, r.unit, { unit: false })}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted typology-note">{tt.compare.rankHint}.</p>
    </div>
  );
}
