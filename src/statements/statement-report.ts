/**
 * Fills a statement template (scope `statement`) into a report model: the computed statement on a
 * land-use plan (statements/statement.compute.ts) as text with placeholders, tables, the map of
 * the plan area and the assumptions with their sources. Statements compute with unprotected
 * values for planners, so the model is an internal draft.
 */
import { areaGeometries, getTerritory } from '../areas/area.repository.ts';
import { formatDate, formatNumber } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { dataVersion } from '../db/data-version.ts';
import type { StatementResult } from './statement.schema.ts';
import type { ReportBlock, ReportModel, ReportSection } from '../reports/report-model.ts';
import type { Block, ReportTemplate } from '../reports/report.schema.ts';
import {
  areasPhrase,
  assessment,
  assumptions,
  coverageBlocks,
  needBlocks,
  planLabel,
  planMap,
  planTable,
  residentsTable,
  totalDwellings,
} from './statement-blocks.ts';

interface StatementCtx {
  db: Db;
  result: StatementResult;
  cityName: string;
}

/** The placeholders of the statement scope (report.schema.ts), resolved; unknown ones stay. */
export function resolveStatementText(text: string, r: StatementResult, cityName: string): string {
  const firstYear = Math.min(...r.statement.dwellings.map((d) => d.year));
  const residents = Math.max(...r.residents.map((y) => y.groups.ew ?? 0));
  const values: Record<string, string> = {
    'statement.name': r.statement.name,
    'statement.number': r.statement.planNumber,
    'statement.plan': planLabel(r),
    'statement.dwellings': formatNumber(totalDwellings(r), 0),
    'statement.residents': formatNumber(Math.round(residents), 0),
    'statement.firstYear': String(firstYear),
    'statement.areas': areasPhrase(r),
    'statement.level': r.levelName,
    'city.name': cityName,
    date: formatDate(r.populationDate ?? r.computedOn),
    today: formatDate(r.computedOn),
  };
  return text.replace(/\{([a-zA-Z.]+)\}/g, (all, key: string) => values[key] ?? all);
}

async function statementPart(
  part: Extract<Block, { type: 'statement' }>['part'],
  ctx: StatementCtx,
): Promise<ReportBlock[]> {
  const r = ctx.result;
  switch (part) {
    case 'plan':
      return planTable(r);
    case 'map':
      return [planMap(r, await areaGeometries(ctx.db, r.level, 'display'))];
    case 'residents':
      return [residentsTable(r)];
    case 'need':
      return needBlocks(r);
    case 'coverage':
      return coverageBlocks(r);
    case 'assessment':
      return assessment(r);
    case 'assumptions':
      return assumptions(r);
  }
}

async function block(b: Block, ctx: StatementCtx): Promise<ReportBlock[]> {
  const text = (t: string) => resolveStatementText(t, ctx.result, ctx.cityName);
  switch (b.type) {
    case 'heading':
      return [{ kind: 'heading', text: text(b.text) }];
    case 'text':
      return [{ kind: 'paragraph', text: text(b.text) }];
    case 'list':
      return [{ kind: 'list', items: b.items.map(text) }];
    case 'pagebreak':
      return [{ kind: 'pagebreak' }];
    case 'statement':
      return statementPart(b.part, ctx);
    case 'source':
      return [
        {
          kind: 'note',
          text: b.text
            ? text(b.text)
            : `Stand der Berechnung: ${formatDate(ctx.result.computedOn)}; Bestand zum Datenstand ` +
              `${formatDate(ctx.result.populationDate ?? ctx.result.computedOn)}. Interner Entwurf mit ` +
              'ungeschützten Werten – vor einer Veröffentlichung prüfen.',
        },
      ];
    default:
      // blocks of area and city reports need an area or a level, which a statement has not
      return [{ kind: 'note', text: `Der Baustein „${b.type}“ gilt nicht für Stellungnahmen.` }];
  }
}

/**
 * The report model of a statement template for a computed statement.
 * @example await assembleStatementReport(db, STELLUNGNAHME, await statementResult(db, planner, 1))
 */
export async function assembleStatementReport(
  db: Db,
  template: ReportTemplate,
  result: StatementResult,
): Promise<ReportModel> {
  const cityName = (await getTerritory(db))?.name ?? 'Stadt';
  const ctx: StatementCtx = { db, result, cityName };
  const sections: ReportSection[] = [];
  for (const [k, chapter] of template.chapters.entries()) {
    const blocks: ReportBlock[] = [];
    for (const b of chapter.blocks) blocks.push(...(await block(b, ctx)));
    sections.push({
      id: `kapitel-${k + 1}`,
      title: resolveStatementText(chapter.title, result, cityName),
      level: 1,
      pageBreak: template.chapterBreaks && k > 0,
      blocks,
    });
  }
  const date = result.populationDate ?? result.computedOn;
  return {
    title: resolveStatementText(template.title, result, cityName),
    subtitle: `${cityName} · Sozialplanung · Stand ${formatDate(result.computedOn)}`,
    date,
    internal: true,
    dataVersion: await dataVersion(db),
    toc: template.toc,
    target: { template: template.key, level: result.level, area: null, date },
    sections,
  };
}
