import { useEffect, useId, useRef } from 'react';
import { t } from '../texts.ts';

interface ConfirmDialogProps {
  title: string;
  text: string;
  confirmLabel: string;
  /** While the action runs: the confirm button is disabled. */
  busy?: boolean;
  /** Shown in the dialog if the action failed. */
  error?: string | null;
  onConfirm: () => void;
  /** Abbrechen or Escape. */
  onClose: () => void;
}

/**
 * A question before a destructive action, in a native modal dialog (focus trap and Escape from the
 * browser). The safe choice, Abbrechen, has the focus first. Mount it to open it.
 */
export function ConfirmDialog({
  title,
  text,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: ConfirmDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      className="login-dialog confirm-dialog"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onClose={onClose}
    >
      <div className="login-form">
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-text`} className="dialog-text">
          {text}
        </p>
        <p className="form-error" role="alert">
          {error}
        </p>
        <div className="dialog-actions">
          <button type="button" className="button" onClick={() => ref.current?.close()} autoFocus>
            {t.auth.cancel}
          </button>
          <button type="button" className="button button--danger" onClick={onConfirm} disabled={busy}>
            {confirmLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
