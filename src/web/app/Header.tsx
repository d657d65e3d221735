import type { User } from '../api.ts';
import { paths, type Route } from '../router.ts';
import { t } from '../texts.ts';
import { atlasHref } from '../url-state.ts';
import { Link } from '../ui/Link.tsx';
import { pt } from '../projection/texts.ts';
import { mt } from '../measures/texts.ts';
import { bt, rt } from '../participation/texts.ts';
import { gt } from '../bodies/texts.ts';
import { usersApi } from '../auth/api.ts';
import { scopeLabel } from '../auth/scope.ts';
import { ut } from '../auth/texts.ts';
import { useFetched } from '../ui/useFetched.ts';

interface HeaderProps {
  territory: string | null;
  user: User | null;
  route: Route;
  onLogin: () => void;
  onLogout: () => void;
}

interface NavItem {
  label: string;
  to: string | (() => string);
  /** The item's own page ('page') or a page below it ('true'); null when elsewhere. */
  current: (route: Route) => 'page' | 'true' | null;
  /** Items for some roles only (e.g. the data import for planners). */
  visible?: (user: User | null) => boolean;
}

const NAV: NavItem[] = [
  {
    label: t.nav.atlas,
    // back to the selection last shown in the atlas
    to: () => atlasHref(),
    // the area profile is the full page of the atlas's side panel (its „Gebietsprofil“ link)
    current: (route) => (route.page === 'atlas' ? 'page' : route.page === 'profile' ? 'true' : null),
  },
  {
    label: t.nav.catalogue,
    to: paths.catalogue,
    current: (route) =>
      route.page === 'catalogue'
        ? 'page'
        : route.page === 'sheet' || route.page === 'create' || route.page === 'edit'
          ? 'true'
          : null,
  },
  {
    label: t.nav.monitoring,
    to: paths.monitoring,
    current: (route) => (route.page === 'monitoring' ? 'page' : route.page === 'indexEditor' ? 'true' : null),
  },
  {
    label: t.nav.warnings,
    to: paths.warnings,
    current: (route) => (route.page === 'warnings' ? 'page' : null),
  },
  {
    label: t.nav.typology,
    to: paths.typology,
    current: (route) => (route.page === 'typology' ? 'page' : route.page === 'compare' ? 'true' : null),
  },
  {
    label: t.nav.reports,
    to: paths.reports,
    current: (route) => (route.page === 'reports' ? 'page' : route.page === 'reportTemplate' ? 'true' : null),
  },
  {
    label: t.nav.facilities,
    to: paths.facilities,
    current: (route) => (route.page === 'facilities' ? 'page' : null),
  },
  {
    label: t.nav.coverage,
    to: paths.coverage,
    current: (route) =>
      route.page === 'coverage'
        ? 'page'
        : route.page === 'scenarios' || route.page === 'needsPlan' || route.page === 'statements'
          ? 'true'
          : null,
  },
  {
    // everyone: the public sees the decided measures (the accountability view)
    label: mt.nav,
    to: paths.measures,
    current: (route) => (route.page === 'measures' ? 'page' : null),
  },
  {
    // everyone, without a login: a remark on the map
    label: rt.nav,
    to: paths.remarks,
    current: (route) => (route.page === 'remarks' ? 'page' : null),
  },
  {
    label: bt.nav,
    to: paths.participation,
    current: (route) => (route.page === 'participation' ? 'page' : null),
    visible: (user) => user?.role === 'planner' || user?.role === 'admin',
  },
  {
    // partners (members from outside the administration) read their organisation's bodies
    label: gt.nav,
    to: paths.bodies,
    current: (route) => (route.page === 'bodies' ? 'page' : null),
    visible: (user) => user?.role === 'planner' || user?.role === 'admin' || user?.role === 'partner',
  },
  {
    label: pt.nav,
    to: paths.projection,
    current: (route) => (route.page === 'projection' ? 'page' : null),
    visible: (user) => user?.role === 'planner' || user?.role === 'admin',
  },
  {
    label: t.nav.import,
    to: paths.import,
    current: (route) => (route.page === 'import' ? 'page' : null),
    visible: (user) => user?.role === 'planner' || user?.role === 'admin',
  },
  {
    label: t.nav.areaImport,
    to: paths.areaImport,
    current: (route) => (route.page === 'areaImport' ? 'page' : null),
    visible: (user) => user?.role === 'planner' || user?.role === 'admin',
  },
  {
    label: t.nav.variables,
    to: paths.variables,
    current: (route) => (route.page === 'variables' ? 'page' : null),
    visible: (user) => user?.role === 'planner' || user?.role === 'admin',
  },
  {
    label: t.nav.users,
    to: paths.users,
    current: (route) => (route.page === 'users' ? 'page' : null),
    visible: (user) => user?.role === 'admin',
  },
  {
    label: t.nav.audit,
    to: paths.audit,
    current: (route) => (route.page === 'audit' ? 'page' : null),
    visible: (user) => user?.role === 'admin',
  },
  {
    label: t.nav.citySettings,
    to: paths.citySettings,
    current: (route) => (route.page === 'citySettings' ? 'page' : null),
    visible: (user) => user?.role === 'admin',
  },
];

