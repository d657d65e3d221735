import { useMemo, useState } from 'react';
import { Link } from '../ui/Link.tsx';
import { formatDate, formatNumber, MISSING_SYMBOL } from '../../core/format.ts';
import { AreaMeasuresLink } from '../measures/AreaMeasuresLink.tsx';
import { areaKey } from '../measures/measure-links.ts';
import { paths } from '../router.ts';
import { INVALID_FILL, NO_CLASS_FILL, severityColor } from './colors.ts';
import { areaClass } from './matrix.ts';
import { convertedMarks } from './converted.ts';
import { tableRows, type Robust, type Sort } from './table-rows.ts';
import { mt } from './texts.ts';
import type { IndexResult } from './types.ts';
import { ConvertedMark, ConvertedNotes } from '../ui/ConvertedMarks.tsx';

interface IndexTableProps {
  result: IndexResult;
  levelName: string;
  /** Name of the parent level (e.g. Stadtbezirk), for the column of the parent area. */
  parentLevelName: string;
  /** Robustness by area id, or null while it loads (or if it failed). */
  robustness: ReadonlyMap<string, Robust> | null;
  robustnessLoading: boolean;
  /** Only the areas of this matrix cell, or all (null). */
  cell: string | null;
  selectedId: string | null;
  /** Area under the pointer or keyboard focus (outlined on the map), or null. */
  onFocusArea: (id: string | null) => void;
  /** The measures working in each area (`measuresByArea`): a link to them under the area name. */
  measures?: ReadonlyMap<string, readonly number[]>;
}

const percent = (share: number) => `${formatNumber(share * 100, 0)}\u00a0%`;

/** The areas with index values, classes, code, rank interval and class stability; sortable. */
export function IndexTable(props: IndexTableProps) {
  const { result, levelName, parentLevelName, robustness, robustnessLoading, cell, selectedId, onFocusArea } =
    props;
  const { measures } = props;
  const [sort, setSort] = useState<Sort>({ column: 'name', descending: false });
  const rows = useMemo(() => tableRows(result, robustness, cell, sort), [result, robustness, cell, sort]);
  const converted = useMemo(() => convertedMarks(result), [result]);
  const pending = robustnessLoading ? mt.table.loading : MISSING_SYMBOL;

  const header = (column: string, label: string, className?: string, title?: string) => {
    const active = sort.column === column;
    return (
      <th
        key={column}
        scope="col"
        className={className}
        title={title}
        aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
      >
        <button
          type="button"
          className="sort-button"
          onClick={() =>
            setSort({
              column,
              // numbers open with the worst first (highest index, lowest stability …)
              descending: active
                ? !sort.descending
                : column.startsWith('index') || column.startsWith('class'),
            })
          }
        >
          {label}
          <span className="visually-hidden">, {mt.table.sortBy(label)}</span>
          <span className="sort-button__icon" aria-hidden="true">
            {active ? (sort.descending ? '▼' : '▲') : '↕'}
          </span>
        </button>
      </th>
    );
  };

  const caption =
    mt.table.caption(levelName, result.name, formatDate(result.date)) +
    (cell !== null ? mt.table.filtered(rows.length, result.areas.length) : '');
  return (
    <div className="area-table index-table">
      <div className="area-table__scroll">
        <table data-testid="index-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {header('name', mt.table.name)}
              {header('parent', parentLevelName)}
              {result.parts.flatMap((p) => [
                header(`index:${p.key}`, p.label, 'num'),
                header(`class:${p.key}`, mt.table.cls),
              ])}
              {result.parts.length > 1 && header('code', mt.table.code)}
              {header('rank', mt.table.rank, 'num', mt.table.rankHint)}
              {header(
                'stability',
                mt.table.stability,
                'num',
                `${mt.table.stabilityHint}${result.parts.length > 1 ? ` (${result.parts.map((p) => p.label).join(' · ')})` : ''}`,
              )}
            </tr>
          </thead>
          <tbody onMouseLeave={() => onFocusArea(null)}>
            {rows.map(({ area, robust }) => (
              <tr
                key={area.id}
                className={`${area.id === selectedId ? 'is-selected' : ''}${area.valid ? '' : ' index-table__invalid'}`}
                onMouseEnter={() => onFocusArea(area.id)}
                data-area-id={area.id}
              >
                <th scope="row">
                  <Link
                    to={paths.profile(result.level, area.id)}
                    aria-label={mt.table.openProfile(area.name)}
                    onFocus={() => onFocusArea(area.id)}
                    onBlur={() => onFocusArea(null)}
                  >
                    {area.name}
                  </Link>
                  <AreaMeasuresLink
                    ids={measures?.get(areaKey(result.level, area.id))}
                    className="index-table__measures"
                    testId="index-measures-link"
                  />
                </th>
                <td>{area.parentName ?? MISSING_SYMBOL}</td>
                {area.valid ? (
                  <>
                    {result.parts.map((p) => {
                      const value = area.parts[p.key]?.index ?? null;
                      const cls = areaClass(area, p);
                      return [
                        <td key={`${p.key}-index`} className="num">
                          {value === null ? MISSING_SYMBOL : formatNumber(value, 2)}
                          {value !== null && (
                            <ConvertedMark
                              marker={converted.markers.get(area.id)}
                              className="index-table__converted"
                              testId="index-converted"
                            />
                          )}
                        </td>,
                        <td key={`${p.key}-class`}>
                          <span className="class-cell">
                            <span
                              className="swatch swatch--small"
                              style={{ background: cls ? severityColor(cls.severity) : NO_CLASS_FILL }}
                              aria-hidden="true"
                            />
                            {cls ? cls.label : MISSING_SYMBOL}
                          </span>
                        </td>,
                      ];
                    })}
                    {result.parts.length > 1 && (
                      <td className="index-table__code">{area.code ?? MISSING_SYMBOL}</td>
                    )}
                  </>
                ) : (
                  // one cell for the reason: it is long and says why all index columns are empty
                  <td colSpan={result.parts.length * 2 + (result.parts.length > 1 ? 1 : 0)}>
                    <span className="class-cell index-table__reason">
                      <span
                        className="swatch swatch--small"
                        style={{ background: INVALID_FILL }}
                        aria-hidden="true"
                      />
                      {mt.table.invalid(area.invalidReason)}
                    </span>
                  </td>
                )}
                <td className="num">{robust ? rankText(robust) : area.valid ? pending : MISSING_SYMBOL}</td>
                <td className="num">
                  {robust ? (
                    <>
                      {result.parts.map((p) => percent(robust.classStability[p.key] ?? 0)).join(' · ')}
                      {!robust.robust && <span className="index-table__flag"> {mt.table.notRobust}</span>}
                    </>
                  ) : area.valid ? (
                    pending
                  ) : (
                    MISSING_SYMBOL
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConvertedNotes
        notes={converted.notes}
        className="index-table__notes muted"
        testId="index-converted-notes"
      />
    </div>
  );
}

/** `12 (8–17)`: rank of the definition and its 5–95 % interval over the Monte Carlo runs. */
const rankText = (r: Robust) =>
  `${formatNumber(r.baseRank, 0)} (${formatNumber(r.rankLow, 0)}–${formatNumber(r.rankHigh, 0)})`;
