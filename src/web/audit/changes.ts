/**
 * An audit entry in words: the changed columns with their values before and after, shortened for
 * a table cell (the whole records stay one click away).
 */
import type { AuditEntry } from '../../audit/audit.schema.ts';

const MAX = 60;

/**
 * A value as it reads in a cell: text as it is, everything else as JSON, cut at 60 characters.
 * @example showValue('Familienzentrum') // 'Familienzentrum'
 * @example showValue(null) // '–'
 */
export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '–';
  const s = typeof v === 'string' ? v : JSON.stringify(v);
  return s.length > MAX ? `${s.slice(0, MAX - 1)}…` : s;
}

/**
 * The changes of an update as `column: before → after`, of an insertion or deletion as the record's
 * name (or title, or key) where it has one.
 * @example changeLines({ operation: 'UPDATE', before: { name: 'A' }, after: { name: 'B' }, changed: ['name'] } as AuditEntry)
 *   // ['name: A → B']
 */
export function changeLines(e: Pick<AuditEntry, 'operation' | 'before' | 'after' | 'changed'>): string[] {
  if (e.operation === 'UPDATE')
    return e.changed.map((c) => `${c}: ${showValue(e.before?.[c])} → ${showValue(e.after?.[c])}`);
  const row = e.after ?? e.before ?? {};
  const label = row.name ?? row.title ?? row.username ?? row.key;
  return label === undefined ? [] : [showValue(label)];
}
