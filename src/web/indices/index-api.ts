/**
 * Typed calls of the composite index API (/api/indices, src/indices). Results are cached per URL
 * (cachedGet) until a definition changes; then `forgetIndexResults` drops them.
 */
import { cachedGet, clearCache, enc, q, request } from '../api.ts';
import type { IndexDefinition, IndexResult, RobustnessResult } from './types.ts';

export const indexApi = {
  list: (signal?: AbortSignal) => request<IndexDefinition[]>('GET', '/api/indices', undefined, signal),
  get: (key: string) => request<IndexDefinition>('GET', `/api/indices/${enc(key)}`),
  create: (definition: IndexDefinition) => request<IndexDefinition>('POST', '/api/indices', definition),
  replace: (key: string, definition: IndexDefinition) =>
    request<IndexDefinition>('PUT', `/api/indices/${enc(key)}`, definition),
  remove: (key: string) => request<undefined>('DELETE', `/api/indices/${enc(key)}`),
  /** Definitions as read from a JSON file (an export); the server takes all or none. */
  importAll: (definitions: unknown) =>
    request<{ imported: number }>('POST', '/api/indices/import', definitions),
  result: (key: string, level: string, date: string) =>
    cachedGet<IndexResult>(`/api/indices/${enc(key)}/result?${q({ level, date })}`),
  robustness: (key: string, level: string, date: string) =>
    cachedGet<RobustnessResult>(`/api/indices/${enc(key)}/robustness?${q({ level, date })}`),
};

/** Address of the JSON export of all definitions (planners; the browser downloads it). */
export const INDICES_EXPORT = '/api/indices/export';

/** After a definition was saved or deleted: cached results may be stale. */
export function forgetIndexResults(): void {
  clearCache();
}
