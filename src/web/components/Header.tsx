import type { User } from '../api.ts';
import { t } from '../texts.ts';

interface HeaderProps {
  territory: string | null;
  user: User | null;
  onLogin: () => void;
  onLogout: () => void;
}

/** Title bar with the territory name and the login state. */
export function Header({ territory, user, onLogin, onLogout }: HeaderProps) {
  return (
    <header className="app-header">
      <h1 className="app-title">
        <span className="app-title__brand">{t.appName}</span> – {t.atlasTitle(territory)}
      </h1>
      <div className="app-user">
        {user ? (
          <>
            <p className="app-user__name" data-testid="user">
              <span className="visually-hidden">{t.auth.signedInAs} </span>
              <strong>{user.displayName}</strong>{' '}
              <span className="role-badge">{t.auth.roles[user.role]}</span>
            </p>
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
