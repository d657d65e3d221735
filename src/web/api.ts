/**
 * Typed fetch wrapper for the Lagebild API. Response types come from the server's zod schemas
 * (type imports only, so zod itself stays out of the browser bundle).
 */
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AppConfig } from '../server/config.schema.ts';
import type { Indicator, IndicatorEntry, IndicatorValues, Series } from '../indicators/indicator.schema.ts';
import type { AreaProfile } from '../profile/profile.schema.ts';
import type { User } from '../auth/auth.schema.ts';
import type { AreaFeatureProperties } from '../areas/area.schema.ts';
import type { ImportProfile, TableReadResult } from '../imports/table/types.ts';
import type { SumBody, Variable, VariableInfo } from '../observations/variable.routes.ts';

export type { AppConfig, AreaProfile, Indicator, IndicatorEntry, IndicatorValues, Series, User };

export type { AreaFeatureProperties, ImportProfile, TableReadResult, Variable, VariableInfo };

/** A variable defined as a sum, as the server stored it. */
export interface SumResult {
  key: string;
  name: string;
  sum: string[];
  definition: string;
  values: number;
}
export type AreaCollection = FeatureCollection<Polygon | MultiPolygon, AreaFeatureProperties>;

/** An error answer of the API (`{ code, message, details }`, message in German). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** e.g. `issues` of a 400 or `variables` of indicators.unknown_variable */
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const fallbackMessage = (status: number) =>
  status === 429
    ? 'Zu viele Versuche. Bitte warten Sie einen Moment.'
    : status >= 500
      ? 'Der Server hat einen Fehler gemeldet. Bitte später erneut versuchen.'
      : `Anfrage fehlgeschlagen (HTTP ${status}).`;

