/** The small forms of a planner on the page „Gremien“: a new body, a member, a meeting. */
import { useId, useState, type FormEvent } from 'react';
import { BODY_KINDS } from '../../bodies/labels.ts';
import type { AppConfig } from '../api.ts';
import { AreaSelect, type AreaChoice } from './AreaSelect.tsx';
import { bodiesApi, type Body, type BodyKind, type Meeting, type Organisation } from './bodies-api.ts';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const F = gt.forms;

function SubmitButton({ busy }: { busy: boolean }) {
  return (
    <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
      {busy ? F.saving : F.save}
    </button>
  );
}

interface BodyFormProps {
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  onCreated: (b: Body) => void;
}

/** Neues Gremium: name, kind, topic and (optionally) the area it is for. */
export function BodyForm({ levels, defaultLevel, onCreated }: BodyFormProps) {
  const id = useId();
  const [name, setName] = useState('');
  const [kind, setKind] = useState<BodyKind>('stadtteilarbeitskreis');
  const [topic, setTopic] = useState('');
  const [area, setArea] = useState<AreaChoice>({ level: defaultLevel ?? levels.at(-1)?.key ?? '', key: '' });
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(
      () => bodiesApi.createBody({ name, kind, topic, area: area.key ? area : null }),
      (b) => {
        setName('');
        setTopic('');
        onCreated(b);
      },
    );
  };
  return (
    <form className="form-grid" aria-labelledby={`${id}-heading`} onSubmit={submit} data-testid="body-form">
      <h3 id={`${id}-heading`} className="form-grid__wide">
        {F.body.add}
      </h3>
      <div className="field">
        <label htmlFor={`${id}-name`}>{F.body.name}</label>
        <input id={`${id}-name`} required value={name} onChange={(e) => setName(e.target.value)} />
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
      <div className="form-grid__wide">
        <FormError error={error} />
        <SubmitButton busy={busy} />
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
        <SubmitButton busy={busy} />
      </div>
    </form>
  );
}

/** Neue Sitzung: date and place. */
export function MeetingForm({ body, onCreated }: { body: Body; onCreated: (m: Meeting) => void }) {
  const id = useId();
  const [date, setDate] = useState('');
  const [place, setPlace] = useState('');
  const { busy, error, run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(
      () => bodiesApi.createMeeting(body.id, { date, place }),
      (m) => {
        setDate('');
        setPlace('');
        onCreated(m);
      },
    );
  };
  return (
    <form
      className="form-grid"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      data-testid="meeting-form"
    >
      <h4 id={`${id}-heading`} className="form-grid__wide">
        {F.meeting.add}
      </h4>
      <div className="field">
        <label htmlFor={`${id}-date`}>{F.meeting.date}</label>
        <input
          id={`${id}-date`}
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
      <div className="form-grid__wide">
        <FormError error={error} />
        <SubmitButton busy={busy} />
      </div>
    </form>
  );
}

export { SubmitButton };
