import { useId, useMemo, useState, type ChangeEvent } from 'react';
import { ApiError, messageOf } from '../api.ts';
import { themesOf } from '../indicators/catalogue.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { PageProps } from '../page-props.ts';
import { navigate, paths } from '../router.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';
import { reportsApi, type ReportTemplate } from './api.ts';
import type { BlockChoices } from './BlockFields.tsx';
import { cleanTemplate, copyTemplate, emptyTemplate } from './template-draft.ts';
import { importProblemText } from './template-issues.ts';
import { TemplateForm } from './TemplateForm.tsx';
import { rt } from './texts.ts';
import './reports.css';

const e = rt.editor;

/** Offers a template as a JSON file to save (export of what the form shows). */
function download(template: ReportTemplate) {
  const blob = new Blob([`${JSON.stringify(cleanTemplate(template), null, 2)}\n`], {
    type: 'application/json',
  });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${template.key || 'vorlage'}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** `?von=<key>` on /berichte/vorlagen/neu: start from a copy of that template. */
const copySource = () => new URLSearchParams(window.location.search).get('von');

type Confirming = 'remove' | 'reset' | null;

/**
 * A report template: planners edit, save, export, import, delete (own) or reset (built-in) it;
 * everyone else sees it read-only. `/berichte/vorlagen/neu` starts a new one, blank or as a copy.
 */
export function TemplateEditorPage(props: PageProps & { templateKey: string | null }) {
  const { templateKey, indicators, levels, user, canEdit, onLogin, announce } = props;
  const id = useId();
  const session = user?.id !== undefined ? String(user.id) : '-';
  // counts reloads of the stored template (after an import or a reset)
  const [revision, setRevision] = useState(0);
  const [source] = useState(() => (templateKey ? null : copySource()));
  // the template the new one was copied from (shown in the select)
  const [copyKey, setCopyKey] = useState(source ?? '');
  const stored = useFetched(templateKey ? `template#${templateKey}#${session}#${revision}` : null, () =>
    reportsApi.template(templateKey ?? ''),
  );
  const list = useFetched(`report-templates#${session}#${revision}`, () => reportsApi.templates());
  const copied = useFetched(source ? `template#${source}#${session}` : null, () =>
    reportsApi.template(source ?? ''),
  );
  const [draft, setDraft] = useState<ReportTemplate | null>(templateKey || source ? null : emptyTemplate());
  const [loadedRevision, setLoadedRevision] = useState(-1);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [action, setAction] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const summaries = useMemo(() => list.latest?.templates ?? [], [list.latest]);
  const takenKeys = useMemo(() => summaries.map((s) => s.key), [summaries]);
  // the stored template (again after an import or reset) or the copy becomes the form's draft
  if (templateKey && stored.data && loadedRevision !== revision) {
    setLoadedRevision(revision);
    setDraft(stored.data);
  }
  if (!templateKey && source && draft === null && copied.data && list.data)
    setDraft(copyTemplate(copied.data, takenKeys));

  const summary = summaries.find((s) => s.key === templateKey);
  const builtin = summary?.builtin ?? false;
  const name = stored.data?.name ?? templateKey ?? '';
  const title = templateKey ? e.editTitle(name) : e.createTitle;
  const readOnly = !canEdit;
  const choices: BlockChoices = useMemo(
    () => ({
      indicators,
      themes: themesOf(indicators),
      areaTemplates: summaries.filter((s) => s.scope === 'area'),
      levels,
    }),
    [indicators, summaries, levels],
  );

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    setNotice(null);
    file
      .text()
      .then((text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new Error(e.notJson(file.name));
        }
        return reportsApi.importTemplates(json);
      })
      .then((answer) => {
        const keys = answer.imported;
        setNotice({ ok: true, text: e.imported(keys) });
        announce(e.imported(keys));
        const [first] = keys;
        if (first === templateKey) setRevision((n) => n + 1);
        else if (first && keys.length === 1) navigate(paths.reportTemplate(first), { replace: !templateKey });
        else setRevision((n) => n + 1);
      })
      .catch((err: unknown) =>
        setNotice({ ok: false, text: err instanceof ApiError ? importProblemText(err) : messageOf(err) }),
      )
      .finally(() => {
        input.value = '';
      });
  };

  const confirm = () => {
    if (!templateKey) return;
    setAction({ busy: true, error: null });
    if (confirming === 'remove') {
      reportsApi.removeTemplate(templateKey).then(
        () => {
          announce(e.deleted(name));
          navigate(paths.reports, { replace: true });
        },
        (err: unknown) => setAction({ busy: false, error: messageOf(err) }),
      );
    } else {
      reportsApi.resetTemplate(templateKey).then(
        () => {
          setAction({ busy: false, error: null });
          setConfirming(null);
          setRevision((n) => n + 1);
          setNotice({ ok: true, text: e.resetDone(name) });
          announce(e.resetDone(name));
        },
        (err: unknown) => setAction({ busy: false, error: messageOf(err) }),
      );
    }
  };

  const loginNotice = (
    <div className="notice" data-testid="template-read-only">
      <p>{e.readOnly}</p>
      {!user && (
        <button type="button" className="button button--primary" onClick={onLogin}>
          {e.login}
        </button>
      )}
    </div>
  );

  let body;
  if (!templateKey && !canEdit) {
    body = loginNotice;
  } else if (templateKey && stored.error && !draft) {
    body = (
      <p className="alert" role="alert">
        {stored.error.message}
      </p>
    );
  } else if (copied.error && !draft) {
    body = (
      <p className="alert" role="alert">
        {copied.error.message}
      </p>
    );
  } else if (!draft) {
    body = <p className="notice">{t.loading}</p>;
  } else {
    body = (
      <>
        {readOnly && loginNotice}
        {builtin && canEdit && <p className="muted">{e.builtinNote}</p>}
        <section className="toolbar" aria-label={e.export} data-testid="template-tools">
          <div className="toolbar__row">
            <button type="button" className="button" onClick={() => download(draft)}>
              {e.export}
            </button>
            {canEdit && (
              <label className="button file-button">
                <input
                  type="file"
                  accept="application/json,.json"
                  className="visually-hidden"
                  onChange={importFile}
                  aria-describedby={`${id}-import-hint`}
                  data-testid="template-import"
                />
                {e.import}
              </label>
            )}
            {canEdit && !templateKey && (
              <div className="field template-copy">
                <label htmlFor={`${id}-copy`}>{e.copyFrom}</label>
                <select
                  id={`${id}-copy`}
                  value={copyKey}
                  onChange={(ev) => {
                    const key = ev.target.value;
                    setCopyKey(key);
                    if (!key) return void setDraft(emptyTemplate());
                    reportsApi.template(key).then(
                      (template) => setDraft(copyTemplate(template, takenKeys)),
                      (err: unknown) => setNotice({ ok: false, text: messageOf(err) }),
                    );
                  }}
                  aria-describedby={`${id}-copy-hint`}
                >
                  <option value="">{e.copyNone}</option>
                  {summaries.map((s) => (
                    <option key={s.key} value={s.key}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <p id={`${id}-copy-hint`} className="field__hint">
                  {e.copyFromHint}
                </p>
              </div>
            )}
            {canEdit && templateKey && (
              <Link
                className="button"
                to={`${paths.reportTemplate(null)}?von=${encodeURIComponent(templateKey)}`}
              >
                {e.copy}
              </Link>
            )}
            {canEdit && templateKey && builtin && (
              <button type="button" className="button" onClick={() => setConfirming('reset')}>
                {e.reset}
              </button>
            )}
            {canEdit && templateKey && summary && !builtin && (
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => setConfirming('remove')}
              >
                {e.remove}
              </button>
            )}
          </div>
          {canEdit && (
            <p id={`${id}-import-hint`} className="toolbar__hint muted">
              {e.importHint}
            </p>
          )}
          {notice && (
            <p
              className={notice.ok ? 'success' : 'alert'}
              role={notice.ok ? 'status' : 'alert'}
              data-testid="template-notice"
            >
              {notice.text}
            </p>
          )}
        </section>
        <TemplateForm
          key={`${templateKey ?? ''}#${loadedRevision}`}
          mode={templateKey ? 'edit' : 'create'}
          draft={draft}
          onChange={setDraft}
          choices={choices}
          readOnly={readOnly}
          takenKeys={takenKeys}
          onSaved={(saved) => {
            announce(e.saved(saved.name));
            setNotice({ ok: true, text: e.saved(saved.name) });
            if (templateKey) setDraft(saved);
            // a new template gets its own address; Back does not lead into the blank form again
            else navigate(paths.reportTemplate(saved.key), { replace: true });
          }}
        />
      </>
    );
  }

  return (
    <div className="page template-editor">
      <div className="page-head">
        <p className="eyebrow">
          <Link to={paths.reports}>{e.eyebrow}</Link>
        </p>
        <PageHeading title={`${title} – ${t.appName}`}>{title}</PageHeading>
      </div>
      {body}
      {confirming && (
        <ConfirmDialog
          title={confirming === 'remove' ? e.confirmRemoveTitle : e.confirmResetTitle}
          text={confirming === 'remove' ? e.confirmRemoveText(name) : e.confirmResetText(name)}
          confirmLabel={confirming === 'remove' ? e.remove : e.reset}
          busy={action.busy}
          error={action.error}
          onConfirm={confirm}
          onClose={() => {
            setConfirming(null);
            setAction({ busy: false, error: null });
          }}
        />
      )}
    </div>
  );
}
