/**
 * The action items of an agenda item: the table (planners tick them off, change and delete them)
 * and the form of a new or an existing one.
 */
import { useId, useRef, useState, type FormEvent } from 'react';
import { formatDate } from '../../core/format.ts';
import {
  bodiesApi,
  type ActionItem,
  type AgendaItem,
  type Body,
  type Meeting,
  type Organisation,
  type Owner,
  type OwnerInput,
} from './bodies-api.ts';
import {
  ConfirmDelete,
  EditDeleteButtons,
  FormButtons,
  useEditing,
  useFocusLater,
  useFocusOnMount,
} from './EditControls.tsx';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const M = gt.meeting;
const X = gt.forms.action;

type OwnerKind = 'none' | OwnerInput['kind'];

/** The owner as the form holds it: the kind, and the organisation's id, the username or the name. */
function ownerFields(owner: Owner | null): { kind: OwnerKind; value: string } {
  if (!owner) return { kind: 'none', value: '' };
  if (owner.kind === 'text') return { kind: 'text', value: owner.name };
  // the key is `user:<username>` or `organisation:<id>`
  return { kind: owner.kind, value: owner.key.slice(owner.key.indexOf(':') + 1) };
}

interface ActionItemFormProps {
  meeting: Meeting;
  item: AgendaItem;
  body: Body;
  organisations: readonly Organisation[];
  /** The action item to change; without it the form makes a new one. */
  initial?: ActionItem;
  onSaved: (m: Meeting, title: string) => void;
  onCancel?: () => void;
}

/**
 * Eine Aufgabe zu einem Tagesordnungspunkt, new or to change: what, who (organisation, user or a
 * name), by when, and (when changing) whether it is done.
 */
