/**
 * `lagebild statement <plan file>`: a statement on a land-use plan computed without storing it —
 * expected residents by age per year and the additional need per norm (CSV or JSON on stdout),
 * the affected areas and their coverage in the JSON; `--out` writes the Stellungnahme as PDF, Word
 * or HTML. Beside a running server the computation goes through its API (forward.ts); a document
 * needs the database itself, as `lagebild report` does.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { Command } from 'commander';
import { LOCAL_CLI_USER } from '../auth/local-cli-user.ts';
import { LagebildError } from '../core/errors.ts';
import type { NamedFile } from '../areas/readers/area-file.ts';
import type { CreateStatementBody, StatementResult } from '../statements/statement.schema.ts';
import { withDb, type GlobalOptions } from './context.ts';
import { sendJson, throughServerOrDb } from './forward.ts';
import { choice, csvNumber } from './options.ts';

const FORMATS = ['csv', 'json'] as const;

interface StatementOptions {
  dwellings: string;
  from?: string;
  level?: string;
  profile?: string;
  name?: string;
  plan?: string;
  crs?: string;
  format: string;
  out?: string;
}

const invalid = (message: string) => new LagebildError('cli.invalid_option', message, 400);

/**
 * `efh=40,mfh=120@2029` → dwellings by type, each in `year` unless it names its own.
 * @example dwellingList('efh=40,mfh=120@2029', 2028) // [{ type: 'efh', count: 40, year: 2028 }, { type: 'mfh', count: 120, year: 2029 }]
 */
export function dwellingList(text: string, year: number): CreateStatementBody['dwellings'] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const m = /^([a-z][a-z0-9_]*)=(\d+)(?:@(\d{4}))?$/.exec(part);
      if (!m)
        throw invalid(
          `--dwellings: „${part}“ ist keine Angabe der Form Wohnform=Anzahl[@Jahr], z. B. efh=40 oder mfh=120@2029.`,
        );
      return { type: m[1]!, count: Number(m[2]), year: m[3] ? Number(m[3]) : year };
    });
}

/** The plan file and, for a .shp, its siblings of the same base name (.dbf, .prj, .cpg, .shx). */
async function planFiles(path: string): Promise<NamedFile[]> {
  const load = async (p: string) => {
    try {
      return { name: basename(p), data: new Uint8Array(await readFile(p)) };
    } catch {
      throw new LagebildError('import.file_not_found', `Die Datei „${p}“ wurde nicht gefunden.`, 404, {
        file: p,
      });
    }
  };
  const main = await load(path);
  if (extname(path).toLowerCase() !== '.shp') return [main];
  const stem = basename(path, extname(path));
  const siblings = (await readdir(dirname(path))).filter(
    (n) =>
      n !== main.name &&
      ['.dbf', '.prj', '.cpg', '.shx'].includes(extname(n).toLowerCase()) &&
      basename(n, extname(n)) === stem,
  );
  return [main, ...(await Promise.all(siblings.map((n) => load(join(dirname(path), n)))))];
}

/** One row per year: the residents' age groups and the additional need per norm. */
export function statementCsv(r: StatementResult): string {
  const head = ['year', ...r.groups.map((g) => g.key), ...r.needs.map((n) => `need_${n.key}`)];
  const lines = [head.join(',')];
  r.residents.forEach((y, i) =>
    lines.push(
      [
        String(y.year),
        ...r.groups.map((g) => csvNumber(y.groups[g.key] ?? null)),
        ...r.needs.map((n) => csvNumber(n.perYear[i]?.need ?? null)),
      ].join(','),
    ),
  );
  return lines.join('\n') + '\n';
}

