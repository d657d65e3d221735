import { useId, useMemo, useState, type FormEvent } from 'react';
import { ApiError, messageOf, type AppConfig, type User } from '../api.ts';
import { paths } from '../router.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { ErrorSummary, type FormProblems } from '../ui/ErrorSummary.tsx';
import { Field, FieldError, fieldWiring } from '../ui/form-field.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { statementApi, type StatementResult, type StatementSummary } from './statement-api.ts';
import { emptyDraft, statementBody, type DwellingDraft, type StatementDraft } from './statement-draft.ts';
import { PlanAreaFieldset } from './PlanAreaFieldset.tsx';
import { StatementList } from './StatementList.tsx';
import { StatementResultView } from './StatementResultView.tsx';
import { sm } from './texts.ts';
import './statements.css';

type Level = AppConfig['levels'][number];

export interface StatementsPageProps {
  config: AppConfig;
  levels: readonly Level[];
  user: User | null;
  canEdit: boolean;
  onLogin: () => void;
  announce: (message: string) => void;
}

const DEFAULT_PROFILE = 'neubau_standard';

/** The server's problems of a 400 answer (`details.issues`) by field path, else its message. */
function problemsOf(error: unknown): FormProblems {
  const issues = error instanceof ApiError ? error.details.issues : undefined;
  const fields: Record<string, string> = {};
  if (Array.isArray(issues))
    for (const issue of issues as { path?: unknown[]; message?: string }[])
      if (Array.isArray(issue.path) && issue.message) fields[issue.path.join('.')] = issue.message;
  return { summary: messageOf(error), fields };
}

/**
 * Stellungnahmen zur Bauleitplanung (planners): the stored statements with their documents, and a
 * form for a new one — plan area drawn on a map or from a GeoJSON file, dwellings by type and
 * year — computed as a preview before it is stored.
 */
