/** How stored reports are shown in the table: hash, times and the answer of „Prüfen“. */
import { formatDataVersion } from '../../core/format.ts';
import type { ReportMeta, VerifyResult } from './api.ts';
import { rt } from './texts.ts';

/** Hex digits of the content hash shown in the table (the whole hash is in the title attribute). */
export const HASH_SHOWN = 12;

/**
 * The start of a content hash.
 * @example shortHash('3f2a9c01b4d5e6f708192a3b4c5d6e7f') // '3f2a9c01b4d5'
 */
export const shortHash = (hash: string | null): string => (hash ? hash.slice(0, HASH_SHOWN) : '–');

/**
 * A time stamp as German date and time (local time of the browser).
 * @example formatDateTime('2025-03-04T13:05:00Z') // '04.03.2025, 14:05' (in Berlin)
 */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString('de-DE', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/**
 * Who a stored report is for, as the table's badge says it: published, internal, or internal to
 * one municipality (its name, else its key).
 * @example audienceLabel({ internal: true, scope: { level: 'gemeinde', key: '1', name: 'Musterhausen' } })
 *   // 'intern – nur Musterhausen'
 */
export function audienceLabel(r: Pick<ReportMeta, 'internal' | 'scope'>): string {
  if (!r.internal) return rt.stored.public;
  return r.scope ? rt.stored.internalScope(r.scope.name ?? r.scope.key) : rt.stored.internal;
}

/** Reports still being generated: the page asks for their state every second. */
export const runningIds = (reports: readonly ReportMeta[]): number[] =>
  reports.filter((r) => r.status === 'running').map((r) => r.id);

/**
 * The list with polled entries put in place of the older ones (same id); new ones first.
 * @example mergeReports([{ id: 1, status: 'running' }], [{ id: 1, status: 'done' }])[0].status // 'done'
 */
export function mergeReports(list: readonly ReportMeta[], updates: readonly ReportMeta[]): ReportMeta[] {
  const byId = new Map(updates.map((u) => [u.id, u]));
  const known = new Set(list.map((r) => r.id));
  const added = updates.filter((u) => !known.has(u.id));
  return [...added, ...list.map((r) => byId.get(r.id) ?? r)];
}

/**
 * What „Prüfen“ found, in words: the same numbers as at generation, or that the data changed.
 * @returns the sentence and whether the report still shows the current numbers
 */
export function verifyMessage(result: VerifyResult): { ok: boolean; text: string } {
  if (result.sameDataVersion && result.sameContent) return { ok: true, text: rt.stored.same };
  if (result.sameDataVersion) return { ok: false, text: rt.stored.sameVersionOtherContent };
  return {
    ok: false,
    text: rt.stored.changed(
      formatDataVersion(result.dataVersion),
      formatDataVersion(result.currentDataVersion),
      result.sameContent,
    ),
  };
}
