import { bodiesApi } from '../bodies/bodies-api.ts';
import { gt } from '../bodies/texts.ts';
import { formatDate } from '../../core/format.ts';
import { paths } from '../router.ts';
import { Link } from '../ui/Link.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { pt } from './texts.ts';

/**
 * „Gremien im Gebiet“ of an area profile: the bodies working for the area (Stadtteilarbeitskreis,
 * Sozialraumkonferenz …), as far as the reader may see them — planners all, partners their
 * organisation's. Not shown to others: bodies are not public.
 */
export function AreaBodies({ level, areaKey, session }: { level: string; areaKey: string; session: string }) {
  const fetched = useFetched(`bodies|${session}`, () => bodiesApi.bodies());
  if (fetched.error) return <p className="alert">{fetched.error.message}</p>;
  if (!fetched.data) return <p className="muted">{pt.bodies.loading}</p>;
  const here = fetched.data.filter((b) => b.area?.level === level && b.area.key === areaKey);
  if (!here.length) return <p className="muted">{pt.bodies.none}</p>;
  return (
    <ul data-testid="profile-bodies">
      {here.map((b) => (
        <li key={b.id}>
          <Link to={paths.bodies}>{b.name}</Link> ({gt.kinds[b.kind]}
          {b.nextMeeting ? `, ${pt.bodies.next(formatDate(b.nextMeeting))}` : ''})
        </li>
      ))}
    </ul>
  );
}
