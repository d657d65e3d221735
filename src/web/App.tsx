import { useCallback, useMemo, useState } from 'react';
import { api, clearCache, type User } from './api.ts';
import { Atlas } from './components/Atlas.tsx';
import { Header } from './components/Header.tsx';
import { LoginDialog } from './components/LoginDialog.tsx';
import { t } from './texts.ts';
import { useFetched } from './useFetched.ts';

/** Loads configuration and indicators, holds the login state and frames the atlas. */
export function App() {
  const [attempt, setAttempt] = useState(0);
  // undefined: as the server reported in /api/config; afterwards set by login and logout
  const [user, setUser] = useState<User | null | undefined>(undefined);
  const [loginOpen, setLoginOpen] = useState(false);
  const [announcement, setAnnouncement] = useState('');

  const config = useFetched(`config#${attempt}`, () => api.config());
  const currentUser = user === undefined ? (config.data?.user ?? null) : user;
  // Loaded in parallel with the configuration (same session cookie); again after login or logout.
  const indicators = useFetched(
    `indicators#${attempt}#${user === undefined ? 'session' : (user?.id ?? '-')}`,
    () => api.indicators(),
  );

  const cfg = config.latest;
  const levels = useMemo(
    () => (cfg?.levels ?? []).filter((l) => l.rank >= 1 && l.areaCount > 0).sort((a, b) => a.rank - b.rank),
    [cfg],
  );
  const announce = useCallback((message: string) => setAnnouncement(message), []);

  const logout = () => {
    api.logout().then(
      () => {
        clearCache();
        setUser(null);
        announce(t.auth.logout);
      },
      (error: unknown) => announce(error instanceof Error ? error.message : String(error)),
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
  } else if (levels.length === 0) {
    content = <p className="notice">{t.noAreas}</p>;
  } else if (list.length === 0) {
    content = <p className="notice">{t.noIndicators}</p>;
  } else if (cfg.dates.length === 0) {
    content = <p className="notice">{t.noDates}</p>;
  } else {
    content = <Atlas config={cfg} indicators={list} levels={levels} dates={cfg.dates} announce={announce} />;
  }

  return (
    <>
      <a className="skip-link" href="#main">
        {t.skipLink}
      </a>
      <Header
        territory={cfg?.territory?.name ?? null}
        user={currentUser}
        onLogin={() => setLoginOpen(true)}
        onLogout={logout}
      />
      <main id="main" tabIndex={-1}>
        {content}
      </main>
      <div className="visually-hidden" role="status" aria-live="polite" data-testid="announcer">
        {announcement}
      </div>
      {loginOpen && <LoginDialog onClose={() => setLoginOpen(false)} onLoggedIn={loggedIn} />}
    </>
  );
}
