/**
 * `lagebild coverage` (Versorgung nach einem Richtwert) with `coverage ranking` (the Bedarfsplan,
 * coverage-ranking.command.ts), `coverage forecast` (the need in the years ahead) and `lagebild
 * accessibility` (an ad hoc floating catchment). CSV on stdout, sorted by area key; beside a running
 * server of this installation they go through its API (forward.ts), with the same output.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { LOCAL_CLI_USER } from '../auth/local-cli-user.ts';
import type { AccessibilityBody, AccessibilityResult, Coverage } from '../coverage/coverage.schema.ts';
import type { NeedValues, ProjectedNeed } from '../coverage/projected-need.ts';
import { rankingCommand, required } from './coverage-ranking.command.ts';
import type { GlobalOptions } from './context.ts';
import { getJson, sendJson, throughServerOrDb } from './forward.ts';
import { choice, csvNumber, decayOf, isoDate, numberOption, query, variableList } from './options.ts';

const FORMATS = ['csv', 'json'] as const;

interface CoverageOptions {
  norm: string;
  level: string;
  date?: string;
  series?: boolean;
  scenario?: string;
  format: string;
}

/** `area,date,supply,demand,rate,balance`, with a scenario's four columns beside the Bestand. */
export function coverageCsv(c: Coverage): string {
  const cells = (r: {
    supply: number | null;
    demand: number | null;
    rate: number | null;
    balance: number | null;
  }) => [r.supply, r.demand, r.rate, r.balance].map(csvNumber);
  const s = c.scenarios[0];
  const head = ['area', 'date', 'supply', 'demand', 'rate', 'balance'];
  if (s) head.push('scenario_supply', 'scenario_demand', 'scenario_rate', 'scenario_balance');
  const lines = [head.join(',')];
  c.rows.forEach((r, i) =>
    lines.push([r.area, r.date, ...cells(r), ...(s ? cells(s.rows[i]!) : [])].join(',')),
  );
  return lines.join('\n') + '\n';
}

export function coverageCommand() {
  const cmd = new Command('coverage')
    .description(
      'Versorgung je Gebiet nach einem Richtwert (CSV: area,date,supply,demand,rate,balance; jedes Gebiet, nach Schlüssel); ranking: Bedarfsplan',
    )
    .option('--norm <key>', 'Richtwert, z. B. kita_gesamt (lagebild norms list); nötig')
    .option('--level <key>', 'Ebene, z. B. sozialraum; nötig')
    .option('--date <YYYY-MM-DD>', 'Stichtag (Standard: der Datenstand)')
    .option('--series', 'jeder Stichtag mit Daten')
    .option('--scenario <name>', 'Szenario neben dem Bestand (Bevölkerung: letzter Stichtag)')
    .option('--format <format>', 'csv oder json', 'csv')
    .action(async (o: Partial<CoverageOptions> & { format: string }, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const opts: CoverageOptions = {
        ...o,
        norm: required(o.norm, '--norm', 'kita_gesamt'),
        level: required(o.level, '--level', 'sozialraum'),
      };
      const format = choice(opts.format, FORMATS, '--format');
      const date = isoDate(opts.date, '--date');
      const q = {
        norm: opts.norm,
        level: opts.level,
        date,
        series: opts.series ? '1' : undefined,
        scenario: opts.scenario,
      } as const;
      const c = await throughServerOrDb(
        g,
        (server) => getJson<Coverage>(server, `/api/coverage?${query(q)}`),
        async (db) =>
          (await import('../coverage/coverage.service.ts')).computeCoverage(db, LOCAL_CLI_USER, q),
      );
      if (g.json || format === 'json') process.stdout.write(JSON.stringify(c, null, 2) + '\n');
      else process.stdout.write(coverageCsv(c));
      for (const note of [...c.notes, ...c.scenarios.flatMap((s) => s.notes)])
        process.stderr.write(`Hinweis: ${note}\n`);
    });
  cmd.addCommand(rankingCommand());
  cmd.addCommand(forecastCommand());
  return cmd;
}

/** `area,name,date,demand,supply,balance,rate` (and the scenario's four beside): areas, then the city. */
export function projectedNeedCsv(p: ProjectedNeed): string {
  const field = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
  const cells = (v: NeedValues) => [v.demand, v.supply, v.balance, csvNumber(v.rate)];
  const head = ['area', 'name', 'date', 'demand', 'supply', 'balance', 'rate'];
  if (p.scenario !== null)
    head.push('scenario_demand', 'scenario_supply', 'scenario_balance', 'scenario_rate');
  const lines = [head.join(',')];
  for (const r of [...p.areas, ...p.city])
    lines.push(
      [r.area, field(r.name), r.date, ...cells(r), ...(r.scenario ? cells(r.scenario) : [])].join(','),
    );
  return lines.join('\n') + '\n';
}