export function StatementsPage({ config, levels, user, canEdit, onLogin, announce }: StatementsPageProps) {
  const id = useId();
  const [revision, setRevision] = useState(0);
  const defaultLevel = (levels.find((l) => l.key === config.defaultLevel) ?? levels.at(-1))?.key ?? '';
  const [draft, setDraft] = useState<StatementDraft>(() =>
    emptyDraft(DEFAULT_PROFILE, defaultLevel, new Date().getFullYear() + 2),
  );
  const [problems, setProblems] = useState<FormProblems | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ value: StatementResult; saved: boolean } | null>(null);
  const [removing, setRemoving] = useState<StatementSummary | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const list = useFetched(canEdit ? `statements#${user?.id}#${revision}` : null, () => statementApi.list());
  const profiles = useFetched(canEdit ? 'occupancy-profiles' : null, () => statementApi.profiles());
  const profile = profiles.latest?.find((p) => p.key === draft.profile) ?? profiles.latest?.[0];
  const types = useMemo(() => profile?.types ?? [], [profile]);
  const wiring = fieldWiring(id, problems?.fields ?? {});
  const set = <K extends keyof StatementDraft>(key: K, value: StatementDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const setRow = (i: number, patch: Partial<DwellingDraft>) =>
    set(
      'dwellings',
      draft.dwellings.map((row, j) => (i === j ? { ...row, ...patch } : row)),
    );

  if (!canEdit) {
    return (
      <div className="page statements-page">
        <PageHeading title={sm.docTitle}>{sm.title}</PageHeading>
        <p className="notice" data-testid="statements-needs-role">
          {user ? sm.needsRole : sm.loginFirst}
          {!user && (
            <>
              {' '}
              <button type="button" className="button button--primary" onClick={onLogin}>
                {sm.login}
              </button>
            </>
          )}
        </p>
      </div>
    );
  }

  const submit = async (e: FormEvent, store: boolean) => {
    e.preventDefault();
    const checked = statementBody(draft);
    if (!checked.ok) {
      setProblems({ summary: sm.problems, fields: checked.errors });
      return;
    }
    setBusy(true);
    setProblems(null);
    try {
      if (store) {
        const created = await statementApi.create(checked.body);
        setResult({ value: await statementApi.result(created.id), saved: true });
        setRevision((n) => n + 1);
        announce(sm.saved(created.name));
      } else {
        setResult({ value: await statementApi.compute(checked.body), saved: false });
        announce(sm.computed);
      }
    } catch (err) {
      setProblems(problemsOf(err));
    } finally {
      setBusy(false);
    }
  };

  const show = async (s: StatementSummary) => {
    try {
      setResult({ value: await statementApi.result(s.id), saved: true });
    } catch (err) {
      setProblems(problemsOf(err));
    }
  };

  const remove = async () => {
    if (!removing) return;
    setBusy(true);
    setRemoveError(null);
    try {
      await statementApi.remove(removing.id);
      announce(sm.removed(removing.name));
      if (result?.value.statement.id === removing.id) setResult(null);
      setRemoving(null);
      setRevision((n) => n + 1);
    } catch (err) {
      setRemoveError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const labelOf = (path: string) => {
    const row = /^dwellings\.(\d+)\.(count|year)$/.exec(path);
    if (row) return `${sm.fields.dwellings} ${Number(row[1]) + 1}`;
    if (path === 'planArea')
      return draft.planAreaSource === 'drawn' ? sm.fields.planAreaDrawn : sm.fields.planArea;
    return (sm.fields as Record<string, string>)[path.split('.')[0] ?? ''] ?? path;
  };
  const stored = list.latest ?? [];

  return (
    <div className="page statements-page">
      <div className="page-head">
        <p className="eyebrow">
          <Link to={paths.coverage}>{sm.back}</Link>
        </p>
        <PageHeading title={sm.docTitle}>{sm.title}</PageHeading>
        <p className="page-intro">{sm.intro}</p>
      </div>

      <section className="import-step" aria-labelledby={`${id}-stored`}>
        <h2 id={`${id}-stored`}>{sm.stored}</h2>
        {list.error && (
          <p className="alert" role="alert">
            {messageOf(list.error)}
          </p>
        )}
        {list.latest && stored.length === 0 && <p className="muted">{sm.none}</p>}
        {stored.length > 0 && (
          <StatementList statements={stored} onShow={(x) => void show(x)} onRemove={setRemoving} />
        )}
      </section>

      <section className="import-step" aria-labelledby={`${id}-new`}>
        <h2 id={`${id}-new`}>{sm.newTitle}</h2>
        <ErrorSummary problems={problems} idOf={wiring.id} labelOf={labelOf} />
        <form className="statement-form" onSubmit={(e) => void submit(e, true)} noValidate>
          <div className="form-grid">
            <Field wiring={wiring} path="name" label={sm.fields.name} hint={sm.fields.nameHint}>
              {(p) => (
                <input {...p} type="text" value={draft.name} onChange={(e) => set('name', e.target.value)} />
              )}
            </Field>
            <Field
              wiring={wiring}
              path="planNumber"
              label={sm.fields.planNumber}
              hint={sm.fields.planNumberHint}
            >
              {(p) => (
                <input
                  {...p}
                  type="text"
                  value={draft.planNumber}
                  onChange={(e) => set('planNumber', e.target.value)}
                />
              )}
            </Field>
            <Field wiring={wiring} path="profile" label={sm.fields.profile} hint={profile?.source}>
              {(p) => (
                <select
                  {...p}
                  value={profile?.key ?? draft.profile}
                  onChange={(e) => set('profile', e.target.value)}
                >
                  {(profiles.latest ?? []).map((x) => (
                    <option key={x.key} value={x.key}>
                      {x.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field wiring={wiring} path="level" label={sm.fields.level}>
              {(p) => (
                <select {...p} value={draft.level} onChange={(e) => set('level', e.target.value)}>
                  {levels.map((l) => (
                    <option key={l.key} value={l.key}>
                      {l.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>

          <PlanAreaFieldset draft={draft} set={set} wiring={wiring} tileUrl={config.tileUrl} />

          <fieldset className="statement-dwellings">
            <legend>{sm.fields.dwellings}</legend>
            {problems?.fields.dwellings && (
              <p className="field__error" id={wiring.id('dwellings')} tabIndex={-1}>
                {problems.fields.dwellings}
              </p>
            )}
            <table data-testid="statement-dwellings">
              <thead>
                <tr>
                  <th scope="col">{sm.fields.type}</th>
                  <th scope="col">{sm.fields.count}</th>
                  <th scope="col">{sm.fields.year}</th>
                  <td />
                </tr>
              </thead>
              <tbody>
                {draft.dwellings.map((row, i) => (
                  <tr key={i}>
                    <td>
                      <select
                        aria-label={`${sm.fields.type} ${i + 1}`}
                        value={row.type}
                        onChange={(e) => setRow(i, { type: e.target.value })}
                      >
                        {types.map((t) => (
                          <option key={t.key} value={t.key}>
                            {t.name}
                          </option>
                        ))}
                      </select>
                    </td>
                    <td>
                      <input
                        {...wiring.control(`dwellings.${i}.count`)}
                        aria-label={`${sm.fields.count} ${i + 1}`}
                        type="text"
                        inputMode="numeric"
                        value={row.count}
                        onChange={(e) => setRow(i, { count: e.target.value })}
                      />
                      <FieldError wiring={wiring} path={`dwellings.${i}.count`} />
                    </td>
                    <td>
                      <input
                        {...wiring.control(`dwellings.${i}.year`)}
                        aria-label={`${sm.fields.year} ${i + 1}`}
                        type="text"
                        inputMode="numeric"
                        value={row.year}
                        onChange={(e) => setRow(i, { year: e.target.value })}
                      />
                      <FieldError wiring={wiring} path={`dwellings.${i}.year`} />
                    </td>
                    <td>
                      {draft.dwellings.length > 1 && (
                        <button
                          type="button"
                          className="button button--danger-outline"
                          onClick={() =>
                            set(
                              'dwellings',
                              draft.dwellings.filter((_, j) => j !== i),
                            )
                          }
                        >
                          {sm.removeRow(i + 1)}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <button
              type="button"
              className="button"
              onClick={() =>
                set('dwellings', [
                  ...draft.dwellings,
                  { type: types[0]?.key ?? 'mfh', count: '', year: draft.dwellings.at(-1)?.year ?? '' },
                ])
              }
            >
              {sm.addRow}
            </button>
          </fieldset>

          <Field wiring={wiring} path="notes" label={sm.fields.notes} wide>
            {(p) => (
              <textarea {...p} rows={3} value={draft.notes} onChange={(e) => set('notes', e.target.value)} />
            )}
          </Field>

          <div className="button-row">
            <button type="button" className="button" disabled={busy} onClick={(e) => void submit(e, false)}>
              {sm.compute}
            </button>
            <button type="submit" className="button button--primary" disabled={busy} aria-busy={busy}>
              {sm.save}
            </button>
          </div>
        </form>
      </section>

      {result && <StatementResultView result={result.value} saved={result.saved} />}

      {removing && (
        <ConfirmDialog
          title={sm.removeTitle(removing.name)}
          text={sm.removeText}
          confirmLabel={sm.remove}
          busy={busy}
          error={removeError}
          onConfirm={() => void remove()}
          onClose={() => {
            setRemoving(null);
            setRemoveError(null);
          }}
        />
      )}
    </div>
  );
}