export function statementCommand() {
  return new Command('statement')
    .description(
      'Stellungnahme zur Bauleitplanung: erwartete Einwohner nach Alter und zusätzlicher Bedarf je Jahr (CSV/JSON), als Dokument mit --out',
    )
    .argument(
      '<plangebiet>',
      'Geltungsbereich als GeoJSON, Shapefile (.shp) oder .zip, beliebiges Koordinatensystem',
    )
    .requiredOption(
      '--dwellings <liste>',
      'Wohneinheiten je Wohnform, z. B. efh=40,mfh=120,gefoerdert=60; mit @Jahr je Bauabschnitt (mfh=60@2030)',
    )
    .option('--from <jahr>', 'Jahr des Erstbezugs (Standard: nächstes Jahr)')
    .option('--level <key>', 'Ebene der betroffenen Gebiete (Standard: die feinste)')
    .option('--profile <key>', 'Belegungsprofil (Standard: neubau_standard)')
    .option('--name <text>', 'Name des Plans (Standard: der Dateiname)')
    .option('--plan <nummer>', 'Nummer des Bebauungsplans, z. B. "Nr. 123"')
    .option('--crs <EPSG:N>', 'Koordinatensystem der Datei, wenn sie es nicht nennt')
    .option('--format <format>', 'csv oder json', 'csv')
    .option('--out <datei>', 'Stellungnahme als Dokument schreiben (.pdf, .docx oder .html)')
    .action(async (file: string, opts: StatementOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const format = choice(opts.format, FORMATS, '--format');
      const from = opts.from === undefined ? new Date().getUTCFullYear() + 1 : Number(opts.from);
      if (!Number.isInteger(from) || from < 1900 || from > 2200)
        throw invalid(`--from: „${opts.from}“ ist kein Jahr (z. B. 2028).`);
      const docFormat = opts.out ? /\.(pdf|docx|html)$/i.exec(opts.out)?.[1]?.toLowerCase() : undefined;
      if (opts.out && !docFormat)
        throw invalid(`--out: „${opts.out}“ endet nicht auf .pdf, .docx oder .html.`);
      const dwellings = dwellingList(opts.dwellings, from);
      const { readPlanAreaFiles } = await import('../statements/plan-area.ts');
      const plan = readPlanAreaFiles(await planFiles(file), { crs: opts.crs });
      const body: CreateStatementBody = {
        name: opts.name ?? basename(file, extname(file)),
        planNumber: opts.plan,
        planArea: { type: 'Feature', properties: {}, geometry: plan.geometry },
        dwellings,
        ...(opts.profile && { profile: opts.profile }),
        ...(opts.level && { level: opts.level }),
      };
      const compute = async (db: Parameters<Parameters<typeof withDb>[1]>[0]) =>
        (await import('../statements/statement.service.ts')).computeUnstored(db, LOCAL_CLI_USER, body);
      let result: StatementResult;
      if (opts.out) {
        result = await withDb(g, async (db) => {
          const r = await compute(db);
          const [{ assembleStatementReport }, { storedTemplates }, render] = await Promise.all([
            import('../statements/statement-report.ts'),
            import('../reports/template.service.ts'),
            import('../reports/render.ts'),
          ]);
          const template = (await storedTemplates(db)('stellungnahme'))!;
          const model = await assembleStatementReport(db, template, r);
          try {
            await writeFile(
              opts.out!,
              await render.renderReport(model, docFormat as 'pdf' | 'docx' | 'html'),
            );
          } finally {
            await (await import('../reports/pdf.ts')).closePdfBrowser();
          }
          process.stderr.write(`${model.title} → ${opts.out}\n`);
          return r;
        });
      } else
        result = await throughServerOrDb(
          g,
          (server) => sendJson<StatementResult>(server, 'POST', '/api/statements/compute', body),
          compute,
        );
      // the plan came in the file's CRS; the computation only ever saw lon/lat
      result.statement.crs = plan.crs;
      if (g.json || format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else process.stdout.write(statementCsv(result));
      const areas = result.areas.map((a) => `${a.key} ${a.name} (${(a.share * 100).toFixed(1)} %)`);
      process.stderr.write(`Betroffene Gebiete (${result.levelName}): ${areas.join(', ')}\n`);
      for (const note of [...result.notes, ...result.skipped.map((s) => `${s.name}: ${s.reason}`)])
        process.stderr.write(`Hinweis: ${note}\n`);
    });
}
