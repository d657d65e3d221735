import { Command } from 'commander';
import { LagebildError } from '../core/errors.ts';
import { addConvertCommands } from './areas-convert.command.ts';
import { addDeriveCommand } from './areas-derive.command.ts';
import { output, withDb, type GlobalOptions } from './context.ts';

/** The area service, loaded when a subcommand runs: its geometry packages take a while to load. */
const service = () => import('../areas/area.service.ts');

const km2 = (m2: number) => (m2 / 1e6).toLocaleString('de-DE', { maximumFractionDigits: 3 });

export function areasCommands() {
  const cmd = new Command('areas').description('Gebiete anzeigen, finden und exportieren');
  cmd
    .command('list')
    .description('Gebiete einer Ebene auflisten (mit --json: id, name, level, parent, areaM2)')
    .requiredOption('--level <key>', 'Ebene')
    .action(async (opts: { level: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const { listAreaSummaries } = await service();
      const areas = await withDb(g, (db) => listAreaSummaries(db, opts.level));
      output(g, areas, () =>
        areas.map((a) => `${a.id}\t${a.name}\t${a.parent ?? ''}\t${km2(a.areaM2)} km²`).join('\n'),
      );
    });
  cmd
    .command('locate <lon> <lat>')
    .description('Gebiet, das den WGS84-Punkt enthält (Exit-Code 1, wenn keines)')
    .requiredOption('--level <key>', 'Ebene')
    .allowUnknownOption(false)
    .action(async (lonText: string, latText: string, opts: { level: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const lon = Number(lonText.replace(',', '.'));
      const lat = Number(latText.replace(',', '.'));
      if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90)
        throw new LagebildError(
          'areas.invalid_point',
          `Ungültige Koordinaten: ${lonText} ${latText} (erwartet: Länge Breite in Grad, WGS84).`,
        );
      const { locate } = await service();
      const hit = await withDb(g, (db) => locate(db, opts.level, lon, lat));
      output(g, hit, () => hit.id);
    });
  cmd
    .command('export')
    .description('Gebiete einer Ebene exportieren')
    .requiredOption('--level <key>', 'Ebene')
    .option('--format <format>', 'Format (geojson)', 'geojson')
    .option('--detail <detail>', 'full (volle Geometrie) oder display (vereinfacht)', 'full')
    .action(async (opts: { level: string; format: string; detail: string }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      if (opts.format !== 'geojson')
        throw new LagebildError(
          'areas.unknown_format',
          `Unbekanntes Format „${opts.format}“ (möglich: geojson).`,
        );
      const detail = opts.detail === 'display' ? 'display' : 'full';
      const { levelGeojson } = await service();
      const fc = await withDb(g, (db) => levelGeojson(db, opts.level, detail));
      process.stdout.write(JSON.stringify(fc) + '\n');
    });
  addDeriveCommand(cmd);
  addConvertCommands(cmd);
  return cmd;
}
