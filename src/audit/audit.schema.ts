/** The audit log's entries and the filters of `GET /api/audit`. */
import { z } from 'zod';

export const AuditEntry = z.object({
  id: z.number().int(),
  at: z.string().describe('When (ISO 8601, UTC)'),
  actor: z.string().nullable().describe('Username or `cli:<os user>`; null: changed past the app'),
  table: z.string().describe('Table of the record (e.g. measure, indicator, app_user)'),
  operation: z
    .enum(['INSERT', 'UPDATE', 'DELETE', 'RESTORE'])
    .describe('RESTORE: the database was restored from a backup (`after` names it)'),
  rowKey: z.string().nullable().describe('The record’s id, where it has one'),
  before: z.record(z.string(), z.unknown()).nullable().describe('The record before (not for inserts)'),
  after: z.record(z.string(), z.unknown()).nullable().describe('The record after (not for deletions)'),
  changed: z.array(z.string()).describe('Columns whose values differ between before and after'),
  rowCount: z
    .number()
    .int()
    .nullable()
    .describe('Counts tables (observations …): rows one statement changed; else null'),
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const AuditQuery = z.object({
  table: z.string().max(63).optional().describe('Only this table'),
  actor: z.string().max(200).optional().describe('Only this actor'),
  row: z.string().max(100).optional().describe('Only this record (with `table`)'),
  from: z.iso.date().optional().describe('From this day (UTC)'),
  to: z.iso.date().optional().describe('Up to and including this day (UTC)'),
  before: z.coerce.number().int().min(1).optional().describe('Entries older than this id (next page)'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditPage = z.object({
  entries: z.array(AuditEntry),
  next: z.number().int().nullable().describe('`before` for the next page; null: no older entries'),
  tables: z.array(z.string()).describe('Tables with entries (for a filter)'),
});
export type AuditPage = z.infer<typeof AuditPage>;
