/**
 * What the edit and delete controls on the page „Gremien“ share: which item is open for editing
 * (focus goes back to its button when the form closes), the buttons under a form, and the question
 * before a deletion.
 */
import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const F = gt.forms;

/**
 * The item whose edit form is open (one at a time). `open` remembers the button that opened it;
 * `close` hides the form and puts the focus back on that button, so keyboard users stay in place.
 */
export function useEditing<K>() {
  const [current, setCurrent] = useState<K | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const [returning, setReturning] = useState(0);
  useEffect(() => {
    // after the form is gone and the list has rendered again
    if (returning > 0 && opener.current?.isConnected) opener.current.focus();
  }, [returning]);
  return {
    current,
    open: (key: K, button: HTMLElement) => {
      opener.current = button;
      setCurrent(key);
    },
    close: () => {
      setCurrent(null);
      setReturning((n) => n + 1);
    },
  };
}

/**
 * Returns `focusLater(element)`: focuses the element once React has rendered the change, e.g. after
 * a deletion, when the confirmation dialog (which keeps the rest of the page inert) is gone.
 */
export function useFocusLater() {
  const [target, setTarget] = useState<{ element: HTMLElement | null } | null>(null);
  useEffect(() => {
    target?.element?.focus();
  }, [target]);
  return (element: HTMLElement | null) => setTarget({ element });
}

/** Focuses the element once when it mounts, if `enabled` (an edit form's first field). */
export function useFocusOnMount<T extends HTMLElement>(enabled: boolean) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (enabled) ref.current?.focus();
    // only on mount: later renders must not pull the focus back
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}

interface FormButtonsProps {
  busy: boolean;
  /** An existing item: „Speichern“ and „Abbrechen“; otherwise „Anlegen“. */
  editing: boolean;
  onCancel?: () => void;
}

/** Submit (and, when editing, cancel) under a form. */
export function FormButtons({ busy, editing, onCancel }: FormButtonsProps) {
  return (
    <div className="button-row">
      <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
        {busy ? F.saving : editing ? F.update : F.save}
      </button>
      {editing && onCancel && (
        <button type="button" className="button" onClick={onCancel}>
          {F.cancel}
        </button>
      )}
    </div>
  );
}

interface ConfirmDeleteProps<T> {
  title: string;
  text: string;
  remove: () => Promise<T>;
  /** The confirm button; default „Löschen“. */
  confirmLabel?: string;
  onDone: (answer: T) => void;
  onClose: () => void;
}

/** „… löschen?“ with Abbrechen first; the server's refusal stays in the dialog. Mount it to ask. */
export function ConfirmDelete<T>({
  title,
  text,
  remove,
  confirmLabel,
  onDone,
  onClose,
}: ConfirmDeleteProps<T>) {
  const { busy, error, run } = useSubmit();
  return (
    <ConfirmDialog
      title={title}
      text={text}
      confirmLabel={confirmLabel ?? F.remove}
      busy={busy}
      error={error}
      onConfirm={() => run(remove, onDone)}
      onClose={onClose}
    />
  );
}

/** „Bearbeiten“ and „Löschen“ for one item; the accessible names say which item. */
export function EditDeleteButtons({
  name,
  onEdit,
  onDelete,
  small,
}: {
  name: string;
  onEdit: (button: HTMLElement) => void;
  onDelete: () => void;
  small?: boolean;
}) {
  const size = small ? ' bodies-small' : '';
  return (
    <span className="bodies-item-actions">
      <button
        type="button"
        className={`button${size}`}
        aria-label={F.editLabel(name)}
        onClick={(e) => onEdit(e.currentTarget)}
      >
        {F.edit}
      </button>
      <button
        type="button"
        className={`button button--danger-outline${size}`}
        aria-label={F.removeLabel(name)}
        onClick={onDelete}
      >
        {F.remove}
      </button>
    </span>
  );
}

interface PublicFieldProps {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** What becomes public and on which condition. */
  hint: string;
}

/** „öffentlich (OParl)“: the flag that publishes an item through the OParl interface. */
export function PublicField({ id, checked, onChange, hint }: PublicFieldProps) {
  return (
    <div className="field form-grid__wide">
      <div className="checkbox-field">
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={`${id}-hint`}
          onChange={(e) => onChange(e.target.checked)}
        />
        <label htmlFor={id}>{F.public}</label>
      </div>
      <p id={`${id}-hint`} className="field__hint">
        {hint}
      </p>
    </div>
  );
}

/** „öffentlich“ beside a public body, meeting or agenda item. */
export const PublicBadge = () => <span className="bodies-public-badge">{F.publicBadge}</span>;
