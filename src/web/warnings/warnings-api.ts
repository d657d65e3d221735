/**
 * Typed calls of the early-warning API (/api/monitoring, src/warnings). Types come from the
 * server's zod schemas (type imports only, so zod stays out of the browser bundle).
 */
import type { AreaSummary } from '../../areas/area.schema.ts';
import type { Changes, WarningList, WarningRule } from '../../warnings/warning.schema.ts';
import { cachedGet, enc, q, request } from '../api.ts';

export type { Changes, WarningEntry, WarningList, WarningRule } from '../../warnings/warning.schema.ts';
export type { AreaSummary };

const RULES = '/api/monitoring/rules';

export const warningsApi = {
  /** Every entry of a level at a Stichtag; filters run in the browser (instant). Not cached: rules change. */
  warnings: (level: string, date: string, signal?: AbortSignal) =>
    request<WarningList>('GET', `/api/monitoring/warnings?${q({ level, date })}`, undefined, signal),
  changes: (level: string, area: string, date: string) =>
    cachedGet<Changes>(`/api/monitoring/changes?${q({ level, area, date })}`),
  /** Areas of a level (names of the parent areas for the filter). */
  areas: (level: string) => cachedGet<AreaSummary[]>(`/api/areas?${q({ level })}`),
  rules: (signal?: AbortSignal) => request<WarningRule[]>('GET', RULES, undefined, signal),
  createRule: (rule: WarningRule) => request<WarningRule>('POST', RULES, rule),
  replaceRule: (rule: WarningRule) => request<WarningRule>('PUT', `${RULES}/${enc(rule.key)}`, rule),
  removeRule: (key: string) => request<undefined>('DELETE', `${RULES}/${enc(key)}`),
  /** Rules as read from a JSON file; the server checks them (all or nothing). */
  importRules: (rules: unknown) => request<{ imported: number }>('POST', `${RULES}/import`, rules),
};

/** The address of the JSON export (the rule list itself). */
export const RULES_EXPORT = RULES;
