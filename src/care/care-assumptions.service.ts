/**
 * The care assumptions as data: the federal defaults installed at every start, a Kreis's own
 * versions (its Land's Pflegestatistik, its settings shares) stored with their history, checked
 * before they are stored, and the care rates read from the table an office delivers.
 */
import { parse } from 'csv-parse/sync';
import { badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { checkAssumptions, type CareAssumptions, type CareRateBand } from './care-rates.ts';
import { PFLEGESTATISTIK_2019 } from './care.defaults.ts';
import * as repo from './care.repository.ts';

/** The assumptions a care plan uses unless it names others. */
export const DEFAULT_CARE_ASSUMPTIONS = PFLEGESTATISTIK_2019.key;

export async function ensureDefaultCareAssumptions(db: Db): Promise<void> {
  await repo.insertAssumptionsIfMissing(db, PFLEGESTATISTIK_2019);
}

export const listCareAssumptions = (db: Db) => repo.currentAssumptions(db);

/**
 * The version in force of `key`, with a scenario's yearly factor on the rates.
 * @throws care.unknown_assumptions (404)
 */
export async function careAssumptions(
  db: Db,
  key = DEFAULT_CARE_ASSUMPTIONS,
  trend = 1,
): Promise<CareAssumptions> {
  const [found] = await repo.currentAssumptions(db, key);
  if (!found) {
    const known = (await repo.currentAssumptions(db)).map((a) => a.key).join(', ') || 'keine';
    throw notFound(
      'care.unknown_assumptions',
      `Die Pflegeannahmen „${key}“ gibt es nicht (vorhanden: ${known}).`,
      {
        key,
      },
    );
  }
  return {
    key: found.key,
    name: found.name,
    source: found.source,
    rateYear: found.rateYear,
    bands: found.bands,
    shares: found.shares,
    occupancy: found.occupancy,
    trend,
  };
}

/**
 * Stores a new version of `a.key` (a new key starts its history) after checking it.
 * @throws care.invalid_assumptions (400) naming every problem in German
 */
export async function saveCareAssumptions(
  db: Db,
  a: Omit<CareAssumptions, 'trend'>,
  recordedBy: number | null,
): Promise<repo.StoredCareAssumptions> {
  const problems = checkAssumptions({ ...a, trend: 1 });
  if (problems.length)
    throw badRequest(
      'care.invalid_assumptions',
      `Die Pflegeannahmen sind nicht gültig: ${problems.join(' ')}`,
      {
        problems,
      },
    );
  await repo.insertAssumptions(db, a, recordedBy);
  return (await repo.currentAssumptions(db, a.key))[0]!;
}

export const careAssumptionHistory = (db: Db, key: string) => repo.assumptionHistory(db, key);

const number = (text: string) => Number(text.trim().replace(/\s/g, '').replace(',', '.'));

/**
 * Care rates from a delivered table: columns `von;bis;quote` (quote in percent, as the
 * Pflegestatistik prints it; `bis` the last age of the band, empty for the open top band) or
 * `from,to,rate` (rate as a share; `to` exclusive, empty: open).
 * @param file name of the file, for the messages
 * @throws care.invalid_rates (400) naming file, row, column and problem in German
 */
export function readCareRates(text: string, file: string): CareRateBand[] {
  const delimiter = text.split('\n', 1)[0]!.includes(';') ? ';' : ',';
  const rows = parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), {
    columns: (h: string[]) => h.map((c) => c.trim().toLowerCase()),
    delimiter,
    skip_empty_lines: true,
    trim: true,
  });
  const german = rows.length > 0 && 'quote' in rows[0]!;
  const [fromCol, toCol, rateCol] = german ? ['von', 'bis', 'quote'] : ['from', 'to', 'rate'];
  const fail = (row: number, column: string, problem: string) =>
    badRequest('care.invalid_rates', `${file}, Zeile ${row}, Spalte „${column}“: ${problem}`, {
      file,
      row,
      column,
    });
  if (!rows.length) throw fail(1, rateCol, 'Die Datei enthält keine Altersgruppen.');
  for (const c of [fromCol, toCol, rateCol])
    if (!(c in rows[0]!))
      throw fail(1, c, `Die Spalte fehlt (erwartet: ${fromCol}${delimiter}${toCol}${delimiter}${rateCol}).`);
  return rows.map((r, i) => {
    const row = i + 2;
    const from = number(r[fromCol]!);
    if (!Number.isInteger(from) || from < 0) throw fail(row, fromCol, `„${r[fromCol]}“ ist kein Alter.`);
    const toText = r[toCol]!;
    let to: number | null = null;
    if (toText !== '') {
      const t = number(toText);
      if (!Number.isInteger(t) || t < 0) throw fail(row, toCol, `„${toText}“ ist kein Alter.`);
      to = german ? t + 1 : t;
    }
    const value = number(r[rateCol]!);
    if (!Number.isFinite(value)) throw fail(row, rateCol, `„${r[rateCol]}“ ist keine Zahl.`);
    const rate = german ? value / 100 : value;
    if (rate < 0 || rate > 1)
      throw fail(row, rateCol, `${r[rateCol]} liegt nicht zwischen 0 und ${german ? '100 %' : '1'}.`);
    return { from, to, rate };
  });
}
