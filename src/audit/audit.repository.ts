/** SQL of the audit log (migration 021): newest first, filtered, paged by id. */
import type { Db } from '../db/db.ts';
import type { AuditQuery } from './audit.schema.ts';

export type AuditRow = {
  id: number;
  at: string;
  actor: string | null;
  table_name: string;
  operation: 'INSERT' | 'UPDATE' | 'DELETE' | 'RESTORE';
  row_key: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  row_count: number | null;
};

export async function listEntries(db: Db, q: AuditQuery): Promise<AuditRow[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (q.table !== undefined) add('table_name = ?', q.table);
  if (q.actor !== undefined) add('actor = ?', q.actor);
  if (q.row !== undefined) add('row_key = ?', q.row);
  if (q.from !== undefined) add("at >= (?::date)::timestamp AT TIME ZONE 'UTC'", q.from);
  if (q.to !== undefined) add("at < ((?::date) + 1)::timestamp AT TIME ZONE 'UTC'", q.to);
  if (q.before !== undefined) add('id < ?', q.before);
  params.push(q.limit + 1);
  return db.query<AuditRow>(
    `SELECT id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at, actor, table_name,
            operation, row_key, before, after, row_count
       FROM audit_log ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY id DESC LIMIT $${params.length}`,
    params,
  );
}

export async function loggedTables(db: Db): Promise<string[]> {
  const rows = await db.query<{ table_name: string }>(
    'SELECT DISTINCT table_name FROM audit_log ORDER BY table_name',
  );
  return rows.map((r) => r.table_name);
}
