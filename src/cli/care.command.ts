/**
 * `lagebild care plan`: the Pflegebedarfsplan's numbers (docs/methods.md §7, Pflegebedarf) — persons in need of
 * care and places needed in Pflegeheimen and Tagespflege beside the places in operation, for every
 * area of a level (then its districts and the city) and every year up to `--to`, from the
 * population projected from data up to `--base`. CSV sorted by area and date, or JSON.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { LagebildError } from '../core/errors.ts';
import type { CarePlan, CarePlanRow } from '../care/care-plan.service.ts';
import { CARE_SETTINGS } from '../care/care-rates.ts';
import { withDb, type GlobalOptions } from './context.ts';
import { required } from './coverage-ranking.command.ts';
import { getJson, throughServerOrDb } from './forward.ts';
import { choice, isoDate, numberOption, query } from './options.ts';

const FORMATS = ['csv', 'json'] as const;

interface PlanOptions {
  assumptions?: string;
  level?: string;
  base?: string;
  to?: string;
  trend: string;
  format: string;
}

const COLUMNS = [
  'area',
  'name',
  'date',
  'ew_65plus',
  'need',
  'angehoerige',
  'ambulant',
  'tagespflege',
  'stationaer',
  'stationaer_required',
  'stationaer_capacity',
  'stationaer_balance',
  'tagespflege_required',
  'tagespflege_capacity',
  'tagespflege_balance',
];

/** A field of the comma-separated output, quoted where it holds a comma, quote or line break. */
const cell = (v: string | number) =>
  typeof v === 'number' ? String(v) : /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;

const line = (r: CarePlanRow) =>
  [
    r.area,
    r.name,
    r.date,
    r.ew65plus,
    r.need,
    r.persons.angehoerige,
    r.persons.ambulant,
    r.persons.tagespflege,
    r.persons.stationaer,
    r.places.stationaer.required,
    r.places.stationaer.capacity,
    r.places.stationaer.balance,
    r.places.tagespflege.required,
    r.places.tagespflege.capacity,
    r.places.tagespflege.balance,
  ]
    .map(cell)
    .join(',');

/** One table: the areas, then their districts, then the city (the source goes to stderr, so the file stays one table). */
export function carePlanCsv(plan: CarePlan): string {
  return [COLUMNS.join(','), ...[...plan.areas, ...plan.parents, ...plan.city].map(line)].join('\n') + '\n';
}

/** A yearly factor on the care rates from a percentage (`1` = +1 % a year, `-0,5` = −0.5 %). */
function trendOption(value: string): number {
  const pct = numberOption(value, '--trend')!;
  if (pct <= -100 || pct > 100)
    throw new LagebildError(
      'cli.invalid_number',
      `--trend: „${value}“ liegt nicht zwischen -100 und 100 Prozent je Jahr.`,
    );
  return 1 + pct / 100;
}

