import { writeFile } from 'node:fs/promises';
import { Command, Option } from 'commander';
import type { User } from '../auth/auth.schema.ts';
import { exportValues } from '../exports/export.service.ts';
import type { ExportFormat } from '../exports/values-export.ts';
import { listIndicators } from '../indicators/indicator.repository.ts';
import { output, withDb, type GlobalOptions } from './context.ts';

/** The CLI works with the database directly: full access, unless `--public` asks for what the public sees. */
const OPERATOR: User = { id: 0, username: 'cli', displayName: 'Kommandozeile', role: 'admin' };

export function indicatorsCommands() {
  const cmd = new Command('indicators').description('Indikatorenkatalog');
  cmd
    .command('list')
    .description('Indikatoren auflisten')
    .action(async (_opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const list = await withDb(g, (db) => listIndicators(db, false));
      output(g, list, () => list.map((i) => `${i.key}\t${i.name}\t${i.theme}\t${i.unit}`).join('\n'));
    });
  return cmd;
}

export function exportCommands() {
  const cmd = new Command('export').description('Daten exportieren');
  cmd
    .command('values')
    .description('Indikatorwerte je Gebiet exportieren')
    .requiredOption('--indicator <key>', 'Indikator')
    .requiredOption('--level <key>', 'Ebene')
    .requiredOption('--date <YYYY|YYYY-MM-DD>', 'Stichtag oder Jahr')
    .addOption(
      new Option('--format <format>', 'Format (geojson, shp, gpkg: mit den Geometrien der Gebiete)')
        .choices(['csv', 'xlsx', 'json', 'geojson', 'shp', 'gpkg'])
        .default('csv'),
    )
    .option('--public', 'nur veröffentlichte, geheimhaltungsgeprüfte Werte (wie im öffentlichen Atlas)')
    .option('--out <file>', 'Datei (Standard: Standardausgabe; für xlsx, shp und gpkg --out angeben)')
    .action(
      async (
        opts: {
          indicator: string;
          level: string;
          date: string;
          format: ExportFormat;
          public?: boolean;
          out?: string;
        },
        sub: Command,
      ) => {
        const g = sub.optsWithGlobals<GlobalOptions>();
        const file = await withDb(g, (db) => exportValues(db, opts.public ? null : OPERATOR, opts));
        if (opts.out) await writeFile(opts.out, file.body);
        else if (typeof file.body === 'string') process.stdout.write(file.body);
        else process.stdout.write(Buffer.from(file.body));
      },
    );
  return cmd;
}
