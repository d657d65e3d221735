/**
 * Fills a measure template (scope `measure`, the Beschlussvorlage of one measure) into a report
 * model and renders it: text with the measure's placeholders, and the parts of `measures` blocks
 * (measure-blocks.ts). Built for planners from unprotected values: an internal draft.
 */
import { getTerritory } from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { badRequest } from '../core/errors.ts';
import { formatDate } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { dataVersion } from '../db/data-version.ts';
import type { HistoryEntry, Measure } from '../measures/measure.schema.ts';
import { listMeasures, measureHistory, pickMeasure } from '../measures/measure.service.ts';
import { currentDate } from '../observations/observation.repository.ts';
import { contentDisposition, reportFileName } from './file-name.ts';
import { euro, measureParts } from './measure-blocks.ts';
import type { ReportBlock, ReportModel, ReportSection } from './report-model.ts';
import type { Block, ReportTemplate } from './report.schema.ts';
import { REPORT_MEDIA_TYPES, renderReport, type ReportFormat } from './render.ts';
import { requireTemplate } from './template.service.ts';

/** The built-in template of measures. */
export const MEASURE_TEMPLATE = 'massnahme';

/** The placeholders of the measure scope, resolved; unknown ones stay. */
export function resolveMeasureText(text: string, m: Measure, cityName: string, today: string): string {
  const values: Record<string, string> = {
    'measure.title': m.title,
    'measure.organisation': m.organisation || '[…]',
    'measure.funding': m.funding || '[…]',
    'measure.budget': euro(m.budgetPlanned),
    'measure.areas': m.areas.map((a) => a.name).join(', ') || '[…]',
    'city.name': cityName,
    today: formatDate(today),
    date: formatDate(today),
  };
  return text.replace(/\{([a-zA-Z.]+)\}/g, (all, key: string) => values[key] ?? all);
}

interface MeasureCtx {
  db: Db;
  user: User;
  measure: Measure;
  all: Measure[];
  history: HistoryEntry[];
  cityName: string;
  today: string;
}

async function block(b: Block, ctx: MeasureCtx): Promise<ReportBlock[]> {
  const text = (t: string) => resolveMeasureText(t, ctx.measure, ctx.cityName, ctx.today);
  switch (b.type) {
    case 'heading':
      return [{ kind: 'heading', text: text(b.text) }];
    case 'text':
      return [{ kind: 'paragraph', text: text(b.text) }];
    case 'list':
      return [{ kind: 'list', items: b.items.map(text) }];
    case 'pagebreak':
      return [{ kind: 'pagebreak' }];
    case 'measures':
      return measureParts(b.view, ctx.db, ctx.user, ctx.measure, ctx.all, ctx.history);
    case 'source':
      return [
        {
          kind: 'note',
          text: b.text
            ? text(b.text)
            : `Stand ${formatDate(ctx.today)}. Interner Entwurf mit ungeschützten Werten – vor einer Veröffentlichung prüfen.`,
        },
      ];
    default:
      return [{ kind: 'note', text: `Der Baustein „${b.type}“ gilt nicht für die Vorlage einer Maßnahme.` }];
  }
}

/**
 * The report model of a measure template for one measure, as a planner sees it.
 * @throws measures.not_found (404)
 */
export async function assembleMeasureReport(
  db: Db,
  user: User,
  template: ReportTemplate,
  id: number,
): Promise<ReportModel> {
  // the tree once: the measure, its parent for the proposal, and every goal's current value
  const [all, history, territory, date] = await Promise.all([
    listMeasures(db, user),
    measureHistory(db, id),
    getTerritory(db),
    currentDate(db),
  ]);
  const measure = pickMeasure(all, id);
  const cityName = territory?.name ?? 'Stadt';
  const today = new Date().toISOString().slice(0, 10);
  const ctx: MeasureCtx = { db, user, measure, all, history, cityName, today };
  const sections: ReportSection[] = [];
  for (const [k, chapter] of template.chapters.entries()) {
    const blocks: ReportBlock[] = [];
    for (const b of chapter.blocks) blocks.push(...(await block(b, ctx)));
    sections.push({
      id: `kapitel-${k + 1}`,
      title: resolveMeasureText(chapter.title, measure, cityName, today),
      level: 1,
      pageBreak: template.chapterBreaks && k > 0,
      blocks,
    });
  }
  const at = date ?? today;
  return {
    title: resolveMeasureText(template.title, measure, cityName, today),
    subtitle: `${cityName} · Sozialplanung · Stand ${formatDate(today)}`,
    date: at,
    internal: true,
    dataVersion: await dataVersion(db),
    toc: template.toc,
    target: { template: template.key, level: measure.goals[0]?.level ?? '', area: null, date: at },
    sections,
  };
}

/**
 * The Beschlussvorlage of a measure as PDF, Word or HTML from a template of scope `measure`.
 * @throws reports.unknown_template (404), reports.invalid_template (400) for another scope,
 *   measures.not_found (404)
 */
export async function measureDocument(
  db: Db,
  user: User,
  id: number,
  format: ReportFormat,
  templateKey = MEASURE_TEMPLATE,
) {
  const { template } = await requireTemplate(db, templateKey);
  if (template.scope !== 'measure')
    throw badRequest(
      'reports.invalid_template',
      `Die Vorlage „${template.name}“ gilt nicht für eine Maßnahme.`,
      {
        template: templateKey,
      },
    );
  const model = await assembleMeasureReport(db, user, template, id);
  const bytes = await renderReport(model, format);
  return {
    bytes,
    mediaType: REPORT_MEDIA_TYPES[format],
    disposition: contentDisposition(
      format === 'docx' ? 'attachment' : 'inline',
      reportFileName([template.name, model.title.replace(/^Beschlussvorlage: /, '')], model.date, format),
    ),
  };
}