export function ActionItemForm(props: ActionItemFormProps) {
  const { meeting, item, body, organisations, initial, onSaved, onCancel } = props;
  const id = useId();
  const start = ownerFields(initial?.owner ?? null);
  const [title, setTitle] = useState(initial?.title ?? '');
  const [ownerKind, setOwnerKind] = useState<OwnerKind>(start.kind);
  const [owner, setOwner] = useState(start.value);
  const [due, setDue] = useState(initial?.dueDate ?? '');
  const [done, setDone] = useState(initial?.done ?? false);
  const first = useFocusOnMount<HTMLInputElement>(initial !== undefined);
  const { busy, error, run } = useSubmit();
  // the body's member organisations first: they are who usually takes a task
  const members = new Set(body.members.flatMap((m) => (m.organisation ? [m.organisation.id] : [])));
  const choices = [...organisations].sort((a, b) => Number(members.has(b.id)) - Number(members.has(a.id)));

  const ownerInput = (): OwnerInput | null =>
    ownerKind === 'organisation'
      ? { kind: 'organisation', id: Number(owner) }
      : ownerKind === 'user'
        ? { kind: 'user', username: owner.trim() }
        : ownerKind === 'text'
          ? { kind: 'text', name: owner.trim() }
          : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { title, owner: ownerInput(), dueDate: due || null };
    run(
      () =>
        initial
          ? bodiesApi.patchActionItem(meeting.id, initial.id, { ...fields, done })
          : bodiesApi.addActionItem(meeting.id, item.id, fields),
      (m) => {
        const saved = title;
        if (!initial) {
          setTitle('');
          setOwner('');
          setDue('');
        }
        onSaved(m, saved);
      },
    );
  };

  return (
    <form
      className="form-grid"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      data-testid={initial ? 'action-edit-form' : 'action-form'}
    >
      <h5 id={`${id}-heading`} className="form-grid__wide">
        {initial ? X.edit(initial.title) : X.add}
      </h5>
      <div className="field form-grid__wide">
        <label htmlFor={`${id}-title`}>{X.title}</label>
        <input
          id={`${id}-title`}
          ref={first}
          required
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{X.ownerKind}</label>
        <select
          id={`${id}-kind`}
          value={ownerKind}
          onChange={(e) => {
            setOwnerKind(e.target.value as OwnerKind);
            setOwner('');
          }}
        >
          <option value="none">{X.none}</option>
          <option value="organisation">{X.organisation}</option>
          <option value="user">{X.user}</option>
          <option value="text">{X.text}</option>
        </select>
      </div>
      {ownerKind === 'organisation' && (
        <div className="field">
          <label htmlFor={`${id}-owner`}>{X.ownerOrganisation}</label>
          <select id={`${id}-owner`} required value={owner} onChange={(e) => setOwner(e.target.value)}>
            <option value="">–</option>
            {choices.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {(ownerKind === 'user' || ownerKind === 'text') && (
        <div className="field">
          <label htmlFor={`${id}-owner`}>{ownerKind === 'user' ? X.ownerUser : X.ownerText}</label>
          <input id={`${id}-owner`} required value={owner} onChange={(e) => setOwner(e.target.value)} />
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-due`}>{X.due}</label>
        <input id={`${id}-due`} type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      </div>
      {initial && (
        <label className="checkbox-field">
          <input type="checkbox" checked={done} onChange={(e) => setDone(e.target.checked)} />
          {X.isDone}
        </label>
      )}
      <div className="form-grid__wide">
        <FormError error={error} />
        <FormButtons busy={busy} editing={initial !== undefined} onCancel={onCancel} />
      </div>
    </form>
  );
}

interface ActionTableProps {
  meeting: Meeting;
  item: AgendaItem;
  body: Body;
  organisations: readonly Organisation[];
  canEdit: boolean;
  onChanged: (m: Meeting, message: string) => void;
}

/** Aufgaben of one agenda item; planners tick them off, change and delete them, and add new ones. */
export function ActionTable({ meeting, item, body, organisations, canEdit, onChanged }: ActionTableProps) {
  const { busy, error, run } = useSubmit();
  const editing = useEditing<number>();
  const [removing, setRemoving] = useState<ActionItem | null>(null);
  const top = M.top(item.position, item.title);
  const edited = item.actions.find((a) => a.id === editing.current);
  const heading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();
  return (
    <>
      <h5 ref={heading} tabIndex={-1}>
        {M.actions}
      </h5>
      {item.actions.length === 0 ? (
        <p className="muted">{M.none}</p>
      ) : (
        <table data-testid="action-table">
          <caption className="visually-hidden">{M.actionsCaption(top)}</caption>
          <thead>
            <tr>
              <th scope="col">{M.action}</th>
              <th scope="col">{M.owner}</th>
              <th scope="col">{M.due}</th>
              <th scope="col">{M.done}</th>
              {canEdit && <th scope="col">{M.actionsColumn}</th>}
            </tr>
          </thead>
          <tbody>
            {item.actions.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.title}</th>
                <td>{a.owner?.name ?? M.none}</td>
                <td>
                  {a.dueDate ? formatDate(a.dueDate) : M.none}
                  {a.overdue && <strong className="bodies-overdue"> ({M.overdue})</strong>}
                </td>
                <td>
                  {canEdit ? (
                    <input
                      type="checkbox"
                      checked={a.done}
                      disabled={busy}
                      aria-label={M.markDone(a.title)}
                      onChange={(e) =>
                        run(
                          () => bodiesApi.patchActionItem(meeting.id, a.id, { done: e.target.checked }),
                          (m) => onChanged(m, gt.forms.action.done(a.title)),
                        )
                      }
                    />
                  ) : a.done ? (
                    M.yes
                  ) : (
                    M.no
                  )}
                </td>
                {canEdit && (
                  <td>
                    <EditDeleteButtons
                      small
                      name={X.what(a.title)}
                      onEdit={(button) => editing.open(a.id, button)}
                      onDelete={() => setRemoving(a)}
                    />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormError error={error} />
      {canEdit && edited && (
        <ActionItemForm
          key={edited.id}
          meeting={meeting}
          item={item}
          body={body}
          organisations={organisations}
          initial={edited}
          onSaved={(m, title) => {
            editing.close();
            onChanged(m, X.saved(title));
          }}
          onCancel={editing.close}
        />
      )}
      {canEdit && !edited && (
        <ActionItemForm
          meeting={meeting}
          item={item}
          body={body}
          organisations={organisations}
          onSaved={(m, title) => onChanged(m, X.added(title))}
        />
      )}
      {removing && (
        <ConfirmDelete
          title={X.confirmTitle(removing.title)}
          text={X.confirmText}
          remove={() => bodiesApi.removeActionItem(meeting.id, removing.id)}
          onDone={(m) => {
            setRemoving(null);
            focusLater(heading.current);
            onChanged(m, X.removed(removing.title));
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </>
  );
}
