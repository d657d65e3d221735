/**
 * `lagebild care plan`: the Pflegebedarfsplan's numbers (docs/methods.md §7, Pflegebedarf) — persons in need of
 * care and places needed in Pflegeheimen and Tagespflege beside the places in operation, for every
 * area of a level (then its districts and the city) and every year up to `--to`, from the
 * population projected from data up to `--base`. CSV sorted by area and date, or JSON.
 */
import { Command } from 'commander';
import { LagebildError } from '../core/errors.ts';
import type { CarePlan, CarePlanRow } from '../care/care-plan.service.ts';
import { withDb, type GlobalOptions } from './context.ts';
import { required } from './coverage-ranking.command.ts';
import { choice, isoDate, numberOption } from './options.ts';

const FORMATS = ['csv', 'json'] as const;

interface PlanOptions {
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
    .option('--format <format>', 'csv oder json', 'csv')
    .action(async (o: PlanOptions, sub: Command) => {
      const g = sub.optsWithGlobals<GlobalOptions>();
      const level = required(o.level, '--level', 'sozialraum');
      const base = isoDate(required(o.base, '--base', '2024-12-31'), '--base')!;
      const to = isoDate(required(o.to, '--to', '2040-12-31'), '--to')!;
      const format = choice(o.format, FORMATS, '--format');
      const trend = trendOption(o.trend);
      const plan = await withDb(g, async (db) => {
        const [{ carePlan }, { PFLEGESTATISTIK_2019 }] = await Promise.all([
          import('../care/care-plan.service.ts'),
          import('../care/care.defaults.ts'),
        ]);
        return carePlan(db, { level, base, to, assumptions: { ...PFLEGESTATISTIK_2019, trend } });
      });
      if (g.json || format === 'json') process.stdout.write(JSON.stringify(plan, null, 2) + '\n');
      else {
        process.stdout.write(carePlanCsv(plan));
        process.stderr.write(`Quelle: ${plan.assumptions.source}. Prognose: gerundet, mit Unsicherheit.\n`);
      }
    });
  return cmd;
}
