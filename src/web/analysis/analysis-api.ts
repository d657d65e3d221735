/** Typed calls of the analysis API (types from the server's zod schemas, type imports only). */
import type { StatTable } from '../../analysis/table.schema.ts';
import type { AreaSummary } from '../../areas/area.schema.ts';
import { cachedGet, enc, q } from '../api.ts';

export type { StatTable };

export interface TableRequest {
  indicators: readonly string[];
  level: string;
  date: string;
  /** Area keys; empty = every area of the level. */
  areas: readonly string[];
}

const tableQuery = (r: TableRequest, format: 'json' | 'csv' | 'xlsx') =>
  q({
    indicators: r.indicators.join(','),
    level: r.level,
    date: r.date,
    ...(r.areas.length ? { areas: r.areas.join(',') } : {}),
    format,
  });

export const analysisApi = {
  /** The statistics table (cached per request: values do not change during a visit). */
  table: (r: TableRequest) => cachedGet<StatTable>(`/api/analysis/table?${tableQuery(r, 'json')}`),
  /** Areas of a level with their names (e.g. the Stadtbezirke for the filter). */
  areas: (level: string) => cachedGet<AreaSummary[]>(`/api/areas?${q({ level })}`),
};

/** Addresses the browser downloads itself. */
export const analysisDownloads = {
  table: (r: TableRequest, format: 'csv' | 'xlsx') => `/api/analysis/table?${tableQuery(r, format)}`,
  sheetPdf: (indicator: string, date?: string) =>
    `/api/analysis/sheet/${enc(indicator)}.pdf${date ? `?${q({ date })}` : ''}`,
};
