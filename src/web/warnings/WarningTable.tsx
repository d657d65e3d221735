import type { WarningEntry } from '../../warnings/warning.schema.ts';
import { Link } from '../ui/Link.tsx';
import { formatDate } from '../../core/format.ts';
import { convertedDatesText } from '../../areas/convert/converted-note.ts';
import { AreaMeasuresLink } from '../measures/AreaMeasuresLink.tsx';
import { areaKey } from '../measures/measure-links.ts';
import { paths } from '../router.ts';
import { wt } from './texts.ts';

interface WarningTableProps {
  entries: readonly WarningEntry[];
  date: string;
  /** Names of the parent areas by key (Stadtbezirke), shown under the area name. */
  parentNames: ReadonlyMap<string, string>;
  /** The measures working in each area (`measuresByArea`): a link to them under the area name. */
  measures?: ReadonlyMap<string, readonly number[]>;
}

/**
 * The Frühwarnung list: one row per entry with its severity, the area (a link to its profile),
 * the rule, the indicator (a link to its Kennblatt) and the reason in words; under the area, the
 * measures already working there. A reason that compares values converted from an earlier
 * Gebietsstand says so beneath it (the numbers are estimates across the change of areas).
 */
export function WarningTable({ entries, date, parentNames, measures }: WarningTableProps) {
  const t = wt.table;
  return (
    <div className="warnings-table-wrap">
      <table className="warnings-table" data-testid="warnings-table">
        <caption>{t.caption(formatDate(date))}</caption>
        <colgroup>
          <col className="warnings-table__severity" />
          <col className="warnings-table__area" />
          <col className="warnings-table__rule" />
          <col className="warnings-table__reason" />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t.severity}</th>
            <th scope="col">{t.area}</th>
            <th scope="col">
              {t.rule} / {t.indicator}
            </th>
            <th scope="col">{t.reason}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr
              key={`${e.rule}|${e.indicator ?? ''}|${e.area}|${e.reason}`}
              data-rule={e.rule}
              data-area={e.area}
            >
              <td>
                <span className={`severity severity--${e.severity}`}>{wt.severity[e.severity]}</span>
              </td>
              <th scope="row">
                <Link
                  to={paths.profile(e.level, e.area)}
                  aria-label={t.profileOf(e.areaName)}
                  data-testid="warning-area-link"
                >
                  {e.areaName}
                </Link>
                {e.parent !== null && parentNames.has(e.parent) && (
                  <span className="warnings-table__parent muted">{parentNames.get(e.parent)}</span>
                )}
                <AreaMeasuresLink
                  ids={measures?.get(areaKey(e.level, e.area))}
                  className="warnings-table__measures"
                  testId="warning-measures-link"
                />
              </th>
              <td>
                <span className="warnings-table__rule-name">{e.ruleName}</span>
                <span className="warnings-table__indicator muted">
                  {e.indicator !== null ? (
                    <Link to={paths.sheet(e.indicator)}>{e.indicatorName}</Link>
                  ) : (
                    t.index
                  )}
                </span>
              </td>
              <td className="warnings-table__reason-text">
                {e.reason}
                {e.converted && (
                  <span className="warnings-table__converted muted" data-testid="warning-converted">
                    {convertedDatesText(e.converted)}
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
