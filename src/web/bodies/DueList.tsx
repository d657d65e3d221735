import { useId, useState } from 'react';
import { formatDate } from '../../core/format.ts';
import { messageOf } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';
import { bodiesApi, type Body } from './bodies-api.ts';
import { gt } from './texts.ts';

const D = gt.due;

interface DueListProps {
  bodies: readonly Body[];
  /** Changes when an action item changed: the list loads again. */
  revision: string;
  onOpen: (bodyId: number, meetingId: number) => void;
}

/** „Fällig“: open action items by due date, overdue marked; filtered by person and body. */
export function DueList({ bodies, revision, onOpen }: DueListProps) {
  const id = useId();
  const [person, setPerson] = useState('');
  const [body, setBody] = useState('');
  const filter = { person: person.trim() || undefined, body: body ? Number(body) : undefined };
  const due = useFetched(`due#${revision}#${filter.person ?? ''}#${body}`, () => bodiesApi.due(filter));
  const rows = due.latest ?? [];
  return (
    <section className="import-step" aria-labelledby={`${id}-heading`} data-testid="due-list">
      <h2 id={`${id}-heading`}>{D.heading}</h2>
      <p>{D.intro}</p>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={`${id}-person`}>{D.person}</label>
          <input
            id={`${id}-person`}
            type="search"
            value={person}
            aria-describedby={`${id}-person-hint`}
            onChange={(e) => setPerson(e.target.value)}
          />
          <p id={`${id}-person-hint`} className="field__hint">
            {D.personHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-body`}>{D.body}</label>
          <select id={`${id}-body`} value={body} onChange={(e) => setBody(e.target.value)}>
            <option value="">{D.allBodies}</option>
            {bodies.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {due.error && (
        <p className="alert" role="alert">
          {messageOf(due.error)}
        </p>
      )}
      {due.latest && rows.length === 0 && <p className="muted">{D.none}</p>}
      {rows.length > 0 && (
        <table>
          <caption className="visually-hidden">{D.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{gt.meeting.due}</th>
              <th scope="col">{gt.meeting.action}</th>
              <th scope="col">{gt.meeting.owner}</th>
              <th scope="col">{D.body}</th>
              <th scope="col">{D.where}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((a) => (
              <tr key={a.id} className={a.overdue ? 'bodies-overdue-row' : undefined}>
                <td>
                  {a.dueDate ? formatDate(a.dueDate) : gt.meeting.none}
                  {a.overdue && <strong className="bodies-overdue"> ({gt.meeting.overdue})</strong>}
                </td>
                <th scope="row">{a.title}</th>
                <td>{a.owner?.name ?? gt.meeting.none}</td>
                <td>{a.body.name}</td>
                <td>
                  <button
                    type="button"
                    className="link-button"
                    onClick={() => onOpen(a.body.id, a.meeting.id)}
                  >
                    {D.whereText(formatDate(a.meeting.date), a.agendaItem.position)}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
