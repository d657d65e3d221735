import { useId, useState, type FormEvent } from 'react';
import { formatDate } from '../../core/format.ts';
import { messageOf, type AppConfig, type User } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { ModerationQueue } from './ModerationQueue.tsx';
import { surveysApi, type NewSurvey, type Survey } from './participation-api.ts';
import { PublishIndicators } from './PublishIndicators.tsx';
import { SurveyBuilder } from './SurveyBuilder.tsx';
import { SurveyResultsView } from './SurveyResultsView.tsx';
import { bt } from './texts.ts';
import './participation.css';

interface ParticipationPageProps {
  config: AppConfig;
  user: User | null;
  canEdit: boolean;
  onLogin: () => void;
  announce: (message: string) => void;
  /** After results were published as indicators: the catalogue and the Stichtage load again. */
  onPublished: () => void;
}

/**
 * Beteiligung (Steuerung, planners): the surveys with their status and answers, a new survey, the
 * builder of the chosen draft, opening and closing with the public link, the results per question
 * and area, publishing a closed survey's results as indicators, and the moderation of free texts
 * and remarks on the map.
 */
export function ParticipationPage({
  config,
  user,
  canEdit,
  onLogin,
  announce,
  onPublished,
}: ParticipationPageProps) {
  const [revision, setRevision] = useState(0);
  const [selected, setSelected] = useState<string | null>(null);
  const list = useFetched(canEdit ? `surveys#${user?.id}#${revision}` : null, () => surveysApi.list());
  const surveys = list.latest ?? [];
  const current = surveys.find((s) => s.key === selected) ?? null;
  const reload = () => setRevision((n) => n + 1);

  if (!canEdit)
    return (
      <div className="page">
        <PageHeading title={`${bt.title} – Lagebild`}>{bt.title}</PageHeading>
        <p className="notice">{bt.plannersOnly}</p>
        <button type="button" className="button button--primary" onClick={onLogin}>
          {bt.login}
        </button>
      </div>
    );

  return (
    <div className="page participation-page">
      <PageHeading title={`${bt.title} – Lagebild`}>{bt.title}</PageHeading>
      <p className="page-intro">{bt.intro}</p>
      <SurveyTable surveys={surveys} selected={selected} onSelect={setSelected} loading={!list.latest} />
      <NewSurveyForm
        config={config}
        onCreated={(s) => {
          reload();
          setSelected(s.key);
          announce(`${bt.newSurvey}: ${s.title}`);
        }}
      />
      {current && (
        <SurveyDetails
          key={current.key}
          survey={current}
          onChanged={reload}
          announce={announce}
          revision={revision}
          onPublished={onPublished}
        />
      )}
      <ModerationQueue surveyKey={current?.key ?? null} onChanged={reload} announce={announce} />
    </div>
  );
}

