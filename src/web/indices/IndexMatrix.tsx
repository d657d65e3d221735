import { formatDate } from '../../core/format.ts';
import { textOn } from './colors.ts';
import type { Matrix } from './matrix.ts';
import { mt } from './texts.ts';

interface IndexMatrixProps {
  matrix: Matrix;
  levelName: string;
  date: string;
  /** Selected cell key or null. */
  selected: string | null;
  /** Show the inhabitants' shares (only for users who see unprotected data). */
  showShares: boolean;
  onSelect: (cell: string | null) => void;
}

const heading = (label: string, code: string) => (
  <>
    {label}
    {code && <span className="index-matrix__code"> ({code})</span>}
  </>
);

/**
 * The status/dynamics matrix as a real table: status classes as row headers, dynamics classes as
 * column headers, each cell the number of areas (and their share of the inhabitants). A cell is a
 * toggle button that selects its areas on the map and in the table.
 */
export function IndexMatrix({ matrix, levelName, date, selected, showShares, onSelect }: IndexMatrixProps) {
  const { rows, cols, cells, colPart, rowPart } = matrix;
  const colSums = cols.map((_, c) => cells.reduce((n, row) => n + (row[c]?.count ?? 0), 0));
  return (
    <section className="index-matrix" aria-labelledby="index-matrix-title">
      <h2 id="index-matrix-title" className="index-matrix__title">
        {colPart ? mt.matrix.title : mt.matrix.titleSingle}
      </h2>
      <table data-testid="index-matrix">
        <caption>
          {mt.matrix.caption(levelName, formatDate(date), !!colPart)}
          {showShares && mt.matrix.captionShare}
        </caption>
        <thead>
          <tr>
            <td className="index-matrix__corner">
              {colPart ? `${rowPart.label} \\ ${colPart.label}` : rowPart.label}
            </td>
            {cols.map((col) => (
              <th key={col.code} scope="col">
                {colPart ? heading(col.label, col.code) : mt.matrix.areasHeader}
              </th>
            ))}
            {colPart && <th scope="col">{mt.matrix.total}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, r) => (
            <tr key={row.code}>
              <th scope="row">{heading(row.label, row.code)}</th>
              {(cells[r] ?? []).map((cell) => {
                const pressed = cell.key === selected;
                const share = showShares && cell.share !== null ? mt.matrix.share(cell.share) : null;
                return (
                  <td key={cell.key} className="index-matrix__cell">
                    <button
                      type="button"
                      className="index-matrix__button"
                      style={{ background: cell.color, color: textOn(cell.color) }}
                      aria-pressed={pressed}
                      aria-label={mt.matrix.select(
                        mt.matrix.cellName(rowPart.label, row.label, colPart?.label ?? null, cell.col.label),
                        cell.count,
                        share,
                      )}
                      data-testid="matrix-cell"
                      data-cell={cell.key}
                      data-count={cell.count}
                      onClick={() => onSelect(pressed ? null : cell.key)}
                    >
                      <span className="index-matrix__count">{cell.count}</span>
                      {/* a space between count and share: one word each in the visible text */}
                      {share !== null && (
                        <>
                          {' '}
                          <span className="index-matrix__share">{share}</span>
                        </>
                      )}
                    </button>
                  </td>
                );
              })}
              {colPart && (
                <td className="index-matrix__sum">{(cells[r] ?? []).reduce((n, c) => n + c.count, 0)}</td>
              )}
            </tr>
          ))}
        </tbody>
        {colPart && (
          <tfoot>
            <tr>
              <th scope="row">{mt.matrix.total}</th>
              {colSums.map((n, c) => (
                <td key={cols[c]?.code ?? c} className="index-matrix__sum">
                  {n}
                </td>
              ))}
              <td className="index-matrix__sum" data-testid="matrix-total">
                {matrix.classified}
              </td>
            </tr>
          </tfoot>
        )}
      </table>
      <p className="index-matrix__hint muted">
        {mt.matrix.hint}
        {!showShares && ` ${mt.matrix.protectedHint}`}
      </p>
    </section>
  );
}
