import { useId, useMemo, useState, type FormEvent } from 'react';
import { formatDate } from '../../core/format.ts';
import { messageOf } from '../api.ts';
import { t } from '../texts.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { Link } from '../ui/Link.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { projectionApi, type StoredProjection } from './projection-api.ts';
import type { Assumptions } from './ProjectionAssumptions.tsx';
import {
  DEFAULT_MIN_POPULATION,
  parseMinPopulation,
  storedRunRows,
  suggestedName,
  type StoredRunRow,
} from './stored-runs.ts';
import { pt } from './texts.ts';

export interface StoredRunsProps {
  /** The projection as the page shows it: what „Prognose speichern“ stores. */
  level: string;
  levelName: string;
  base: string;
  to: string;
  assumptions: Assumptions;
  /** Level key → name, for the runs of other levels. */
  levelNames: ReadonlyMap<string, string>;
  /** Changes with the user: the list is loaded again. */
  session: string;
  announce: (message: string) => void;
  /** The published run changed: the atlas must learn it (the app loads its configuration again). */
  onPublishedChanged: () => void;
}

const r = pt.runs;

/**
 * „Gespeicherte Prognosen“: stores the projection as the page is set (name, Mindestgröße,
 * published at once or not) and lists the stored runs to publish, withdraw or delete. The newest
 * published run is the atlas's „Prognose“.
 */
