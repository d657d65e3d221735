/**
 * The audit log for administrators: who changed which record when, with the record before and
 * after and the columns that differ. Entries are written by database triggers (migration 021),
 * never by this module.
 */
import type { Db } from '../db/db.ts';
import * as repo from './audit.repository.ts';
import type { AuditEntry, AuditPage, AuditQuery } from './audit.schema.ts';

/**
 * The columns whose values differ between two versions of a record (all of one side's columns for
 * an insertion or a deletion), in the record's column order.
 * @example changedColumns({ a: 1, b: 2 }, { a: 1, b: 3 }) // ['b']
 */
export function changedColumns(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): string[] {
  if (before === null || after === null) return Object.keys(after ?? before ?? {});
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
}

const present = (r: repo.AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  table: r.table_name,
  operation: r.operation,
  rowKey: r.row_key,
  before: r.before,
  after: r.after,
  changed: r.row_count === null ? changedColumns(r.before, r.after) : [],
  rowCount: r.row_count,
});

/** One page of entries, newest first. */
export async function auditPage(db: Db, q: AuditQuery): Promise<AuditPage> {
  const [rows, tables] = await Promise.all([repo.listEntries(db, q), repo.loggedTables(db)]);
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map(present),
    next: rows.length > q.limit ? (page.at(-1)?.id ?? null) : null,
    tables,
  };
}
