import { useRef, useState } from 'react';
import type { AppConfig } from '../api.ts';
import { Link } from '../ui/Link.tsx';
import { formatDate } from '../../core/format.ts';
import { ActionTable } from './ActionForms.tsx';
import { AgendaItemForm } from './AgendaForms.tsx';
import { MeetingForm } from './BodyForms.tsx';
import {
  bodiesApi,
  minutesHref,
  type AgendaItem,
  type Attachment,
  type Body,
  type Meeting,
  type Organisation,
} from './bodies-api.ts';
import { ConfirmDelete, EditDeleteButtons, PublicBadge, useEditing, useFocusLater } from './EditControls.tsx';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const M = gt.meeting;
const A = gt.forms.agenda;
const S = gt.forms.meeting;

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
  onDeleted: (message: string) => void;
}

/**
 * One meeting: place and status, the Word download, and per agenda item its attachment link,
 * measure, minutes, decision and action items; planners change the meeting, add, change and delete
 * items and tasks and tick them off.
 */
export function MeetingView({
  meeting,
  body,
  organisations,
  canEdit,
  levels,
  defaultLevel,
  onChanged,
  onDeleted,
}: MeetingViewProps) {
  const { busy, error, run } = useSubmit();
  const held = meeting.status === 'durchgefuehrt';
  const date = formatDate(meeting.date);
  const editingMeeting = useEditing<true>();
  const editingItem = useEditing<number>();
  const [removingMeeting, setRemovingMeeting] = useState(false);
  const [removingItem, setRemovingItem] = useState<AgendaItem | null>(null);
  const agendaHeading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();

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
                () => bodiesApi.patchMeeting(meeting.id, { status: 'durchgefuehrt' }),
                (m) => onChanged(m, gt.statuses.durchgefuehrt),
              )
            }
          >
            {M.markHeld}
          </button>
        )}
        {canEdit && (
          <EditDeleteButtons
            name={S.what(date)}
            onEdit={(button) => editingMeeting.open(true, button)}
            onDelete={() => setRemovingMeeting(true)}
          />
        )}
      </div>
      <FormError error={error} />
      {canEdit && editingMeeting.current && (
        <MeetingForm
          body={body}
          initial={meeting}
          onSaved={(m) => {
            editingMeeting.close();
            onChanged(m, S.saved(formatDate(m.date)));
          }}
          onCancel={editingMeeting.close}
        />
      )}

      <h3 ref={agendaHeading} tabIndex={-1}>
        {M.agenda}
      </h3>
      {meeting.agenda.length === 0 && <p className="muted">{M.noAgenda}</p>}
      {meeting.agenda.map((item) => (
        <article
          key={item.id}
          className="bodies-agenda-item"
          aria-labelledby={`top-${item.id}`}
          data-testid="agenda-item"
        >
          <h4 id={`top-${item.id}`}>{M.top(item.position, item.title)}</h4>
          {item.public && <PublicBadge />}
          {canEdit && (
            <div className="button-row">
              <EditDeleteButtons
                name={A.what(item.title)}
                onEdit={(button) => editingItem.open(item.id, button)}
                onDelete={() => setRemovingItem(item)}
              />
            </div>
          )}
          {canEdit && editingItem.current === item.id && (
            <AgendaItemForm
              meeting={meeting}
              levels={levels}
              defaultLevel={defaultLevel}
              initial={item}
              onSaved={(m, title) => {
                editingItem.close();
                onChanged(m, A.saved(title));
              }}
              onCancel={editingItem.close}
            />
          )}
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
          <ActionTable
            meeting={meeting}
            item={item}
            body={body}
            organisations={organisations}
            canEdit={canEdit}
            onChanged={onChanged}
          />
        </article>
      ))}
      {canEdit && (
        <AgendaItemForm
          meeting={meeting}
          levels={levels}
          defaultLevel={defaultLevel}
          onSaved={(m, title) => onChanged(m, A.added(title))}
        />
      )}

      {removingMeeting && (
        <ConfirmDelete
          title={S.confirmTitle(date)}
          text={S.confirmText}
          remove={() => bodiesApi.removeMeeting(meeting.id)}
          onDone={() => {
            setRemovingMeeting(false);
            onDeleted(S.removed(date));
          }}
          onClose={() => setRemovingMeeting(false)}
        />
      )}
      {removingItem && (
        <ConfirmDelete
          title={A.confirmTitle(removingItem.title)}
          text={A.confirmText}
          remove={() => bodiesApi.removeAgendaItem(meeting.id, removingItem.id)}
          onDone={(m) => {
            setRemovingItem(null);
            focusLater(agendaHeading.current);
            onChanged(m, A.removed);
          }}
          onClose={() => setRemovingItem(null)}
        />
      )}
    </>
  );
}
