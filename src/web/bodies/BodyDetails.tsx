import { useRef, useState } from 'react';
import { formatDate } from '../../core/format.ts';
import type { AppConfig } from '../api.ts';
import { bodiesApi, type Body, type Meeting, type MeetingSummary, type Organisation } from './bodies-api.ts';
import { BodyForm, MeetingForm, MemberForm } from './BodyForms.tsx';
import { ConfirmDelete, EditDeleteButtons, PublicBadge, useEditing, useFocusLater } from './EditControls.tsx';
import { gt } from './texts.ts';

const B = gt.body;
const G = gt.forms.body;

interface BodyDetailsProps {
  body: Body;
  meetings: readonly MeetingSummary[] | undefined;
  selectedMeeting: number | null;
  organisations: readonly Organisation[];
  canEdit: boolean;
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  onBodyChanged: (b: Body, message: string) => void;
  onBodyDeleted: (message: string) => void;
  onMeetingCreated: (m: Meeting) => void;
  onOpenMeeting: (id: number) => void;
}

/**
 * A body: topic, members with function and contact, its meetings; planners change or delete it and
 * add members and meetings.
 */
export function BodyDetails(props: BodyDetailsProps) {
  const { body, meetings, selectedMeeting, organisations, canEdit } = props;
  const editing = useEditing<number>();
  const [removing, setRemoving] = useState(false);
  const [removingMember, setRemovingMember] = useState<{ id: number; who: string } | null>(null);
  const membersHeading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();
  return (
    <>
      {canEdit && (
        <div className="button-row">
          <EditDeleteButtons
            name={G.what(body.name)}
            onEdit={(button) => editing.open(body.id, button)}
            onDelete={() => setRemoving(true)}
          />
        </div>
      )}
      {canEdit && editing.current === body.id && (
        <BodyForm
          levels={props.levels}
          defaultLevel={props.defaultLevel}
          initial={body}
          onSaved={(b) => {
            editing.close();
            props.onBodyChanged(b, G.saved(b.name));
          }}
          onCancel={editing.close}
        />
      )}
      {removing && (
        <ConfirmDelete
          title={G.confirmTitle(body.name)}
          text={G.confirmText}
          remove={() => bodiesApi.removeBody(body.id)}
          onDone={() => {
            setRemoving(false);
            props.onBodyDeleted(G.removed(body.name));
          }}
          onClose={() => setRemoving(false)}
        />
      )}
      {body.topic && (
        <p>
          <strong>{B.topic}:</strong> {body.topic}
        </p>
      )}
      <h3 ref={membersHeading} tabIndex={-1}>
        {B.members}
      </h3>
      {body.members.length === 0 ? (
        <p className="muted">{B.noMembers}</p>
      ) : (
        <ul className="bodies-members" data-testid="body-members">
          {body.members.map((m) => {
            const who = [m.user?.displayName, m.organisation?.name].filter(Boolean).join(', ');
            const contact = m.organisation
              ? [m.organisation.contactName, m.organisation.contactEmail, m.organisation.contactPhone]
                  .filter(Boolean)
                  .join(', ')
              : '';
            return (
              <li key={m.id}>
                <strong>{who}</strong>
                {m.function && ` – ${m.function}`}
                {contact && <span className="muted"> ({contact})</span>}
                {canEdit && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => setRemovingMember({ id: m.id, who })}
                    >
                      {B.removeMember(who)}
                    </button>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {removingMember && (
        <ConfirmDelete
          title={gt.forms.member.confirmTitle(removingMember.who)}
          text={gt.forms.member.confirmText}
          confirmLabel={gt.forms.member.confirm}
          remove={() => bodiesApi.removeMember(body.id, removingMember.id)}
          onDone={(b) => {
            setRemovingMember(null);
            focusLater(membersHeading.current);
            props.onBodyChanged(b, gt.forms.member.removed);
          }}
          onClose={() => setRemovingMember(null)}
        />
      )}
      {canEdit && (
        <MemberForm
          body={body}
          organisations={organisations}
          onAdded={(b) => props.onBodyChanged(b, gt.forms.member.added)}
        />
      )}

      <h3>{B.meetings}</h3>
      {meetings && meetings.length === 0 && <p className="muted">{B.noMeetings}</p>}
      {meetings && meetings.length > 0 && (
        <ul className="bodies-meetings" data-testid="body-meetings">
          {meetings.map((m) => (
            <li key={m.id}>
              <button
                type="button"
                className="link-button"
                aria-current={m.id === selectedMeeting ? 'true' : undefined}
                onClick={() => props.onOpenMeeting(m.id)}
              >
                {B.meetingLine(formatDate(m.date), m.place)}
              </button>
              {m.public && <PublicBadge />}{' '}
              <span className="muted">
                ({gt.statuses[m.status]}; {B.agendaCount(m.agendaItems)}; {B.openCount(m.openActions)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && <MeetingForm body={body} onSaved={props.onMeetingCreated} />}
    </>
  );
}
