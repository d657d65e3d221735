import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, clearCache, messageOf, type User } from '../api.ts';
import { Atlas } from '../atlas/Atlas.tsx';
import { Catalogue } from '../indicators/Catalogue.tsx';
import { Header } from './Header.tsx';
import { ImportPage } from '../imports/ImportPage.tsx';
import { IndicatorEditor } from '../indicators/IndicatorEditor.tsx';
import { IndicatorSheet } from '../indicators/IndicatorSheet.tsx';
import { Link } from '../ui/Link.tsx';
import { LoginDialog } from '../auth/LoginDialog.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { PageProps } from '../page-props.ts';
import { navigate, paths, takeFocusAfterNavigation, useRoute } from '../router.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';

// The Sozialmonitoring pages load on first use: the atlas, the page most visits start with,
// must not wait for their code (and its charts).
const MonitoringPage = lazy(async () => ({
  default: (await import('../indices/MonitoringPage.tsx')).MonitoringPage,
}));
const IndexEditorPage = lazy(async () => ({
  default: (await import('../indices/IndexEditorPage.tsx')).IndexEditorPage,
}));
const WarningsPage = lazy(async () => ({
  default: (await import('../warnings/WarningsPage.tsx')).WarningsPage,
}));
const ProfilePage = lazy(async () => ({ default: (await import('../profile/ProfilePage.tsx')).ProfilePage }));
const TypologyPage = lazy(async () => ({
  default: (await import('../typology/TypologyPage.tsx')).TypologyPage,
}));
const ComparePage = lazy(async () => ({
  default: (await import('../typology/ComparePage.tsx')).ComparePage,
}));
const ReportsPage = lazy(async () => ({ default: (await import('../reports/ReportsPage.tsx')).ReportsPage }));
const TemplateEditorPage = lazy(async () => ({
  default: (await import('../reports/TemplateEditorPage.tsx')).TemplateEditorPage,
}));
const UsersPage = lazy(async () => ({ default: (await import('../auth/UsersPage.tsx')).UsersPage }));
const AuditPage = lazy(async () => ({ default: (await import('../audit/AuditPage.tsx')).AuditPage }));
const AccountPage = lazy(async () => ({ default: (await import('../auth/AccountPage.tsx')).AccountPage }));
const SetupPage = lazy(async () => ({ default: (await import('../setup/SetupPage.tsx')).SetupPage }));
const CitySettingsPage = lazy(async () => ({
  default: (await import('../setup/SetupPage.tsx')).CitySettingsPage,
}));
const VariablesPage = lazy(async () => ({
  default: (await import('../observations/VariablesPage.tsx')).VariablesPage,
}));
const AreaImportPage = lazy(async () => ({
  default: (await import('../areas/AreaImportPage.tsx')).AreaImportPage,
}));
const FacilitiesPage = lazy(async () => ({
  default: (await import('../facilities/FacilitiesPage.tsx')).FacilitiesPage,
}));
const CoveragePage = lazy(async () => ({
  default: (await import('../coverage/CoveragePage.tsx')).CoveragePage,
}));
const ScenariosPage = lazy(async () => ({
  default: (await import('../coverage/ScenariosPage.tsx')).ScenariosPage,
}));
const NeedsPlanPage = lazy(async () => ({
  default: (await import('../coverage/NeedsPlanPage.tsx')).NeedsPlanPage,
}));
const ProjectionPage = lazy(async () => ({
  default: (await import('../projection/ProjectionPage.tsx')).ProjectionPage,
}));
const StatementsPage = lazy(async () => ({
  default: (await import('../statements/StatementsPage.tsx')).StatementsPage,
}));
const MeasuresPage = lazy(async () => ({
  default: (await import('../measures/MeasuresPage.tsx')).MeasuresPage,
}));
const ParticipationPage = lazy(async () => ({
  default: (await import('../participation/ParticipationPage.tsx')).ParticipationPage,
}));
const BodiesPage = lazy(async () => ({ default: (await import('../bodies/BodiesPage.tsx')).BodiesPage }));
const PublicSurveyPage = lazy(async () => ({
  default: (await import('../participation/PublicSurveyPage.tsx')).PublicSurveyPage,
}));
const RemarkPage = lazy(async () => ({
  default: (await import('../participation/RemarkPage.tsx')).RemarkPage,
}));

