import { useId, useState, type FormEvent } from 'react';
import { messageOf, type AppConfig, type User } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { MIN_PASSWORD_LENGTH } from '../../auth/password-rules.ts';
import '../auth/users.css';
import { setupApi } from './api.ts';
import { st } from './texts.ts';

interface LevelRow {
  key: string;
  name: string;
}

/** `Stadtbezirk` → `stadtbezirk`, `Sozialräume` → `sozialraeume`: a key from a level name. */
export function levelKeyOf(name: string): string {
  return name
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

interface SetupPageProps {
  onDone: (user: User) => void;
}

/** Einrichtung: first administrator, city or Kreis with its key, and the level structure. */
export function SetupPage({ onDone }: SetupPageProps) {
  const id = useId();
  const [levels, setLevels] = useState<LevelRow[]>([
    { key: 'stadtbezirk', name: 'Stadtbezirk' },
    { key: 'stadtteil', name: 'Stadtteil' },
  ]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const token = new URLSearchParams(window.location.search).get('token') ?? undefined;

  const setLevel = (i: number, change: Partial<LevelRow>) =>
    setLevels((rows) => rows.map((r, k) => (k === i ? { ...r, ...change } : r)));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    setBusy(true);
    setError(null);
    setupApi
      .run({
        admin: field('admin'),
        displayName: field('displayName') || undefined,
        password: field('password'),
        passwordRepeat: field('passwordRepeat'),
        city: field('city'),
        key: field('key'),
        kind: field('kind') === 'kreis' ? 'kreis' : 'stadt',
        levels: levels.map((l) => ({ key: l.key || levelKeyOf(l.name), name: l.name })),
        token,
      })
      .then(
        ({ user }) => onDone(user),
        (err: unknown) => {
          setBusy(false);
          setError(messageOf(err));
        },
      );
  };

  return (
    <div className="page setup-page">
      <div className="page-head">
        <PageHeading title={st.docTitle}>{st.title}</PageHeading>
        <p className="page-intro">{st.intro}</p>
      </div>
      <form className="users-form" onSubmit={submit} noValidate aria-label={st.title}>
        <fieldset>
          <legend>{st.adminLegend}</legend>
          <div className="field">
            <label htmlFor={`${id}-admin`}>{st.admin}</label>
            <input id={`${id}-admin`} name="admin" autoComplete="username" required maxLength={100} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-display`}>{st.displayName}</label>
            <input id={`${id}-display`} name="displayName" autoComplete="name" maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-password`}>{st.password}</label>
            <input
              id={`${id}-password`}
              name="password"
              type="password"
              autoComplete="new-password"
              required
              maxLength={200}
              aria-describedby={`${id}-password-hint`}
            />
            <p id={`${id}-password-hint`} className="field__hint">
              {st.passwordHint(MIN_PASSWORD_LENGTH)}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-repeat`}>{st.passwordRepeat}</label>
            <input
              id={`${id}-repeat`}
              name="passwordRepeat"
              type="password"
              autoComplete="new-password"
              required
              maxLength={200}
            />
          </div>
        </fieldset>
        <fieldset>
          <legend>{st.cityLegend}</legend>
          <div className="field">
            <label htmlFor={`${id}-kind`}>{st.kind}</label>
            <select id={`${id}-kind`} name="kind" defaultValue="stadt">
              <option value="stadt">{st.kindStadt}</option>
              <option value="kreis">{st.kindKreis}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-city`}>{st.city}</label>
            <input id={`${id}-city`} name="city" required maxLength={200} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-key`}>{st.key}</label>
            <input
              id={`${id}-key`}
              name="key"
              required
              inputMode="numeric"
              maxLength={8}
              aria-describedby={`${id}-key-hint`}
            />
            <p id={`${id}-key-hint`} className="field__hint">
              {st.keyHint}
            </p>
          </div>
        </fieldset>
        <fieldset>
          <legend>{st.levelsLegend}</legend>
          <p className="field__hint">{st.levelsHint}</p>
          {levels.map((level, i) => (
            <div className="field setup-level" key={i}>
              <label htmlFor={`${id}-level-${i}`}>{st.levelName(i + 1)}</label>
              <input
                id={`${id}-level-${i}`}
                value={level.name}
                maxLength={100}
                onChange={(e) => setLevel(i, { name: e.target.value, key: levelKeyOf(e.target.value) })}
              />
              <label htmlFor={`${id}-level-key-${i}`}>{st.levelKey(i + 1)}</label>
              <input
                id={`${id}-level-key-${i}`}
                value={level.key}
                maxLength={40}
                onChange={(e) => setLevel(i, { key: e.target.value })}
              />
              {levels.length > 1 && (
                <button
                  type="button"
                  className="button"
                  onClick={() => setLevels((rows) => rows.filter((_, k) => k !== i))}
                >
                  {st.removeLevel(level.name)}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            className="button"
            onClick={() => setLevels((rows) => [...rows, { key: '', name: '' }])}
          >
            {st.addLevel}
          </button>
        </fieldset>
        <p className="form-error" role="alert">
          {error}
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? st.busy : st.submit}
        </button>
      </form>
    </div>
  );
}

interface CitySettingsPageProps {
  config: AppConfig;
  user: User | null;
  onLogin: () => void;
  onSaved: () => void;
  announce: (message: string) => void;
}

/** Einstellungen der Stadt (administrators): name, key, default Stichtag, publisher, licence. */
export function CitySettingsPage({ config, user, onLogin, onSaved, announce }: CitySettingsPageProps) {
  const id = useId();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = <PageHeading title={st.settingsDocTitle}>{st.settingsTitle}</PageHeading>;
  if (user?.role !== 'admin')
    return (
      <div className="page setup-page">
        {title}
        <div className="notice">
          <p>{st.adminsOnly}</p>
          {!user && (
            <button type="button" className="button button--primary" onClick={onLogin}>
              {st.login}
            </button>
          )}
        </div>
      </div>
    );

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const field = (name: string) => {
      const value = form.get(name);
      return typeof value === 'string' ? value : '';
    };
    setBusy(true);
    setError(null);
    setupApi
      .saveCity({
        name: field('city'),
        key: field('key'),
        defaultDate: field('defaultDate') || null,
        publisher: field('publisher'),
        licence: field('licence'),
      })
      .then(
        () => {
          setBusy(false);
          announce(st.saved);
          onSaved();
        },
        (err: unknown) => {
          setBusy(false);
          setError(messageOf(err));
        },
      );
  };

  return (
    <div className="page setup-page">
      <div className="page-head">
        {title}
        <p className="page-intro">{st.settingsIntro}</p>
      </div>
      <form className="users-form" onSubmit={submit} noValidate aria-label={st.settingsTitle}>
        <div className="field">
          <label htmlFor={`${id}-city`}>{st.city}</label>
          <input id={`${id}-city`} name="city" defaultValue={config.territory?.name ?? ''} maxLength={200} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-key`}>{st.key}</label>
          <input id={`${id}-key`} name="key" defaultValue={config.territory?.key ?? ''} maxLength={8} />
        </div>
        <div className="field">
          <label htmlFor={`${id}-date`}>{st.defaultDate}</label>
          <select id={`${id}-date`} name="defaultDate" defaultValue={config.currentDate ?? ''}>
            <option value="">{st.latestDate}</option>
            {config.dates.map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-publisher`}>{st.publisher}</label>
          <input
            id={`${id}-publisher`}
            name="publisher"
            defaultValue={config.sources.publisher}
            maxLength={300}
            aria-describedby={`${id}-publisher-hint`}
          />
          <p id={`${id}-publisher-hint`} className="field__hint">
            {st.publisherHint}
          </p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-licence`}>{st.licence}</label>
          <input id={`${id}-licence`} name="licence" defaultValue={config.sources.licence} maxLength={300} />
        </div>
        <p className="form-error" role="alert">
          {error}
        </p>
        <button type="submit" className="button button--primary" disabled={busy}>
          {st.save}
        </button>
      </form>
    </div>
  );
}
