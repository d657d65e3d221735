import { measuresApi } from '../measures/measures-api.ts';
import { budgetText, progressText } from '../measures/measure-tree.ts';
import { mt } from '../measures/texts.ts';
import { paths } from '../router.ts';
import { Link } from '../ui/Link.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { pt } from './texts.ts';

/**
 * „Maßnahmen im Gebiet“ of an area profile: the measures working in the area or with a goal there,
 * with status, progress and money, as the reader may see them (the public: decided ones).
 */
export function AreaMeasures({
  level,
  areaKey,
  session,
}: {
  level: string;
  areaKey: string;
  session: string;
}) {
  const fetched = useFetched(`${level}|${areaKey}|${session}`, () => measuresApi.inArea(level, areaKey));
  if (fetched.error) return <p className="alert">{fetched.error.message}</p>;
  const list = fetched.data;
  if (!list) return <p className="muted">{pt.measures.loading}</p>;
  if (!list.length) return <p className="muted">{pt.measures.none}</p>;
  return (
    <div className="profile-table-scroll">
      <table className="profile-indicators" data-testid="profile-measures">
        <caption className="visually-hidden">{pt.measures.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{pt.measures.title}</th>
            <th scope="col">{pt.measures.status}</th>
            <th scope="col">{pt.measures.progress}</th>
            <th scope="col">{pt.measures.budget}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((m) => (
            <tr key={m.id}>
              <th scope="row">
                <Link to={paths.measures}>{m.title}</Link>
              </th>
              <td>{mt.statuses[m.status]}</td>
              <td>{progressText(m.progress, m.goals.length > 0)}</td>
              <td>{budgetText(m.budgetPlanned, m.budgetSpent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
