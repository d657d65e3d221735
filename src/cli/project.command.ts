/**
 * `lagebild project population`: the small-area population projection (docs/methods.md §8) of
 * every area of a level, every year up to `--to`, from data up to `--base`; CSV
 * `area,date,variable,value` sorted by area, date and variable, or JSON; `--control` adjusts the
 * areas to the city totals of a `date,total` table (the state office's projection), `--variant`
 * gives the low or high variant. Reads the database directly, like the API route
 * `GET /api/projection/population` on the server.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import type { Db } from '../db/db.ts';
import { LagebildError } from '../core/errors.ts';
import type { ProjectionRow } from '../projection/projection.service.ts';
import { withDb, type GlobalOptions } from './context.ts';
import { required } from './coverage-ranking.command.ts';
import { choice, isoDate, variableList } from './options.ts';

const FORMATS = ['csv', 'json'] as const;
const METHODS = ['auto', 'hamilton-perry', 'cohort-component'] as const;
const VARIANTS = ['low', 'main', 'high'] as const;

interface PopulationOptions {
  level?: string;
  base?: string;
  to?: string;
  method: string;
  variables?: string;
  control?: string;
  variant: string;
  scenario?: string;
  format: string;
}

async function readControl(path: string) {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch {
    throw new LagebildError('cli.file_not_found', `--control: Die Datei „${path}“ ist nicht lesbar.`, 404);
  }
  const { parseControlCsv } = await import('../projection/control-totals.ts');
  return parseControlCsv(text, basename(path));
}

/** `area,date,variable,value`, one row per projected value. */
export function projectionCsv(rows: readonly ProjectionRow[]): string {
  const lines = ['area,date,variable,value'];
  for (const r of rows) lines.push(`${r.area},${r.date},${r.variable},${r.value}`);
  return lines.join('\n') + '\n';
}

/** The new quarters of a named scenario (modules loaded only when a scenario is asked for). */
async function quartersOf(db: Db, name: string) {
  const [{ requireScenario }, { scenarioQuarters }] = await Promise.all([
    import('../coverage/scenario.service.ts'),
    import('../coverage/scenario-apply.ts'),
  ]);
  return scenarioQuarters((await requireScenario(db, name)).changes);
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
    .option(
      '--control <file.csv>',
      'Eckwerte der Stadt (z. B. Prognose des Landesamts) als Tabelle date,total: jedes Gebiet wird anteilig angepasst; Jahre dazwischen linear, der letzte Eckwert nicht vor --to',
    )
    .option('--variant <variant>', 'main, low oder high (Hauptvariante −/+ 0,5 % je Jahr)', 'main')
    .option(
      '--scenario <name>',
      'Szenario (lagebild scenarios): seine neuen Quartiere kommen mit ihren Einwohnern ab ihrem Bezug hinzu',
    )
    .option('--format <format>', 'csv oder json', 'csv')
    .action(async (o: PopulationOptions, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const level = required(o.level, '--level', 'sozialraum');
      const base = isoDate(required(o.base, '--base', '2024-12-31'), '--base')!;
      const to = isoDate(required(o.to, '--to', '2030-12-31'), '--to')!;
      const method = choice(o.method, METHODS, '--method');
      const format = choice(o.format, FORMATS, '--format');
      const variables = o.variables === undefined ? undefined : variableList(o.variables);
      const variant = choice(o.variant, VARIANTS, '--variant');
      const control = o.control === undefined ? undefined : await readControl(o.control);
      const rows = await withDb(g, async (db) => {
        const quarters = o.scenario === undefined ? undefined : await quartersOf(db, o.scenario);
        return (await import('../projection/projection.service.ts')).projectPopulation(db, {
          level,
          base,
          to,
          method,
          variables,
          control,
          variant,
          quarters,
        });
      });
      if (g.json || format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      else process.stdout.write(projectionCsv(rows));
    });
  return cmd;
}
