/** A planner's forms in a meeting: a new agenda item (with attachment and measure), a new action item. */
import { useId, useState, type FormEvent } from 'react';
import type { AppConfig } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';
import { AreaSelect, type AreaChoice } from './AreaSelect.tsx';
import { SubmitButton } from './BodyForms.tsx';
import {
  bodiesApi,
  type AgendaItem,
  type Body,
  type Meeting,
  type NewAgendaItem,
  type Organisation,
  type OwnerInput,
} from './bodies-api.ts';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const A = gt.forms.agenda;
const X = gt.forms.action;

interface AgendaItemFormProps {
  meeting: Meeting;
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  onAdded: (m: Meeting, title: string) => void;
}

/** Neuer Tagesordnungspunkt: title, text, a Steckbrief or report attached, the measure, minutes, decision. */
export function AgendaItemForm({ meeting, levels, defaultLevel, onAdded }: AgendaItemFormProps) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [attachmentKind, setAttachmentKind] = useState<'none' | 'steckbrief' | 'report'>('none');
  const [area, setArea] = useState<AreaChoice>({ level: defaultLevel ?? levels.at(-1)?.key ?? '', key: '' });
  const [reportId, setReportId] = useState('');
  const [measureId, setMeasureId] = useState('');
  const [minutes, setMinutes] = useState('');
  const [decision, setDecision] = useState('');
  const measures = useFetched('bodies-measures', () => bodiesApi.measures());
  const { busy, error, run } = useSubmit();

  const attachment = (): NewAgendaItem['attachment'] =>
    attachmentKind === 'steckbrief'
      ? { kind: 'steckbrief', level: area.level, key: area.key }
      : attachmentKind === 'report'
        ? { kind: 'report', reportId: Number(reportId) }
        : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    run(
      () =>
        bodiesApi.addAgendaItem(meeting.id, {
          title,
          description,
          attachment: attachment(),
          measureId: measureId ? Number(measureId) : null,
          minutes,
          decision,
        }),
      (m) => {
        const added = title;
        setTitle('');
        setDescription('');
        setMinutes('');
        setDecision('');
        setAttachmentKind('none');
        setMeasureId('');
        onAdded(m, added);
      },
    );
  };

  return (
    <form className="form-grid" aria-labelledby={`${id}-heading`} onSubmit={submit} data-testid="agenda-form">
      <h4 id={`${id}-heading`} className="form-grid__wide">
        {A.add}
      </h4>
      <div className="field form-grid__wide">
        <label htmlFor={`${id}-title`}>{A.title}</label>
        <input id={`${id}-title`} required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field form-grid__wide">
        <label htmlFor={`${id}-description`}>{A.description}</label>
        <textarea
          id={`${id}-description`}
          rows={2}
          value={description}
          onChange={(e) => setDescription(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-attachment`}>{A.attachment}</label>
        <select
          id={`${id}-attachment`}
          value={attachmentKind}
          onChange={(e) => setAttachmentKind(e.target.value as typeof attachmentKind)}
        >
          <option value="none">{A.noAttachment}</option>
          <option value="steckbrief">{A.steckbrief}</option>
          <option value="report">{A.report}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-measure`}>{A.measure}</label>
        <select id={`${id}-measure`} value={measureId} onChange={(e) => setMeasureId(e.target.value)}>
          <option value="">{A.noMeasure}</option>
          {(measures.data ?? [])
            .filter((m) => m.kind === 'massnahme')
            .map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
        </select>
      </div>
      {attachmentKind === 'steckbrief' && (
        <AreaSelect levels={levels} value={area} onChange={setArea} levelLabel={A.level} areaLabel={A.area} />
      )}
      {attachmentKind === 'report' && (
        <div className="field">
          <label htmlFor={`${id}-report`}>{A.reportId}</label>
          <input
            id={`${id}-report`}
            type="number"
            min={1}
            required
            value={reportId}
            onChange={(e) => setReportId(e.target.value)}
          />
        </div>
      )}
      <div className="field form-grid__wide">
        <label htmlFor={`${id}-minutes`}>{A.minutes}</label>
        <textarea
          id={`${id}-minutes`}
          rows={3}
          value={minutes}
          onChange={(e) => setMinutes(e.target.value)}
        />
      </div>
      <div className="field form-grid__wide">
        <label htmlFor={`${id}-decision`}>{A.decision}</label>
        <textarea
          id={`${id}-decision`}
          rows={2}
          value={decision}
          onChange={(e) => setDecision(e.target.value)}
        />
      </div>
      <div className="form-grid__wide">
        <FormError error={error} />
        <SubmitButton busy={busy} />
      </div>
    </form>
  );
}

interface ActionItemFormProps {
  meeting: Meeting;
  item: AgendaItem;
  body: Body;
  organisations: readonly Organisation[];
  onAdded: (m: Meeting, title: string) => void;
}

/** Neue Aufgabe zu einem Tagesordnungspunkt: what, who (organisation, user or a name), by when. */
export function ActionItemForm({ meeting, item, body, organisations, onAdded }: ActionItemFormProps) {
  const id = useId();
  const [title, setTitle] = useState('');
  const [ownerKind, setOwnerKind] = useState<'none' | OwnerInput['kind']>('none');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
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
    run(
      () =>
        bodiesApi.addActionItem(meeting.id, item.id, { title, owner: ownerInput(), dueDate: due || null }),
      (m) => {
        const added = title;
        setTitle('');
        setOwner('');
        setDue('');
        onAdded(m, added);
      },
    );
  };

  return (
    <form className="form-grid" aria-labelledby={`${id}-heading`} onSubmit={submit} data-testid="action-form">
      <h5 id={`${id}-heading`} className="form-grid__wide">
        {X.add}
      </h5>
      <div className="field form-grid__wide">
        <label htmlFor={`${id}-title`}>{X.title}</label>
        <input id={`${id}-title`} required value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{X.ownerKind}</label>
        <select
          id={`${id}-kind`}
          value={ownerKind}
          onChange={(e) => {
            setOwnerKind(e.target.value as typeof ownerKind);
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
      <div className="form-grid__wide">
        <FormError error={error} />
        <SubmitButton busy={busy} />
      </div>
    </form>
  );
}
