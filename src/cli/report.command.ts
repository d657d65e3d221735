/**
 * `lagebild report`: a report from a template as PDF, Word or HTML file. Runs on the
 * database directly with full access (an internal draft, marked as such) unless `--public` asks
 * for the disclosure-protected values the public may see.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { Command } from 'commander';
import type { User } from '../auth/auth.schema.ts';
import { badRequest, LagebildError } from '../core/errors.ts';
import { formatDataVersion } from '../core/format.ts';
import { resolveStichtag } from '../exports/export.service.ts';
import { assembleReport } from '../reports/assemble-report.ts';
import { closePdfBrowser } from '../reports/pdf.ts';
import { REPORT_FORMATS, renderReport, type ReportFormat } from '../reports/render.ts';
import { reportHash } from '../reports/report-model.ts';
import { parseTemplateJson, type ReportTemplate } from '../reports/report.schema.ts';
import { storedTemplates } from '../reports/template.service.ts';
import { BUILTIN_TEMPLATES } from '../reports/templates.ts';
import type { Db } from '../db/db.ts';
import { withDb, type GlobalOptions } from './context.ts';

const OPERATOR: User = { id: 0, username: 'cli', displayName: 'Kommandozeile', role: 'admin' };

interface ReportOptions {
  template: string;
  area?: string;
  level?: string;
  date?: string;
  format?: string;
  out: string;
  public?: boolean;
}

const invalid = (message: string, details?: Record<string, unknown>) =>
  badRequest('reports.invalid_option', message, details);

/**
 * A template file (`*.json`) validated against the schema, or a template by key: the city's stored
 * (possibly edited) version, else the built-in.
 */
async function loadTemplate(db: Db, spec: string): Promise<ReportTemplate> {
  if (/\.json$/i.test(spec)) {
    let text: string;
    try {
      text = await readFile(spec, 'utf8');
    } catch (err) {
      throw new LagebildError(
        'reports.template_unreadable',
        `Die Vorlagendatei „${spec}“ ist nicht lesbar.`,
        404,
        {
          file: spec,
          reason: (err as { code?: string }).code ?? String(err),
        },
      );
    }
    return parseTemplateJson(text, spec);
  }
  const template = await storedTemplates(db)(spec);
  if (!template)
    throw invalid(`Unbekannte Vorlage „${spec}“. Möglich: ${Object.keys(BUILTIN_TEMPLATES).join(', ')}.`, {
      template: spec,
    });
  return template;
}

export function reportCommand() {
  return new Command('report')
    .description('Bericht aus einer Vorlage als PDF, Word (.docx) oder HTML erzeugen')
    .requiredOption(
      '--template <vorlage|datei.json>',
      `Vorlage: ${Object.keys(BUILTIN_TEMPLATES).join(', ')} oder eine Vorlagendatei (JSON)`,
    )
    .option(
      '--area <schlüssel>',
      'Gebiet (Schlüssel), für den Steckbrief; Sozialbericht und Beschlussvorlage gelten für die ganze Stadt',
    )
    .option(
      '--level <ebene>',
      'Gebietsebene des Gebiets bzw. der Karten und Steckbriefe (Standard: die feinste)',
    )
    .option('--date <JJJJ|JJJJ-MM-TT>', 'Stichtag oder Jahr (Standard: der aktuelle Datenstand)')
    .option('--format <pdf|docx|html>', 'Ausgabeformat (Standard: aus der Endung von --out, sonst pdf)')
    .requiredOption('--out <datei>', 'Zieldatei')
    .option(
      '--public',
      'nur geheimhaltungsgeprüfte Werte (zur Veröffentlichung); ohne: interner Entwurf mit Vermerk',
    )
    .action(async (opts: ReportOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const format = (opts.format ??
        /\.(pdf|docx|html)$/i.exec(opts.out)?.[1]?.toLowerCase() ??
        'pdf') as ReportFormat;
      if (!REPORT_FORMATS.includes(format))
        throw invalid(`Unbekanntes Ausgabeformat „${opts.format}“: pdf, docx oder html.`, {
          format: opts.format,
        });
      const model = await withDb(g, async (db) => {
        const template = await loadTemplate(db, opts.template);
        if (template.scope === 'area' && !opts.area)
          throw invalid(`Die Vorlage „${template.name}“ braucht ein Gebiet: --area <schlüssel>.`);
        const date = opts.date ? await resolveStichtag(db, opts.date) : undefined;
        return assembleReport(
          db,
          opts.public ? null : OPERATOR,
          template,
          { level: opts.level, area: opts.area, date },
          { resolveTemplate: storedTemplates(db) },
        );
      });
      try {
        const bytes = await renderReport(model, format);
        await writeFile(opts.out, bytes);
        process.stdout.write(
          `${model.title} (${model.internal ? 'interner Entwurf' : 'öffentlich'}) → ${opts.out}\n` +
            `Datenstand: ${formatDataVersion(model.dataVersion)}; Inhalt sha256:${reportHash(model)}\n`,
        );
      } finally {
        await closePdfBrowser();
      }
    });
}
