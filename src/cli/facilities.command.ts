/**
 * `lagebild import facilities` and `lagebild facilities types|count|export`. Beside a running
 * server of this installation they go through its API (forward.ts), with the same output.
 */
import { Command } from 'commander';
import { LagebildError } from '../core/errors.ts';
import type { FacilityCount, FacilityType, ImportFacilitiesResult } from '../facilities/facility.schema.ts';
import { facilityMessages } from '../facilities/messages.ts';
import { output, type GlobalOptions } from './context.ts';
import { getJson, postFiles, throughServerOrDb } from './forward.ts';

// The services are loaded when a subcommand runs: the readers and the geometry packages behind
// them take a while to load, and `lagebild import areas` or `--help` need none of them.
const importService = () => import('../facilities/facility-import.service.ts');
const pathsOf = async (files: string[]) =>
  (await import('../facilities/facility-paths.ts')).facilityPaths(files);

interface ImportOptions {
  type: string;
  idField?: string;
  nameField?: string;
  capacityField?: string;
  carrierField?: string;
  crs?: string;
  xField?: string;
  yField?: string;
  validFrom?: string;
  closeMissing?: boolean;
}

/** A `YYYY-MM-DD` option, checked before any file is read or the database opened. */
function isoDate(text: string | undefined, option: string): string | undefined {
  if (text === undefined) return undefined;
  const ok = /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
  if (!ok)
    throw new LagebildError(
      'cli.invalid_date',
      `${option}: „${text}“ ist kein Datum (erwartet JJJJ-MM-TT, z. B. 2024-12-31).`,
    );
  return text;
}

const query = (params: Record<string, string | undefined>) =>
  new URLSearchParams(
    Object.entries(params).filter((e): e is [string, string] => e[1] !== undefined),
  ).toString();

const sign = (p: { severity: string }) => (p.severity === 'error' ? 'Fehler' : 'Hinweis');

/** Adds `import facilities <file…>` to the `import` command. */
export function addImportFacilitiesCommand(cmd: Command): void {
  cmd
    .command('facilities <files...>')
    .description(
      'Einrichtungen (GeoJSON, Shapefile, ZIP oder CSV mit Koordinaten) einer Art importieren: erst prüfen, dann alles oder nichts; Änderungen als neue Fassung',
    )
    .requiredOption('--type <key>', 'Einrichtungsart, z. B. kita (lagebild facilities types)')
    .option('--id-field <field>', 'Feld mit der Nummer der Einrichtung')
    .option('--name-field <field>', 'Feld mit dem Namen')
    .option('--capacity-field <field>', 'Feld mit der Kapazität (Plätze, m² …)')
    .option('--carrier-field <field>', 'Feld mit dem Träger')
    .option('--crs <EPSG:N>', 'Koordinatensystem, wenn die Datei keines nennt oder es falsch ist')
    .option('--x-field <field>', 'CSV: Spalte der x-Koordinate (Rechtswert, Länge)')
    .option('--y-field <field>', 'CSV: Spalte der y-Koordinate (Hochwert, Breite)')
    .option(
      '--valid-from <YYYY-MM-DD>',
      'Stand der Lieferung: Änderungen gelten ab diesem Tag (Standard: heute)',
    )
    .option('--close-missing', 'Einrichtungen der Art, die in der Lieferung fehlen, schließen')
    .action(async (files: string[], opts: ImportOptions, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const t0 = performance.now();
      const { type, closeMissing, validFrom: validFromText, ...options } = opts;
      const validFrom = isoDate(validFromText, '--valid-from');
      let result: ImportFacilitiesResult;
      try {
        result = await throughServerOrDb(
          g,
          async (server) =>
            postFiles<ImportFacilitiesResult>(
              server,
              '/api/facilities/import',
              { type, validFrom, closeMissing: closeMissing ? '1' : undefined, ...options },
              await pathsOf(files),
            ),
          async (db) =>
            (await importService()).importFacilities(db, {
              type,
              paths: files,
              options,
              ...(validFrom ? { validFrom } : {}),
              closeMissing: closeMissing ?? false,
            }),
        );
      } catch (err) {
        // every problem with row and field, then (fail.ts) the refusal itself
        const problems = err instanceof LagebildError ? err.details.problems : undefined;
        if (!g.json && Array.isArray(problems))
          for (const p of problems as { severity: string; message: string }[])
            process.stderr.write(`${sign(p)}: ${p.message}\n`);
        throw err;
      }
      const r = result;
      output(g, r, () =>
        [
          ...r.problems.map((p) => `${sign(p)}: ${p.message}`),
          `Einrichtungsart „${r.type}“, Stand ${r.validFrom}: ${r.read} gelesen – ${r.new} neu, ${r.changed} geändert, ` +
            `${r.unchanged} unverändert, ${r.closed} geschlossen; ${r.outside} außerhalb aller Gebiete ` +
            `(Koordinatensystem ${r.crs}, ${Math.round(performance.now() - t0)} ms).`,
        ].join('\n'),
      );
    });
}

