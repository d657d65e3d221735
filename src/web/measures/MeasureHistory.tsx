import { messageOf } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';
import { historyLines, type HistoryNames } from './history.ts';
import { measuresApi } from './measures-api.ts';
import { mt } from './texts.ts';

const h = mt.history;

/** Who changed the entry when, and each changed field before → after (planners). */
export function MeasureHistory({
  id,
  revision,
  names,
}: {
  id: number;
  /** Changes when the entry changed: the history loads again. */
  revision: string;
  names: HistoryNames;
}) {
  const entries = useFetched(`history#${id}#${revision}`, () => measuresApi.history(id));
  if (entries.error)
    return (
      <p className="alert" role="alert">
        {messageOf(entries.error)}
      </p>
    );
  const lines = historyLines(entries.latest ?? [], names);
  if (entries.latest && lines.length === 0) return <p className="muted">{h.none}</p>;
  return (
    <div className="table-scroll">
      <table className="history-table" data-testid="history-table">
        <caption>{h.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{h.when}</th>
            <th scope="col">{h.who}</th>
            <th scope="col">{h.what}</th>
            <th scope="col">{h.change}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={i}>
              <td>{l.at}</td>
              <td>{l.by}</td>
              <td>{l.action}</td>
              <td>
                {l.changes.length > 0 && (
                  <ul className="plain-list">
                    {l.changes.map((c, j) => (
                      <li key={j}>
                        <strong>{c.field}:</strong> {c.before} → {c.after}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
