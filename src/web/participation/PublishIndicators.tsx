import { useId, useMemo, useRef, useState, useEffect, type FormEvent } from 'react';
import { formatDate } from '../../core/format.ts';
import { messageOf } from '../api.ts';
import { Link } from '../ui/Link.tsx';
import { surveysApi, type PublishResult, type Survey } from './participation-api.ts';
import { choiceKey, publishableQuestions, publishItems } from './publish-choices.ts';
import { bt } from './texts.ts';

/** Address of the atlas on an indicator at the survey's Stichtag. */
const atlasOf = (key: string, date: string) =>
  `/?${new URLSearchParams({ indikator: key, stichtag: date }).toString()}`;

/**
 * „Als Indikatoren veröffentlichen“ for a closed survey: one group of checkboxes per question with
 * one answer or a scale, the options the route expects (an option's index, a scale's value); the
 * created indicators with links to the atlas, or the server's message when it refuses. After
 * publishing: which population Stichtag the minimum-population rule used (or why nothing is
 * public), and per indicator how many areas stay withheld — an optional question loses more.
 */
export function PublishIndicators({
  survey,
  onPublished,
  announce,
}: {
  survey: Survey;
  onPublished: () => void;
  announce: (m: string) => void;
}) {
  const id = useId();
  const questions = useMemo(() => publishableQuestions(survey.questions), [survey.questions]);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [result, setResult] = useState<{ published: PublishResult; labels: string[] } | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  const toggle = (key: string, on: boolean) =>
    setChosen((old) => {
      const next = new Set(old);
      if (on) next.add(key);
      else next.delete(key);
      return next;
    });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const items = publishItems(questions, chosen);
    if (items.length === 0) return setError(bt.publishChoose);
    // the server answers with the indicators in the order of the items
    const labels = items.map(({ question, option }) => {
      const q = questions.find((x) => x.id === question)!;
      const label = q.choices.find((c) => c.value === option)?.label ?? String(option);
      return `${bt.questionN(q.position + 1)}: ${q.text} – „${label}“`;
    });
    setSending(true);
    setError(null);
    surveysApi.publish(survey.key, { items }).then(
      (published) => {
        setSending(false);
        setResult({ published, labels });
        announce(bt.published(published.indicators.length));
        onPublished();
      },
      (err: unknown) => {
        setSending(false);
        setError(messageOf(err));
      },
    );
  };

  return (
    <section
      className="import-step participation-publish"
      aria-labelledby={`${id}-h`}
      data-testid="survey-publish"
    >
      <h3 id={`${id}-h`}>{bt.publish}</h3>
      <p className="muted">{bt.publishIntro}</p>
      {!survey.questions.some((q) => q.kind === 'area') && <p className="notice">{bt.publishNeedsArea}</p>}
      {questions.length === 0 ? (
        <p className="muted">{bt.publishNothing}</p>
      ) : (
        <form onSubmit={submit} noValidate>
          {questions.map((q) => (
            <fieldset key={q.id}>
              <legend>
                {bt.questionN(q.position + 1)}: {q.text}
              </legend>
              {q.choices.map((c) => {
                const key = choiceKey(q.id, c.value);
                const inputId = `${id}-${q.id}-${c.value}`;
                return (
                  <div key={key} className="checkbox-field">
                    <input
                      id={inputId}
                      type="checkbox"
                      checked={chosen.has(key)}
                      onChange={(e) => toggle(key, e.target.checked)}
                    />
                    <label htmlFor={inputId}>{c.label}</label>
                  </div>
                );
              })}
            </fieldset>
          ))}
          {error && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <p className="button-row">
            <button type="submit" className="button button--primary" disabled={sending}>
              {sending ? bt.publishing : bt.publish}
            </button>
          </p>
        </form>
      )}
      {result && (
        <div
          ref={resultRef}
          className="notice"
          role="status"
          tabIndex={-1}
          data-testid="published-indicators"
        >
          <h4>{bt.published(result.published.indicators.length)}</h4>
          <p>
            {bt.publishedSummary(
              formatDate(result.published.date),
              bt.responses(result.published.n),
              result.published.areas.published,
              result.published.areas.withheld,
            )}
          </p>
          <p data-testid="publish-population">{result.published.population.note}</p>
          <ul className="plain-list">
            {result.published.indicators.map((key, i) => {
              const withheld = result.published.indicatorAreas.find((a) => a.indicator === key)?.withheld;
              return (
                <li key={key}>
                  {result.labels[i] ?? key} (<code>{key}</code>)
                  {withheld !== undefined && `, ${bt.publishedWithheld(withheld)}`} –{' '}
                  <Link
                    to={atlasOf(key, result.published.date)}
                    aria-label={`${bt.inAtlas}: ${result.labels[i] ?? key}`}
                  >
                    {bt.inAtlas}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      )}
    </section>
  );
}
