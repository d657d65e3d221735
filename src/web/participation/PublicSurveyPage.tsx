import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatDate } from '../../core/format.ts';
import { ApiError, messageOf } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { surveysApi, type PublicSurvey } from './participation-api.ts';
import { choicesOf } from './publish-choices.ts';
import { answersOf, problemsByQuestion, type FormValues } from './survey-draft.ts';
import { bt } from './texts.ts';
import './participation.css';

type PublicQuestion = PublicSurvey['questions'][number];
const TEXT_LIMIT = 2000;

/**
 * The questionnaire behind a survey's public link (`/befragung/<token>`), for anyone, without a
 * login: one fieldset with its legend per question, every control labelled, the server's German
 * problems beside their question and in a summary that takes the focus, and a thank-you message.
 */
export function PublicSurveyPage({ token }: { token: string }) {
  const id = useId();
  const survey = useFetched(`survey#${token}`, () => surveysApi.questionnaire(token));
  const [values, setValues] = useState<FormValues>({});
  const [problems, setProblems] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const thanks = useRef<HTMLDivElement>(null);
  // the summary and the thanks take the focus once shown, so screen readers read them out
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt) summary.current?.focus();
  }, [attempt]);
  useEffect(() => {
    if (done) thanks.current?.focus();
  }, [done]);

  if (survey.error)
    return (
      <div className="page participation-public">
        <PageHeading title={`${bt.publicTitle} – Lagebild`}>{bt.publicTitle}</PageHeading>
        <p className="alert" role="alert">
          {survey.error.message}
        </p>
      </div>
    );
  const form = survey.data;
  if (!form) return <p className="notice">{bt.loading}</p>;

  if (done)
    return (
      <div className="page participation-public">
        <PageHeading title={`${form.title} – ${bt.publicTitle}`}>{form.title}</PageHeading>
        <div
          ref={thanks}
          className="notice participation-thanks"
          role="status"
          tabIndex={-1}
          data-testid="survey-thanks"
        >
          <h2>{bt.thanks}</h2>
          <p>{bt.thanksText}</p>
        </div>
      </div>
    );

  const set = (q: number, v: string | string[]) => setValues((old) => ({ ...old, [q]: v }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSending(true);
    setError(null);
    surveysApi.respond(token, answersOf(form.questions, values)).then(
      () => {
        setDone(true);
        setSending(false);
      },
      (err: unknown) => {
        setSending(false);
        setProblems(err instanceof ApiError ? problemsByQuestion(err.details) : {});
        setError(messageOf(err));
        setAttempt((n) => n + 1);
      },
    );
  };
  const qid = (q: PublicQuestion) => `${id}-q${q.id}`;
  const listed = form.questions.filter((q) => problems[q.id]);

  return (
    <div className="page participation-public">
      <PageHeading title={`${form.title} – ${bt.publicTitle}`}>{form.title}</PageHeading>
      {form.description && <p className="page-intro">{form.description}</p>}
      <p className="muted">
        {bt.period(formatDate(form.periodFrom), formatDate(form.periodTo))}. {bt.anonymous}
      </p>
      {error && (
        <div ref={summary} className="alert error-summary" role="alert" tabIndex={-1}>
          <p>{listed.length ? bt.problems : error}</p>
          {listed.length > 0 && (
            <ul>
              {listed.map((q) => (
                <li key={q.id}>
                  <a href={`#${qid(q)}`}>{problems[q.id]}</a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <form className="participation-form" onSubmit={submit} noValidate data-testid="survey-form">
        {form.questions.map((q) => (
          <QuestionField
            key={q.id}
            id={qid(q)}
            question={q}
            value={values[q.id]}
            problem={problems[q.id]}
            onChange={(v) => set(q.id, v)}
          />
        ))}
        <p className="button-row">
          <button type="submit" className="button button--primary" disabled={sending}>
            {sending ? bt.sending : bt.send}
          </button>
        </p>
      </form>
    </div>
  );
}

function QuestionField({
  id,
  question: q,
  value,
  problem,
  onChange,
}: {
  id: string;
  question: PublicQuestion;
  value: string | string[] | undefined;
  problem: string | undefined;
  onChange: (v: string | string[]) => void;
}) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const legend = (
    <legend>
      <span className="participation-form__number">{bt.questionN(q.position + 1)}: </span>
      {q.text}
      {q.required && <span className="muted"> {bt.requiredMark}</span>}
    </legend>
  );
  const error = problem && (
    <p id={errorId} className="field__error">
      {problem}
    </p>
  );
  const described = problem ? errorId : undefined;
  const invalid = problem ? true : undefined;
  // the fieldset is the link target of the summary: its first control takes the focus
  const common = { id, className: `participation-question${problem ? ' field--invalid' : ''}` };

  if (q.kind === 'text' || q.kind === 'area') {
    const inputId = `${id}-input`;
    return (
      <fieldset {...common} aria-describedby={described}>
        {legend}
        <label htmlFor={inputId} className="visually-hidden">
          {q.text}
        </label>
        {q.kind === 'text' ? (
          <>
            <textarea
              id={inputId}
              rows={4}
              maxLength={TEXT_LIMIT}
              value={value ?? ''}
              aria-invalid={invalid}
              aria-describedby={[hintId, described].filter(Boolean).join(' ')}
              onChange={(e) => onChange(e.target.value)}
            />
            <p id={hintId} className="field__hint">
              {bt.textLimit(TEXT_LIMIT)}
            </p>
          </>
        ) : (
          <select
            id={inputId}
            value={value ?? ''}
            aria-invalid={invalid}
            aria-describedby={described}
            onChange={(e) => onChange(e.target.value)}
          >
            <option value="">{bt.chooseArea}</option>
            {q.areas.map((a) => (
              <option key={a.key} value={a.key}>
                {a.name}
              </option>
            ))}
          </select>
        )}
        {error}
      </fieldset>
    );
  }

  const choices = choicesOf(q).map((c) => ({ value: String(c.value), label: c.label }));
  const multiple = q.kind === 'multiple';
  const chosen = new Set(Array.isArray(value) ? value : value === undefined ? [] : [value]);
  return (
    <fieldset
      {...common}
      aria-describedby={described}
      className={`${common.className}${q.kind === 'scale' ? ' participation-question--scale' : ''}`}
    >
      {legend}
      {choices.map((c) => {
        const inputId = `${id}-${c.value}`;
        return (
          <div key={c.value} className="checkbox-field">
            <input
              id={inputId}
              type={multiple ? 'checkbox' : 'radio'}
              name={id}
              value={c.value}
              checked={chosen.has(c.value)}
              aria-invalid={invalid}
              onChange={(e) => {
                if (!multiple) onChange(c.value);
                else {
                  const next = new Set(chosen);
                  if (e.target.checked) next.add(c.value);
                  else next.delete(c.value);
                  onChange([...next].sort((a, b) => Number(a) - Number(b)));
                }
              }}
            />
            <label htmlFor={inputId}>{c.label}</label>
          </div>
        );
      })}
      {error}
    </fieldset>
  );
}
