import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { LagebildError } from '../core/errors.ts';
import { output, withDb, type GlobalOptions } from './context.ts';

interface ConvertOptions {
  level: string;
  from: string;
  to: string;
  method: string;
  tolerance?: string;
}

const methodOf = (text: string): 'area' | 'population' => {
  if (text !== 'area' && text !== 'population')
    throw new LagebildError(
      'areas.convert_unknown_method',
      `Unbekanntes Verfahren „${text}“ (möglich: area, population).`,
    );
  return text;
};

function request(opts: ConvertOptions) {
  const tolerance = opts.tolerance === undefined ? undefined : Number(opts.tolerance.replace(',', '.'));
  if (tolerance !== undefined && !(tolerance >= 0 && tolerance < 1))
    throw new LagebildError(
      'areas.convert_bad_tolerance',
      `--tolerance erwartet einen Anteil von 0 bis unter 1, z. B. 0.005 (angegeben: „${opts.tolerance}“).`,
    );
  return {
    level: opts.level,
    from: opts.from,
    to: opts.to,
    method: methodOf(opts.method),
    ...(tolerance !== undefined ? { tolerance } : {}),
  };
}

// The conversion and its geometry packages are loaded when a subcommand runs.
const service = () => import('../areas/convert/convert.service.ts');

const common = (c: Command) =>
  c
    .requiredOption('--level <key>', 'Ebene, z. B. planungsraum')
    .requiredOption('--from <date>', 'ein Tag im alten Gebietsstand (JJJJ-MM-TT)')
    .requiredOption('--to <date>', 'ein Tag im neuen Gebietsstand (JJJJ-MM-TT)')
    .option('--method <m>', 'area (flächengewichtet) oder population (einwohnergewichtet)', 'area')
    .option('--tolerance <share>', 'Splitterflächen unter diesem Anteil verwerfen (Standard 0.005)');

/** `lagebild areas convert` and `lagebild areas correspondence`: values across Gebietsstände. */
export function addConvertCommands(cmd: Command) {
  common(
    cmd
      .command('convert')
      .description(
        'Werte des alten Gebietsstands auf den neuen umrechnen und als „umgerechnet“ speichern; erhobene Werte bleiben',
      ),
  )
    .option('--dry-run', 'nur berichten, nichts speichern')
    .action(async (opts: ConvertOptions & { dryRun?: boolean }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const req = request(opts);
      const { convertLevel } = await service();
      const result = await withDb(g, (db) => convertLevel(db, { ...req, dryRun: opts.dryRun ?? false }));
      output(g, result, () =>
        [
          `${result.dryRun ? 'Probelauf: ' : ''}${result.converted} Werte der Ebene „${result.level}“ vom Gebietsstand ${result.fromValidFrom} auf den Gebietsstand ${result.toValidFrom} ${result.method === 'population' ? `einwohnergewichtet (Einwohner vom ${result.weightDate})` : 'flächengewichtet'} umgerechnet${result.dryRun ? ' (nicht gespeichert)' : ''}.`,
          `Stichtage: ${result.dates.join(', ') || 'keine'}.`,
          ...result.notices,
        ].join('\n'),
      );
    });
  common(
    cmd
      .command('correspondence')
      .description(
        'Zuordnungstabelle alter → neuer Gebiete mit Anteilen (CSV: alter; neuer Schlüssel; Anteil)',
      ),
  )
    .option('--out <file.csv>', 'in diese Datei schreiben statt auf die Standardausgabe')
    .action(async (opts: ConvertOptions & { out?: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const req = request(opts);
      const { conversionTable } = await service();
      const { correspondenceCsv } = await import('../areas/convert/correspondence.ts');
      const table = await withDb(g, (db) => conversionTable(db, req));
      for (const notice of table.notices) process.stderr.write(`${notice}\n`);
      if (opts.out) {
        await writeFile(opts.out, correspondenceCsv(table.rows));
        output(
          g,
          { ...table, rows: table.rows.length, file: opts.out },
          () => `${table.rows.length} Zuordnungen in „${opts.out}“ geschrieben.`,
        );
      } else if (g.json) output(g, table, () => '');
      else process.stdout.write(correspondenceCsv(table.rows));
    });
}