const round2 = (n: number) => Math.round(n * 100) / 100;

export function facilitiesCommands() {
  const cmd = new Command('facilities').description(
    'Einrichtungen (soziale Infrastruktur): Arten, Zählung, Export',
  );
  cmd
    .command('types')
    .description('Einrichtungsarten mit der Einheit ihrer Kapazität')
    .action(async (_opts: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const types = await throughServerOrDb(
        g,
        (server) => getJson<FacilityType[]>(server, '/api/facility-types'),
        async (db) => (await import('../facilities/facility.service.ts')).listFacilityTypes(db),
      );
      output(g, types, () => types.map((t) => `${t.key}\t${t.name}\t${t.capacityUnit}`).join('\n'));
    });
  cmd
    .command('count')
    .description(
      'Einrichtungen in Betrieb je Gebiet einer Ebene (CSV: area,count,capacity; jedes Gebiet, auch mit 0)',
    )
    .requiredOption('--type <key>', 'Einrichtungsart, z. B. kita')
    .requiredOption('--level <key>', 'Ebene, z. B. planungsraum')
    .option('--date <YYYY-MM-DD>', 'Stichtag (Standard: heute)')
    .option('--format <format>', 'csv oder json', 'csv')
    .action(async (opts: { type: string; level: string; date?: string; format: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      if (opts.format !== 'csv' && opts.format !== 'json')
        throw new LagebildError(
          'cli.unknown_format',
          `Unbekanntes Format „${opts.format}“ (möglich: csv, json).`,
        );
      const date = isoDate(opts.date, '--date');
      const counted = await throughServerOrDb(
        g,
        (server) =>
          getJson<FacilityCount>(
            server,
            `/api/facilities/count?${query({ type: opts.type, level: opts.level, date })}`,
          ),
        async (db) =>
          (await import('../facilities/facility-count.service.ts')).countFacilities(db, {
            type: opts.type,
            level: opts.level,
            date,
          }),
      );
      if (g.json || opts.format === 'json') {
        process.stdout.write(JSON.stringify(counted, null, 2) + '\n');
        return;
      }
      const lines = [
        'area,count,capacity',
        ...counted.areas.map((a) => `${a.area},${a.count},${round2(a.capacity)}`),
      ];
      process.stdout.write(lines.join('\n') + '\n');
      if (counted.outside.count > 0)
        process.stderr.write(
          `${counted.outside.count} Einrichtungen (${round2(counted.outside.capacity)} ${counted.capacityUnit}) liegen außerhalb aller Gebiete der Ebene „${counted.level}“.\n`,
        );
    });
  cmd
    .command('export')
    .description('Einrichtungen einer Art zu einem Stichtag als GeoJSON oder CSV (auf die Standardausgabe)')
    .requiredOption('--type <key>', 'Einrichtungsart, z. B. kita')
    .option('--date <YYYY-MM-DD>', 'Stichtag (Standard: heute)')
    .option('--format <format>', 'geojson oder csv', 'geojson')
    .action(async (opts: { type: string; date?: string; format: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const format = opts.format;
      if (format !== 'geojson' && format !== 'csv')
        throw new LagebildError('cli.unknown_format', facilityMessages.unknownFormat(format));
      const date = isoDate(opts.date, '--date');
      const body = await throughServerOrDb(
        g,
        async (server) => {
          const answer = await getJson<unknown>(
            server,
            `/api/facilities/export?${query({ type: opts.type, date, format })}`,
          );
          return typeof answer === 'string' ? answer : JSON.stringify(answer);
        },
        async (db) => {
          const { exportFacilities } = await import('../facilities/facility-export.ts');
          return (await exportFacilities(db, { type: opts.type, date, format })).body;
        },
      );
      process.stdout.write(format === 'csv' ? body : body + '\n');
    });
  return cmd;
}
