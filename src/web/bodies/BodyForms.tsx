/**
 * The small forms of a planner on the page „Gremien“: a body and a meeting (new or existing), and a
 * new member.
 */
import { useId, useState, type FormEvent } from 'react';
import { formatDate } from '../../core/format.ts';
import { BODY_KINDS, MEETING_STATUSES } from '../../bodies/labels.ts';
import type { AppConfig } from '../api.ts';
import { AreaSelect, type AreaChoice } from './AreaSelect.tsx';
import {
  bodiesApi,
  type Body,
  type BodyKind,
  type Meeting,
  type MeetingStatus,
  type MeetingSummary,
  type Organisation,
} from './bodies-api.ts';
import { FormButtons, PublicField, useFocusOnMount } from './EditControls.tsx';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const F = gt.forms;

interface BodyFormProps {
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  /** The body to change; without it the form makes a new one. */
  initial?: Body;
  onSaved: (b: Body) => void;
  onCancel?: () => void;
}

/** Neues Gremium, or one to change: name, kind, topic and (optionally) the area it is for. */
export function BodyForm({ levels, defaultLevel, initial, onSaved, onCancel }: BodyFormProps) {
  const id = useId();
  const [name, setName] = useState(initial?.name ?? '');
  const [kind, setKind] = useState<BodyKind>(initial?.kind ?? 'stadtteilarbeitskreis');
  const [topic, setTopic] = useState(initial?.topic ?? '');
  const [isPublic, setPublic] = useState(initial?.public ?? false);
  const [area, setArea] = useState<AreaChoice>(
    initial?.area
      ? { level: initial.area.level, key: initial.area.key }
      : { level: defaultLevel ?? levels.at(-1)?.key ?? '', key: '' },
  );
  const first = useFocusOnMount<HTMLInputElement>(initial !== undefined);
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = { name, kind, topic, area: area.key ? area : null, public: isPublic };
    run(
      () => (initial ? bodiesApi.patchBody(initial.id, fields) : bodiesApi.createBody(fields)),
      (b) => {
        if (!initial) {
          setName('');
          setTopic('');
          setPublic(false);
        }
        onSaved(b);
      },
    );
  };
  return (
    <form
      className="form-grid"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      data-testid={initial ? 'body-edit-form' : 'body-form'}
    >
      <h3 id={`${id}-heading`} className="form-grid__wide">
        {initial ? F.body.edit(initial.name) : F.body.add}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{F.body.name}</label>
        <input
          id={`${id}-name`}
          ref={first}
          required
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{F.body.kind}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value as BodyKind)}>
          {BODY_KINDS.map((k) => (
            <option key={k} value={k}>
              {gt.kinds[k]}
            </option>
          ))}
        </select>
      </div>
      <div className="field form-grid__wide">
        <label htmlFor={`${id}-topic`}>{F.body.topic}</label>
        <input id={`${id}-topic`} value={topic} onChange={(e) => setTopic(e.target.value)} />
      </div>
      <AreaSelect
        levels={levels}
        value={area}
        onChange={setArea}
        levelLabel={`${gt.list.area}: ${F.agenda.level}`}
        areaLabel={gt.list.area}
        emptyLabel={gt.list.city}
      />
      <PublicField id={`${id}-public`} checked={isPublic} onChange={setPublic} hint={F.publicHint.body} />
      <div className="form-grid__wide">
        <FormError error={error} />
        <FormButtons busy={busy} editing={initial !== undefined} onCancel={onCancel} />
      </div>
    </form>
  );
}

interface MemberFormProps {
  body: Body;
  organisations: readonly Organisation[];
  onAdded: (b: Body) => void;
}

