/**
 * `lagebild project population`: the small-area population projection (docs/methods.md §8) of
 * every area of a level, every year up to `--to`, from data up to `--base`; CSV
 * `area,date,variable,value` sorted by area, date and variable, or JSON; `--control` adjusts the
 * areas to the city totals of a `date,total` table (the state office's projection), `--variant`
 * gives the low or high variant. `project save` stores a run with its method and assumptions
 * (`--publish`: the atlas shows it as „Prognose“), `project runs` lists the stored ones,
 * `project publish` and `project delete` change them. Beside a running server of this
 * installation they go through its API (forward.ts), with the same output.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import type { Db } from '../db/db.ts';
import { LagebildError } from '../core/errors.ts';
import type { ProjectionRow } from '../projection/projection.service.ts';
import type { PopulationProjection } from '../projection/projection.schema.ts';
import type { SaveProjectionBody, StoredProjection } from '../projection/projection-series.schema.ts';
import { withDb, type GlobalOptions } from './context.ts';
import { required } from './coverage-ranking.command.ts';
import { getJson, sendJson, throughServerOrDb } from './forward.ts';
import { choice, isoDate, numberOption, query, variableList } from './options.ts';

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
      const q = { level, base, to, method, variables, control, variant };
      const local = async (db: Db) => {
        const quarters = o.scenario === undefined ? undefined : await quartersOf(db, o.scenario);
        return (await import('../projection/projection.service.ts')).projectPopulation(db, {
          ...q,
          quarters,
        });
      };
      // the route has no scenario: with one, the command needs the database itself
      const rows =
        o.scenario === undefined
          ? await throughServerOrDb(
              g,
              async (server) =>
                (
                  await getJson<PopulationProjection>(
                    server,
                    `/api/projection/population?${query({
                      level,
                      base,
                      to,
                      method,
                      variant,
                      variables: variables?.join(','),
                      control: control?.map((c) => `${c.date}:${c.total}`).join(','),
                    })}`,
                  )
                ).rows,
              local,
            )
          : await withDb(g, local);
      if (g.json || format === 'json') process.stdout.write(JSON.stringify(rows, null, 2) + '\n');
      else process.stdout.write(projectionCsv(rows));
    });
  cmd.addCommand(saveCommand());
  cmd
    .command('runs')
    .description('Gespeicherte Prognosen mit Methode und Annahmen, die neueste zuerst')
    .action(async (_o: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const runs = await throughServerOrDb(
        g,
        (server) => getJson<StoredProjection[]>(server, '/api/projection/runs'),
        async (db) => {
          const { listProjections } = await import('../projection/projection-series.service.ts');
          const { LOCAL_CLI_USER } = await import('../auth/local-cli-user.ts');
          return listProjections(db, LOCAL_CLI_USER);
        },
      );
      if (g.json) process.stdout.write(JSON.stringify(runs, null, 2) + '\n');
      else process.stdout.write(runsCsv(runs));
    });
  cmd
    .command('publish <id>')
    .description('Gespeicherte Prognose veröffentlichen (Atlas, Profile, Berichte: „Prognose“)')
    .option('--withdraw', 'zurückziehen statt veröffentlichen')
    .action(async (id: string, o: { withdraw?: boolean }, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const n = runId(id);
      const published = !o.withdraw;
      const run = await throughServerOrDb(
        g,
        (server) => sendJson<StoredProjection>(server, 'PATCH', `/api/projection/runs/${n}`, { published }),
        async (db) =>
          (await import('../projection/projection-series.service.ts')).publishProjection(db, n, published),
      );
      process.stderr.write(
        `Prognose Nr. ${run.id} „${run.name}“ ${run.published ? 'veröffentlicht' : 'zurückgezogen'}.\n`,
      );
    });
  cmd
    .command('delete <id>')
    .description('Gespeicherte Prognose löschen')
    .action(async (id: string, _o: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const n = runId(id);
      await throughServerOrDb(
        g,
        (server) => sendJson<null>(server, 'DELETE', `/api/projection/runs/${n}`),
        async (db) => (await import('../projection/projection-series.service.ts')).deleteProjection(db, n),
      );
      process.stderr.write(`Prognose Nr. ${n} gelöscht.\n`);
    });
  return cmd;
}

function runId(text: string): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 1)
    throw new LagebildError('cli.invalid_number', `„${text}“ ist keine Nummer einer gespeicherten Prognose.`);
  return n;
}

/** `id,name,level,base,to,method,variant,min_population,published,created_at`. */
export function runsCsv(runs: readonly StoredProjection[]): string {
  const cell = (x: string) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  const lines = ['id,name,level,base,to,method,variant,min_population,published,created_at'];
  for (const r of runs)
    lines.push(
      [
        r.id,
        cell(r.name),
        r.level,
        r.base,
        r.to,
        r.method,
        r.variant,
        r.minPopulation,
        r.published,
        r.createdAt,
      ].join(','),
    );
  return lines.join('\n') + '\n';
}

