/**
 * Statistiktabelle: the selected areas (or all that pass the filters) with their parent areas and
 * the city, recomputed from counts on the server, the target values, and the same table as CSV
 * or XLSX. Rows highlight their area everywhere; names open the area.
 */
import { useId } from 'react';
import { formatDate, formatValue } from '../../core/format.ts';
import { useFetched } from '../ui/useFetched.ts';
import { analysisApi, analysisDownloads, type StatTable, type TableRequest } from './analysis-api.ts';
import { at } from './texts.ts';
import { convertedFootnotes } from '../../reports/converted-footnotes.ts';
import { ConvertedMark, ConvertedNotes } from '../ui/ConvertedMarks.tsx';

interface StatisticsTableProps {
  request: TableRequest;
  /** The areas a selection can take (visible areas, level order), with names. */
  candidates: readonly { id: string; name: string }[];
  /** Whether `request.areas` is the selection (else: all visible areas). */
  isSelection: boolean;
  highlightId: string | null;
  openArea: string | null;
  onHover: (id: string | null) => void;
  onOpen: (id: string) => void;
  onAdd: (id: string) => void;
  onRemove: (id: string) => void;
  onClear: () => void;
}

const cellText = (table: StatTable, row: StatTable['rows'][number], i: number) => {
  const c = row.cells[i]!;
  const col = table.columns[i]!;
  return formatValue(c.value, c.status, col.decimals, col.unit, { unit: false });
};

/**
 * The „umgerechnet“ markers of the table's cells (row kind and key, column → `¹`) and their notes,
 * numbered in the rows' order (areas, parents, city), as the printed tables number them.
 */
export function statMarks(table: StatTable) {
  const f = convertedFootnotes();
  const markers = new Map<string, string>();
  for (const row of table.rows)
    row.cells.forEach((c, i) => {
      // a „–“ has nothing to qualify
      if (c.converted && (c.value !== null || c.status === 'secret'))
        markers.set(markKey(row, i), f.mark('', c.converted));
    });
  return { markers, notes: f.notes() };
}
const markKey = (row: StatTable['rows'][number], i: number) => `${row.kind}|${row.key}|${i}`;

interface StatGridProps {
  table: StatTable;
  busy: boolean;
  isSelection: boolean;
  highlightId: string | null;
  openArea: string | null;
  onHover: (id: string | null) => void;
  onOpen: (id: string) => void;
  onRemove: (id: string) => void;
}