export function StoredRuns(props: StoredRunsProps) {
  const { levelNames, session, announce, onPublishedChanged } = props;
  const id = useId();
  const [revision, setRevision] = useState(0);
  const runs = useFetched(`runs#${session}#${revision}`, () => projectionApi.runs());
  const rows = useMemo(() => storedRunRows(runs.latest ?? [], levelNames), [runs.latest, levelNames]);
  const [busy, setBusy] = useState<number | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<StoredRunRow | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const changed = (published: boolean) => {
    setRevision((n) => n + 1);
    if (published) onPublishedChanged();
  };

  const togglePublished = (row: StoredRunRow) => {
    setBusy(row.id);
    setActionError(null);
    projectionApi.publishRun(row.id, !row.published).then(
      (run) => {
        setBusy(null);
        changed(true);
        announce(run.published ? r.publishedNow(run.name) : r.withdrawn(run.name));
      },
      (error: unknown) => {
        setBusy(null);
        setActionError(messageOf(error));
      },
    );
  };

  const remove = () => {
    if (!removing) return;
    const row = removing;
    setBusy(row.id);
    projectionApi.removeRun(row.id).then(
      () => {
        setBusy(null);
        setRemoving(null);
        changed(row.published);
        announce(r.removed(row.name));
      },
      (error: unknown) => {
        setBusy(null);
        setRemoveError(messageOf(error));
      },
    );
  };

  return (
    <section aria-labelledby={`${id}-title`} aria-busy={runs.loading} data-testid="stored-runs">
      <h2 id={`${id}-title`}>{r.title}</h2>
      <p className="muted">{r.intro}</p>
      <SaveRunForm
        {...props}
        onSaved={(run) => {
          changed(run.published);
          announce(r.saved(run.name, run.published));
        }}
      />
      {runs.error && (
        <p className="alert" role="alert">
          {t.loadError} {runs.error.message}
        </p>
      )}
      {actionError && (
        <p className="alert" role="alert" data-testid="run-action-error">
          {actionError}
        </p>
      )}
      {runs.latest && rows.length === 0 && <p className="notice">{r.empty}</p>}
      {rows.length > 0 && (
        <div className="area-table projection-table">
          {/* focusable: a keyboard scrolls the table when it is wider than its frame */}
          <div className="area-table__scroll" tabIndex={0} role="region" aria-label={r.caption}>
            <table data-testid="runs-table">
              <caption>{r.caption}</caption>
              <thead>
                <tr>
                  {Object.values(r.columns).map((label) => (
                    <th key={label} scope="col">
                      {label}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.id} data-id={row.id} data-testid="stored-run">
                    <th scope="row">{row.name}</th>
                    <td>{row.level}</td>
                    <td>{row.base}</td>
                    <td>{row.to}</td>
                    <td>{row.method}</td>
                    <td>
                      {row.variant}
                      {row.control && (
                        <span className="projection-runs__detail">{r.controlled(row.control)}</span>
                      )}
                    </td>
                    <td className="num">{row.minPopulation}</td>
                    <td>
                      {row.createdBy}
                      <span className="projection-runs__detail">{row.createdAt}</span>
                    </td>
                    <td data-testid="run-status">
                      {row.published ? r.published : r.internal}
                      {row.inAtlas && (
                        <span className="projection-runs__detail">
                          {r.inAtlas}
                          {row.atlasHref && (
                            <>
                              {' – '}
                              <Link to={row.atlasHref} data-testid="run-atlas-link">
                                {r.toAtlas}
                              </Link>
                            </>
                          )}
                        </span>
                      )}
                    </td>
                    <td>
                      <div className="projection-runs__actions">
                        <button
                          type="button"
                          className="button button--small"
                          disabled={busy === row.id}
                          onClick={() => togglePublished(row)}
                          aria-label={r.rowLabel(row.published ? r.withdraw : r.publish, row.name)}
                        >
                          {row.published ? r.withdraw : r.publish}
                        </button>
                        <button
                          type="button"
                          className="button button--small button--danger"
                          disabled={busy === row.id}
                          onClick={() => {
                            setRemoveError(null);
                            setRemoving(row);
                          }}
                          aria-label={r.rowLabel(r.remove, row.name)}
                        >
                          {r.remove}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
      {removing && (
        <ConfirmDialog
          title={r.confirmTitle}
          text={r.confirmText(removing.name)}
          confirmLabel={r.confirm}
          busy={busy === removing.id}
          error={removeError}
          onConfirm={remove}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}

interface SaveRunFormProps extends StoredRunsProps {
  onSaved: (run: StoredProjection) => void;
}

/** Name, Mindestgröße and „gleich veröffentlichen“ of the projection about to be stored. */
function SaveRunForm({ level, levelName, base, to, assumptions, onSaved }: SaveRunFormProps) {
  const id = useId();
  const { variant, control } = assumptions;
  // null: the suggestion, which follows the settings until the planner types a name
  const [name, setName] = useState<string | null>(null);
  const [minText, setMinText] = useState(String(DEFAULT_MIN_POPULATION));
  const [publish, setPublish] = useState(false);
  const [errors, setErrors] = useState<{ name?: string; min?: string; server?: string }>({});
  const [saving, setSaving] = useState(false);
  const shownName = name ?? suggestedName(base, to, variant, control.length > 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = shownName.trim();
    const min = parseMinPopulation(minText);
    const next = {
      name: !trimmed ? r.nameMissing : trimmed.length > 200 ? r.nameTooLong : undefined,
      min: min.ok ? undefined : min.message,
    };
    setErrors(next);
    if (next.name || !min.ok) {
      document.getElementById(next.name ? `${id}-name` : `${id}-min`)?.focus();
      return;
    }
    setSaving(true);
    projectionApi
      .saveRun({
        name: trimmed,
        level,
        base,
        to,
        method: 'auto',
        ...(control.length ? { control } : {}),
        variant,
        minPopulation: min.value,
        published: publish,
      })
      .then(
        (run) => {
          setSaving(false);
          setName(null);
          setPublish(false);
          onSaved(run);
        },
        (error: unknown) => {
          setSaving(false);
          setErrors({ server: messageOf(error) });
        },
      );
  };

  return (
    <form className="projection-runs__form" onSubmit={submit} noValidate aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`}>{r.formTitle}</h3>
      <p className="muted" data-testid="run-current">
        {r.current(
          levelName,
          formatDate(base),
          formatDate(to),
          pt.variants[variant],
          control.length ? r.withControl : r.withoutControl,
        )}
      </p>
      <div className="controls__row projection-runs__fields">
        <div className={`field field--grow${errors.name ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-name`}>{r.name}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={shownName}
            maxLength={250}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={errors.name ? true : undefined}
            aria-describedby={errors.name ? `${id}-name-error` : undefined}
            data-testid="run-name"
          />
          {errors.name && (
            <p id={`${id}-name-error`} className="field__error">
              {errors.name}
            </p>
          )}
        </div>
        <div className={`field projection-runs__min${errors.min ? ' field--invalid' : ''}`}>
          <label htmlFor={`${id}-min`}>{r.minPopulation}</label>
          <input
            id={`${id}-min`}
            type="text"
            inputMode="numeric"
            value={minText}
            onChange={(e) => setMinText(e.target.value)}
            aria-invalid={errors.min ? true : undefined}
            aria-describedby={`${id}-min-hint${errors.min ? ` ${id}-min-error` : ''}`}
            data-testid="run-min-population"
          />
          <p id={`${id}-min-hint`} className="field__hint">
            {r.minHint}
          </p>
          {errors.min && (
            <p id={`${id}-min-error`} className="field__error">
              {errors.min}
            </p>
          )}
        </div>
      </div>
      <label className="checkbox-field">
        <input type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} />
        {r.publishNow}
      </label>
      <div className="projection-runs__submit">
        <button type="submit" className="button button--primary" disabled={saving}>
          {r.save}
        </button>
        <span role="status" className="muted">
          {saving ? r.saving : ''}
        </span>
      </div>
      {errors.server && (
        <p className="alert" role="alert" data-testid="run-save-error">
          {errors.server}
        </p>
      )}
    </form>
  );
}
