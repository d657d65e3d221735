import { formatDate, formatNumber, formatValue } from '../../core/format.ts';
import { paths } from '../router.ts';
import { Link } from '../ui/Link.tsx';
import type { Ranking } from './coverage-api.ts';
import { coverageQuery } from './coverage-url.ts';
import { distanceText } from './needs-plan.ts';
import { bt } from './texts.ts';

interface NeedsPlanTableProps {
  ranking: Ranking;
  /** The top areas, outlined on the map and marked in the table. */
  marked: ReadonlySet<string>;
  selectedId: string | null;
  /** The area hovered or focused here or on the map. */
  focusId: string | null;
  onFocus: (areaId: string | null) => void;
}

/**
 * The Bedarfsplan as a table in rank order: points, needs, coverage, missing places, social class
 * and nearest facility with the reason; each area links to its coverage.
 */
export function NeedsPlanTable({ ranking, marked, selectedId, focusId, onFocus }: NeedsPlanTableProps) {
  const columns: { label: string; numeric?: boolean }[] = [
    { label: bt.table.rank, numeric: true },
    { label: bt.table.area },
    { label: bt.table.score, numeric: true },
    { label: bt.table.needs, numeric: true },
    { label: bt.table.rate, numeric: true },
    { label: bt.table.missing(ranking.norm.capacityUnit), numeric: true },
    ...(ranking.index ? [{ label: bt.table.socialClass }] : []),
    { label: bt.table.distance },
    { label: bt.table.reason },
  ];
  return (
    <div className="area-table needs-plan-table">
      <div className="area-table__scroll">
        <table data-testid="needs-plan-table">
          <caption>
            {bt.table.caption(ranking.levelName, ranking.norm.name, formatDate(ranking.date))}
          </caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={c.numeric ? 'num' : undefined}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody onMouseLeave={() => onFocus(null)}>
            {ranking.rows.map((r) => {
              const c = r.coverage;
              const highlighted = marked.has(r.area);
              return (
                <tr
                  key={r.area}
                  data-rank-area={r.area}
                  className={
                    r.area === selectedId
                      ? 'is-selected'
                      : r.area === focusId
                        ? 'is-highlighted'
                        : highlighted
                          ? 'needs-plan__top'
                          : undefined
                  }
                  onMouseEnter={() => onFocus(r.area)}
                >
                  <td className="num">{r.rank ?? bt.table.unranked}</td>
                  <th scope="row">
                    <Link
                      to={`${paths.coverage}?${coverageQuery({
                        norm: ranking.norm.key,
                        level: ranking.level,
                        date: ranking.date,
                        scenario: null,
                        area: r.area,
                        mapSide: null,
                      })}`}
                      onFocus={() => onFocus(r.area)}
                      onBlur={() => onFocus(null)}
                    >
                      {r.name}
                    </Link>
                    {r.parentName && <span className="muted"> ({r.parentName})</span>}
                  </th>
                  <td className="num">{formatNumber(r.score, 1)}</td>
                  <td className="num">{r.needs}</td>
                  <td className="num">{formatValue(c.rate, c.status, 1, '', { unit: false })}</td>
                  <td className="num">{formatValue(c.missing, c.status, 0, '', { unit: false })}</td>
                  {ranking.index && (
                    <td>
                      {r.socialClass
                        ? `${r.socialClass.code} (${r.socialClass.label})`
                        : (r.socialClassNote ?? '–')}
                    </td>
                  )}
                  <td>
                    {distanceText(r.distance)}
                    {r.nearest && <span className="muted"> – {r.nearest.name}</span>}
                  </td>
                  <td className="needs-plan__reason">{r.reason}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
