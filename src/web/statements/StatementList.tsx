import { formatDate, formatNumber } from '../../core/format.ts';
import { statementDocument, type StatementSummary } from './statement-api.ts';
import { sm } from './texts.ts';

interface StatementListProps {
  statements: readonly StatementSummary[];
  onShow: (s: StatementSummary) => void;
  onRemove: (s: StatementSummary) => void;
}

/** The stored statements with their result, their documents (PDF, Word) and deletion. */
export function StatementList({ statements, onShow, onRemove }: StatementListProps) {
  return (
    <div className="table-scroll">
      <table data-testid="statement-list">
        <caption className="visually-hidden">{sm.stored}</caption>
        <thead>
          <tr>
            <th scope="col">{sm.columns.name}</th>
            <th scope="col">{sm.columns.planNumber}</th>
            <th scope="col" className="num">
              {sm.columns.dwellings}
            </th>
            <th scope="col" className="num">
              {sm.columns.area}
            </th>
            <th scope="col">{sm.columns.updated}</th>
            <th scope="col">{sm.columns.actions}</th>
          </tr>
        </thead>
        <tbody>
          {statements.map((s) => (
            <tr key={s.id}>
              <th scope="row">{s.name}</th>
              <td>{s.planNumber}</td>
              <td className="num">{formatNumber(s.dwellings, 0)}</td>
              <td className="num">{formatNumber(s.areaM2 / 10_000, 1)} ha</td>
              <td>{formatDate(s.updatedAt)}</td>
              <td className="statement-actions">
                <button type="button" className="button" onClick={() => onShow(s)}>
                  {sm.show}
                </button>
                <a
                  className="button"
                  href={statementDocument(s.id, 'pdf')}
                  aria-label={sm.documentOf(s.name, sm.pdf)}
                >
                  {sm.pdf}
                </a>
                <a
                  className="button"
                  href={statementDocument(s.id, 'docx')}
                  aria-label={sm.documentOf(s.name, sm.docx)}
                >
                  {sm.docx}
                </a>
                <button type="button" className="button button--danger-outline" onClick={() => onRemove(s)}>
                  {sm.remove}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