/** The table itself, with the „umgerechnet“ markers and their notes under it. */
export function StatGrid(props: StatGridProps) {
  const { table, isSelection, highlightId } = props;
  const marks = statMarks(table);
  const kind = (row: StatTable['rows'][number]) =>
    row.kind === 'city'
      ? at.table.kinds.city
      : // a parent's own level: in a ragged hierarchy a Sozialraum in one Gemeinde, the Gemeinde elsewhere
        at.table.kinds.parent(row.levelName ?? table.parentLevelName ?? null);
  const cell = (row: StatTable['rows'][number], i: number) => {
    const marker = marks.markers.get(markKey(row, i));
    return (
      <>
        {cellText(table, row, i)}
        <ConvertedMark marker={marker} className="analysis-table__converted" testId="stat-converted" />
      </>
    );
  };
  return (
    <>
      <div className="analysis-table__scroll" aria-busy={props.busy}>
        <table data-testid="stat-table">
          <caption className="visually-hidden">
            {at.table.caption(table.levelName, formatDate(table.date))}
          </caption>
          <thead>
            <tr>
              <th scope="col">{at.table.area}</th>
              {table.columns.map((c) => (
                <th key={c.key} scope="col" className="num">
                  {c.name}
                  {c.unit ? ` (${c.unit})` : ''}
                </th>
              ))}
              {isSelection && (
                <th scope="col">
                  <span className="visually-hidden">{at.table.clear}</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody onMouseLeave={() => props.onHover(null)}>
            {table.rows
              .filter((r) => r.kind === 'area')
              .map((row) => (
                <tr
                  key={row.key}
                  className={
                    [
                      row.key === highlightId ? 'is-highlighted' : '',
                      row.key === props.openArea ? 'is-selected' : '',
                    ]
                      .join(' ')
                      .trim() || undefined
                  }
                  onMouseEnter={() => props.onHover(row.key)}
                  data-area-row={row.key}
                >
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => props.onOpen(row.key)}
                      onFocus={() => props.onHover(row.key)}
                      onBlur={() => props.onHover(null)}
                    >
                      {row.name}
                    </button>
                  </th>
                  {table.columns.map((c, i) => (
                    <td key={c.key} className="num">
                      {cell(row, i)}
                    </td>
                  ))}
                  {isSelection && (
                    <td>
                      <button
                        type="button"
                        className="icon-button icon-button--small"
                        aria-label={at.table.remove(row.name)}
                        title={at.table.remove(row.name)}
                        onClick={() => props.onRemove(row.key)}
                      >
                        ×
                      </button>
                    </td>
                  )}
                </tr>
              ))}
          </tbody>
          <tbody className="analysis-table__aggregates">
            {table.rows
              .filter((r) => r.kind !== 'area')
              .map((row) => (
                <tr key={`${row.kind}-${row.key}`} data-row-kind={row.kind}>
                  <th scope="row">
                    {row.name} <span className="muted">({kind(row)})</span>
                  </th>
                  {table.columns.map((c, i) => (
                    <td key={c.key} className="num">
                      {cell(row, i)}
                    </td>
                  ))}
                  {isSelection && <td />}
                </tr>
              ))}
            <tr data-row-kind="target">
              <th scope="row">{at.table.target}</th>
              {table.columns.map((c) => (
                <td key={c.key} className="num">
                  {c.target === null
                    ? at.table.noTarget
                    : formatValue(c.target, 'value', c.decimals, c.unit, { unit: false })}
                </td>
              ))}
              {isSelection && <td />}
            </tr>
          </tbody>
        </table>
      </div>
      <ConvertedNotes
        notes={marks.notes}
        className="analysis-table__notes muted"
        testId="stat-converted-notes"
        label={at.table.convertedNotes}
      />
    </>
  );
}

export function StatisticsTable(props: StatisticsTableProps) {
  const { request, isSelection, highlightId } = props;
  const id = useId();
  const key = `${request.indicators.join(',')}|${request.level}|${request.date}|${request.areas.join(',')}`;
  const fetched = useFetched(props.candidates.length || isSelection ? key : null, () =>
    analysisApi.table(request),
  );
  const table = fetched.latest;
  const chosen = new Set(isSelection ? request.areas : []);
  const addable = props.candidates.filter((c) => !chosen.has(c.id));
  const areaCount = isSelection ? request.areas.length : props.candidates.length;

  return (
    <section className="analysis-table" aria-labelledby={`${id}-title`} data-testid="stat-table-section">
      <h2 id={`${id}-title`}>{at.table.title}</h2>
      <p className="muted">{at.table.intro(formatDate(request.date))}</p>
      <div className="analysis-table__tools">
        <strong data-testid="stat-table-scope">
          {isSelection ? at.table.selection(areaCount) : at.table.all(areaCount)}
        </strong>
        <div className="field">
          <label htmlFor={`${id}-add`}>{at.table.add}</label>
          <select
            id={`${id}-add`}
            value=""
            onChange={(e) => e.target.value && props.onAdd(e.target.value)}
            data-testid="stat-table-add"
          >
            <option value="">{at.table.addPlaceholder}</option>
            {addable.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        {isSelection && (
          <button type="button" className="button" onClick={props.onClear}>
            {at.table.clear}
          </button>
        )}
        <div className="button-row">
          {(['csv', 'xlsx'] as const).map((format) => (
            <a
              key={format}
              className="button"
              href={analysisDownloads.table(request, format)}
              download
              data-testid={`stat-table-${format}`}
            >
              {at.table.download(format.toUpperCase())}
            </a>
          ))}
        </div>
      </div>
      {!props.candidates.length && !isSelection ? (
        <p className="notice">{at.table.empty}</p>
      ) : !table ? (
        <p className="notice">{fetched.error ? fetched.error.message : at.table.loading}</p>
      ) : (
        <StatGrid
          table={table}
          busy={fetched.loading}
          isSelection={isSelection}
          highlightId={highlightId}
          openArea={props.openArea}
          onHover={props.onHover}
          onOpen={props.onOpen}
          onRemove={props.onRemove}
        />
      )}
      {table && !table.withCounts && <p className="muted">{at.table.public}</p>}
    </section>
  );
}
