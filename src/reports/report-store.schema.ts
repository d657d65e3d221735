/**
 * API schemas of `/api/reports`: stored templates, generated reports (meta data, regeneration,
 * verification) and the direct rendering for previews and public downloads. One schema each gives
 * validation, the TypeScript type and the OpenAPI entry; the web app imports the types from here.
 */
import { z } from 'zod';
import { Scope } from '../auth/auth.schema.ts';
import type { ReportFormat as RendererFormat } from './render.ts';
import { ReportTemplate, TEMPLATE_SCOPES } from './report.schema.ts';

// Listed here rather than imported from render.ts, so that the web app can use these schemas
// without pulling the renderers into its bundle; the check below keeps both lists equal.
const FORMATS = ['pdf', 'docx', 'html'] as const;
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const formatsMatch: Same<(typeof FORMATS)[number], RendererFormat> = true;
void formatsMatch;

export const ReportFormat = z.enum(FORMATS).describe('pdf, docx (Word) or html');
export type ReportFormat = z.infer<typeof ReportFormat>;
export const REPORT_STATUSES = ['running', 'done', 'failed'] as const;
export const ReportStatus = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatus>;

const Stichtag = z
  .string()
  .regex(/^\d{4}(-\d{2}-\d{2})?$/, 'Stichtag als JJJJ-MM-TT oder Jahr JJJJ')
  .describe('Stichtag YYYY-MM-DD or a year (its last Stichtag); default the Datenstand');

/** `1`/`true` in a query string. */
const QueryFlag = z
  .enum(['0', '1', 'true', 'false'])
  .optional()
  .transform((v) => v === '1' || v === 'true');

export const TemplateSummary = z.object({
  key: z.string(),
  name: z.string(),
  description: z.string(),
  scope: z.enum(TEMPLATE_SCOPES),
  builtin: z.boolean().describe('Shipped with Lagebild: can be changed and reset, not deleted'),
  updatedAt: z.string().describe('ISO time of the last change'),
});
export type TemplateSummary = z.infer<typeof TemplateSummary>;

export const TemplateList = z.object({ templates: z.array(TemplateSummary) });
export type TemplateList = z.infer<typeof TemplateList>;

export const TemplateKeyParams = z.object({ key: z.string().min(1).max(63) });
export const DownloadQuery = z.object({
  download: QueryFlag.describe('1: as attachment (a file to save) rather than inline'),
});

export const TemplateImport = z
  .union([ReportTemplate, z.array(ReportTemplate).min(1).max(100)])
  .describe('One template or an array of templates (the JSON export); all or nothing');
export const ImportResult = z.object({ imported: z.array(z.string()) });
export type ImportResult = z.infer<typeof ImportResult>;

/** What a report is made for; the same fields in the render query and the POST body. */
const targetFields = {
  template: z.string().min(1).max(63).describe('Template key, e.g. `steckbrief`'),
  level: z.string().min(1).optional().describe('Level key; default the finest level'),
  area: z.string().min(1).optional().describe('Area key; required for area templates'),
  date: Stichtag.optional(),
};

export const RenderQuery = z.object({
  ...targetFields,
  format: ReportFormat.default('html'),
  public: QueryFlag.describe('1: disclosure-protected values only, even for planners'),
});
export type RenderQuery = z.infer<typeof RenderQuery>;

export const CreateReportBody = z.object({
  ...targetFields,
  format: ReportFormat,
  public: z
    .boolean()
    .default(false)
    .describe('true: disclosure-protected values only (for publication), even for planners'),
});
export type CreateReportBody = z.infer<typeof CreateReportBody>;

export const ReportIdParams = z.object({
  id: z.coerce
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
});

/** Optional: a POST without a body (Fastify passes `null`) keeps the original format. */
export const RegenerateBody = z
  .object({ format: ReportFormat.optional().describe('Default: the format of the original') })
  .nullish();

export const ReportScope = Scope.extend({
  name: z.string().nullable().describe('Name of the area, e.g. „Musterhausen“; null when it is gone'),
}).describe(
  'Internal to this scope (Zuständigkeit): a scoped planner’s report of an own area, with its values unprotected and those outside protected',
);
export type ReportScope = z.infer<typeof ReportScope>;

export const ReportMeta = z.object({
  id: z.number().int(),
  title: z.string(),
  template: z.string().describe('Template key'),
  templateName: z.string(),
  level: z.string(),
  area: z.string().nullable().describe('null: the whole city'),
  date: z.string().describe('Stichtag YYYY-MM-DD'),
  format: ReportFormat,
  internal: z.boolean().describe('Unprotected values: internal draft, never for publication'),
  scope: ReportScope.nullable().describe(
    'Set for a report internal to one scope: visible to its planners and the unscoped planners only',
  ),
  status: ReportStatus,
  error: z.string().nullable().describe('German message when failed'),
  dataVersion: z.string().nullable().describe('Datenstand the report was made from (when done)'),
  contentHash: z.string().nullable().describe('sha256 of the report model (when done)'),
  size: z.number().int().nullable().describe('Bytes of the document (when done)'),
  createdBy: z.string().nullable().describe('Display name; null when the user was deleted'),
  createdAt: z.string(),
  finishedAt: z.string().nullable(),
});
export type ReportMeta = z.infer<typeof ReportMeta>;

export const ReportList = z.object({ reports: z.array(ReportMeta) });
export type ReportList = z.infer<typeof ReportList>;

export const VerifyResult = z.object({
  dataVersion: z.string().describe('Datenstand the stored report was made from'),
  currentDataVersion: z.string(),
  sameDataVersion: z.boolean(),
  sameContent: z.boolean().describe('The report made now from the current data has the stored hash'),
});
export type VerifyResult = z.infer<typeof VerifyResult>;