/** Mitglied aufnehmen: an organisation and/or a user, with a function. */
export function MemberForm({ body, organisations, onAdded }: MemberFormProps) {
  const id = useId();
  const [organisation, setOrganisation] = useState('');
  const [username, setUsername] = useState('');
  const [fn, setFn] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(
      () =>
        bodiesApi.addMember(body.id, {
          organisationId: organisation ? Number(organisation) : null,
          username: username.trim() || null,
          function: fn,
        }),
      (b) => {
        setOrganisation('');
        setUsername('');
        setFn('');
        onAdded(b);
      },
    );
  };
  return (
    <form className="form-grid" aria-labelledby={`${id}-heading`} onSubmit={submit} data-testid="member-form">
      <h4 id={`${id}-heading`} className="form-grid__wide">
        {F.member.add}
      </h4>
      <div className="field">
        <label htmlFor={`${id}-org`}>{F.member.organisation}</label>
        <select id={`${id}-org`} value={organisation} onChange={(e) => setOrganisation(e.target.value)}>
          <option value="">{F.member.noOrganisation}</option>
          {organisations.map((o) => (
            <option key={o.id} value={o.id}>
              {o.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-user`}>{F.member.username}</label>
        <input id={`${id}-user`} value={username} onChange={(e) => setUsername(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-fn`}>{F.member.function}</label>
        <input
          id={`${id}-fn`}
          value={fn}
          aria-describedby={`${id}-fn-hint`}
          onChange={(e) => setFn(e.target.value)}
        />
        <p id={`${id}-fn-hint`} className="field__hint">
          {F.member.functionHint}
        </p>
      </div>
      <div className="form-grid__wide">
        <FormError error={error} />
        <FormButtons busy={busy} editing={false} />
      </div>
    </form>
  );
}

interface MeetingFormProps {
  body: Body;
  /** The meeting to change; without it the form makes a new one. */
  initial?: Meeting | MeetingSummary;
  onSaved: (m: Meeting) => void;
  onCancel?: () => void;
}

/** Neue Sitzung, or one to change: date, place and status. */
export function MeetingForm({ body, initial, onSaved, onCancel }: MeetingFormProps) {
  const id = useId();
  const [date, setDate] = useState(initial?.date ?? '');
  const [place, setPlace] = useState(initial?.place ?? '');
  const [status, setStatus] = useState<MeetingStatus>(initial?.status ?? 'geplant');
  const [isPublic, setPublic] = useState(initial?.public ?? false);
  const first = useFocusOnMount<HTMLInputElement>(initial !== undefined);
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(
      () =>
        initial
          ? bodiesApi.patchMeeting(initial.id, { date, place, status, public: isPublic })
          : bodiesApi.createMeeting(body.id, { date, place, status, public: isPublic }),
      (m) => {
        if (!initial) {
          setDate('');
          setPlace('');
          setStatus('geplant');
          setPublic(false);
        }
        onSaved(m);
      },
    );
  };
  return (
    <form
      className="form-grid"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      data-testid={initial ? 'meeting-edit-form' : 'meeting-form'}
    >
      <h4 id={`${id}-heading`} className="form-grid__wide">
        {initial ? F.meeting.edit(formatDate(initial.date)) : F.meeting.add}
      </h4>
      <div className="field">
        <label htmlFor={`${id}-date`}>{F.meeting.date}</label>
        <input
          id={`${id}-date`}
          ref={first}
          type="date"
          required
          value={date}
          onChange={(e) => setDate(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-place`}>{F.meeting.place}</label>
        <input id={`${id}-place`} value={place} onChange={(e) => setPlace(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-status`}>{F.meeting.status}</label>
        <select
          id={`${id}-status`}
          value={status}
          onChange={(e) => setStatus(e.target.value as MeetingStatus)}
        >
          {MEETING_STATUSES.map((s) => (
            <option key={s} value={s}>
              {gt.statuses[s]}
            </option>
          ))}
        </select>
      </div>
      <PublicField id={`${id}-public`} checked={isPublic} onChange={setPublic} hint={F.publicHint.meeting} />
      <div className="form-grid__wide">
        <FormError error={error} />
        <FormButtons busy={busy} editing={initial !== undefined} onCancel={onCancel} />
      </div>
    </form>
  );
}
