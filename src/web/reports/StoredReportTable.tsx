import { useState } from 'react';
import { messageOf } from '../api.ts';
import { ConfirmDialog } from '../ui/ConfirmDialog.tsx';
import { formatDataVersion, formatDate } from '../../core/format.ts';
import { fileHref, reportsApi, type ReportMeta } from './api.ts';
import { audienceLabel, formatDateTime, shortHash, verifyMessage } from './stored-format.ts';
import { rt } from './texts.ts';

const s = rt.stored;

interface StoredReportTableProps {
  reports: readonly ReportMeta[];
  /** Planner or admin: may regenerate, verify and delete (viewers cannot store reports). */
  canStore: boolean;
  onAdded: (meta: ReportMeta) => void;
  onRemoved: (id: number) => void;
  announce: (message: string) => void;
}

type Outcome = { ok: boolean; text: string };

/**
 * The stored reports with their data version and content hash: download, regenerate from the
 * stored snapshot (same numbers), verify against today's data, delete.
 */
export function StoredReportTable({
  reports,
  canStore,
  onAdded,
  onRemoved,
  announce,
}: StoredReportTableProps) {
  const [busy, setBusy] = useState<number | null>(null);
  const [outcome, setOutcome] = useState<Map<number, Outcome>>(new Map());
  const [removing, setRemoving] = useState<ReportMeta | null>(null);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const tell = (id: number, result: Outcome) => setOutcome((m) => new Map(m).set(id, result));

  const regenerate = (r: ReportMeta) => {
    setBusy(r.id);
    reportsApi.regenerate(r.id).then(
      (meta) => {
        setBusy(null);
        onAdded(meta);
        announce(s.regenerated(r.title));
      },
      (err: unknown) => {
        setBusy(null);
        tell(r.id, { ok: false, text: messageOf(err) });
      },
    );
  };
  const verify = (r: ReportMeta) => {
    setBusy(r.id);
    reportsApi.verify(r.id).then(
      (result) => {
        setBusy(null);
        const message = verifyMessage(result);
        tell(r.id, message);
        announce(message.text);
      },
      (err: unknown) => {
        setBusy(null);
        tell(r.id, { ok: false, text: messageOf(err) });
      },
    );
  };
  const remove = () => {
    if (!removing) return;
    const r = removing;
    setBusy(r.id);
    reportsApi.remove(r.id).then(
      () => {
        setBusy(null);
        setRemoving(null);
        onRemoved(r.id);
        announce(s.deleted(r.title));
      },
      (err: unknown) => {
        setBusy(null);
        setRemoveError(messageOf(err));
      },
    );
  };

  return (
    <>
      <div className="reports-table__scroll">
        <table className="reports-table" data-testid="stored-reports">
          <caption className="visually-hidden">{s.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{s.title}</th>
              <th scope="col">{s.date}</th>
              <th scope="col">{s.format}</th>
              <th scope="col">{s.audience}</th>
              <th scope="col">{s.dataVersion}</th>
              <th scope="col">{s.content}</th>
              <th scope="col">{s.created}</th>
              <th scope="col">{s.status}</th>
              <th scope="col">{s.actions}</th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => {
              const result = outcome.get(r.id);
              const done = r.status === 'done';
              return (
                <tr key={r.id} data-testid="stored-report" data-id={r.id} data-status={r.status}>
                  <th scope="row" className="reports-table__title">
                    {r.title}
                    <span className="reports-table__template">{r.templateName}</span>
                  </th>
                  <td>{formatDate(r.date)}</td>
                  <td>
                    {rt.form.formats[r.format]}
                    {r.size !== null && done && <span className="reports-table__size">{s.size(r.size)}</span>}
                  </td>
                  <td>
                    <span
                      className={`reports-badge reports-badge--${r.internal ? 'internal' : 'public'}`}
                      title={r.scope ? s.internalScopeTitle : undefined}
                      data-testid="report-audience"
                    >
                      {audienceLabel(r)}
                    </span>
                  </td>
                  <td title={r.dataVersion ?? undefined}>{formatDataVersion(r.dataVersion)}</td>
                  <td
                    className="reports-table__mono"
                    title={r.contentHash ? s.contentTitle(r.contentHash) : undefined}
                  >
                    {shortHash(r.contentHash)}
                  </td>
                  <td>
                    {r.createdBy ?? '–'}
                    <span className="reports-table__when">{formatDateTime(r.createdAt)}</span>
                  </td>
                  <td>
                    <span
                      className={`reports-status reports-status--${r.status}`}
                      data-testid="report-status"
                    >
                      {s.statuses[r.status]}
                    </span>
                    {r.error && <span className="reports-table__error">{r.error}</span>}
                  </td>
                  <td>
                    <div className="reports-table__actions">
                      {done && (
                        <a
                          className="button reports-small"
                          href={fileHref(r.id)}
                          download
                          aria-label={s.rowLabel(s.download, r.title)}
                        >
                          {s.download}
                        </a>
                      )}
                      {canStore && done && (
                        <button
                          type="button"
                          className="button reports-small"
                          disabled={busy === r.id}
                          onClick={() => regenerate(r)}
                          aria-label={s.rowLabel(s.regenerate, r.title)}
                        >
                          {s.regenerate}
                        </button>
                      )}
                      {canStore && done && (
                        <button
                          type="button"
                          className="button reports-small"
                          disabled={busy === r.id}
                          onClick={() => verify(r)}
                          aria-label={s.rowLabel(s.verify, r.title)}
                        >
                          {s.verify}
                        </button>
                      )}
                      {canStore && r.status !== 'running' && (
                        <button
                          type="button"
                          className="button reports-small button--danger-outline"
                          disabled={busy === r.id}
                          onClick={() => {
                            setRemoveError(null);
                            setRemoving(r);
                          }}
                          aria-label={s.rowLabel(s.remove, r.title)}
                        >
                          {s.remove}
                        </button>
                      )}
                    </div>
                    {result && (
                      <p
                        className={`reports-table__outcome${result.ok ? '' : ' reports-table__outcome--warn'}`}
                        data-testid="verify-result"
                      >
                        {result.text}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {removing && (
        <ConfirmDialog
          title={s.confirmTitle}
          text={s.confirmText(removing.title)}
          confirmLabel={s.confirm}
          busy={busy === removing.id}
          error={removeError}
          onConfirm={remove}
          onClose={() => setRemoving(null)}
        />
      )}
    </>
  );
}
