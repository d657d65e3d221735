import { useId, useState, type FormEvent } from 'react';
import { STATUSES } from '../../measures/progress.ts';
import { messageOf } from '../api.ts';
import { Field, fieldWiring } from '../ui/form-field.tsx';
import { decisionBody, emptyDecision, type DecisionDraft } from './measure-draft.ts';
import { measuresApi, type Decision, type Measure, type Status } from './measures-api.ts';
import { mt } from './texts.ts';

interface StatusActionsProps {
  measure: Measure;
  onChanged: (measure: Measure) => void;
}

const w = mt.workflow;

/**
 * The workflow of an entry: a button per step the server allows (`nextStatuses`); „beschlossen“
 * first asks who decided when and what.
 */
export function StatusActions({ measure: m, onChanged }: StatusActionsProps) {
  const id = useId();
  const [deciding, setDeciding] = useState(false);
  const [decision, setDecision] = useState<DecisionDraft>(emptyDecision);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const wiring = fieldWiring(id, errors);

  const move = async (status: Status, body?: Decision) => {
    setBusy(true);
    setError(null);
    try {
      const changed = await measuresApi.setStatus(m.id, status, body);
      setDeciding(false);
      setDecision(emptyDecision());
      onChanged(changed);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };
  const decide = (e: FormEvent) => {
    e.preventDefault();
    const checked = decisionBody(decision);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) void move('beschlossen', checked.body);
  };
  const set = (key: keyof DecisionDraft, value: string) => setDecision((d) => ({ ...d, [key]: value }));
  const forward = (s: Status) => STATUSES.indexOf(s) > STATUSES.indexOf(m.status);

  return (
    <div className="status-actions">
      <p>{w.current(mt.statuses[m.status])}</p>
      {m.nextStatuses.length === 0 ? (
        <p className="muted">{w.end}</p>
      ) : (
        <div className="button-row">
          {m.nextStatuses.map((s) => (
            <button
              key={s}
              type="button"
              className={forward(s) ? 'button button--primary' : 'button'}
              disabled={busy}
              aria-expanded={s === 'beschlossen' ? deciding : undefined}
              onClick={() => (s === 'beschlossen' ? setDeciding(true) : void move(s))}
            >
              {forward(s) ? w.to(mt.statuses[s]) : w.back(mt.statuses[s])}
            </button>
          ))}
        </div>
      )}
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {deciding && (
        <form onSubmit={decide} noValidate className="decision-form" data-testid="decision-form">
          <fieldset>
            <legend>{w.decisionLegend}</legend>
            <p className="field__hint">{w.decisionHint}</p>
            <div className="form-grid">
              <Field wiring={wiring} path="body" label={w.body}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    value={decision.body}
                    onChange={(e) => set('body', e.target.value)}
                  />
                )}
              </Field>
              <Field wiring={wiring} path="meeting" label={w.meeting}>
                {(p) => (
                  <input
                    {...p}
                    type="text"
                    value={decision.meeting}
                    onChange={(e) => set('meeting', e.target.value)}
                  />
                )}
              </Field>
              <Field wiring={wiring} path="date" label={w.date}>
                {(p) => (
                  <input
                    {...p}
                    type="date"
                    value={decision.date}
                    onChange={(e) => set('date', e.target.value)}
                  />
                )}
              </Field>
              <Field wiring={wiring} path="text" label={w.text} wide>
                {(p) => (
                  <textarea
                    {...p}
                    rows={3}
                    value={decision.text}
                    onChange={(e) => set('text', e.target.value)}
                  />
                )}
              </Field>
            </div>
            <div className="button-row">
              <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
                {w.decide}
              </button>
              <button type="button" className="button" onClick={() => setDeciding(false)}>
                {mt.form.cancel}
              </button>
            </div>
          </fieldset>
        </form>
      )}
    </div>
  );
}
