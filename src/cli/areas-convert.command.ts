import { readFile, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Command } from 'commander';
import { LagebildError } from '../core/errors.ts';
import type { PopulationGridFile } from '../areas/convert/finer.ts';
import { convertMessages } from '../areas/convert/messages.ts';
import { output, withDb, type GlobalOptions } from './context.ts';

interface ConvertOptions {
  level: string;
  from: string;
  to: string;
  method?: string;
  tolerance?: string;
  weightsLevel?: string;
  grid?: string;
}

const methodOf = (text: string): 'area' | 'population' => {
  if (text !== 'area' && text !== 'population')
    throw new LagebildError(
      'areas.convert_unknown_method',
      `Unbekanntes Verfahren „${text}“ (möglich: area, population).`,
    );
  return text;
};

async function request(opts: ConvertOptions) {
  const tolerance = opts.tolerance === undefined ? undefined : Number(opts.tolerance.replace(',', '.'));
  if (tolerance !== undefined && !(tolerance >= 0 && tolerance < 1))
    throw new LagebildError(
      'areas.convert_bad_tolerance',
      `--tolerance erwartet einen Anteil von 0 bis unter 1, z. B. 0.005 (angegeben: „${opts.tolerance}“).`,
    );
  if (opts.weightsLevel !== undefined && opts.grid !== undefined)
    throw new LagebildError('areas.convert_weights_both', convertMessages.weightsBoth());
  let weights: { level: string } | { grid: PopulationGridFile } | undefined;
  if (opts.weightsLevel !== undefined) weights = { level: opts.weightsLevel };
  else if (opts.grid !== undefined) {
    const { parseGridCsv } = await import('../imports/grid/population-grid.ts');
    weights = { grid: parseGridCsv(await readFile(opts.grid), basename(opts.grid)) };
  }
  return {
    level: opts.level,
    from: opts.from,
    to: opts.to,
    // finer weights are population weights, so they imply the method
    method: methodOf(opts.method ?? (weights ? 'population' : 'area')),
    ...(tolerance !== undefined ? { tolerance } : {}),
    ...(weights ? { weights } : {}),
  };
}

// The conversion and its geometry packages are loaded when a subcommand runs.
const service = () => import('../areas/convert/convert.service.ts');

const common = (c: Command) =>
  c
    .requiredOption('--level <key>', 'Ebene, z. B. planungsraum')
    .requiredOption('--from <date>', 'ein Tag im alten Gebietsstand (JJJJ-MM-TT)')
    .requiredOption('--to <date>', 'ein Tag im neuen Gebietsstand (JJJJ-MM-TT)')
    .option(
      '--method <m>',
      'area (flächengewichtet, Standard) oder population (einwohnergewichtet; Standard mit --weights-level/--grid)',
    )
    .option(
      '--weights-level <key>',
      'Einwohner (ew) einer feineren Ebene, z. B. Blöcke, verteilen die Werte innerhalb der alten Gebiete',
    )
    .option(
      '--grid <file.csv>',
      'Bevölkerungsgitter (Zensus: GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner, EPSG:3035) als Gewichte',
    )
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
      const req = await request(opts);
      const { convertLevel } = await service();
      const result = await withDb(g, (db) => convertLevel(db, { ...req, dryRun: opts.dryRun ?? false }));
      output(g, result, () =>
        [
          `${result.dryRun ? 'Probelauf: ' : ''}${result.converted} Werte der Ebene „${result.level}“ vom Gebietsstand ${result.fromValidFrom} auf den Gebietsstand ${result.toValidFrom} ${result.methodName}${result.weightDate ? ` (Einwohner vom ${result.weightDate})` : ''} umgerechnet${result.dryRun ? ' (nicht gespeichert)' : ''}.`,
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
      const req = await request(opts);
      const { conversionTable } = await service();
      const { correspondenceCsv } = await import('../areas/convert/correspondence.ts');
      const table = await withDb(g, (db) => conversionTable(db, req));
      for (const notice of table.notices) process.stderr.write(`${notice}\n`);
      if (opts.out) {
        await writeFile(opts.out, correspondenceCsv(table.rows, table.methodName));
        output(
          g,
          { ...table, rows: table.rows.length, file: opts.out },
          () =>
            `${table.rows.length} Zuordnungen (${table.methodName}${table.weightDate ? `, Einwohner vom ${table.weightDate}` : ''}) in „${opts.out}“ geschrieben.`,
        );
      } else if (g.json) output(g, table, () => '');
      else process.stdout.write(correspondenceCsv(table.rows, table.methodName));
    });
}
