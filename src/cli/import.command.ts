import { Command } from 'commander';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFile } from '../areas/readers/index.ts';
import { deepestLevel } from '../areas/area.repository.ts';
import { importTable } from '../imports/table-import.service.ts';
import { output, withDb, type GlobalOptions } from './context.ts';

export function importCommands() {
  const cmd = new Command('import').description('Daten importieren');
  cmd
    .command('areas <file>')
    .description('Gebiete aus Shapefile (.shp/.zip) oder GeoJSON importieren (neuer Gebietsstand der Ebene)')
    .requiredOption('--level <key>', 'Ebene, z. B. sozialraum oder planungsraum')
    .option('--id-field <field>', 'Feld mit dem Gebietsschlüssel')
    .option('--name-field <field>', 'Feld mit dem Gebietsnamen')
    .option('--parent-field <field>', 'Feld mit dem Schlüssel des übergeordneten Gebiets')
    .option('--crs <EPSG:N>', 'Koordinatensystem, wenn keine .prj vorliegt oder sie falsch ist')
    .option('--valid-from <YYYY-MM-DD>', 'Gebietsstand gültig ab (Standard: heute)')
    .action(
      async (
        file: string,
        opts: {
          level: string;
          idField?: string;
          nameField?: string;
          parentField?: string;
          crs?: string;
          validFrom?: string;
        },
        sub: Command,
      ) => {
        const g = sub.optsWithGlobals<GlobalOptions>();
        const t0 = performance.now();
        const areaFile = await readAreaFile(file, opts);
        const result = await withDb(g, (db) =>
          importAreas(db, areaFile, { level: opts.level, validFrom: opts.validFrom }),
        );
        output(
          g,
          result,
          () =>
            `${result.imported} Gebiete in die Ebene „${result.level}“ importiert (Koordinatensystem: ${result.crs}, ${Math.round(performance.now() - t0)} ms).`,
        );
      },
    );
  cmd
    .command('table <file>')
    .description(
      'Statistiktabelle (CSV, XLSX; lang, breit oder GENESIS) importieren: erst prüfen, dann alles oder nichts',
    )
    .option('--profile <name>', 'gespeichertes Importprofil (Spaltenzuordnung)')
    .option('--level <key>', 'Ebene der Gebietsschlüssel (Standard: aus dem Profil, sonst die feinste Ebene)')
    .option('--date <YYYY-MM-DD>', 'Stichtag, wenn die Datei keinen enthält')
    .option('--dry-run', 'nur prüfen, nichts speichern')
    .action(
      async (
        file: string,
        opts: { profile?: string; level?: string; date?: string; dryRun?: boolean },
        sub: Command,
      ) => {
        const g = sub.optsWithGlobals<GlobalOptions>();
        const result = await withDb(g, async (db) => {
          const level = opts.level ?? (opts.profile ? undefined : (await deepestLevel(db))?.key);
          return importTable(
            db,
            { path: file },
            { level: level!, date: opts.date, profile: opts.profile, dryRun: opts.dryRun },
          );
        });
        const r = result.report;
        output(g, { ...result, report: { ...r, problems: r.problems.slice(0, 100) } }, () =>
          [
            ...r.problems
              .slice(0, 20)
              .map((p) => `${p.severity === 'error' ? 'Fehler' : 'Hinweis'}: ${p.message}`),
            result.committed
              ? `${result.stored} Werte importiert (${r.variables.length} Merkmale, Stichtage ${r.dates.join(', ')}; ${result.replaced} frühere Werte in die Historie verschoben).`
              : `Geprüft: ${r.stats.records} Werte, ${r.variables.length} Merkmale, ${r.problems.length} Hinweise – nichts gespeichert.`,
          ].join('\n'),
        );
      },
    );
  return cmd;
}
