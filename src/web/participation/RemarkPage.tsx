import { lazy, Suspense, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { AreaLevel } from '../../areas/area.schema.ts';
import { REMARK_CATEGORIES } from '../../remarks/remark-categories.ts';
import { api, messageOf, type AppConfig } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { areaPoint } from './area-point.ts';
import { remarksApi, type RemarkCategory } from './participation-api.ts';
import { RemarkCounts } from './RemarkCounts.tsx';
import { rt } from './texts.ts';
import './participation.css';

const RemarkMap = lazy(() => import('./RemarkMap.tsx'));

/** The server's limit of a remark's text (remarks/remark.schema.ts). */
export const REMARK_LIMIT = 1000;

type Field = 'point' | 'category' | 'text';

interface RemarkPageProps {
  config: AppConfig;
  /** Levels with areas, coarse to fine: the map shows the finest, where the server files the point. */
  levels: AreaLevel[];
  announce: (message: string) => void;
  /** Who is logged in: the texts of remarks depend on it (planners, members of the area's body). */
  session: string;
}

/**
 * „Hinweis geben“ (`/hinweise`), for anyone, without a login: a point on the map of the city's
 * areas (or an area from a list, its middle then being the point), a theme and a text; German
 * problems in a summary that takes the focus; the confirmation takes the focus too. Below, the
 * approved remarks counted per area.
 */
export function RemarkPage({ config, levels, announce, session }: RemarkPageProps) {
  const id = useId();
  const level = levels.at(-1);
  const areas = useFetched(level ? `remark-areas#${level.key}` : null, () => api.areas(level!.key));
  const [point, setPoint] = useState<{ lon: number; lat: number } | null>(null);
  const [areaKey, setAreaKey] = useState('');
  const [category, setCategory] = useState<RemarkCategory | ''>('');
  const [text, setText] = useState('');
  const [problems, setProblems] = useState<Partial<Record<Field, string>>>({});
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [receipt, setReceipt] = useState<{ area: string; message: string } | null>(null);
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLDivElement>(null);
  const thanks = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (attempt) summary.current?.focus();
  }, [attempt]);
  useEffect(() => {
    if (receipt) thanks.current?.focus();
  }, [receipt]);

  const options = useMemo(
    () =>
      (areas.data?.features ?? [])
        .map((f) => ({ key: f.properties.id, name: f.properties.name, geometry: f.geometry }))
        .sort((a, b) => a.name.localeCompare(b.name, 'de')),
    [areas.data],
  );
  const areaName = options.find((o) => o.key === areaKey)?.name ?? null;
  const fieldId = (f: Field) => `${id}-${f}`;

  if (!level)
    return (
      <div className="page participation-public">
        <PageHeading title={`${rt.title} – Lagebild`}>{rt.title}</PageHeading>
        <p className="notice">{rt.noAreas}</p>
      </div>
    );

  const chooseArea = (key: string) => {
    setAreaKey(key);
    const geometry = options.find((o) => o.key === key)?.geometry;
    const at = geometry ? areaPoint(geometry) : null;
    setPoint(at ? { lon: at[0], lat: at[1] } : null);
  };
  const pick = (lon: number, lat: number, area: string | null) => {
    setPoint({ lon, lat });
    setAreaKey(area ?? '');
  };
  const reset = () => {
    setReceipt(null);
    setPoint(null);
    setAreaKey('');
    setCategory('');
    setText('');
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!point) found.point = rt.needPoint;
    if (!category) found.category = rt.needCategory;
    if (!text.trim()) found.text = rt.needText;
    setProblems(found);
    if (!point || !category || !text.trim()) {
      setError(rt.problems);
      setAttempt((n) => n + 1);
      return;
    }
    setSending(true);
    setError(null);
    remarksApi.send({ lon: point.lon, lat: point.lat, category, text: text.trim() }).then(
      (r) => {
        setSending(false);
        setReceipt({ area: r.area, message: r.message });
        announce(rt.thanks);
      },
      (err: unknown) => {
        setSending(false);
        setError(messageOf(err));
        setAttempt((n) => n + 1);
      },
    );
  };

  const listed = (['point', 'category', 'text'] as const).filter((f) => problems[f]);
  const invalid = (f: Field) => (problems[f] ? true : undefined);
  const errorText = (f: Field) =>
    problems[f] && (
      <p id={`${fieldId(f)}-error`} className="field__error">
        {problems[f]}
      </p>
    );
  const describedBy = (f: Field, ...more: string[]) =>
    [...more, problems[f] ? `${fieldId(f)}-error` : ''].filter(Boolean).join(' ') || undefined;
  const statusId = `${id}-status`;
  const helpId = `${id}-help`;

  return (
    <div className="page participation-public remark-page">
      <PageHeading title={`${rt.title} – Lagebild`}>{rt.title}</PageHeading>
      <p className="page-intro">{rt.intro}</p>
      <p className="muted">{rt.anonymous}</p>
      {receipt ? (
        <div
          ref={thanks}
          className="notice participation-thanks"
          role="status"
          tabIndex={-1}
          data-testid="remark-thanks"
        >
          <h2>{rt.thanks}</h2>
          <p>{receipt.message}</p>
          <p>{rt.thanksArea(receipt.area)}</p>
          <p className="button-row">
            <button type="button" className="button" onClick={reset}>
              {rt.another}
            </button>
          </p>
        </div>
      ) : (
        <>
          {error && (
            <div ref={summary} className="alert error-summary" role="alert" tabIndex={-1}>
              <p>{error}</p>
              {listed.length > 0 && (
                <ul>
                  {listed.map((f) => (
                    <li key={f}>
                      <a href={`#${fieldId(f)}`}>{problems[f]}</a>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
          <form className="remark-form" onSubmit={submit} noValidate data-testid="remark-form">
            <fieldset className="participation-question remark-form__place">
              <legend>{rt.place}</legend>
              <p id={helpId} className="field__hint">
                {rt.mapHelp}
              </p>
              <div className="remark-map">
                {areas.error ? (
                  <p className="alert" role="alert">
                    {areas.error.message}
                  </p>
                ) : !areas.data ? (
                  <p className="notice">{rt.loading}</p>
                ) : (
                  <Suspense fallback={<p className="notice">{rt.loading}</p>}>
                    <RemarkMap
                      areas={areas.data}
                      tileUrl={config.tileUrl}
                      point={point}
                      onPick={pick}
                      describedBy={`${helpId} ${statusId}`}
                    />
                  </Suspense>
                )}
              </div>
              <p id={statusId} role="status" data-testid="remark-point">
                {!point ? rt.noPoint : areaName ? rt.pointIn(areaName) : rt.pointOutside}
              </p>
              <div className={`field${problems.point ? ' field--invalid' : ''}`}>
                <label htmlFor={fieldId('point')}>{rt.area}</label>
                <select
                  id={fieldId('point')}
                  value={areaKey}
                  aria-invalid={invalid('point')}
                  aria-describedby={describedBy('point')}
                  onChange={(e) => chooseArea(e.target.value)}
                >
                  <option value="">{rt.chooseArea}</option>
                  {options.map((o) => (
                    <option key={o.key} value={o.key}>
                      {o.name}
                    </option>
                  ))}
                </select>
                {errorText('point')}
              </div>
            </fieldset>
            <div className={`field${problems.category ? ' field--invalid' : ''}`}>
              <label htmlFor={fieldId('category')}>{rt.category}</label>
              <select
                id={fieldId('category')}
                value={category}
                aria-invalid={invalid('category')}
                aria-describedby={describedBy('category')}
                onChange={(e) => setCategory(e.target.value as RemarkCategory | '')}
              >
                <option value="">{rt.chooseCategory}</option>
                {(Object.entries(REMARK_CATEGORIES) as [RemarkCategory, string][]).map(([key, name]) => (
                  <option key={key} value={key}>
                    {name}
                  </option>
                ))}
              </select>
              {errorText('category')}
            </div>
            <div className={`field${problems.text ? ' field--invalid' : ''}`}>
              <label htmlFor={fieldId('text')}>{rt.text}</label>
              <textarea
                id={fieldId('text')}
                rows={5}
                maxLength={REMARK_LIMIT}
                value={text}
                aria-invalid={invalid('text')}
                aria-describedby={describedBy('text', `${fieldId('text')}-counter`)}
                onChange={(e) => setText(e.target.value)}
              />
              <p id={`${fieldId('text')}-counter`} className="field__hint">
                {rt.counter(text.length, REMARK_LIMIT)}
              </p>
              {errorText('text')}
            </div>
            <p className="button-row">
              <button type="submit" className="button button--primary" disabled={sending}>
                {sending ? rt.sending : rt.send}
              </button>
            </p>
          </form>
        </>
      )}
      <RemarkCounts levels={levels} initialLevel={level.key} session={session} />
    </div>
  );
}
