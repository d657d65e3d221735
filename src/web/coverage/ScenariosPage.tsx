import { useCallback, useId, useMemo, useState, type FormEvent } from 'react';
import { api, messageOf, type AppConfig, type User } from '../api.ts';
import { facilityApi } from '../facilities/facility-api.ts';
import { localToday } from '../facilities/facility-url.ts';
import { paths } from '../router.ts';
import { t } from '../texts.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { coverageApi, type Scenario } from './coverage-api.ts';
import { coverageQuery } from './coverage-url.ts';
import { describeChange, type ChangeNames } from './scenario-draft.ts';
import { ScenarioChangeForm } from './ScenarioChangeForm.tsx';
import { st } from './texts.ts';
import './coverage.css';

type Level = AppConfig['levels'][number];

export interface ScenariosPageProps {
  config: AppConfig;
  levels: readonly Level[];
  user: User | null;
  canEdit: boolean;
  onLogin: () => void;
  announce: (message: string) => void;
}

/** Szenarien (planners): list, create and delete scenarios, add and remove their planned changes. */
export function ScenariosPage({ config, levels, user, canEdit, onLogin, announce }: ScenariosPageProps) {
  const id = useId();
  const today = useMemo(() => localToday(), []);
  const [revision, setRevision] = useState(0);
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [createError, setCreateError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [removing, setRemoving] = useState<Scenario | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);

  const scenarios = useFetched(canEdit ? `scenarios#${user?.id}#${revision}` : null, () =>
    coverageApi.scenarios(),
  );
  const types = useFetched(canEdit ? 'facility-types' : null, () => facilityApi.types());
  // names of the facilities the changes refer to (today's, every type a change names)
  const changeTypes = [
    ...new Set(
      (scenarios.latest ?? []).flatMap((s) => s.changes.flatMap((c) => ('type' in c ? [c.type] : []))),
    ),
  ]
    .sort()
    .join(',');
  const facilities = useFetched(changeTypes ? `scenario-names#${changeTypes}#${revision}` : null, () =>
    Promise.all(changeTypes.split(',').map((type) => facilityApi.list(type, today))).then((lists) =>
      lists.flat(),
    ),
  );
  const defaultLevel = (levels.find((l) => l.key === config.defaultLevel) ?? levels.at(-1))?.key ?? '';
  const quarterLevels = [
    ...new Set(
      (scenarios.latest ?? []).flatMap((s) =>
        s.changes.flatMap((c) => (c.kind === 'quarter' ? [c.level] : [])),
      ),
    ),
  ];
  const areas = useFetched(
    quarterLevels.length ? `scenario-area-names#${quarterLevels.join(',')}` : null,
    () => Promise.all(quarterLevels.map((level) => api.areas(level).then((a) => [level, a] as const))),
  );

  const names: ChangeNames = useMemo(() => {
    const typeList = types.latest ?? [];
    const byKey = new Map((facilities.latest ?? []).map((f) => [`${f.type}|${f.key}`, f.name]));
    const areaNames = new Map(
      (areas.latest ?? []).flatMap(([level, c]) =>
        c.features.map((f) => [`${level}|${f.properties.id}`, f.properties.name]),
      ),
    );
    return {
      type: (key) => {
        const x = typeList.find((y) => y.key === key);
        return { name: x?.name ?? key, unit: x?.capacityUnit ?? '' };
      },
      facility: (type, key) => {
        const n = byKey.get(`${type}|${key}`);
        return n ? `${n} (${key})` : key;
      },
      area: (level, key) => areaNames.get(`${level}|${key}`) ?? key,
    };
  }, [types.latest, facilities.latest, areas.latest]);

  const changed = useCallback(
    (message: string) => {
      setRevision((n) => n + 1);
      announce(message);
    },
    [announce],
  );

  if (!canEdit) {
    return (
      <div className="page scenarios-page">
        <PageHeading title={st.docTitle}>{st.title}</PageHeading>
        <p className="notice" data-testid="scenarios-needs-role">
          {user ? st.needsRole : st.loginFirst}
          {!user && (
            <>
              {' '}
              <button type="button" className="button button--primary" onClick={onLogin}>
                {st.login}
              </button>
            </>
          )}
        </p>
      </div>
    );
  }

  const create = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setNameError(st.change.required);
    setNameError(null);
    setBusy(true);
    setCreateError(null);
    try {
      const created = await coverageApi.createScenario({
        name: name.trim(),
        description: description.trim() || undefined,
      });
      setName('');
      setDescription('');
      changed(st.create.created(created.name));
    } catch (err) {
      setCreateError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const removeScenario = async () => {
    if (!removing) return;
    setRemoveError(null);
    try {
      await coverageApi.deleteScenario(removing.name);
      const gone = removing.name;
      setRemoving(null);
      changed(st.removed(gone));
    } catch (err) {
      setRemoveError(messageOf(err));
    }
  };

  const removeChange = async (scenario: Scenario, changeId: number) => {
    setListError(null);
    try {
      await coverageApi.removeChange(scenario.name, changeId);
      changed(st.changeRemoved);
    } catch (err) {
      setListError(messageOf(err));
    }
  };

  const list = scenarios.latest ?? [];
  return (
    <div className="page scenarios-page">
      <div className="page-head">
        <p className="eyebrow">
          <Link to={paths.coverage}>{st.back}</Link>
        </p>
        <PageHeading title={st.docTitle}>{st.title}</PageHeading>
        <p className="page-intro">{st.intro}</p>
      </div>
      {scenarios.error && (
        <p className="alert" role="alert">
          {t.loadError} {scenarios.error.message}
        </p>
      )}

      <section aria-labelledby={`${id}-list`}>
        <h2 id={`${id}-list`}>{st.list}</h2>
        {listError && (
          <p className="alert" role="alert">
            {listError}
          </p>
        )}
        {scenarios.latest && list.length === 0 && <p className="muted">{st.none}</p>}
        <div className="scenario-list" data-testid="scenario-list">
          {list.map((s) => (
            <article
              key={s.id}
              className="scenario-card"
              data-testid="scenario"
              data-name={s.name}
              aria-labelledby={`${id}-s${s.id}`}
            >
              <div className="scenario-card__head">
                <h3 id={`${id}-s${s.id}`}>{s.name}</h3>
                <span className="muted">{st.changes(s.changes.length)}</span>
              </div>
              {s.description && <p>{s.description}</p>}
              {s.changes.length === 0 ? (
                <p className="muted">{st.noChanges}</p>
              ) : (
                <ul className="scenario-changes">
                  {s.changes.map((c) => {
                    const what = describeChange(c, names);
                    return (
                      <li key={c.id} data-testid="scenario-change">
                        <span>
                          <strong>{st.kinds[c.kind]}:</strong> {what}
                        </span>
                        <button
                          type="button"
                          className="button button--danger-outline"
                          aria-label={st.removeChange(what)}
                          onClick={() => void removeChange(s, c.id)}
                        >
                          ×
                        </button>
                      </li>
                    );
                  })}
                </ul>
              )}
              <p className="button-row">
                <Link
                  className="button"
                  to={`${paths.coverage}?${coverageQuery({ norm: null, level: null, date: null, scenario: s.name, area: null, mapSide: null })}`}
                >
                  {st.show}
                </Link>
                <button
                  type="button"
                  className="button button--danger-outline"
                  onClick={() => setRemoving(s)}
                >
                  {st.remove}
                </button>
              </p>
            </article>
          ))}
        </div>
      </section>

      <section className="import-step" aria-labelledby={`${id}-create`}>
        <h2 id={`${id}-create`}>{st.create.title}</h2>
        <form className="scenario-form" onSubmit={(e) => void create(e)} noValidate>
          {createError && (
            <p className="alert" role="alert">
              {createError}
            </p>
          )}
          <div className="scenario-form__grid">
            <div className={`field${nameError ? ' field--invalid' : ''}`}>
              <label htmlFor={`${id}-name`}>{st.create.name}</label>
              <input
                id={`${id}-name`}
                value={name}
                maxLength={100}
                aria-invalid={nameError ? true : undefined}
                aria-describedby={`${id}-name-hint${nameError ? ` ${id}-name-error` : ''}`}
                onChange={(e) => setName(e.target.value)}
              />
              <p id={`${id}-name-hint`} className="field__hint">
                {st.create.nameHint}
              </p>
              {nameError && (
                <p id={`${id}-name-error`} className="field__error">
                  {nameError}
                </p>
              )}
            </div>
            <div className="field form-grid__wide">
              <label htmlFor={`${id}-description`}>{st.create.description}</label>
              <textarea
                id={`${id}-description`}
                rows={2}
                maxLength={2000}
                value={description}
                onChange={(e) => setDescription(e.target.value)}
              />
            </div>
          </div>
          <div className="button-row">
            <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
              {st.create.submit}
            </button>
          </div>
        </form>
      </section>

      {list.length > 0 && types.latest && (
        <section className="import-step">
          <ScenarioChangeForm
            scenarios={list}
            types={types.latest}
            levels={levels}
            defaultLevel={defaultLevel}
            tileUrl={config.tileUrl}
            today={today}
            describe={(c) => describeChange(c, names)}
            onAdded={(_, what) => changed(st.change.added(what))}
          />
        </section>
      )}

      {removing && (
        <ConfirmDialog
          title={st.removeTitle}
          text={st.removeText(removing.name)}
          confirmLabel={st.remove}
          error={removeError}
          onConfirm={() => void removeScenario()}
          onClose={() => setRemoving(null)}
        />
      )}
    </div>
  );
}
