import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import {
  api,
  messageOf,
  type AppConfig,
  type TableImportRequest,
  type TableImportResult,
  type TableReadResult,
  type User,
} from '../api.ts';
import {
  columnsOf,
  draftFromReport,
  draftProblems,
  sameDraft,
  toMapping,
  type MappingDraft,
} from './import-mapping.ts';
import { t } from '../texts.ts';
import { importTexts } from './texts.ts';
import { atlasHref } from '../url-state.ts';
import { useFetched } from '../ui/useFetched.ts';
import { ImportMappingForm } from './ImportMappingForm.tsx';
import { ImportRecognised, ImportReport } from './ImportReport.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { vt } from '../observations/texts.ts';
import { VariableSums } from '../observations/VariableSums.tsx';

const T = importTexts;

interface ImportPageProps {
  /** Levels with areas, coarse to fine. */
  levels: AppConfig['levels'];
  user: User | null;
  canImport: boolean;
  onLogin: () => void;
  /** After a commit: values and Stichtage have changed. */
  onImported: () => void;
  announce: (message: string) => void;
}

/** The last check: its report, the request it was made with and the mapping draft it produced. */
interface Checked {
  request: TableImportRequest;
  report: TableReadResult;
  draft: MappingDraft | null;
}

/** "Daten importieren": choose a file, check it, adjust the mapping, import (planners and admins). */
export function ImportPage({ levels, user, canImport, onLogin, onImported, announce }: ImportPageProps) {
  const id = useId();
  const [file, setFile] = useState<File | null>(null);
  const [level, setLevel] = useState(() => levels.at(-1)?.key ?? '');
  const [date, setDate] = useState('');
  const [profile, setProfile] = useState('');
  const [checked, setChecked] = useState<Checked | null>(null);
  const [draft, setDraft] = useState<MappingDraft | null>(null);
  const [saveName, setSaveName] = useState('');
  const [busy, setBusy] = useState<'check' | 'commit' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<{ stored: number; replaced: number; profile?: string } | null>(null);
  const step2Ref = useRef<HTMLHeadingElement>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const errorRef = useRef<HTMLParagraphElement>(null);

  // counts saved profiles: the list loads again
  const [profilesSaved, setProfilesSaved] = useState(0);
  const profiles = useFetched(canImport ? `import-profiles#${profilesSaved}` : null, () =>
    api.importProfiles(),
  );
  const variables = useFetched(canImport ? 'variables' : null, () => api.variables());

  useEffect(() => {
    if (error) errorRef.current?.focus();
  }, [error]);
  useEffect(() => {
    if (result) resultRef.current?.focus();
  }, [result]);

  /** A new file or other step-1 input: the old report no longer applies. */
  const reset = () => {
    setChecked(null);
    setDraft(null);
    setResult(null);
    setError(null);
  };

  const check = (
    request: TableImportRequest,
    nextDraft: (report: TableReadResult) => MappingDraft | null,
  ) => {
    setBusy('check');
    setError(null);
    setResult(null);
    api.importTable(request).then(
      ({ report }) => {
        const made = nextDraft(report);
        setChecked({ request, report, draft: made });
        setDraft(made);
        setBusy(null);
        announce(report.ok ? T.reportOk : T.reportFailed);
        step2Ref.current?.focus();
      },
      (err: unknown) => {
        setBusy(null);
        setError(messageOf(err));
      },
    );
  };

  const submitFile = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) {
      setError(T.noFile);
      return;
    }
    check({ file, level, date: date || undefined, profile: profile || undefined, dryRun: true }, (report) =>
      draftFromReport(report, date),
    );
  };

  const recheck = () => {
    if (!checked || !draft) return;
    const mapping = toMapping(draft);
    check(
      { file: checked.request.file, level: checked.request.level, date: mapping.date, mapping, dryRun: true },
      () => draft,
    );
  };

  const commit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!checked) return;
    const name = saveName.trim();
    const request: TableImportRequest = { ...checked.request, dryRun: false };
    if (name) {
      request.saveProfile = name;
      // the server saves the mapping it was given: the one the report was made with
      if (!request.mapping && checked.draft) request.mapping = toMapping(checked.draft);
    }
    setBusy('commit');
    setError(null);
    api.importTable(request).then(
      ({ stored, replaced }: TableImportResult) => {
        setBusy(null);
        setResult({ stored, replaced, profile: name || undefined });
        if (name) {
          setProfilesSaved((n) => n + 1);
          setSaveName('');
        }
        announce(T.done(stored, replaced));
        onImported();
      },
      (err: unknown) => {
        setBusy(null);
        setError(messageOf(err));
      },
    );
  };

  const title = (
    <div className="page-head">
      <PageHeading title={`${T.title} – ${t.appName}`}>{T.title}</PageHeading>
      <p className="page-intro">{T.intro}</p>
    </div>
  );
  if (!canImport) {
    return (
      <div className="page">
        {title}
        <div className="notice" data-testid="import-needs-role">
          <p>{T.needsRole}</p>
          {!user && (
            <button type="button" className="button button--primary" onClick={onLogin}>
              {T.login}
            </button>
          )}
        </div>
      </div>
    );
  }

  const report = checked?.report;
  const dirty = !!checked && !sameDraft(draft, checked.draft);
  const draftBlocked = draft
    ? (() => {
        const p = draftProblems(draft);
        return p.keys.size > 0 || p.noVariables;
      })()
    : false;
  const canCommit = !!report?.ok && !dirty && !draftBlocked && !busy && !result;
  const levelProfiles = (profiles.latest ?? []).filter((p) => !p.level || p.level === level);

  return (
    <div className="page import-page">
      {title}
      {error && (
        <p ref={errorRef} className="alert" role="alert" tabIndex={-1} data-testid="import-error">
          {error}
        </p>
      )}

      <section className="import-step" aria-labelledby={`${id}-step1`}>
        <h2 id={`${id}-step1`}>{T.step1}</h2>
        <form onSubmit={submitFile} noValidate data-testid="import-file-form">
          <div className="form-grid">
            <div className="field form-grid__wide">
              <label htmlFor={`${id}-file`}>{T.file}</label>
              <input
                id={`${id}-file`}
                type="file"
                accept=".csv,.txt,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={`${id}-file-hint`}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0] ?? null);
                  reset();
                }}
              />
              <p id={`${id}-file-hint`} className="field__hint">
                {T.fileHint}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-level`}>{T.level}</label>
              <select
                id={`${id}-level`}
                value={level}
                onChange={(e) => {
                  setLevel(e.target.value);
                  reset();
                }}
              >
                {levels.map((l) => (
                  <option key={l.key} value={l.key}>
                    {T.levelOption(l.name, l.areaCount)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={`${id}-date`}>{T.date}</label>
              <input
                id={`${id}-date`}
                type="date"
                value={date}
                aria-describedby={`${id}-date-hint`}
                onChange={(e) => {
                  setDate(e.target.value);
                  reset();
                }}
              />
              <p id={`${id}-date-hint`} className="field__hint">
                {T.dateHint}
              </p>
            </div>
            <div className="field">
              <label htmlFor={`${id}-profile`}>{T.profile}</label>
              <select
                id={`${id}-profile`}
                value={profile}
                onChange={(e) => {
                  setProfile(e.target.value);
                  reset();
                }}
              >
                <option value="">{T.noProfile}</option>
                {levelProfiles.map((p) => (
                  <option key={p.name} value={p.name}>
                    {p.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <p className="button-row">
            <button type="submit" className="button button--primary" disabled={busy !== null}>
              {busy === 'check' ? T.checking : T.check}
            </button>
          </p>
        </form>
      </section>

      <section className="import-step" aria-labelledby={`${id}-step2`} aria-busy={busy === 'check'}>
        <h2 id={`${id}-step2`} ref={step2Ref} tabIndex={-1}>
          {T.step2}
        </h2>
        {!report && <p className="muted">{busy === 'check' ? T.checking : T.step2Empty}</p>}
        {report && (
          <>
            <ImportRecognised report={report} />
            {draft ? (
              <ImportMappingForm
                draft={draft}
                columns={columnsOf(report)}
                variables={variables.latest ?? []}
                busy={busy !== null}
                dirty={dirty}
                onChange={setDraft}
                onRecheck={recheck}
              />
            ) : (
              <p className="muted">{T.mappingAuto}</p>
            )}
            <ImportReport report={report} />
          </>
        )}
      </section>

      <section className="import-step" aria-labelledby={`${id}-step3`}>
        <h2 id={`${id}-step3`}>{T.step3}</h2>
        <form onSubmit={commit} noValidate data-testid="import-commit-form">
          {draft && (
            <div className="field import-save">
              <label htmlFor={`${id}-save`}>{T.saveProfile}</label>
              <input
                id={`${id}-save`}
                value={saveName}
                maxLength={100}
                autoComplete="off"
                aria-describedby={`${id}-save-hint`}
                onChange={(e) => setSaveName(e.target.value)}
              />
              <p id={`${id}-save-hint`} className="field__hint">
                {T.saveProfileHint}
              </p>
            </div>
          )}
          {!canCommit && !result && (
            <p className="muted" id={`${id}-commit-hint`}>
              {dirty ? T.dirty : T.commitBlocked}
            </p>
          )}
          <p className="button-row">
            <button
              type="submit"
              className="button button--primary"
              disabled={!canCommit}
              aria-describedby={!canCommit && !result ? `${id}-commit-hint` : undefined}
            >
              {busy === 'commit' ? T.committing : T.commit}
            </button>
          </p>
        </form>
        {result && (
          <div ref={resultRef} className="success" tabIndex={-1} data-testid="import-result">
            <p>{T.done(result.stored, result.replaced)}</p>
            {result.profile && <p>{T.profileSaved(result.profile)}</p>}
            <p>
              <Link to={atlasHref()}>{T.toAtlas}</Link>
            </p>
          </div>
        )}
      </section>

      {result && user && (
        <section className="import-step" aria-labelledby={`${id}-step4`} data-testid="import-variables">
          <h2 id={`${id}-step4`}>{vt.afterImport}</h2>
          <p className="muted">{vt.afterImportHint}</p>
          <VariableSums userId={user.id} missingOnly onChanged={onImported} announce={announce} />
        </section>
      )}
    </div>
  );
}
