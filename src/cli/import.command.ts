import { Command } from 'commander';
import { importAreas } from '../areas/area.service.ts';
import { readAreaFile } from '../areas/readers/index.ts';
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
  return cmd;
}
