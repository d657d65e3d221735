/**
 * The report as PDF: the HTML document of `render-html.ts` printed by Chromium (`pdf.ts`) on A4
 * with the title and „Seite n von m“ in every page's footer.
 */
import type { ReportModel } from './report-model.ts';
import { htmlToPdf } from './pdf.ts';
import { INTERNAL_MARK, renderHtml } from './render-html.ts';

/** @throws reports.pdf_unavailable (503) when Chromium cannot be started */
export function renderReportPdf(model: ReportModel): Promise<Uint8Array> {
  return htmlToPdf(renderHtml(model), {
    footer: model.internal ? `${model.title} · ${INTERNAL_MARK}` : model.title,
  });
}
