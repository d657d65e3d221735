import { Command } from 'commander';
import type { ImportAreasResult } from '../areas/area.schema.ts';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFile } from '../areas/readers/index.ts';
import { deepestLevel } from '../areas/area.repository.ts';
import { importMicrodata } from '../imports/microdata-import.service.ts';
import { importTable } from '../imports/table-import.service.ts';
import { output, withDb, type GlobalOptions } from './context.ts';
import { addImportFacilitiesCommand } from './facilities.command.ts';
import { announce, localServer } from './forward.ts';
import { forwardAreas, forwardMicrodata, forwardTable } from './import.forward.ts';

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
        const server = localServer(g);
        if (server) announce(server);
        let result: ImportAreasResult;
        if (server) result = await forwardAreas(server, file, opts);
        else {
          // the file is read and checked before the database is opened
          const areaFile = await readAreaFile(file, opts);
          result = await withDb(g, (db) =>
            importAreas(db, areaFile, { level: opts.level, validFrom: opts.validFrom }),
          );
        }
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
        const server = localServer(g);
        if (server) announce(server);
        const result = server
          ? await forwardTable(server, file, opts)
          : await withDb(g, async (db) => {
              const level = opts.level ?? (opts.profile ? undefined : (await deepestLevel(db))?.key);
              return importTable(
                db,
                { path: file },
                { level, date: opts.date, profile: opts.profile, dryRun: opts.dryRun },
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
              : `Geprüft: ${r.stats.records} Werte, ${r.variables.length} Merkmale, ${r.problems.length} Hinweise – nichts gespeichert.` +
                (r.ok ? '' : ' Die Datei würde wegen der Fehler nicht importiert.'),
          ].join('\n'),
        );
        // A check that would refuse the file fails like the import itself, so scripts can rely on it.
        if (!r.ok) process.exitCode = 2;
      },
    );
  cmd
    .command('microdata <file>')
    .description(
      'Personen-Mikrodaten (CSV) zu Fallzahlen je Gebiet zählen und speichern (Personen werden nie gespeichert)',
    )
    .requiredOption('--level <key>', 'Ebene, der die Personen zugeordnet werden')
    .requiredOption('--date <YYYY-MM-DD>', 'Stichtag')
    .option(
      '--age-groups <groups>',
      'Altersgruppen, z. B. 0-2,3-5,6-9,10-14,15-17,18-24,25-44,45-64,65-79,80-',
    )
    .option('--crs <EPSG:N>', 'Koordinatensystem der Koordinaten (Standard EPSG:25832)')
    .action(
      async (
        file: string,
        opts: { level: string; date: string; ageGroups?: string; crs?: string },
        sub: Command,
      ) => {
        const g = sub.optsWithGlobals<GlobalOptions>();
        const t0 = performance.now();
        const server = localServer(g);
        if (server) announce(server);
        const r = server
          ? await forwardMicrodata(server, file, opts)
          : await withDb(g, (db) => importMicrodata(db, file, opts));
        const unplaced = r.result.unplaced.reduce((s, u) => s + u.count, 0);
        output(g, r, () =>
          [
            ...r.result.problems
              .slice(0, 20)
              .map((p) => `${p.severity === 'error' ? 'Fehler' : 'Hinweis'}: ${p.message}`),
            ...r.result.unplaced.map(
              (u) => `nicht zuordenbar (${u.label}): ${u.count} (Zeilen ${u.rows.join(', ')})`,
            ),
            `${r.result.persons} Personen gezählt, ${unplaced} nicht zuordenbar; ${r.stored} Fallzahlen gespeichert (${Math.round(performance.now() - t0)} ms).`,
          ].join('\n'),
        );
      },
    );
  addImportFacilitiesCommand(cmd);
  return cmd;
}
