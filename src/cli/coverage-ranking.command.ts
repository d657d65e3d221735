/**
 * `lagebild coverage ranking`: the Bedarfsplan's ranking of a level's areas by need for a norm
 * (docs/methods.md §7, Bedarfsplan). CSV in rank order on stdout, the rule and hints on stderr;
 * beside a running server of this installation it goes through its API (forward.ts), with the same
 * output.

 */
import { Command } from 'commander';
import { LOCAL_CLI_USER } from '../auth/local-cli-user.ts';
import { LagebildError } from '../core/errors.ts';
import { rankingCsv } from '../planning/ranking-csv.ts';
import type { Ranking, RankingInput } from '../planning/ranking.schema.ts';
import type { GlobalOptions } from './context.ts';
import { getJson, throughServerOrDb } from './forward.ts';
import { choice, isoDate, numberOption, query } from './options.ts';

const FORMATS = ['csv', 'json'] as const;

interface RankingOptions {
  norm: string;
  level: string;
  date?: string;
  index?: string;
  part?: string;
  indexDate?: string;
  radius?: string;
  weightGap?: string;
  weightClass?: string;
  weightDistance?: string;
  minSeverity?: string;
  format: string;
}

/**
 * An option commander cannot require: `coverage` and `coverage ranking` both take `--norm` and
 * `--level`, commander reads the options of a command before its subcommand's, and a required
 * option of `coverage` would refuse `coverage ranking` without them.
 */
export function required(value: string | undefined, option: string, example: string): string {
  if (value) return value;
  throw new LagebildError('cli.missing_option', `Bitte ${option} angeben, z. B. ${option} ${example}.`);
}

export function rankingCommand() {
  return new Command('ranking')
    .description(
      'Bedarfsplan: Gebiete nach Bedarf gereiht – Versorgungslücke, Klasse eines Sozialindex, Entfernung zur nächsten Einrichtung (CSV in Rangfolge, mit Begründung)',
    )
    .option('--norm <key>', 'Richtwert, z. B. kita_gesamt (lagebild norms list); nötig')
    .option('--level <key>', 'Ebene, z. B. planungsraum; nötig')
    .option('--date <YYYY-MM-DD>', 'Stichtag (Standard: der Datenstand)')
    .option('--index <key>', 'Sozialindex, dessen Klasse zählt, z. B. berlin_mss (lagebild index list)')
    .option('--part <key>', 'Teilindex (Standard: status)')
    .option('--index-date <YYYY-MM-DD>', 'Stichtag des Index (Standard: der Stichtag der Bevölkerung)')
    .option('--radius <m>', 'Luftlinie in Metern: keine Einrichtung so nah ist ein Bedarfsmerkmal', '1000')
    .option('--weight-gap <w>', 'Gewicht der Versorgungslücke (0: nicht berücksichtigt)', '1')
    .option('--weight-class <w>', 'Gewicht der Indexklasse', '1')
    .option('--weight-distance <w>', 'Gewicht der Entfernung', '1')
    .option(
      '--min-severity <0..1>',
      'Indexklassen ab dieser Schwere sind ein Bedarfsmerkmal (MSS: 3 und 4)',
      '0.5',
    )
    .option('--format <format>', 'csv oder json', 'csv')
    .action(async (_own: unknown, cmd: Command) => {
      // `coverage` knows --norm, --level, --date and --format too and reads them first
      const g = cmd.optsWithGlobals<GlobalOptions & Partial<RankingOptions>>();
      const opts: RankingOptions = {
        ...(g as RankingOptions),
        norm: required(g.norm, '--norm', 'kita_gesamt'),
        level: required(g.level, '--level', 'planungsraum'),
        format: g.format ?? 'csv',
      };
      const format = choice(opts.format, FORMATS, '--format');
      const q: RankingInput = {
        norm: opts.norm,
        level: opts.level,
        date: isoDate(opts.date, '--date'),
        index: opts.index,
        part: opts.part,
        indexDate: isoDate(opts.indexDate, '--index-date'),
        radius: numberOption(opts.radius, '--radius'),
        weightGap: numberOption(opts.weightGap, '--weight-gap'),
        weightClass: numberOption(opts.weightClass, '--weight-class'),
        weightDistance: numberOption(opts.weightDistance, '--weight-distance'),
        minSeverity: numberOption(opts.minSeverity, '--min-severity'),
      };
      const r = await throughServerOrDb(
        g,
        (server) =>
          getJson<Ranking>(
            server,
            `/api/planning/ranking?${query(
              Object.fromEntries(
                Object.entries(q).map(([k, v]) => [k, v === undefined ? undefined : String(v)]),
              ),
            )}`,
          ),
        async (db) => (await import('../planning/ranking.service.ts')).computeRanking(db, LOCAL_CLI_USER, q),
      );
      if (g.json || format === 'json') process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      else process.stdout.write(rankingCsv(r));
      process.stderr.write(`Regel: ${r.rule}\n`);
      for (const note of r.notes) process.stderr.write(`Hinweis: ${note}\n`);
    });
}
