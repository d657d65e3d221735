import { useId, useState, type FormEvent } from 'react';
import { RoleNotice } from '../ui/RoleNotice.tsx';
import { messageOf, type User } from '../api.ts';
import { PageHeading } from '../ui/PageHeading.tsx';
import { useFetched } from '../ui/useFetched.ts';
import { auditApi, type AuditEntry, type AuditFilter } from './audit-api.ts';
import { changeLines } from './changes.ts';
import { at } from './texts.ts';
import './audit.css';

interface AuditPageProps {
  user: User | null;
  onLogin: () => void;
}

const EMPTY: AuditFilter = { table: '', actor: '', from: '', to: '' };
const when = (iso: string) =>
  new Date(iso).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'medium' });

/**
 * Änderungsprotokoll for administrators: every change, newest first, filtered by table, person and
 * days; each entry with its changed columns, the whole record before and after one click away.
 */
export function AuditPage({ user, onLogin }: AuditPageProps) {
  const id = useId();
  const isAdmin = user?.role === 'admin';
  const [draft, setDraft] = useState<AuditFilter>(EMPTY);
  const [filter, setFilter] = useState<AuditFilter>(EMPTY);
  const key = isAdmin ? `audit#${user.id}#${JSON.stringify(filter)}` : null;
  const first = useFetched(key, () => auditApi.page(filter, null));
  // older pages loaded on request, kept for the filter they belong to
  const [older, setOlder] = useState<{ key: string | null; entries: AuditEntry[]; next: number | null }>({
    key: null,
    entries: [],
    next: null,
  });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const own = older.key === key ? older : null;
  const entries = [...(first.data?.entries ?? []), ...(own?.entries ?? [])];
  const next = own ? own.next : (first.data?.next ?? null);
  const tables = first.latest?.tables ?? [];
  const loading = first.loading || loadingMore;
  const error = first.error ? first.error.message : moreError;

  const loadMore = (before: number) => {
    setLoadingMore(true);
    setMoreError(null);
    auditApi.page(filter, before).then(
      (page) => {
        setOlder({ key, entries: [...(own?.entries ?? []), ...page.entries], next: page.next });
        setLoadingMore(false);
      },
      (err: unknown) => {
        setMoreError(messageOf(err));
        setLoadingMore(false);
      },
    );
  };

  const title = <PageHeading title={at.title}>{at.title}</PageHeading>;
  if (!isAdmin)
    return (
      <div className="page audit-page">
        {title}
        <RoleNotice
          user={user}
          texts={{ needsRole: at.needsRole, loginFirst: at.loginFirst, login: at.login }}
          onLogin={onLogin}
          testId="audit-needs-role"
        />
      </div>
    );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setFilter({ ...draft });
  };
  const field = (key: keyof AuditFilter, label: string, type: 'text' | 'date') => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={draft[key]}
        onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
      />
    </div>
  );

  return (
    <div className="page audit-page">
      {title}
      <p className="lead">{at.intro}</p>
      <form className="audit-filter" onSubmit={submit} aria-label={at.filter}>
        <div className="field">
          <label htmlFor={`${id}-table`}>{at.table}</label>
          <select
            id={`${id}-table`}
            value={draft.table}
            onChange={(e) => setDraft({ ...draft, table: e.target.value })}
          >
            <option value="">{at.allTables}</option>
            {tables.map((t) => (
              <option key={t} value={t}>
                {t}
              </option>
            ))}
          </select>
        </div>
        {field('actor', at.actor, 'text')}
        {field('from', at.from, 'date')}
        {field('to', at.to, 'date')}
        <button type="submit" className="button">
          {at.apply}
        </button>
      </form>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {!entries.length ? (
        <p className="muted" role="status">
          {loading ? at.loading : at.none}
        </p>
      ) : (
        <div className="table-scroll">
          <table className="audit-table" data-testid="audit-table">
            <caption>{at.caption(entries.length)}</caption>
            <thead>
              <tr>
                <th scope="col">{at.columns.at}</th>
                <th scope="col">{at.columns.actor}</th>
                <th scope="col">{at.columns.table}</th>
                <th scope="col">{at.columns.operation}</th>
                <th scope="col">{at.columns.row}</th>
                <th scope="col">{at.columns.change}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id} data-entry={e.id}>
                  <td className="audit-table__at">{when(e.at)}</td>
                  <td>{e.actor ?? <span className="muted">{at.noActor}</span>}</td>
                  <td>{e.table}</td>
                  <td>{at.operations[e.operation]}</td>
                  <td>{e.rowKey ?? (e.rowCount !== null ? at.rows(e.rowCount) : '–')}</td>
                  <td className="audit-table__change">
                    <ul>
                      {changeLines(e).map((line) => (
                        <li key={line}>{line}</li>
                      ))}
                    </ul>
                    {(e.before || e.after) && (
                      <details>
                        <summary>{at.details}</summary>
                        {e.before && (
                          <>
                            <h3>{at.before}</h3>
                            <pre>{JSON.stringify(e.before, null, 2)}</pre>
                          </>
                        )}
                        {e.after && (
                          <>
                            <h3>{at.after}</h3>
                            <pre>{JSON.stringify(e.after, null, 2)}</pre>
                          </>
                        )}
                      </details>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null && (
        <p>
          <button type="button" className="button" disabled={loading} onClick={() => loadMore(next)}>
            {loading ? at.loading : at.more}
          </button>
        </p>
      )}
    </div>
  );
}
