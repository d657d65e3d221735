/** The audit log's route (`GET /api/audit`, administrators). */
import type { AuditEntry, AuditPage } from '../../audit/audit.schema.ts';
import { request } from '../api.ts';

export type { AuditEntry, AuditPage };

export interface AuditFilter {
  table: string;
  actor: string;
  from: string;
  to: string;
}

/**
 * The query of one page: the filled-in filters and the cursor.
 * @example auditQuery({ table: 'measure', actor: '', from: '', to: '' }, 120) // 'table=measure&before=120&limit=50'
 */
export function auditQuery(filter: AuditFilter, before: number | null, limit = 50): string {
  const params = new URLSearchParams();
  for (const k of ['table', 'actor', 'from', 'to'] as const) {
    const v = filter[k].trim();
    if (v) params.set(k, v);
  }
  if (before !== null) params.set('before', String(before));
  params.set('limit', String(limit));
  return params.toString();
}

export const auditApi = {
  page: (filter: AuditFilter, before: number | null) =>
    request<AuditPage>('GET', `/api/audit?${auditQuery(filter, before)}`),
};
