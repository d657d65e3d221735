/**
 * Typed calls of the reports API (/api/reports, src/reports/report.routes.ts). The types come from
 * the server's zod schemas (type imports only, so zod stays out of the browser bundle).
 */
import type { Block, BlockType, Chapter, ReportTemplate } from '../../reports/report.schema.ts';
import { cachedGet, enc, q, request } from '../api.ts';
import type { AreaSummary } from '../../areas/area.schema.ts';
import type { ReportMeta, TemplateSummary, VerifyResult } from '../../reports/report-store.schema.ts';

export type { AreaSummary, Block, BlockType, Chapter, ReportTemplate };

export type { ReportMeta, TemplateSummary, VerifyResult };
export type TemplateScope = ReportTemplate['scope'];
export type ReportFormat = ReportMeta['format'];
export const REPORT_FORMATS: readonly ReportFormat[] = ['pdf', 'docx', 'html'];

/** What a report is made of: template, target and audience. */
export interface ReportRequest {
  template: string;
  level?: string;
  area?: string;
  date?: string;
  format: ReportFormat;
  /** Only disclosure-protected values (for publication). */
  public?: boolean;
}

const TEMPLATES = '/api/reports/templates';

/**
 * The address of a document rendered on the fly (preview iframe, downloads, profile links).
 * @example renderHref({ template: 'steckbrief', level: 'sozialraum', area: '101', format: 'pdf', public: true })
 * // '/api/reports/render?template=steckbrief&level=sozialraum&area=101&format=pdf&public=1'
 */
export function renderHref(req: ReportRequest): string {
  const params: Record<string, string> = { template: req.template };
  if (req.level) params.level = req.level;
  if (req.area) params.area = req.area;
  if (req.date) params.date = req.date;
  params.format = req.format;
  if (req.public) params.public = '1';
  return `/api/reports/render?${q(params)}`;
}

/** Address of the file of a stored report. */
export const fileHref = (id: number) => `/api/reports/${id}/file`;
/** Address of a template as a JSON file (attachment). */
export const templateDownloadHref = (key: string) => `${TEMPLATES}/${enc(key)}?download=1`;

export const reportsApi = {
  templates: () => request<{ templates: TemplateSummary[] }>('GET', TEMPLATES),
  template: (key: string) => request<ReportTemplate>('GET', `${TEMPLATES}/${enc(key)}`),
  saveTemplate: (template: ReportTemplate) =>
    request<ReportTemplate>('PUT', `${TEMPLATES}/${enc(template.key)}`, template),
  /** One template or an array as read from a JSON file; the server takes all or none. */
  importTemplates: (json: unknown) => request<{ imported: string[] }>('POST', `${TEMPLATES}/import`, json),
  removeTemplate: (key: string) => request<undefined>('DELETE', `${TEMPLATES}/${enc(key)}`),
  resetTemplate: (key: string) => request<ReportTemplate>('POST', `${TEMPLATES}/${enc(key)}/reset`),
  /** Areas of a level for the area picker (cached: geometry and names do not change during a visit). */
  areas: (level: string) => cachedGet<AreaSummary[]>(`/api/areas?${q({ level })}`),
  reports: () => request<{ reports: ReportMeta[] }>('GET', '/api/reports'),
  report: (id: number) => request<ReportMeta>('GET', `/api/reports/${id}`),
  create: (req: ReportRequest) => request<ReportMeta>('POST', '/api/reports', req),
  remove: (id: number) => request<undefined>('DELETE', `/api/reports/${id}`),
  regenerate: (id: number, format?: ReportFormat) =>
    request<ReportMeta>('POST', `/api/reports/${id}/regenerate`, format ? { format } : {}),
  /** Compares the stored report with one made from today's data (the same template and target). */
  verify: (id: number) => request<VerifyResult>('POST', `/api/reports/${id}/verify`),
};
