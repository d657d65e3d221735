import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { RoleNotice } from '../ui/RoleNotice.tsx';
import { formatDate } from '../../core/format.ts';
import { messageOf, type AppConfig, type User } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { bodiesApi, type Meeting } from './bodies-api.ts';
import { BodyDetails } from './BodyDetails.tsx';
import { BodyForm } from './BodyForms.tsx';
import { DueList } from './DueList.tsx';
import { PublicBadge, useFocusLater } from './EditControls.tsx';
import { MeetingView } from './MeetingView.tsx';
import { OrganisationSection } from './OrganisationSection.tsx';
import { gt } from './texts.ts';
import './bodies.css';

interface BodiesPageProps {
  config: AppConfig;
  user: User | null;
  /** Planner or admin: keeps organisations, bodies, meetings and minutes. */
  canEdit: boolean;
  onLogin: () => void;
  announce: (message: string) => void;
}

/**
 * Gremien (Steuerung): the bodies with their members, a body's meetings, a meeting with agenda,
 * attachments, minutes, decisions and action items and its minutes as Word, and „Fällig“, the open
 * action items. Planners keep all of it; partners read the bodies their organisation is a member
 * of; other roles see a notice (the server refuses them too).
 */
export function BodiesPage({ config, user, canEdit, onLogin, announce }: BodiesPageProps) {
  const id = useId();
  const readable = canEdit || user?.role === 'partner';
  const [revision, setRevision] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const focusTarget = useRef<'body' | 'meeting' | null>(null);
  const bodyHeading = useRef<HTMLHeadingElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const focusLater = useFocusLater();
  const meetingHeading = useRef<HTMLHeadingElement>(null);

  const key = `${user?.id ?? '-'}#${revision}`;
  const bodies = useFetched(readable ? `bodies#${key}` : null, () => bodiesApi.bodies());
  const organisations = useFetched(canEdit ? `organisations#${key}` : null, () => bodiesApi.organisations());
  const meetings = useFetched(selected !== null ? `meetings#${selected}#${key}` : null, () =>
    bodiesApi.meetings(selected!),
  );
  const meeting = useFetched(meetingId !== null ? `meeting#${meetingId}#${key}` : null, () =>
    bodiesApi.meeting(meetingId!),
  );
  const list = useMemo(() => bodies.latest ?? [], [bodies.latest]);
  const body = list.find((b) => b.id === selected) ?? null;
  const levels = useMemo(
    () => config.levels.filter((l) => l.rank >= 1 && l.areaCount > 0).sort((a, b) => a.rank - b.rank),
    [config.levels],
  );

  useEffect(() => {
    if (focusTarget.current === 'body' && body) bodyHeading.current?.focus();
    else if (focusTarget.current === 'meeting' && meeting.data) meetingHeading.current?.focus();
    else return;
    focusTarget.current = null;
  }, [body, meeting.data]);

  const changed = (message: string) => {
    setRevision((n) => n + 1);
    announce(message);
  };
  const openBody = (bodyId: number) => {
    focusTarget.current = 'body';
    setSelected(bodyId);
    setMeetingId(null);
  };
  const openMeeting = (bodyId: number, meeting: number) => {
    focusTarget.current = 'meeting';
    setSelected(bodyId);
    setMeetingId(meeting);
  };

  const head = (
    <div className="page-head">
      <PageHeading title={gt.docTitle}>{gt.title}</PageHeading>
      <p className="page-intro">{gt.intro}</p>
      {user?.role === 'partner' && (
        <p className="notice" data-testid="bodies-partner-note">
          {gt.partnerNote}
        </p>
      )}
    </div>
  );
  if (!readable)
    return (
      <div className="page bodies-page">
        {head}
        <RoleNotice
          user={user}
          texts={{ needsRole: gt.needsRole, loginFirst: gt.loginFirst, login: gt.login }}
          onLogin={onLogin}
          testId="bodies-needs-role"
        />
      </div>
    );

  const L = gt.list;
  return (
    <div className="page bodies-page">
      {head}
      <section className="import-step" aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`} ref={listHeading} tabIndex={-1}>
          {L.heading}
        </h2>
        {bodies.error && (
          <p className="alert" role="alert">
            {messageOf(bodies.error)}
          </p>
        )}
        {!bodies.latest && !bodies.error && <p className="muted">{gt.loading}</p>}
        {bodies.latest && list.length === 0 && <p className="muted">{canEdit ? gt.none : gt.nonePartner}</p>}
        {list.length > 0 && (
          <table data-testid="bodies-table">
            <caption className="visually-hidden">{L.caption}</caption>
            <thead>
              <tr>
                <th scope="col">{L.name}</th>
                <th scope="col">{L.kind}</th>
                <th scope="col">{L.area}</th>
                <th scope="col">{L.members}</th>
                <th scope="col">{L.next}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((b) => (
                <tr key={b.id}>
                  <th scope="row">
                    <button
                      type="button"
                      className="link-button"
                      aria-current={b.id === selected ? 'true' : undefined}
                      onClick={() => openBody(b.id)}
                    >
                      {b.name}
                    </button>
                    {b.public && <PublicBadge />}
                  </th>
                  <td>{gt.kinds[b.kind]}</td>
                  <td>{b.area?.name ?? L.city}</td>
                  <td>
                    {b.members
                      .map((m) =>
                        [m.organisation?.name ?? m.user?.displayName, m.function].filter(Boolean).join(' – '),
                      )
                      .join('; ') || '–'}
                  </td>
                  <td>{b.nextMeeting ? formatDate(b.nextMeeting) : L.noNext}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {canEdit && (
          <BodyForm
            levels={levels}
            defaultLevel={config.defaultLevel}
            onSaved={(b) => {
              openBody(b.id);
              changed(gt.forms.body.created(b.name));
            }}
          />
        )}
      </section>

      {body && (
        <section className="import-step" aria-labelledby={`${id}-body`} data-testid="body-details">
          <h2 id={`${id}-body`} ref={bodyHeading} tabIndex={-1}>
            {body.name} <span className="muted">({gt.kinds[body.kind]})</span>
          </h2>
          <BodyDetails
            body={body}
            meetings={meetings.latest}
            selectedMeeting={meetingId}
            organisations={organisations.latest ?? []}
            canEdit={canEdit}
            levels={levels}
            defaultLevel={config.defaultLevel}
            onBodyChanged={(_, message) => changed(message)}
            onBodyDeleted={(message) => {
              setSelected(null);
              setMeetingId(null);
              focusLater(listHeading.current);
              changed(message);
            }}
            onMeetingCreated={(m) => {
              openMeeting(m.bodyId, m.id);
              changed(gt.forms.meeting.created(formatDate(m.date)));
            }}
            onOpenMeeting={(m) => openMeeting(body.id, m)}
          />
        </section>
      )}

      {body && meeting.latest && meeting.latest.id === meetingId && (
        <section className="import-step" aria-labelledby={`${id}-meeting`} data-testid="meeting-details">
          <h2 id={`${id}-meeting`} ref={meetingHeading} tabIndex={-1}>
            {gt.meeting.heading(meeting.latest.bodyName, formatDate(meeting.latest.date))}
          </h2>
          <MeetingView
            meeting={meeting.latest}
            body={body}
            organisations={organisations.latest ?? []}
            canEdit={canEdit}
            levels={levels}
            defaultLevel={config.defaultLevel}
            onChanged={(_: Meeting, message) => changed(message)}
            onDeleted={(message) => {
              focusTarget.current = 'body';
              setMeetingId(null);
              changed(message);
            }}
          />
        </section>
      )}
      {meeting.error && (
        <p className="alert" role="alert">
          {messageOf(meeting.error)}
        </p>
      )}

      {canEdit && (
        <OrganisationSection
          organisations={organisations.latest ?? []}
          levels={levels}
          defaultLevel={config.defaultLevel}
          onChanged={changed}
        />
      )}

      <DueList bodies={list} revision={key} onOpen={openMeeting} />
    </div>
  );
}