/**
 * The role, and for a bound account its area („Planung · Gemeinde Musterhausen“): a planner bound
 * to one Gemeinde sees why the others show protected values only. Administrators are never bound.
 */
function RoleBadge({ user }: { user: User }) {
  const scope = user.role === 'admin' ? null : (user.scope ?? null);
  const names = useFetched(scope ? `scope-name#${scope.level}` : null, async () => {
    const [levels, areas] = await Promise.all([usersApi.levels(), usersApi.areas(scope?.level ?? '')]);
    return { levels, areas };
  });
  const role = t.auth.roles[user.role];
  return (
    <span className="role-badge" data-testid="user-role">
      {/* the role alone until the area's name is known (or known to be unavailable) */}
      {scope && (names.data || names.error)
        ? ut.roleInScope(role, scopeLabel(scope, names.data?.levels, names.data?.areas))
        : role}
    </span>
  );
}

/** Title bar with the territory name, the main navigation and the login state. */
export function Header({ territory, user, route, onLogin, onLogout }: HeaderProps) {
  const title = (
    <>
      <span className="app-title__brand">{t.appName}</span> – {t.atlasTitle(territory)}
    </>
  );
  return (
    // named by its title: a document shown in a frame (the report preview) has a banner of its own
    <header className="app-header" aria-labelledby="app-title">
      {/* On the atlas the title is the page heading; other pages have their own h1. */}
      {route.page === 'atlas' ? (
        <h1 id="app-title" className="app-title">
          {title}
        </h1>
      ) : (
        <p id="app-title" className="app-title">
          {title}
        </p>
      )}
      <nav className="app-nav" aria-label={t.nav.label}>
        <ul className="app-nav__list">
          {NAV.filter((item) => item.visible?.(user) ?? true).map((item) => {
            const current = item.current(route);
            return (
              <li key={item.label}>
                <Link to={item.to} className="app-nav__link" aria-current={current ?? undefined}>
                  {item.label}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      <div className="app-user">
        {user ? (
          <>
            <p className="app-user__name" data-testid="user">
              <span className="visually-hidden">{t.auth.signedInAs} </span>
              <strong>{user.displayName}</strong> <RoleBadge user={user} />
            </p>
            <Link
              to={paths.account}
              className="app-user__link"
              aria-current={route.page === 'account' ? 'page' : undefined}
            >
              {t.auth.changePassword}
            </Link>
            <button type="button" className="button button--on-dark" onClick={onLogout}>
              {t.auth.logout}
            </button>
          </>
        ) : (
          <button type="button" className="button button--on-dark" onClick={onLogin}>
            {t.auth.login}
          </button>
        )}
      </div>
    </header>
  );
}
