/** A planner's form of an agenda item in a meeting (new or existing), with attachment and measure. */
import { useId, useState, type FormEvent } from 'react';
import type { AppConfig } from '../api.ts';
import { useFetched } from '../ui/useFetched.ts';
import { AreaSelect, type AreaChoice } from './AreaSelect.tsx';
import { bodiesApi, type AgendaItem, type Meeting, type NewAgendaItem } from './bodies-api.ts';
import { FormButtons, PublicField, useFocusOnMount } from './EditControls.tsx';
import { FormError } from './FormError.tsx';
import { gt } from './texts.ts';
import { useSubmit } from './use-submit.ts';

const A = gt.forms.agenda;

interface AgendaItemFormProps {
  meeting: Meeting;
  levels: AppConfig['levels'];
  defaultLevel: string | null;
  /** The item to change; without it the form makes a new one. */
  initial?: AgendaItem;
  onSaved: (m: Meeting, title: string) => void;
  onCancel?: () => void;
}

type AttachmentKind = 'none' | 'steckbrief' | 'report';

/**
 * A Tagesordnungspunkt, new or to change: number (when changing), title, text, a Steckbrief or
 * report attached, the measure, minutes, decision.
 */
export function AgendaItemForm(props: AgendaItemFormProps) {
  const { meeting, levels, defaultLevel, initial, onSaved, onCancel } = props;
  const id = useId();
  const attached = initial?.attachment ?? null;
  const [position, setPosition] = useState(initial ? String(initial.position) : '');
  const [title, setTitle] = useState(initial?.title ?? '');
  const [description, setDescription] = useState(initial?.description ?? '');
  const [attachmentKind, setAttachmentKind] = useState<AttachmentKind>(attached?.kind ?? 'none');
  const [area, setArea] = useState<AreaChoice>(
    attached?.kind === 'steckbrief'
      ? { level: attached.level, key: attached.key }
      : { level: defaultLevel ?? levels.at(-1)?.key ?? '', key: '' },
  );
  const [reportId, setReportId] = useState(
    attached?.kind === 'report' && attached.reportId !== null ? String(attached.reportId) : '',
  );
  // an unchanged attachment is not sent again: a link to a deleted report stays as it is
  const [attachmentTouched, setAttachmentTouched] = useState(false);
  const [measureId, setMeasureId] = useState(initial?.measure ? String(initial.measure.id) : '');
  const [minutes, setMinutes] = useState(initial?.minutes ?? '');
  const [decision, setDecision] = useState(initial?.decision ?? '');
  const [isPublic, setPublic] = useState(initial?.public ?? false);
  const measures = useFetched('bodies-measures', () => bodiesApi.measures());
  const first = useFocusOnMount<HTMLInputElement>(initial !== undefined);
  const { busy, error, run } = useSubmit();

  const attachment = (): NewAgendaItem['attachment'] =>
    attachmentKind === 'steckbrief'
      ? { kind: 'steckbrief', level: area.level, key: area.key }
      : attachmentKind === 'report'
        ? { kind: 'report', reportId: Number(reportId) }
        : null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const fields = {
      title,
      description,
      measureId: measureId ? Number(measureId) : null,
      minutes,
      decision,
      public: isPublic,
    };
    run(
      () =>
        initial
          ? bodiesApi.patchAgendaItem(meeting.id, initial.id, {
              ...fields,
              position: Number(position),
              ...(attachmentTouched ? { attachment: attachment() } : {}),
            })
          : bodiesApi.addAgendaItem(meeting.id, { ...fields, attachment: attachment() }),
      (m) => {
        const saved = title;
        if (!initial) {
          setTitle('');
          setDescription('');
          setMinutes('');
          setDecision('');
          setAttachmentKind('none');
          setMeasureId('');
          setPublic(false);
        }
        onSaved(m, saved);
      },
    );
  };
  const touch =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      setAttachmentTouched(true);
      set(value);
    };

  return (
    <form
      className="form-grid"
      aria-labelledby={`${id}-heading`}
      onSubmit={submit}
      data-testid={initial ? 'agenda-edit-form' : 'agenda-form'}
    >
      <h4 id={`${id}-heading`} className="form-grid__wide">
        {initial ? A.edit(initial.title) : A.add}
      </h4>
      {initial && (
        <div className="field">
          <label htmlFor={`${id}-position`}>{A.position}</label>
          <input
            id={`${id}-position`}
            ref={first}
            type="number"
            min={1}
            max={999}
            required
            value={position}
            onChange={(e) => setPosition(e.target.value)}
          />
        </div>
      )}
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
          onChange={(e) => touch(setAttachmentKind)(e.target.value as AttachmentKind)}
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
        <AreaSelect
          levels={levels}
          value={area}
          onChange={touch(setArea)}
          levelLabel={A.level}
          areaLabel={A.area}
        />
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
            onChange={(e) => touch(setReportId)(e.target.value)}
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
      <PublicField
        id={`${id}-public`}
        checked={isPublic}
        onChange={setPublic}
        hint={gt.forms.publicHint.agenda}
      />
      <div className="form-grid__wide">
        <FormError error={error} />
        <FormButtons busy={busy} editing={initial !== undefined} onCancel={onCancel} />
      </div>
    </form>
  );
}
