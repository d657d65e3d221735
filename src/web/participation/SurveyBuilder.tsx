import { useId, useState } from 'react';
import { messageOf } from '../api.ts';
import { surveysApi, type QuestionKind, type Survey } from './participation-api.ts';
import {
  fromQuestion,
  moveQuestion,
  newQuestion,
  removeAt,
  toInput,
  type DraftQuestion,
} from './survey-draft.ts';
import { bt } from './texts.ts';

const KINDS: QuestionKind[] = ['single', 'multiple', 'scale', 'text', 'area'];

/**
 * The questionnaire of a draft: questions of each kind added, edited, moved and removed, then
 * saved as a whole (the server checks it and names the question of a problem).
 */
export function SurveyBuilder({
  survey,
  onSaved,
  announce,
}: {
  survey: Survey;
  onSaved: (s: Survey) => void;
  announce: (m: string) => void;
}) {
  const id = useId();
  const [drafts, setDrafts] = useState<DraftQuestion[]>(() => survey.questions.map(fromQuestion));
  const [kind, setKind] = useState<QuestionKind>('single');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const editable = survey.status === 'entwurf';

  const update = (i: number, patch: Partial<DraftQuestion>) =>
    setDrafts((list) => list.map((d, k) => (k === i ? { ...d, ...patch } : d)));
  const save = () => {
    setBusy(true);
    setError(null);
    surveysApi.saveQuestions(survey.key, drafts.map(toInput)).then(
      (saved) => {
        setBusy(false);
        announce(bt.saved);
        onSaved(saved);
      },
      (err: unknown) => {
        setBusy(false);
        setError(messageOf(err));
      },
    );
  };

  return (
    <section className="import-step" aria-labelledby={`${id}-h`} data-testid="survey-builder">
      <h3 id={`${id}-h`}>{bt.questions}</h3>
      {!editable && <p className="muted">{bt.draftOnly}</p>}
      {drafts.length === 0 && <p className="muted">{bt.noQuestions}</p>}
      <ol className="participation-builder">
        {drafts.map((d, i) => {
          const f = (name: string) => `${id}-${d.uid}-${name}`;
          const heading = `${bt.questionN(i + 1)}: ${bt.kinds[d.kind]}`;
          return (
            <li key={d.uid} className="participation-builder__item">
              <fieldset disabled={!editable} data-testid="builder-question">
                <legend>{heading}</legend>
                <div className="field">
                  <label htmlFor={f('text')}>{bt.questionText}</label>
                  <input
                    id={f('text')}
                    value={d.text}
                    onChange={(e) => update(i, { text: e.target.value })}
                  />
                </div>
                {(d.kind === 'single' || d.kind === 'multiple') && (
                  <div className="field">
                    <label htmlFor={f('options')}>{bt.options}</label>
                    <textarea
                      id={f('options')}
                      rows={4}
                      value={d.options}
                      onChange={(e) => update(i, { options: e.target.value })}
                    />
                  </div>
                )}
                {d.kind === 'scale' && (
                  <div className="participation-builder__scale">
                    {(
                      [
                        ['scaleMin', bt.scaleMin, 'number'],
                        ['scaleMax', bt.scaleMax, 'number'],
                        ['minLabel', bt.minLabel, 'text'],
                        ['maxLabel', bt.maxLabel, 'text'],
                      ] as const
                    ).map(([name, label, type]) => (
                      <div className="field" key={name}>
                        <label htmlFor={f(name)}>{label}</label>
                        <input
                          id={f(name)}
                          type={type}
                          min={type === 'number' ? 0 : undefined}
                          max={type === 'number' ? 10 : undefined}
                          value={d[name]}
                          onChange={(e) => update(i, { [name]: e.target.value })}
                        />
                      </div>
                    ))}
                  </div>
                )}
                {d.kind !== 'area' && (
                  <div className="checkbox-field">
                    <input
                      id={f('required')}
                      type="checkbox"
                      checked={d.required}
                      onChange={(e) => update(i, { required: e.target.checked })}
                    />
                    <label htmlFor={f('required')}>{bt.required}</label>
                  </div>
                )}
                <p className="button-row">
                  <button
                    type="button"
                    className="button"
                    disabled={i === 0}
                    aria-label={`${bt.up}: ${bt.questionN(i + 1)}`}
                    onClick={() => setDrafts((l) => moveQuestion(l, i, -1))}
                  >
                    {bt.up}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={i === drafts.length - 1}
                    aria-label={`${bt.down}: ${bt.questionN(i + 1)}`}
                    onClick={() => setDrafts((l) => moveQuestion(l, i, 1))}
                  >
                    {bt.down}
                  </button>
                  <button
                    type="button"
                    className="button button--danger-outline"
                    aria-label={`${bt.removeQuestion}: ${bt.questionN(i + 1)}`}
                    onClick={() => setDrafts((l) => removeAt(l, i))}
                  >
                    {bt.removeQuestion}
                  </button>
                </p>
              </fieldset>
            </li>
          );
        })}
      </ol>
      {editable && (
        <>
          <div className="button-row participation-builder__add">
            <div className="field">
              <label htmlFor={`${id}-kind`}>{bt.kind}</label>
              <select
                id={`${id}-kind`}
                value={kind}
                onChange={(e) => setKind(e.target.value as QuestionKind)}
              >
                {KINDS.map((k) => (
                  <option key={k} value={k}>
                    {bt.kinds[k]}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button"
              onClick={() => setDrafts((l) => [...l, newQuestion(kind)])}
            >
              {bt.addQuestion}
            </button>
          </div>
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <p className="button-row">
            <button type="button" className="button button--primary" disabled={busy} onClick={save}>
              {bt.saveQuestions}
            </button>
          </p>
        </>
      )}
    </section>
  );
}
