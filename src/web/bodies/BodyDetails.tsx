import { formatDate } from '../../core/format.ts';
import { bodiesApi, type Body, type Meeting, type MeetingSummary, type Organisation } from './bodies-api.ts';
import { MeetingForm, MemberForm } from './BodyForms.tsx';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const B = gt.body;

interface BodyDetailsProps {
  body: Body;
  meetings: readonly MeetingSummary[] | undefined;
  selectedMeeting: number | null;
  organisations: readonly Organisation[];
  canEdit: boolean;
  onBodyChanged: (b: Body, message: string) => void;
  onMeetingCreated: (m: Meeting) => void;
  onOpenMeeting: (id: number) => void;
}

/** A body: topic, members with function and contact, its meetings; planners add members and meetings. */
export function BodyDetails(props: BodyDetailsProps) {
  const { body, meetings, selectedMeeting, organisations, canEdit } = props;
  const { busy, error, run } = useSubmit();
  return (
    <>
      {body.topic && (
        <p>
          <strong>{B.topic}:</strong> {body.topic}
        </p>
      )}
      <h3>{B.members}</h3>
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
                      disabled={busy}
                      onClick={() =>
                        run(
                          () => bodiesApi.removeMember(body.id, m.id),
                          (b) => props.onBodyChanged(b, gt.forms.member.removed),
                        )
                      }
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
      <FormError error={error} />
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
              </button>{' '}
              <span className="muted">
                ({gt.statuses[m.status]}; {B.agendaCount(m.agendaItems)}; {B.openCount(m.openActions)})
              </span>
            </li>
          ))}
        </ul>
      )}
      {canEdit && <MeetingForm body={body} onCreated={props.onMeetingCreated} />}
    </>
  );
}
