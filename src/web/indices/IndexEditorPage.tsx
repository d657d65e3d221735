import { useId, useState, type ChangeEvent } from 'react';
import { messageOf } from '../api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Link } from '../ui/Link.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import type { PageProps } from '../page-props.ts';
import { navigate, paths } from '../router.ts';
import { t } from '../texts.ts';
import { useFetched } from '../ui/useFetched.ts';
import { et } from './editor-texts.ts';
import { indexApi, forgetIndexResults } from './index-api.ts';
import {
  draftFromJson,
  EMPTY_INDEX_DRAFT,
  toIndexDefinition,
  toIndexDraft,
  type IndexDraft,
} from './index-draft.ts';
import { IndexForm } from './IndexForm.tsx';
import type { IndexDefinition } from './types.ts';
import './monitoring.css';

/** Offers a definition as a JSON file to save (export). */
function download(definition: IndexDefinition) {
  const blob = new Blob([`${JSON.stringify(definition, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `index-${definition.key || 'neu'}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const monitoringOf = (key: string) => `${paths.monitoring}?index=${encodeURIComponent(key)}`;

/**
 * A composite index definition: planners edit, save, delete, export and import it; everyone else
 * sees it read-only.
 */
export function IndexEditorPage(props: PageProps & { indexKey: string | null }) {
  const { indexKey, indicators, levels, user, canEdit, onLogin, announce } = props;
  const id = useId();
  const session = user?.id !== undefined ? String(user.id) : '-';
  const stored = useFetched(indexKey ? `index#${indexKey}#${session}` : null, () =>
    indexApi.get(indexKey ?? ''),
  );
  const templates = useFetched(!indexKey && canEdit ? `indices#${session}` : null, () => indexApi.list());
  const [draft, setDraft] = useState<IndexDraft | null>(indexKey ? null : EMPTY_INDEX_DRAFT);
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [deleting, setDeleting] = useState<{ busy: boolean; error: string | null }>({
    busy: false,
    error: null,
  });
  // the stored definition arrives: it becomes the form's draft (once)
  if (draft === null && stored.data) setDraft(toIndexDraft(stored.data));

  const name = stored.data?.name ?? indexKey ?? '';
  const title = indexKey ? et.editTitle(name) : et.createTitle;
  const readOnly = !canEdit;
  const finest = levels.at(-1)?.key ?? '';

  const importFile = (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    file
      .text()
      .then((text) => {
        let json: unknown;
        try {
          json = JSON.parse(text);
        } catch {
          throw new Error(et.notJson(file.name));
        }
        const next = draftFromJson(json);
        // a stored index keeps its key: the file replaces its definition
        setDraft(indexKey ? { ...next, key: indexKey } : next);
        setNotice({ ok: true, text: et.imported(file.name) });
        announce(et.imported(file.name));
      })
      .catch((err: unknown) => setNotice({ ok: false, text: messageOf(err) }))
      .finally(() => {
        input.value = '';
      });
  };

  const remove = () => {
    if (!indexKey) return;
    setDeleting({ busy: true, error: null });
    indexApi.remove(indexKey).then(
      () => {
        forgetIndexResults();
        announce(et.deleted(name));
        navigate(paths.monitoring, { replace: true });
      },
      (err: unknown) => setDeleting({ busy: false, error: messageOf(err) }),
    );
  };

  let body;
  if (!indexKey && !canEdit) {
    body = (
      <div className="notice">
        <p>{et.readOnly}</p>
        {!user && (
          <button type="button" className="button button--primary" onClick={onLogin}>
            {et.login}
          </button>
        )}
      </div>
    );
  } else if (indexKey && stored.error) {
    body = (
      <p className="alert" role="alert">
        {stored.error.message}
      </p>
    );
  } else if (!draft) {
    body = <p className="notice">{t.loading}</p>;
  } else {
    body = (
      <>
        {readOnly && (
          <div className="notice" data-testid="index-read-only">
            <p>{et.readOnly}</p>
            {!user && (
              <button type="button" className="button button--primary" onClick={onLogin}>
                {et.login}
              </button>
            )}
          </div>
        )}
        <section className="toolbar" aria-label={et.export} data-testid="index-tools">
          <div className="toolbar__row">
            <button type="button" className="button" onClick={() => download(toIndexDefinition(draft))}>
              {et.export}
            </button>
            {canEdit && (
              <label className="button file-button">
                <input
                  type="file"
                  accept="application/json,.json"
                  className="visually-hidden"
                  onChange={importFile}
                  aria-describedby={`${id}-import-hint`}
                />
                {et.import}
              </label>
            )}
            {canEdit && !indexKey && (templates.data?.length ?? 0) > 0 && (
              <div className="field index-template">
                <label htmlFor={`${id}-template`}>{et.template}</label>
                <select
                  id={`${id}-template`}
                  value=""
                  onChange={(e) => {
                    const template = templates.data?.find((d) => d.key === e.target.value);
                    if (template) setDraft({ ...toIndexDraft(template), key: '', name: '' });
                  }}
                  aria-describedby={`${id}-template-hint`}
                >
                  <option value="">{et.templateNone}</option>
                  {templates.data?.map((d) => (
                    <option key={d.key} value={d.key}>
                      {d.name}
                    </option>
                  ))}
                </select>
                <p id={`${id}-template-hint`} className="field__hint">
                  {et.templateHint}
                </p>
              </div>
            )}
            {canEdit && indexKey && (
              <button
                type="button"
                className="button button--danger-outline"
                onClick={() => setConfirming(true)}
              >
                {et.delete}
              </button>
            )}
          </div>
          {canEdit && (
            <p id={`${id}-import-hint`} className="toolbar__hint muted">
              {et.importHint}
            </p>
          )}
          {notice && (
            <p className={notice.ok ? 'success' : 'alert'} role={notice.ok ? 'status' : 'alert'}>
              {notice.text}
            </p>
          )}
        </section>
        <IndexForm
          mode={indexKey ? 'edit' : 'create'}
          draft={draft}
          onChange={setDraft}
          indicators={indicators}
          readOnly={readOnly}
          finestLevel={finest}
          onCancel={() => navigate(indexKey ? monitoringOf(indexKey) : paths.monitoring)}
          onSaved={(saved) => {
            forgetIndexResults();
            announce(et.saved(saved.name));
            // the form is done: Back leads to where editing started, not into the form again
            navigate(monitoringOf(saved.key), { replace: true });
          }}
        />
      </>
    );
  }

  return (
    <div className="page index-editor">
      <div className="page-head">
        <p className="eyebrow">
          <Link to={paths.monitoring}>{et.eyebrow}</Link>
        </p>
        <PageHeading title={`${title} – ${t.appName}`}>{title}</PageHeading>
      </div>
      {body}
      {confirming && (
        <ConfirmDialog
          title={et.confirmTitle}
          text={et.confirmText(name)}
          confirmLabel={et.confirmDelete}
          busy={deleting.busy}
          error={deleting.error}
          onConfirm={remove}
          onClose={() => {
            setConfirming(false);
            setDeleting({ busy: false, error: null });
          }}
        />
      )}
    </div>
  );
}