/** Loads configuration and indicators, holds the login state and shows the page of the address. */
export function App() {
  const route = useRoute();
  const [attempt, setAttempt] = useState(0);
  // undefined: as the server reported in /api/config; afterwards set by login and logout
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [loginOpen, setLoginOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  // counts changes of the catalogue: the indicator list (and every Kennblatt) loads again
  const [revision, setRevision] = useState(0);
  const mainRef = useRef<HTMLElement>(null);

  const config = useFetched(`config#${attempt}`, () => api.config());
  // latest: while the configuration loads again (after an import) the session's user stays, so
  // pages keep their state instead of showing „please log in“ for a moment
  const currentUser = user === undefined ? (config.latest?.user ?? null) : user;
  const session = user === undefined ? 'session' : (user?.id ?? '-');
  // Loaded in parallel with the configuration (same session cookie); again after login or logout.
  const indicators = useFetched(`indicators#${attempt}#${session}#${revision}`, () => api.indicators());

  const cfg = config.latest;
  const levels = useMemo(
    () => (cfg?.levels ?? []).filter((l) => l.rank >= 1 && l.areaCount > 0).sort((a, b) => a.rank - b.rank),
    [cfg],
  );
  const announce = useCallback((message: string) => setAnnouncement(message), []);
  const canEdit = currentUser?.role === 'planner' || currentUser?.role === 'admin';

  /** After an indicator was saved, deleted, (un)published or imported. */
  const catalogueChanged = useCallback(() => {
    // values of a changed definition are computed anew: nothing cached may be shown
    clearCache();
    setRevision((n) => n + 1);
  }, []);

  /** After a table import: new values and perhaps new Stichtage (configuration) and variables. */
  const dataImported = useCallback(() => {
    clearCache();
    setAttempt((n) => n + 1);
  }, []);

  // An installation without users starts with the Einrichtung, whichever address was opened;
  // the query (the setup token from `serve`) goes along.
  // finished here: the configuration loaded before still says otherwise until it is fetched again
  const [setupFinished, setSetupFinished] = useState(false);
  const setupNeeded = cfg?.setupNeeded === true && !setupFinished;
  useEffect(() => {
    if (setupNeeded && route.page !== 'setup')
      navigate(`${paths.setup}${window.location.search}`, { replace: true });
  }, [setupNeeded, route]);
  const setupDone = useCallback((next: User) => {
    clearCache();
    setSetupFinished(true);
    setUser(next);
    setAttempt((n) => n + 1);
    navigate(paths.atlas, { replace: true });
  }, []);

  // The atlas has no heading of its own in the main area: after navigating there, focus the area.
  useEffect(() => {
    if (route.page === 'atlas' && takeFocusAfterNavigation()) mainRef.current?.focus();
  }, [route]);

  const logout = () => {
    api.logout().then(
      () => {
        clearCache();
        setUser(null);
        announce(t.auth.logout);
      },
      (error: unknown) => announce(messageOf(error)),
    );
  };
  const loggedIn = (next: User) => {
    clearCache();
    setUser(next);
    setLoginOpen(false);
    announce(`${t.auth.signedInAs} ${next.displayName}`);
  };

  const error = config.error ?? indicators.error;
  const list = indicators.latest;
  // indicators whose inputs have no values stay in the catalogue, out of menus, profiles and reports
  const withValues = useMemo(() => list?.filter((i) => i.available), [list]);
  let content;
  if (error && !(cfg && list)) {
    content = (
      <div className="notice" role="alert">
        <p>
          {t.loadError} {error.message}
        </p>
        <button type="button" className="button button--primary" onClick={() => setAttempt((n) => n + 1)}>
          {t.retry}
        </button>
      </div>
    );
  } else if (!cfg || !list) {
    content = <p className="notice">{t.loading}</p>;
  } else if (route.page === 'setup' || route.page === 'citySettings') {
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        {route.page === 'setup' && setupNeeded ? (
          <SetupPage onDone={setupDone} />
        ) : (
          <CitySettingsPage
            config={cfg}
            user={currentUser}
            onLogin={() => setLoginOpen(true)}
            onSaved={dataImported}
            announce={announce}
          />
        )}
      </Suspense>
    );
  } else if (route.page === 'survey') {
    // anyone with the link, whatever the installation's indicators and levels
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        <PublicSurveyPage key={route.token} token={route.token} />
      </Suspense>
    );
  } else if (route.page === 'remarks') {
    // anyone; without areas the page says so itself
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        <RemarkPage config={cfg} levels={levels} announce={announce} session={String(session)} />
      </Suspense>
    );
  } else if (route.page === 'bodies') {
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        <BodiesPage
          config={cfg}
          user={currentUser}
          canEdit={canEdit}
          onLogin={() => setLoginOpen(true)}
          announce={announce}
        />
      </Suspense>
    );
  } else if (route.page === 'participation') {
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        <ParticipationPage
          config={cfg}
          user={currentUser}
          canEdit={canEdit}
          onLogin={() => setLoginOpen(true)}
          announce={announce}
          onPublished={dataImported}
        />
      </Suspense>
    );
  } else if (route.page === 'catalogue') {
    content = (
      <Catalogue indicators={list} canEdit={canEdit} onChanged={catalogueChanged} announce={announce} />
    );
  } else if (route.page === 'sheet') {
    content = (
      <IndicatorSheet
        key={route.key}
        indicatorKey={route.key}
        listed={list.find((i) => i.key === route.key)}
        config={cfg}
        levels={levels}
        canEdit={canEdit}
        reloadKey={`${session}#${revision}`}
        onChanged={catalogueChanged}
        announce={announce}
      />
    );
  } else if (route.page === 'create' || route.page === 'edit') {
    content = (
      <IndicatorEditor
        key={route.page === 'edit' ? route.key : ''}
        indicatorKey={route.page === 'edit' ? route.key : null}
        indicators={list}
        user={currentUser}
        canEdit={canEdit}
        onLogin={() => setLoginOpen(true)}
        onChanged={catalogueChanged}
        announce={announce}
      />
    );
  } else if (route.page === 'import') {
    content = (
      <ImportPage
        levels={levels}
        user={currentUser}
        canImport={canEdit}
        onLogin={() => setLoginOpen(true)}
        onImported={dataImported}
        announce={announce}
      />
    );
  } else if (route.page === 'variables') {
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        <VariablesPage
          user={currentUser}
          onLogin={() => setLoginOpen(true)}
          onChanged={dataImported}
          announce={announce}
        />
      </Suspense>
    );
  } else if (route.page === 'areaImport') {
    // before the checks for areas and indicators: an installation without areas starts here
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        <AreaImportPage
          user={currentUser}
          onLogin={() => setLoginOpen(true)}
          onChanged={dataImported}
          announce={announce}
        />
      </Suspense>
    );
  } else if (route.page === 'audit') {
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        <AuditPage user={currentUser} onLogin={() => setLoginOpen(true)} />
      </Suspense>
    );
  } else if (route.page === 'users' || route.page === 'account') {
    const props = { user: currentUser, onLogin: () => setLoginOpen(true), announce };
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        {route.page === 'users' ? <UsersPage {...props} /> : <AccountPage {...props} />}
      </Suspense>
    );
  } else if (
    levels.length > 0 &&
    (route.page === 'facilities' ||
      route.page === 'coverage' ||
      route.page === 'scenarios' ||
      route.page === 'needsPlan' ||
      route.page === 'projection' ||
      route.page === 'statements')
  ) {
    // the planning pages: facilities, coverage, its scenarios, the Bedarfsplan and statements
    const props = {
      config: cfg,
      levels,
      user: currentUser,
      canEdit,
      onLogin: () => setLoginOpen(true),
      announce,
    };
    content = (
      <Suspense fallback={<p className="notice">{t.loading}</p>}>
        {route.page === 'facilities' ? (
          <FacilitiesPage {...props} />
        ) : route.page === 'coverage' ? (
          <CoveragePage {...props} />
        ) : route.page === 'needsPlan' ? (
          <NeedsPlanPage {...props} />
        ) : route.page === 'projection' ? (
          <ProjectionPage {...props} onConfigChanged={dataImported} />
        ) : route.page === 'statements' ? (
          <StatementsPage {...props} />
        ) : (
          <ScenariosPage {...props} />
        )}
      </Suspense>
    );
  } else if (
    levels.length > 0 &&
    (route.page === 'monitoring' ||
      route.page === 'indexEditor' ||
      route.page === 'warnings' ||
      route.page === 'profile' ||
      route.page === 'typology' ||
      route.page === 'compare' ||
      route.page === 'reports' ||
      route.page === 'reportTemplate' ||
      route.page === 'measures')
  ) {
    // editors of definitions may name any indicator; the other pages show those with values
    const editor = route.page === 'indexEditor' || route.page === 'reportTemplate';
    const props: PageProps = {
      config: cfg,
      indicators: editor ? list : (withValues ?? []),
      levels,
      user: currentUser,
      canEdit,
      onLogin: () => setLoginOpen(true),
      announce,
    };
    const page =
      route.page === 'monitoring' ? (
        <MonitoringPage {...props} />
      ) : route.page === 'indexEditor' ? (
        <IndexEditorPage key={route.key ?? ''} {...props} indexKey={route.key} />
      ) : route.page === 'warnings' ? (
        <WarningsPage {...props} />
      ) : route.page === 'profile' ? (
        <ProfilePage key={`${route.level}/${route.key}`} {...props} level={route.level} areaKey={route.key} />
      ) : route.page === 'typology' ? (
        <TypologyPage {...props} />
      ) : route.page === 'reports' ? (
        <ReportsPage {...props} />
      ) : route.page === 'reportTemplate' ? (
        <TemplateEditorPage key={route.key ?? ''} {...props} templateKey={route.key} />
      ) : route.page === 'measures' ? (
        <MeasuresPage {...props} />
      ) : (
        <ComparePage {...props} />
      );
    content = <Suspense fallback={<p className="notice">{t.loading}</p>}>{page}</Suspense>;
  } else if (route.page === 'notFound') {
    content = (
      <div className="page">
        <PageHeading title={`${t.notFound} – ${t.appName}`}>{t.notFound}</PageHeading>
        <p>
          <Link to="/">{t.toAtlas}</Link>
        </p>
      </div>
    );
  } else if (levels.length === 0) {
    content = <p className="notice">{t.noAreas}</p>;
  } else if (!withValues?.length) {
    content = <p className="notice">{list.length === 0 ? t.noIndicators : t.noIndicatorValues}</p>;
  } else if (cfg.dates.length === 0) {
    content = <p className="notice">{t.noDates}</p>;
  } else {
    content = (
      <Atlas
        config={cfg}
        indicators={withValues ?? []}
        levels={levels}
        dates={cfg.dates}
        announce={announce}
        canEdit={canEdit}
      />
    );
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipLink}
      </a>
      <Header
        territory={cfg?.territory?.name ?? null}
        user={currentUser}
        route={route}
        onLogin={() => setLoginOpen(true)}
        onLogout={logout}
      />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {content}
      </main>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
      {loginOpen && <LoginDialog onClose={() => setLoginOpen(false)} onLoggedIn={loggedIn} />}
    </>
  );
}