export function careCommand() {
  const cmd = new Command('care').description(
    'Pflegebedarfsplanung: Pflegebedürftige und Plätze je Gebiet und Jahr',
  );
  cmd
    .command('plan')
    .description(
      'Pflegebedürftige nach Versorgungsart und benötigte Plätze (Pflegeheim, Tagespflege) neben den Plätzen in Betrieb, je Gebiet, Bezirk und Stadt, jedes Jahr bis --to',
    )
    .option('--level <key>', 'Ebene, z. B. sozialraum; nötig')
    .option('--base <YYYY-MM-DD>', 'Basisstichtag der Bevölkerungsprognose; nötig')
    .option('--to <YYYY-MM-DD>', 'letzter Stichtag, ganze Jahre nach der Basis, z. B. 2040-12-31; nötig')
    .option('--trend <percent>', 'Veränderung der Pflegequoten in Prozent je Jahr (Szenario)', '0')
    .option(
      '--assumptions <key>',
      'Pflegeannahmen (lagebild care assumptions), Standard pflegestatistik_2019',
    )
    .option('--format <format>', 'csv oder json', 'csv')
    .action(async (o: PlanOptions, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const level = required(o.level, '--level', 'sozialraum');
      const base = isoDate(required(o.base, '--base', '2024-12-31'), '--base')!;
      const to = isoDate(required(o.to, '--to', '2040-12-31'), '--to')!;
      const format = choice(o.format, FORMATS, '--format');
      const trend = trendOption(o.trend);
      const plan = await throughServerOrDb(
        g,
        (server) =>
          getJson<CarePlan>(
            server,
            `/api/care/plan?${query({ level, base, to, trend: o.trend, assumptions: o.assumptions })}`,
          ),
        async (db) => {
          const [{ carePlan }, { careAssumptions }] = await Promise.all([
            import('../care/care-plan.service.ts'),
            import('../care/care-assumptions.service.ts'),
          ]);
          return carePlan(db, {
            level,
            base,
            to,
            assumptions: await careAssumptions(db, o.assumptions, trend),
          });
        },
      );
      if (g.json || format === 'json') process.stdout.write(JSON.stringify(plan, null, 2) + '\n');
      else {
        process.stdout.write(carePlanCsv(plan));
        process.stderr.write(`Quelle: ${plan.assumptions.source}. Prognose: gerundet, mit Unsicherheit.\n`);
      }
    });
  cmd
    .command('assumptions')
    .description('Pflegeannahmen: je Schlüssel die geltende Fassung mit Quelle, Pflegequoten und Anteilen')
    .action(async (_o: unknown, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const list = await withDb(g, async (db) =>
        (await import('../care/care-assumptions.service.ts')).listCareAssumptions(db),
      );
      if (g.json) process.stdout.write(JSON.stringify(list, null, 2) + '\n');
      else
        for (const a of list)
          process.stdout.write(
            `${a.key}: ${a.name} (Stand ${a.rateYear}; ${a.bands.length} Altersgruppen; Quelle: ${a.source})\n`,
          );
    });
  cmd
    .command('rates <file>')
    .description(
      'Pflegequoten aus einer Tabelle (von;bis;quote in % oder from,to,rate als Anteil) als neue Fassung von Pflegeannahmen speichern',
    )
    .option('--key <key>', 'Schlüssel, z. B. nrw_2023; ein vorhandener bekommt eine neue Fassung; nötig')
    .option('--name <text>', 'Name; nötig')
    .option('--source <text>', 'Quelle der Quoten und Anteile; nötig')
    .option('--year <year>', 'Jahr der Pflegestatistik; nötig')
    .option(
      '--shares <a=n,…>',
      'Anteile der Versorgungsarten angehoerige, ambulant, tagespflege, stationaer (Standard: die der geltenden Fassung oder 2019)',
    )
    .option('--occupancy <a=n,…>', 'Auslastung stationaer, tagespflege (Standard wie --shares)')
    .action(
      async (
        file: string,
        o: {
          key?: string;
          name?: string;
          source?: string;
          year?: string;
          shares?: string;
          occupancy?: string;
        },
        sub: Command,
      ) => {
        const g = sub.optsWithGlobals<GlobalOptions>();
        const key = required(o.key, '--key', 'nrw_2023');
        const name = required(o.name, '--name', '"Pflegequoten NRW 2023"');
        const source = required(o.source, '--source', '"IT.NRW, Pflegestatistik 2023"');
        const rateYear = numberOption(required(o.year, '--year', '2023'), '--year')!;
        const text = await readFile(file, 'utf8').catch(() => {
          throw new LagebildError('cli.file_not_found', `Die Datei „${file}“ ist nicht lesbar.`, 404);
        });
        const stored = await withDb(g, async (db) => {
          const svc = await import('../care/care-assumptions.service.ts');
          const bands = svc.readCareRates(text, basename(file));
          const base = await svc.careAssumptions(db, key).catch(() => svc.careAssumptions(db));
          return svc.saveCareAssumptions(
            db,
            {
              key,
              name,
              source,
              rateYear,
              bands,
              shares: { ...base.shares, ...pairs(o.shares, '--shares', CARE_SETTINGS) },
              occupancy: {
                ...base.occupancy,
                ...pairs(o.occupancy, '--occupancy', ['stationaer', 'tagespflege']),
              },
            },
            null,
          );
        });
        if (g.json) process.stdout.write(JSON.stringify(stored, null, 2) + '\n');
        else
          process.stdout.write(
            `${stored.key}: neue Fassung gespeichert (${stored.bands.length} Altersgruppen).\n`,
          );
      },
    );
  return cmd;
}

/** `a=0.5,b=0.2` → { a: 0.5, b: 0.2 } (decimal comma allowed as `a=0,5;b=0,2`); only `allowed` keys. */
function pairs(text: string | undefined, option: string, allowed: readonly string[]): Record<string, number> {
  if (text === undefined) return {};
  return Object.fromEntries(
    text
      .split(text.includes(';') ? ';' : ',')
      .filter(Boolean)
      .map((p) => {
        const [k = '', v = ''] = p.split('=').map((x) => x.trim());
        if (!allowed.includes(k) || v === '')
          throw new LagebildError(
            'cli.invalid_choice',
            `${option}: „${p}“ ist nicht möglich (möglich: ${allowed.map((a) => `${a}=<Anteil>`).join(', ')}).`,
          );
        return [k, numberOption(v, option)!];
      }),
  );
}
