import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { messageOf } from '../api.ts';
import { MIN_PASSWORD_LENGTH } from '../../auth/password-rules.ts';
import { usersApi, type UserAccount } from './api.ts';
import { newPasswordProblem } from './password-form.ts';
import { ut } from './texts.ts';

const T = ut.users;

interface ResetPasswordDialogProps {
  user: UserAccount;
  onDone: (user: UserAccount) => void;
  /** Abbrechen, Escape or after the password was set. */
  onClose: () => void;
}

/** An administrator sets a new password for an account, in a native modal dialog. */
export function ResetPasswordDialog({ user, onDone, onClose }: ResetPasswordDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  // noValidate on the form: the length rule is checked here, so the message is the app's German one
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('password');
    const password = typeof value === 'string' ? value : '';
    const problem = newPasswordProblem(password);
    if (problem) {
      setError(problem);
      return;
    }
    setBusy(true);
    setError(null);
    usersApi.resetPassword(user.username, password).then(
      (updated) => {
        setBusy(false);
        onDone(updated);
        ref.current?.close();
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };

  return (
    <dialog ref={ref} className="login-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form className="login-form" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`}>{T.resetTitle(user.username)}</h2>
        <p className="dialog-text">{T.resetText}</p>
        <div className="field">
          <label htmlFor={`${id}-password`}>{T.resetField}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="new-password"
            required
            autoFocus
            minLength={MIN_PASSWORD_LENGTH}
            maxLength={200}
          />
        </div>
        <p className="form-error" role="alert">
          {error}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {T.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {T.resetSubmit}
          </button>
        </div>
      </form>
    </dialog>
  );
}
