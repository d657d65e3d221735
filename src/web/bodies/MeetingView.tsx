import { formatDate } from '../../core/format.ts';
import type { AppConfig } from '../api.ts';
import { Link } from '../ui/Link.tsx';
import { ActionItemForm, AgendaItemForm } from './AgendaForms.tsx';
import {
  bodiesApi,
  minutesHref,
  type AgendaItem,
  type Attachment,
  type Body,
  type Meeting,
  type Organisation,
} from './bodies-api.ts';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const M = gt.meeting;

function AttachmentLink({ attachment }: { attachment: Attachment }) {
  if (attachment.kind === 'steckbrief')
    return (
      <Link to={attachment.href}>
        {M.steckbrief(attachment.areaName ?? `${attachment.level} ${attachment.key}`)}
      </Link>
    );
  if (attachment.reportId === null) return <>{M.reportDeleted}</>;
  if (attachment.title === null || attachment.href === null) return <>{M.reportHidden}</>;
  return (
    <a href={attachment.href} download>
      {M.report(attachment.title)}
    </a>
  );
}

/** Multi-line text as paragraphs. */
const Paragraphs = ({ text }: { text: string }) => (
  <>
    {text.split(/\r?\n/).map((line, i) => (
      <p key={i}>{line}</p>
    ))}
  </>
);

interface MeetingViewProps {
  meeting: Meeting;
  body: Body;
  organisations: readonly Organisation[];
  canEdit: boolean;
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  onChanged: (m: Meeting, message: string) => void;
}

/**
 * One meeting: place and status, the Word download, and per agenda item its attachment link,
 * measure, minutes, decision and action items; planners add items and tasks and tick them off.
 */
export function MeetingView({
  meeting,
  body,
  organisations,
  canEdit,
  levels,
  defaultLevel,
  onChanged,
}: MeetingViewProps) {
  const { busy, error, run } = useSubmit();
  const held = meeting.status === 'durchgefuehrt';

  const actions = (item: AgendaItem) => {
    const top = M.top(item.position, item.title);
    return (
      <>
        <h5>{M.actions}</h5>
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
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </>
    );
  };

  return (
    <>
      <dl className="bodies-facts">
        <dt>{M.place}</dt>
        <dd>{meeting.place || M.none}</dd>
        <dt>{M.status}</dt>
        <dd>{gt.statuses[meeting.status]}</dd>
      </dl>
      <div className="button-row">
        <a className="button" href={minutesHref(meeting.id)} download data-testid="minutes-download">
          {M.download}
        </a>
        {canEdit && !held && (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              run(
                () => bodiesApi.setMeetingStatus(meeting.id, 'durchgefuehrt'),
                (m) => onChanged(m, gt.statuses.durchgefuehrt),
              )
            }
          >
            {M.markHeld}
          </button>
        )}
      </div>
      <FormError error={error} />

      <h3>{M.agenda}</h3>
      {meeting.agenda.length === 0 && <p className="muted">{M.noAgenda}</p>}
      {meeting.agenda.map((item) => (
        <article
          key={item.id}
          className="bodies-agenda-item"
          aria-labelledby={`top-${item.id}`}
          data-testid="agenda-item"
        >
          <h4 id={`top-${item.id}`}>{M.top(item.position, item.title)}</h4>
          {item.description && <Paragraphs text={item.description} />}
          <dl className="bodies-facts">
            {item.attachment && (
              <>
                <dt>{M.attachment}</dt>
                <dd>
                  <AttachmentLink attachment={item.attachment} />
                </dd>
              </>
            )}
            {item.measure && (
              <>
                <dt>{M.measure}</dt>
                <dd>{item.measure.title}</dd>
              </>
            )}
            {item.minutes && (
              <>
                <dt>{M.minutes}</dt>
                <dd>
                  <Paragraphs text={item.minutes} />
                </dd>
              </>
            )}
            {item.decision && (
              <>
                <dt>{M.decision}</dt>
                <dd>
                  <Paragraphs text={item.decision} />
                </dd>
              </>
            )}
          </dl>
          {actions(item)}
          {canEdit && (
            <>
              <ActionItemForm
                meeting={meeting}
                item={item}
                body={body}
                organisations={organisations}
                onAdded={(m, title) => onChanged(m, gt.forms.action.added(title))}
              />
              <div className="button-row">
                <button
                  type="button"
                  className="button button--danger-outline"
                  disabled={busy}
                  onClick={() =>
                    run(
                      () => bodiesApi.removeAgendaItem(meeting.id, item.id),
                      (m) => onChanged(m, gt.forms.agenda.removed),
                    )
                  }
                >
                  {M.removeItem(item.title)}
                </button>
              </div>
            </>
          )}
        </article>
      ))}
      {canEdit && (
        <AgendaItemForm
          meeting={meeting}
          levels={levels}
          defaultLevel={defaultLevel}
          onAdded={(m, title) => onChanged(m, gt.forms.agenda.added(title))}
        />
      )}
    </>
  );
}