function forecastCommand() {
  return new Command('forecast')
    .description(
      'Bedarf eines altersbezogenen Richtwerts in den kommenden Jahren aus der Bevölkerungsprognose, neben den Plätzen in Betrieb (je Gebiet und Jahr, dann die Stadt)',
    )
    .option('--norm <key>', 'Richtwert, z. B. kita_u3; nötig')
    .option('--level <key>', 'Ebene, z. B. sozialraum; nötig')
    .option('--base <YYYY-MM-DD>', 'Basisstichtag der Prognose; nötig')
    .option('--to <YYYY-MM-DD>', 'letzter Stichtag, ganze Jahre nach der Basis, z. B. 2035-12-31; nötig')
    .option(
      '--scenario <name>',
      'Szenario neben dem Bestand: seine Quartiere und Einrichtungsänderungen ab ihrem Datum',
    )
    .option('--format <format>', 'csv oder json', 'csv')
    .action(
      async (
        o: { norm?: string; level?: string; base?: string; to?: string; format: string },
        sub: Command,
      ) => {
        // `coverage` knows --norm, --level, --scenario and --format too and reads them first
        const g = sub.optsWithGlobals<
          GlobalOptions & { norm?: string; level?: string; scenario?: string; format: string }
        >();
        const q = {
          norm: required(g.norm, '--norm', 'kita_u3'),
          level: required(g.level, '--level', 'sozialraum'),
          base: isoDate(required(o.base, '--base', '2024-12-31'), '--base')!,
          to: isoDate(required(o.to, '--to', '2035-12-31'), '--to')!,
          scenario: g.scenario,
        };
        const format = choice(g.format, FORMATS, '--format');
        const p = await throughServerOrDb(
          g,
          (server) => getJson<ProjectedNeed>(server, `/api/coverage/forecast?${query(q)}`),
          async (db) => (await import('../coverage/projected-need.ts')).projectedNeed(db, LOCAL_CLI_USER, q),
        );
        if (g.json || format === 'json') process.stdout.write(JSON.stringify(p, null, 2) + '\n');
        else {
          process.stdout.write(projectedNeedCsv(p));
          process.stderr.write(
            `Richtwert: ${p.norm.name} (${p.norm.source}). Prognose: gerundet, mit Unsicherheit.\n`,
          );
        }
      },
    );
}

interface AccessibilityOptions {
  type: string;
  level: string;
  demand: string;
  date?: string;
  maxCost?: string;
  detour?: string;
  decay?: string;
  method?: string;
  cellSize?: string;
  matrix?: string;
  originField?: string;
  destinationField?: string;
  costField?: string;
  format: string;
}

export function accessibilityCommand() {
  return new Command('accessibility')
    .description(
      'Erreichbarkeit einer Einrichtungsart je Gebiet (2SFCA/3SFCA; CSV: area,demand,supply,access)',
    )
    .requiredOption('--type <key>', 'Einrichtungsart, z. B. kita')
    .requiredOption('--level <key>', 'Ebene, z. B. planungsraum')
    .requiredOption('--demand <variables>', 'Bedarfsvariablen als Summe, z. B. ew_u6 oder ew_u3+ew_3_5')
    .option('--date <YYYY-MM-DD>', 'Stichtag (Standard: der Datenstand)')
    .option('--max-cost <m>', 'Einzugsbereich in der Einheit der Kosten (Standard 1000 m)')
    .option('--detour <factor>', 'Umwegfaktor zur Luftlinie (Standard 1.3)')
    .option('--decay <kind>', 'gaussian, gravity[:β] oder step (Standard step)')
    .option('--method <method>', '2sfca oder 3sfca', '2sfca')
    .option('--cell-size <m>', 'Rasterweite der Bevölkerung in Metern (Standard 100)')
    .option('--matrix <file.csv>', 'Reisekosten (Start = Gebietsschlüssel, Ziel = Nummer) statt Luftlinien')
    .option('--origin-field <column>', '--matrix: Spalte der Startpunkte')
    .option('--destination-field <column>', '--matrix: Spalte der Ziele')
    .option('--cost-field <column>', '--matrix: Spalte der Kosten')
    .option('--format <format>', 'csv oder json', 'csv')
    .action(async (opts: AccessibilityOptions, cmd: Command) => {
      const g = cmd.optsWithGlobals<GlobalOptions>();
      const format = choice(opts.format, FORMATS, '--format');
      const maxCost = numberOption(opts.maxCost, '--max-cost');
      const detour = numberOption(opts.detour, '--detour');
      const cellSize = numberOption(opts.cellSize, '--cell-size');
      const date = isoDate(opts.date, '--date');
      const body: AccessibilityBody = {
        type: opts.type,
        level: opts.level,
        demand: variableList(opts.demand),
        method: choice(opts.method ?? '2sfca', ['2sfca', '3sfca'] as const, '--method'),
        ...(date && { date }),
        ...(maxCost !== undefined && { maxCost }),
        ...(detour !== undefined && { detour }),
        ...(cellSize !== undefined && { cellSize }),
        ...(opts.decay && { decay: decayOf(opts.decay) }),
      };
      if (opts.matrix) {
        const { readCostMatrix } = await import('../coverage/matrix-file.ts');
        const rows = readCostMatrix(new Uint8Array(await readFile(opts.matrix)), basename(opts.matrix), {
          origin: opts.originField,
          destination: opts.destinationField,
          cost: opts.costField,
        });
        body.costs = { origin: rows.origin, destination: rows.destination, cost: rows.cost };
      }
      const r = await throughServerOrDb(
        g,
        (server) => sendJson<AccessibilityResult>(server, 'POST', '/api/coverage/accessibility', body),
        async (db) => (await import('../coverage/accessibility.service.ts')).accessibility(db, body),
      );
      if (g.json || format === 'json') {
        process.stdout.write(JSON.stringify(r, null, 2) + '\n');
        return;
      }
      const lines = ['area,demand,supply,access'];
      for (const row of r.rows)
        lines.push(
          [
            row.area,
            csvNumber(row.demand),
            csvNumber(row.supply),
            row.access === null ? '' : String(Math.round(row.access * 1e4) / 1e4),
          ].join(','),
        );
      process.stdout.write(lines.join('\n') + '\n');
    });
}
