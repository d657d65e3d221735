/** One entry point for every output format of a report model. */
import type { ReportModel } from './report-model.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderReportPdf } from './render-pdf.ts';

export const REPORT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_MEDIA_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** The document bytes of `model` in `format`. */
export async function renderReport(model: ReportModel, format: ReportFormat): Promise<Uint8Array> {
  if (format === 'html') return new TextEncoder().encode(renderHtml(model));
  return format === 'pdf' ? renderReportPdf(model) : renderDocx(model);
}
