/**
 * `lagebild project population`: the small-area population projection (docs/methods.md §8) of
 * every area of a level, every year up to `--to`, from data up to `--base`; CSV
 * `area,date,variable,value` sorted by area, date and variable, or JSON. Reads the database
 * directly (no server route serves projections yet).
 */
import { Command } from 'commander';
import type { ProjectionRow } from '../projection/projection.service.ts';
import { withDb, type GlobalOptions } from './context.ts';
import { required } from './coverage-ranking.command.ts';
import { choice, isoDate, variableList } from './options.ts';

const FORMATS = ['csv', 'json'] as const;
const METHODS = ['auto', 'hamilton-perry', 'cohort-component'] as const;

interface PopulationOptions {
  level?: string;
  base?: string;
  to?: string;
  method: string;
  variables?: string;
  format: string;
}

/** `area,date,variable,value`, one row per projected value. */
export function projectionCsv(rows: readonly ProjectionRow[]): string {
  const lines = ['area,date,variable,value'];
  for (const r of rows) lines.push(`${r.area},${r.date},${r.variable},${r.value}`);
  return lines.join('\n') + '\n';
}

export function projectCommand() {
  const cmd = new Command('project').description(
    'Prognosen: Bevölkerung je Gebiet, Jahr und Altersgruppe (CSV: area,date,variable,value)',
  );
  cmd
    .command('population')
    .description(
      'Kleinräumige Bevölkerungsprognose jedes Gebiets einer Ebene für jedes Jahr bis --to, nur aus Daten bis --base',
    )
    .option('--level <key>', 'Ebene, z. B. sozialraum; nötig')
    .option('--base <YYYY-MM-DD>', 'Basisstichtag: keine späteren Daten werden gelesen; nötig')
    .option(
      '--to <YYYY-MM-DD>',
      'letzter Prognosestichtag, ganze Jahre nach der Basis (eingeschlossen); nötig',
    )
    .option('--method <method>', 'auto, hamilton-perry oder cohort-component', 'auto')
    .option('--variables <keys>', 'Altersgruppen, z. B. ew,ew_u6,ew_65plus (Standard: alle der Ebene)')
    .option('--format <format>', 'csv oder json', 'csv')
    .action(async (o: PopulationOptions, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const level = required(o.level, '--level', 'sozialraum');
      const base = isoDate(required(o.base, '--base', '2024-12-31'), '--base')!;
      const to = isoDate(required(o.to, '--to', '2030-12-31'), '--to')!;
      const method = choice(o.method, METHODS, '--method');
      const format = choice(o.format, FORMATS, '--format');
      const variables = o.variables === undefined ? undefined : variableList(o.variables);
      const rows = await withDb(g, async (db) =>
        (await import('../projection/projection.service.ts')).projectPopulation(db, {
          level,
          base,
          to,
          method,
          variables,
        }),
      );
      if (g.json || format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      else process.stdout.write(projectionCsv(rows));
    });
  return cmd;
}
