import type { TreeRow } from './measure-tree.ts';
import { budgetText } from './measure-tree.ts';
import { ProgressBar } from './ProgressBar.tsx';
import { mt } from './texts.ts';

interface MeasureTableProps {
  rows: readonly TreeRow[];
  selected: number | null;
  onSelect: (id: number) => void;
}

/**
 * The tree as a table: each entry indented below its parent (the Art column and the hidden level
 * say the same to screen readers), its title a button that opens the details.
 */
export function MeasureTable({ rows, selected, onSelect }: MeasureTableProps) {
  const c = mt.columns;
  return (
    <div className="table-scroll">
      <table className="measure-table" data-testid="measure-table">
        <caption>{mt.treeCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{c.title}</th>
            <th scope="col">{c.kind}</th>
            <th scope="col">{c.status}</th>
            <th scope="col">{c.progress}</th>
            <th scope="col">{c.organisation}</th>
            <th scope="col">{c.budget}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ measure: m, depth, hasGoals }) => (
            <tr
              key={m.id}
              data-id={m.id}
              data-kind={m.kind}
              className={m.id === selected ? 'measure-table__row--selected' : undefined}
            >
              <th scope="row" style={{ paddingLeft: `${0.6 + depth * 1.5}rem` }}>
                <span className="visually-hidden">{mt.level(depth)}: </span>
                <button
                  type="button"
                  className={`link-button measure-table__title measure-table__title--${m.kind}`}
                  aria-current={m.id === selected ? 'true' : undefined}
                  aria-label={mt.show(m.title)}
                  onClick={() => onSelect(m.id)}
                >
                  {m.title}
                </button>
              </th>
              <td>{mt.kinds[m.kind]}</td>
              <td>
                <span className={`measure-status measure-status--${m.status}`}>{mt.statuses[m.status]}</span>
              </td>
              <td>
                <ProgressBar progress={m.progress} hasGoals={hasGoals} />
              </td>
              <td>{m.organisation || '–'}</td>
              <td>{budgetText(m.budgetPlanned, m.budgetSpent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
