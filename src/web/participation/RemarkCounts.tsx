import { useId, useState } from 'react';
import type { AreaLevel } from '../../areas/area.schema.ts';
import { REMARK_CATEGORIES } from '../../remarks/remark-categories.ts';
import { useFetched } from '../ui/useFetched.ts';
import { formatDate } from '../../core/format.ts';
import { remarksApi, type AreaRemarks, type RemarkCategory } from './participation-api.ts';
import { rt } from './texts.ts';

const categoryName = (key: string) => REMARK_CATEGORIES[key as RemarkCategory] ?? key;

interface RemarkCountsProps {
  levels: AreaLevel[];
  initialLevel: string;
  session: string;
}

/**
 * The approved remarks counted per area of a chosen level (public: counts only), the areas with
 * at least one remark and a row for all of them, the themes beside each count. Below, the texts
 * the user may read: planners all, members of a body those from the body's area.
 */
export function RemarkCounts({ levels, initialLevel, session }: RemarkCountsProps) {
  const id = useId();
  const [level, setLevel] = useState(initialLevel);
  const counts = useFetched(`remark-counts#${level}#${session}`, () => remarksApi.byArea(level));
  const rows = (counts.latest?.areas ?? []).filter((a) => a.count > 0);
  const total = rows.reduce((s, a) => s + a.count, 0);
  const themes = (byCategory: Record<string, number>) =>
    Object.entries(byCategory)
      .sort((a, b) => b[1] - a[1])
      .map(([k, n]) => `${categoryName(k)}: ${n}`)
      .join(', ');
  const all: Record<string, number> = {};
  for (const a of rows) for (const [k, n] of Object.entries(a.byCategory)) all[k] = (all[k] ?? 0) + n;

  return (
    <section className="import-step" aria-labelledby={`${id}-h`} data-testid="remark-counts">
      <h2 id={`${id}-h`}>{rt.counts}</h2>
      {levels.length > 1 && (
        <div className="field remark-counts__level">
          <label htmlFor={`${id}-level`}>{rt.countsLevel}</label>
          <select id={`${id}-level`} value={level} onChange={(e) => setLevel(e.target.value)}>
            {levels.map((l) => (
              <option key={l.key} value={l.key}>
                {l.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {counts.error ? (
        <p className="alert" role="alert">
          {counts.error.message}
        </p>
      ) : !counts.latest ? (
        <p className="muted">{rt.loading}</p>
      ) : rows.length === 0 ? (
        <p className="muted">{rt.countsNone}</p>
      ) : (
        <>
          <p className="muted">{rt.countsNote}</p>
          <div className="table-scroll">
            <table className="participation-results">
              <caption className="visually-hidden">{rt.counts}</caption>
              <thead>
                <tr>
                  <th scope="col">{rt.area}</th>
                  <th scope="col">{rt.count}</th>
                  <th scope="col">{rt.byCategory}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.key}>
                    <th scope="row">{a.name}</th>
                    <td>{a.count}</td>
                    <td className="remark-counts__themes">{themes(a.byCategory)}</td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{rt.total}</th>
                  <td>{total}</td>
                  <td className="remark-counts__themes">{themes(all)}</td>
                </tr>
              </tfoot>
            </table>
          </div>
          <RemarkTexts areas={rows} />
        </>
      )}
    </section>
  );
}

/** The texts of the approved remarks the server gave (none for the public), by area. */
function RemarkTexts({ areas }: { areas: AreaRemarks['areas'] }) {
  const readable = areas.filter((a) => a.remarks?.length);
  if (!readable.length) return null;
  return (
    <div className="remark-texts" data-testid="remark-texts">
      <h3>{rt.texts}</h3>
      <p className="muted">{rt.textsNote}</p>
      {readable.map((a) => (
        <section key={a.key} aria-label={rt.textsOf(a.name)}>
          <h4>{a.name}</h4>
          <ul>
            {a.remarks!.map((r) => (
              <li key={r.id}>
                <span className="muted">
                  {categoryName(r.category)}, {formatDate(r.createdAt.slice(0, 10))}:
                </span>{' '}
                {r.text}
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
