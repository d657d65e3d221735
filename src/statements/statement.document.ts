/**
 * A statement as a document (PDF, Word, HTML) through the report machinery: a template of scope
 * `statement` (the built-in „Stellungnahme zur Bauleitplanung“ or the city's edited version),
 * filled by statement-report.ts and rendered as every report is.
 */
import type { User } from '../auth/auth.schema.ts';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { assembleStatementReport } from './statement-report.ts';
import { contentDisposition, reportFileName } from '../reports/file-name.ts';
import { REPORT_MEDIA_TYPES, renderReport, type ReportFormat } from '../reports/render.ts';
import { requireTemplate } from '../reports/template.service.ts';
import { statementResult } from './statement.service.ts';

/** The built-in template of statements. */
export const STATEMENT_TEMPLATE = 'stellungnahme';

/**
 * The statement as a document (PDF, Word, HTML) from a template of scope `statement`.
 * @throws reports.unknown_template (404), reports.invalid_template (400) for another scope
 */
export async function statementDocument(
  db: Db,
  user: User,
  id: number,
  format: ReportFormat,
  templateKey = STATEMENT_TEMPLATE,
) {
  const { template } = await requireTemplate(db, templateKey);
  if (template.scope !== 'statement')
    throw badRequest(
      'reports.invalid_template',
      `Die Vorlage „${template.name}“ gilt nicht für eine Stellungnahme.`,
      { template: templateKey },
    );
  const result = await statementResult(db, user, id);
  const model = await assembleStatementReport(db, template, result);
  const bytes = await renderReport(model, format);
  return {
    bytes,
    mediaType: REPORT_MEDIA_TYPES[format],
    disposition: contentDisposition(
      format === 'docx' ? 'attachment' : 'inline',
      reportFileName(
        [template.name, result.statement.planNumber || result.statement.name],
        result.computedOn,
        format,
      ),
    ),
  };
}
