import { useId, useState, type FormEvent } from 'react';
import { messageOf, type User } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { MIN_PASSWORD_LENGTH } from '../../auth/password-rules.ts';
import { usersApi } from './api.ts';
import { newPasswordProblem } from './password-form.ts';
import { ut } from './texts.ts';
import './users.css';

const T = ut.account;

interface AccountPageProps {
  user: User | null;
  onLogin: () => void;
  announce: (message: string) => void;
}

/** „Passwort ändern“: the logged-in user sets a new password after confirming the current one. */
export function AccountPage({ user, onLogin, announce }: AccountPageProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  const title = <PageHeading title={T.docTitle}>{T.title}</PageHeading>;
  if (!user)
    return (
      <div className="page account-page">
        {title}
        <div className="notice">
          <p>{ut.loginFirst}</p>
          <button type="button" className="button button--primary" onClick={onLogin}>
            {ut.login}
          </button>
        </div>
      </div>
    );

  // noValidate on the form: the length rule is checked here, so the message is the app's German one
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const problem = newPasswordProblem(field('newPassword'), field('repeat'));
    setDone(false);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    usersApi.changeOwnPassword(field('currentPassword'), field('newPassword')).then(
      () => {
        setBusy(false);
        setDone(true);
        formElement.reset();
        announce(T.done);
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };

  return (
    <div className="page account-page">
      <div className="page-head">
        {title}
        <p className="page-intro">{T.intro(user.displayName)}</p>
      </div>
      <form className="users-form" onSubmit={submit} aria-labelledby={`${id}-heading`} noValidate>
        <h2 id={`${id}-heading`} className="visually-hidden">
          {T.title}
        </h2>
        {/* the username helps password managers store the new password with the right account */}
        <input type="text" name="username" autoComplete="username" value={user.username} readOnly hidden />
        <div className="field">
          <label htmlFor={`${id}-current`}>{T.current}</label>
          <input
            id={`${id}-current`}
            name="currentPassword"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-new`}>{T.next}</label>
          <input
            id={`${id}-new`}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD_LENGTH}
            maxLength={200}
            aria-describedby={`${id}-hint`}
          />
          <p id={`${id}-hint`} className="field__hint">
            {T.hint(MIN_PASSWORD_LENGTH)}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-repeat`}>{T.repeat}</label>
          <input
            id={`${id}-repeat`}
            name="repeat"
            type="password"
            autoComplete="new-password"
            required
            maxLength={200}
          />
        </div>
        <p className="form-error" role="alert">
          {error}
        </p>
        {done && (
          <p className="success" role="status">
            {T.done}
          </p>
        )}
        <div className="button-row">
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? T.submitting : T.submit}
          </button>
        </div>
      </form>
    </div>
  );
}
