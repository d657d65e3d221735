import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { api, type User } from '../api.ts';
import { t } from '../texts.ts';

interface LoginDialogProps {
  /** Called when the dialog closes (Abbrechen, Escape or after a successful login). */
  onClose: () => void;
  onLoggedIn: (user: User) => void;
}

/**
 * Login form in a native modal dialog (focus trap and Escape come from the browser).
 * Mount it to open it; it reports closing through onClose.
 */
export function LoginDialog({ onClose, onLoggedIn }: LoginDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    const username = field('username').trim();
    const password = field('password');
    setBusy(true);
    setError(null);
    api.login(username, password).then(
      ({ user }) => {
        setBusy(false);
        onLoggedIn(user);
      },
      (err: unknown) => {
        setBusy(false);
        setError(err instanceof Error ? err.message : String(err));
      },
    );
  };

  return (
    <dialog ref={ref} className="login-dialog" aria-labelledby={`${id}-title`} onClose={onClose}>
      <form onSubmit={submit} className="login-form">
        <h2 id={`${id}-title`}>{t.auth.dialogTitle}</h2>
        <div className="field">
          <label htmlFor={`${id}-user`}>{t.auth.username}</label>
          <input
            id={`${id}-user`}
            name="username"
            autoComplete="username"
            required
            autoFocus
            maxLength={100}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-password`}>{t.auth.password}</label>
          <input
            id={`${id}-password`}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            maxLength={200}
          />
        </div>
        <p className="form-error" role="alert">
          {error}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => ref.current?.close()}>
            {t.auth.cancel}
          </button>
          <button type="submit" className="button button--primary" disabled={busy}>
            {busy ? t.auth.submitting : t.auth.login}
          </button>
        </div>
      </form>
    </dialog>
  );
}
