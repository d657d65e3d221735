import type { User } from '../api.ts';

interface RoleNoticeProps {
  user: User | null;
  /** The page's own words: why the role is missing, that a login comes first, the login button. */
  texts: { needsRole: string; loginFirst: string; login: string };
  onLogin: () => void;
  testId: string;
}

/**
 * In place of a page the user's role may not see: logged in, why not; anonymous, a login
 * button.
 */
export function RoleNotice({ user, texts, onLogin, testId }: RoleNoticeProps) {
  return (
    <div className="notice" data-testid={testId}>
      <p>{user ? texts.needsRole : texts.loginFirst}</p>
      {!user && (
        <button type="button" className="button button--primary" onClick={onLogin}>
          {texts.login}
        </button>
      )}
    </div>
  );
}