interface SaveOptions {
  name?: string;
  level?: string;
  base?: string;
  to?: string;
  method: string;
  variables?: string;
  control?: string;
  variant: string;
  minPopulation?: string;
  publish?: boolean;
}

function saveCommand() {
  return new Command('save')
    .description(
      'Bevölkerungsprognose berechnen und mit Methode und Annahmen speichern; mit --publish zeigt der Atlas sie als „Prognose“',
    )
    .option('--name <text>', 'Name, z. B. „Prognose 2024–2040“; nötig')
    .option('--level <key>', 'Ebene, z. B. sozialraum; nötig')
    .option('--base <YYYY-MM-DD>', 'Basisstichtag; nötig')
    .option('--to <YYYY-MM-DD>', 'letzter Prognosestichtag; nötig')
    .option('--method <method>', 'auto, hamilton-perry oder cohort-component', 'auto')
    .option('--variables <keys>', 'Altersgruppen, z. B. ew_u3,ew_u6,ew_65plus (ew immer; Standard: alle)')
    .option('--control <file.csv>', 'Eckwerte der Stadt als Tabelle date,total')
    .option('--variant <variant>', 'main, low oder high', 'main')
    .option(
      '--min-population <n>',
      'Gebiete mit weniger Einwohnern werden öffentlich nur im übergeordneten Gebiet gezeigt (Standard 1000)',
    )
    .option('--publish', 'gleich veröffentlichen')
    .action(async (o: SaveOptions, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const body: SaveProjectionBody = {
        name: required(o.name, '--name', '"Prognose 2024–2040"'),
        level: required(o.level, '--level', 'sozialraum'),
        base: isoDate(required(o.base, '--base', '2024-12-31'), '--base')!,
        to: isoDate(required(o.to, '--to', '2040-12-31'), '--to')!,
        method: choice(o.method, METHODS, '--method'),
        variables: o.variables === undefined ? undefined : variableList(o.variables),
        control: o.control === undefined ? undefined : await readControl(o.control),
        variant: choice(o.variant, VARIANTS, '--variant'),
        minPopulation: minPopulation(o.minPopulation),
        published: o.publish === true,
      };
      const run = await throughServerOrDb(
        g,
        (server) => sendJson<StoredProjection>(server, 'POST', '/api/projection/runs', body),
        async (db) =>
          (await import('../projection/projection-series.service.ts')).saveProjection(db, body, null),
      );
      if (g.json) process.stdout.write(JSON.stringify(run, null, 2) + '\n');
      else process.stdout.write(runsCsv([run]));
      process.stderr.write(
        `Prognose Nr. ${run.id} gespeichert (${run.method}, ${run.dates.length} Jahre)${run.published ? ' und veröffentlicht' : ''}.\n`,
      );
    });
}

function minPopulation(text: string | undefined): number {
  const n = numberOption(text, '--min-population') ?? 1000;
  if (!Number.isInteger(n) || n < 0)
    throw new LagebildError('cli.invalid_number', `--min-population: „${text}“ ist keine ganze Zahl ≥ 0.`);
  return n;
}