function SurveyTable({
  surveys,
  selected,
  onSelect,
  loading,
}: {
  surveys: Survey[];
  selected: string | null;
  onSelect: (key: string) => void;
  loading: boolean;
}) {
  const id = useId();
  return (
    <section className="import-step" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{bt.surveys}</h2>
      {loading ? (
        <p className="muted">{bt.loading}</p>
      ) : surveys.length === 0 ? (
        <p className="muted">{bt.noSurveys}</p>
      ) : (
        <div className="table-scroll">
          <table className="participation-results" data-testid="survey-table">
            <thead>
              <tr>
                <th scope="col">{bt.surveyTitle}</th>
                <th scope="col">{bt.periodFrom}</th>
                <th scope="col">{bt.periodTo}</th>
                <th scope="col">Status</th>
                <th scope="col">{bt.n}</th>
                <th scope="col">
                  <span className="visually-hidden">{bt.select}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {surveys.map((s) => (
                <tr key={s.key} aria-current={s.key === selected ? 'true' : undefined}>
                  <th scope="row">{s.title}</th>
                  <td>{formatDate(s.periodFrom)}</td>
                  <td>{formatDate(s.periodTo)}</td>
                  <td>{bt.status[s.status]}</td>
                  <td>{s.responses}</td>
                  <td>
                    <button type="button" className="button" onClick={() => onSelect(s.key)}>
                      {bt.select}
                      <span className="visually-hidden">: {s.title}</span>
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function NewSurveyForm({ config, onCreated }: { config: AppConfig; onCreated: (s: Survey) => void }) {
  const id = useId();
  const year = new Date().getFullYear();
  const [form, setForm] = useState({
    key: '',
    title: '',
    description: '',
    periodFrom: `${year}-01-01`,
    periodTo: `${year}-12-31`,
    minAnswers: '10',
    level: config.levels.find((l) => l.rank >= 1 && l.areaCount > 0)?.key ?? '',
  });
  const [error, setError] = useState<string | null>(null);
  const set = (name: keyof typeof form, value: string) => setForm((f) => ({ ...f, [name]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body: NewSurvey = {
      key: form.key.trim(),
      title: form.title.trim(),
      description: form.description,
      periodFrom: form.periodFrom,
      periodTo: form.periodTo,
      minAnswers: Number(form.minAnswers),
      level: form.level || null,
    };
    surveysApi.create(body).then(
      (s) => {
        setError(null);
        setForm((f) => ({ ...f, key: '', title: '', description: '' }));
        onCreated(s);
      },
      (err: unknown) => setError(messageOf(err)),
    );
  };
  const field = (name: keyof typeof form, label: string, type = 'text', hint?: string) => (
    <div className="field">
      <label htmlFor={`${id}-${name}`}>{label}</label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={form[name]}
        aria-describedby={hint ? `${id}-${name}-hint` : undefined}
        onChange={(e) => set(name, e.target.value)}
      />
      {hint && (
        <p id={`${id}-${name}-hint`} className="field__hint">
          {hint}
        </p>
      )}
    </div>
  );
  return (
    <section className="import-step" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{bt.newSurvey}</h2>
      <form className="form-grid" onSubmit={submit} data-testid="new-survey">
        {field('title', bt.surveyTitle)}
        {field('key', bt.key, 'text', bt.keyHint)}
        {field('periodFrom', bt.periodFrom, 'date')}
        {field('periodTo', bt.periodTo, 'date')}
        {field('minAnswers', bt.minAnswers, 'number', bt.minAnswersHint)}
        <div className="field">
          <label htmlFor={`${id}-level`}>{bt.level}</label>
          <select id={`${id}-level`} value={form.level} onChange={(e) => set('level', e.target.value)}>
            <option value="">{bt.noLevel}</option>
            {config.levels
              .filter((l) => l.areaCount > 0)
              .map((l) => (
                <option key={l.key} value={l.key}>
                  {l.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field form-grid__wide">
          <label htmlFor={`${id}-description`}>{bt.description}</label>
          <textarea
            id={`${id}-description`}
            rows={2}
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
          />
        </div>
        {error && (
          <p className="alert form-grid__wide" role="alert">
            {error}
          </p>
        )}
        <p className="button-row form-grid__wide">
          <button type="submit" className="button button--primary">
            {bt.create}
          </button>
        </p>
      </form>
    </section>
  );
}

function SurveyDetails({
  survey,
  onChanged,
  announce,
  revision,
  onPublished,
}: {
  survey: Survey;
  onChanged: () => void;
  announce: (m: string) => void;
  revision: number;
  onPublished: () => void;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const results = useFetched(survey.status === 'entwurf' ? null : `results#${survey.key}#${revision}`, () =>
    surveysApi.results(survey.key),
  );
  const link = `${window.location.origin}${survey.publicPath}`;
  const act = (call: Promise<unknown>, message: string) =>
    call.then(
      () => {
        setError(null);
        announce(message);
        onChanged();
      },
      (e: unknown) => setError(messageOf(e)),
    );
  return (
    <section className="import-step" aria-labelledby={`${id}-h`} data-testid="survey-details">
      <h2 id={`${id}-h`}>{survey.title}</h2>
      <p>
        {bt.status[survey.status]} · {bt.responses(survey.responses)} ·{' '}
        {bt.period(formatDate(survey.periodFrom), formatDate(survey.periodTo))}
      </p>
      <div className="field">
        <label htmlFor={`${id}-link`}>{bt.link}</label>
        <input id={`${id}-link`} readOnly value={link} aria-describedby={`${id}-link-hint`} />
        <p id={`${id}-link-hint`} className="field__hint">
          {bt.linkHint}
        </p>
      </div>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <p className="button-row">
        {survey.status !== 'offen' && (
          <button
            type="button"
            className="button button--primary"
            onClick={() =>
              void act(surveysApi.setStatus(survey.key, 'offen'), `${survey.title}: ${bt.status.offen}`)
            }
          >
            {survey.status === 'entwurf' ? bt.open : bt.reopen}
          </button>
        )}
        {survey.status === 'offen' && (
          <button
            type="button"
            className="button"
            onClick={() =>
              void act(
                surveysApi.setStatus(survey.key, 'geschlossen'),
                `${survey.title}: ${bt.status.geschlossen}`,
              )
            }
          >
            {bt.close}
          </button>
        )}
        {survey.status === 'entwurf' && (
          <button
            type="button"
            className="button button--danger-outline"
            onClick={() => void act(surveysApi.remove(survey.key), bt.remove)}
          >
            {bt.remove}
          </button>
        )}
      </p>
      <SurveyBuilder survey={survey} onSaved={onChanged} announce={announce} />
      {results.latest && <SurveyResultsView results={results.latest} />}
      {survey.status === 'geschlossen' && (
        <PublishIndicators survey={survey} onPublished={onPublished} announce={announce} />
      )}
    </section>
  );
}
