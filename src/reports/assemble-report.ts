/**
 * One entry point from a template to a report model: area templates go to `assemble-area.ts`,
 * city templates (Sozialbericht, Beschlussvorlage) to `assemble-city.ts`; statement templates are
 * made from a statement (`statements/statement-report.ts`), not from a level and an area. `resolveTemplate` finds
 * the area template a Sozialbericht's appendix names (stored templates; default the built-ins).
 */
import type { User } from '../auth/auth.schema.ts';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { assembleAreaReport } from './assemble-area.ts';
import { assembleCityReport } from './assemble-city.ts';
import type { ReportModel } from './report-model.ts';
import type { ReportTemplate, TemplateResolver } from './report.schema.ts';

export interface AssembleTarget {
  /** Level key; default the finest level. */
  level?: string;
  /** Area key; required for area templates, ignored by city templates. */
  area?: string | null;
  /** Stichtag YYYY-MM-DD; default the Datenstand. */
  date?: string;
}

/**
 * A statement template is made from a stored statement, never from a level and an area: refused
 * before anything is stored or queued.
 * @throws reports.statement_template (400)
 */
export function refuseStatementTemplate(template: ReportTemplate): void {
  if (template.scope === 'measure')
    throw badRequest(
      'reports.measure_template',
      `Die Vorlage „${template.name}“ gilt für eine Maßnahme; sie wird aus der Maßnahme erzeugt ` +
        '(GET /api/measures/{id}/document).',
      { template: template.key },
    );
  if (template.scope === 'statement')
    throw badRequest(
      'reports.statement_template',
      `Die Vorlage „${template.name}“ gilt für eine Stellungnahme zur Bauleitplanung; sie wird aus der ` +
        'Stellungnahme erzeugt (lagebild statement … --out, GET /api/statements/{id}/document).',
      { template: template.key },
    );
}

/**
 * The report model of `template` for `target`, as `user` may see the data (`null` = public:
 * disclosure-protected values only; planners: unprotected values, marked as internal draft).
 * `own` (area templates only): a scoped planner's own areas unprotected, the rest protected — an
 * internal report of their scope (report-scope.ts); city templates ignore it.
 * @throws reports.area_required (400) for an area template without an area,
 *   reports.statement_template (400) for a statement template, plus the errors of
 *   the assemblers (unknown level, area, Stichtag or indicator)
 */
export async function assembleReport(
  db: Db,
  user: User | null,
  template: ReportTemplate,
  target: AssembleTarget,
  options: { resolveTemplate?: TemplateResolver; own?: boolean } = {},
): Promise<ReportModel> {
  refuseStatementTemplate(template);
  if (template.scope === 'area') {
    if (!target.area)
      throw badRequest(
        'reports.area_required',
        `Die Vorlage „${template.name}“ gilt für ein Gebiet; bitte ein Gebiet wählen.`,
        { template: template.key },
      );
    return assembleAreaReport(db, user, template, { ...target, area: target.area }, { own: options.own });
  }
  return assembleCityReport(db, user, template, target, options);
}
