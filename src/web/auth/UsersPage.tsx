import { useId, useState, type FormEvent } from 'react';
import { RoleNotice } from '../ui/RoleNotice.tsx';
import { messageOf, type User } from '../api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { MIN_PASSWORD_LENGTH } from '../../auth/password-rules.ts';
import { AccountOrganisation } from './AccountOrganisation.tsx';
import { AccountScope } from './AccountScope.tsx';
import { usersApi, type Role, type UserAccount } from './api.ts';
import { newPasswordProblem } from './password-form.ts';
import { ResetPasswordDialog } from './ResetPasswordDialog.tsx';
import { scopeLevel } from './scope.ts';
import { dateTime, ut } from './texts.ts';
import './users.css';

const T = ut.users;
const ROLES: readonly Role[] = ['viewer', 'partner', 'planner', 'admin'];

interface UsersPageProps {
  user: User | null;
  onLogin: () => void;
  announce: (message: string) => void;
}

/**
 * Benutzerverwaltung: accounts with role, organisation, state and last login; create, reset,
 * link to an organisation, (de)activate.
 */
export function UsersPage({ user, onLogin, announce }: UsersPageProps) {
  const isAdmin = user?.role === 'admin';
  // counts changes: the list loads again
  const [revision, setRevision] = useState(0);
  const list = useFetched(isAdmin ? `users#${user.id}#${revision}` : null, () => usersApi.list());
  const organisations = useFetched(isAdmin ? `organisations#${user.id}#${revision}` : null, () =>
    usersApi.organisations(),
  );
  // the areas an account can be bound to: those of the level below the whole territory
  const scopeAreas = useFetched(isAdmin ? `scope-areas#${user.id}` : null, async () => {
    const levels = await usersApi.levels();
    const level = scopeLevel(levels);
    return { levels, level, areas: level ? await usersApi.areas(level.key) : [] };
  });
  const [resetting, setResetting] = useState<UserAccount | null>(null);
  const [deactivating, setDeactivating] = useState<UserAccount | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [dialogError, setDialogError] = useState<string | null>(null);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  const title = <PageHeading title={T.docTitle}>{T.title}</PageHeading>;
  if (!isAdmin)
    return (
      <div className="page users-page">
        {title}
        <RoleNotice
          user={user}
          texts={{ needsRole: T.needsRole, loginFirst: ut.loginFirst, login: ut.login }}
          onLogin={onLogin}
          testId="users-needs-role"
        />
      </div>
    );

  const changed = (text: string) => {
    setNotice({ ok: true, text });
    announce(text);
    setRevision((n) => n + 1);
  };

  const setActive = (account: UserAccount, active: boolean) => {
    setBusy(account.username);
    setDialogError(null);
    usersApi.setActive(account.username, active).then(
      () => {
        setBusy(null);
        setDeactivating(null);
        changed(active ? T.activated(account.username) : T.deactivated(account.username));
      },
      (err: unknown) => {
        setBusy(null);
        if (active) setNotice({ ok: false, text: messageOf(err) });
        else setDialogError(messageOf(err));
      },
    );
  };

  const users = list.latest ?? null;
  return (
    <div className="page users-page">
      <div className="page-head">
        {title}
        <p className="page-intro">{T.intro}</p>
      </div>
      {list.error && (
        <p className="alert" role="alert">
          {list.error.message}
        </p>
      )}
      {organisations.error && (
        <p className="alert" role="alert">
          {T.organisationsMissing}
        </p>
      )}
      {scopeAreas.error && (
        <p className="alert" role="alert">
          {T.scopeAreasMissing}
        </p>
      )}
      {notice && (
        <p className={notice.ok ? 'success' : 'alert'} role={notice.ok ? 'status' : 'alert'}>
          {notice.text}
        </p>
      )}
      {users === null ? (
        !list.error && <p className="notice">{T.loading}</p>
      ) : (
        <div className="users-table__scroll">
          <table className="users-table" data-testid="users-table">
            <caption>{T.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{T.username}</th>
                <th scope="col">{T.displayName}</th>
                <th scope="col">{T.role}</th>
                <th scope="col">{T.organisation}</th>
                <th scope="col">{T.scope}</th>
                <th scope="col">{T.state}</th>
                <th scope="col">{T.lastLogin}</th>
                <th scope="col">{T.actions}</th>
              </tr>
            </thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id} className={u.active ? undefined : 'is-inactive'}>
                  <th scope="row">
                    {u.username} {u.id === user.id && <span className="muted">{T.you}</span>}
                  </th>
                  <td>{u.displayName}</td>
                  <td>{ut.roles[u.role]}</td>
                  <td>
                    <AccountOrganisation
                      account={u}
                      organisations={organisations.latest}
                      onDone={changed}
                      onError={(text) => setNotice({ ok: false, text })}
                    />
                  </td>
                  <td>
                    <AccountScope
                      account={u}
                      level={scopeAreas.data?.level}
                      levels={scopeAreas.data?.levels}
                      areas={scopeAreas.data?.areas}
                      onDone={changed}
                      onError={(text) => setNotice({ ok: false, text })}
                    />
                  </td>
                  <td>{u.active ? T.active : T.inactive}</td>
                  <td>{u.lastLoginAt ? dateTime(u.lastLoginAt) : T.never}</td>
                  <td>
                    <div className="users-table__actions">
                      <button
                        type="button"
                        className="button users-small"
                        onClick={() => setResetting(u)}
                        aria-label={T.rowLabel(T.reset, u.username)}
                      >
                        {T.reset}
                      </button>
                      {u.active ? (
                        <button
                          type="button"
                          className="button users-small button--danger-outline"
                          disabled={busy === u.username || u.id === user.id}
                          onClick={() => {
                            setDialogError(null);
                            setDeactivating(u);
                          }}
                          aria-label={T.rowLabel(T.deactivate, u.username)}
                        >
                          {T.deactivate}
                        </button>
                      ) : (
                        <button
                          type="button"
                          className="button users-small"
                          disabled={busy === u.username}
                          onClick={() => setActive(u, true)}
                          aria-label={T.rowLabel(T.activate, u.username)}
                        >
                          {T.activate}
                        </button>
                      )}
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <CreateUserForm onCreated={(u) => changed(T.created(u.username))} />

      {resetting && (
        <ResetPasswordDialog
          user={resetting}
          onDone={(u) => changed(T.resetDone(u.username))}
          onClose={() => setResetting(null)}
        />
      )}
      {deactivating && (
        <ConfirmDialog
          title={T.confirmDeactivate(deactivating.username)}
          text={T.confirmDeactivateText}
          confirmLabel={T.deactivate}
          busy={busy === deactivating.username}
          error={dialogError}
          onConfirm={() => setActive(deactivating, false)}
          onClose={() => setDeactivating(null)}
        />
      )}
    </div>
  );
}

/** Konto anlegen: username, name, role and a first password the administrator passes on. */
function CreateUserForm({ onCreated }: { onCreated: (user: UserAccount) => void }) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // noValidate on the form: the length rule is checked here, so the message is the app's German one
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const password = field('password');
    const problem = newPasswordProblem(password);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    usersApi
      .create({
        username: field('username').trim(),
        displayName: field('displayName').trim(),
        password,
        role: field('role') as Role,
      })
      .then(
        (created) => {
          setBusy(false);
          formElement.reset();
          onCreated(created);
        },
        (err: unknown) => {
          setBusy(false);
          setError(messageOf(err));
        },
      );
  };

  return (
    <section className="users-section" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{T.createHeading}</h2>
      <form className="users-form" onSubmit={submit} data-testid="create-user" noValidate>
        <div className="field">
          <label htmlFor={`${id}-username`}>{T.username}</label>
          <input
            id={`${id}-username`}
            name="username"
            autoComplete="off"
            required
            minLength={2}
            maxLength={100}
            pattern="[a-z0-9._\-]+"
            aria-describedby={`${id}-username-hint`}
          />
          <p id={`${id}-username-hint`} className="field__hint">
            {T.usernameHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-name`}>{T.displayName}</label>
          <input id={`${id}-name`} name="displayName" autoComplete="off" required maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-role`}>{T.role}</label>
          <select id={`${id}-role`} name="role" defaultValue="viewer">
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ut.roles[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{T.password}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            maxLength={200}
          />
        </div>
        <p className="form-error" role="alert">
          {error}
        </p>
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? T.creating : T.create}
          </button>
        </div>
      </form>
    </section>
  );
}