export async function request<T>(
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  signal?: AbortSignal,
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      // FormData sets its own multipart content type (with the boundary)
      headers:
        body === undefined || body instanceof FormData
          ? { accept: 'application/json' }
          : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : body instanceof FormData ? body : JSON.stringify(body),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new ApiError(0, 'network', 'Der Server ist nicht erreichbar.');
  }
  if (!response.ok) {
    let code = `http.${response.status}`;
    let message = fallbackMessage(response.status);
    let details: Record<string, unknown> = {};
    try {
      const payload = (await response.json()) as { code?: unknown; message?: unknown; details?: unknown };
      if (typeof payload.code === 'string') code = payload.code;
      if (typeof payload.message === 'string' && payload.message) message = payload.message;
      if (payload.details && typeof payload.details === 'object')
        details = payload.details as Record<string, unknown>;
    } catch {
      // not JSON: keep the generic German message
    }
    throw new ApiError(response.status, code, message, details);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

/**
 * GETs of data that do not change during a visit (geometry, values) are cached per URL so that
 * switching back to an indicator or year is instant. Failed requests are not cached.
 */
const cache = new Map<string, Promise<unknown>>();
export function cachedGet<T>(path: string): Promise<T> {
  let hit = cache.get(path) as Promise<T> | undefined;
  if (!hit) {
    hit = request<T>('GET', path);
    cache.set(path, hit);
    hit.catch(() => cache.delete(path));
  }
  return hit;
}

/**
 * Forget cached data, e.g. after login or logout (other indicators may be visible) or after an
 * indicator definition changed (its values are computed anew).
 */
export function clearCache(): void {
  cache.clear();
}

/** A statistics table to check (`dryRun`) or import; see POST /api/imports/table. */
export interface TableImportRequest {
  file: File;
  level: string;
  /** Stichtag for tables without a date column (YYYY-MM-DD). */
  date?: string;
  /** Name of a saved import profile. */
  profile?: string;
  /** Explicit column mapping; overrides detection and profile. */
  mapping?: ImportProfile;
  dryRun: boolean;
  /** Save `mapping` as a profile under this name. */
  saveProfile?: string;
}

export interface TableImportResult {
  committed: boolean;
  sourceId: number | null;
  stored: number;
  replaced: number;
  report: TableReadResult;
}

export interface SavedImportProfile {
  name: string;
  level: string | null;
  mapping: ImportProfile;
}

function importForm(req: TableImportRequest): FormData {
  const form = new FormData();
  form.set('level', req.level);
  if (req.date) form.set('date', req.date);
  if (req.profile) form.set('profile', req.profile);
  if (req.mapping) form.set('mapping', JSON.stringify(req.mapping));
  form.set('dryRun', req.dryRun ? '1' : '0');
  if (req.saveProfile) form.set('saveProfile', req.saveProfile);
  form.set('file', req.file, req.file.name);
  return form;
}

export const q = (params: Record<string, string>) => new URLSearchParams(params).toString();
export const enc = encodeURIComponent;

export const api = {
  config: (signal?: AbortSignal) => request<AppConfig>('GET', '/api/config', undefined, signal),
  /** The catalogue, each entry saying whether its inputs have values (`available`, `missingText`). */
  indicators: (signal?: AbortSignal) =>
    request<IndicatorEntry[]>('GET', '/api/indicators', undefined, signal),
  indicator: (key: string) => request<Indicator>('GET', `/api/indicators/${enc(key)}`),
  createIndicator: (definition: Indicator) => request<Indicator>('POST', '/api/indicators', definition),
  replaceIndicator: (key: string, definition: Indicator) =>
    request<Indicator>('PUT', `/api/indicators/${enc(key)}`, definition),
  deleteIndicator: (key: string) => request<undefined>('DELETE', `/api/indicators/${enc(key)}`),
  setPublished: (key: string, published: boolean) =>
    request<{ key: string; published: boolean }>('PATCH', `/api/indicators/${enc(key)}`, { published }),
  /** Definitions as read from a JSON file; the server checks them (all or nothing). */
  importIndicators: (definitions: unknown) =>
    request<{ imported: number }>('POST', '/api/indicators/import', definitions),
  areas: (level: string) => cachedGet<AreaCollection>(`/api/areas/geojson?${q({ level })}`),
  values: (indicator: string, level: string, date: string) =>
    cachedGet<IndicatorValues>(`/api/indicators/${enc(indicator)}/values?${q({ level, date })}`),
  series: (indicator: string, level: string, id: string) =>
    cachedGet<Series>(`/api/indicators/${enc(indicator)}/series?${q({ level, id })}`),
  profile: (level: string, id: string, date: string) =>
    cachedGet<AreaProfile>(`/api/areas/${enc(level)}/${enc(id)}/profile?${q({ date })}`),
  variables: () => request<Variable[]>('GET', '/api/variables'),
  /** Variables with definition, number of values and the indicators needing them (planners). */
  variablesOverview: () => request<VariableInfo[]>('GET', '/api/variables/overview'),
  defineSum: (key: string, body: SumBody) =>
    request<SumResult>('PUT', `/api/variables/${enc(key)}/sum`, body),
  removeSum: (key: string) => request<undefined>('DELETE', `/api/variables/${enc(key)}/sum`),
  importProfiles: () => request<SavedImportProfile[]>('GET', '/api/imports/profiles'),
  /** Checks (dryRun) or imports a statistics table (multipart upload). */
  importTable: (req: TableImportRequest) =>
    request<TableImportResult>('POST', '/api/imports/table', importForm(req)),
  login: (username: string, password: string) =>
    request<{ user: User }>('POST', '/api/auth/login', { username, password }),
  logout: () => request<unknown>('POST', '/api/auth/logout'),
};

/** Addresses of files the browser downloads itself (links with `download`). */
export const downloads = {
  indicatorsJson: '/api/indicators/export',
  values: (indicator: string, level: string, date: string, format: 'csv' | 'xlsx' | 'json') =>
    `/api/exports/values?${q({ indicator, level, date, format })}`,
};

/** The German message of a failed request (or any other error). */
export const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));
