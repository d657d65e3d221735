/**
 * Person-level register extracts (Melderegister-Auszug, one row per inhabitant) → counts per area
 * for one Stichtag, without ever keeping a person: the file streams through a byte-level parser
 * into typed-array counters, and only those counters leave.
 *
 * Rules:
 * - Age is counted in completed years at the Stichtag from the birth date (or taken from an age
 *   column). Ages over 120, birth dates after the Stichtag, unknown sex, a missing nationality,
 *   a flag other than 0/1 (ja/nein) and rows with the wrong number of columns are errors: such a
 *   row is reported (file, row, column, problem) and left out of every count.
 * - More than 1 % invalid rows (`maxInvalidShare`) refuses the whole file, since counts would
 *   then be biased in unknown ways. Up to that share, the file is taken without those rows.
 * - Valid persons that cannot be placed (coordinates outside all areas, unreadable or missing
 *   coordinates, unknown or missing area key) go to the bucket „nicht zuordenbar“, reported with
 *   counts per reason and the first rows. More than 5 % (`maxUnplacedShare`) refuses the file: the
 *   CRS or the level is then most likely wrong.
 * - Sex divers / ohne Angabe: by default assigned to m or w as the Statistische Ämter do for
 *   publication, because a separate count of a few persons per area would disclose them: by
 *   birth month, odd → m, even → w (Statistikamt Nord, answer to request 200995 under the
 *   Hamburg transparency law, 2020); with only an age column, by a hash of the pseudonym.
 *   `divers: 'separate'` publishes `ew_d` and `sex=d` cells instead.
 * - Nationality: `deutsch`, `DE`, `DEU`, `D`, `000` (and a few spellings) are German; any other
 *   non-empty value counts as ausländisch (stateless and unclear included, as in the register).
 * - Households: see `HouseholdCounter` (households.ts).
 */
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { badRequest, importError } from '../../core/errors.ts';
import { parseStichtag } from './bytes.ts';
import { scanCsv } from './csv.ts';
import type { MicrodataCount } from './counts.ts';
import { countRows, personCell } from './counts.ts';
import { microdataMessages as msg } from './messages.ts';
import type { AggregateMicrodataOptions, ColumnRole, MicrodataArea } from './options.ts';
import { DEFAULT_AGE_GROUPS, parseAgeGroups } from './options.ts';
import type { MicrodataProblem, ProblemCount, UnplacedBucket } from './report.ts';
import { RowLog } from './report.ts';
import { createRowVisitor } from './rows.ts';
import { prepareRows } from './setup.ts';

export type { MicrodataCount } from './counts.ts';
export type { MicrodataProblem, ProblemCount, UnplacedBucket } from './report.ts';
export type { AggregateMicrodataOptions, ColumnRole, FlagSpec, MicrodataArea } from './options.ts';
export { DEFAULT_AGE_GROUPS } from './options.ts';

/** Counts for one Stichtag, and what could not be counted. Contains no person data. */
export interface MicrodataResult {
  date: string;
  counts: MicrodataCount[];
  unplaced: UnplacedBucket[];
  /** The first `maxProblems` problems in file order. */
  problems: MicrodataProblem[];
  /** All problems, counted per code and column. */
  problemCounts: ProblemCount[];
  /** Data rows read (blank lines not counted). */
  rows: number;
  /** Persons counted in an area. */
  persons: number;
  invalidRows: number;
  /** Households counted, split over areas, or without any placed member (null: no household column). */
  households: { counted: number; split: number; unplaced: number } | null;
  /** File-level remarks in German (e.g. households split over areas). */
  notes: string[];
  /** How the file was read. */
  source: {
    file: string;
    encoding: string;
    delimiter: string;
    location: 'coordinates' | 'key';
    crs: string | null;
    columns: Partial<Record<ColumnRole, string>>;
    ageGroups: string[];
  };
}

/**
 * Aggregates a person-level register extract onto the areas of one level.
 * @param path CSV file (`;`, `,` or tab; UTF-8 or Windows-1252, detected from the bytes)
 * @param areas the level's areas in output order (geometry needed for placement by coordinates)
 * @throws `import.microdata_*` for a file that cannot be used (missing columns, too many invalid
 *   or unplaced rows), `import.unknown_crs` for an unknown CRS, `microdata.*` (400) for bad options
 * @example
 * const r = await aggregateMicrodata('personen.csv', areas, { date: '2024-12-31' });
 * r.counts.find((c) => c.area === '101' && c.variable === 'ew')?.value;
 */
export async function aggregateMicrodata(
  path: string,
  areas: readonly MicrodataArea[],
  options: AggregateMicrodataOptions,
): Promise<MicrodataResult> {
  const fileName = options.fileName ?? basename(path);
  const stichtag = parseStichtag(options.date);
  if (!stichtag)
    throw badRequest('microdata.stichtag', msg.badStichtag(options.date), { date: options.date });
  const groups = parseAgeGroups(options.ageGroups ?? DEFAULT_AGE_GROUPS);
  const log = new RowLog(fileName, options.maxProblems ?? 100, options.sampleRows ?? 10);
  const keys = areas.map((a) => a.key);
  const persons = new Int32Array(personCell(areas.length, 0, 0, 0));

  // About one household per two persons of ~60 bytes, with room: sizing the table avoids rehashing.
  const expectedHouseholds = Math.min(1 << 22, Math.max(1 << 12, Math.round((await stat(path)).size / 100)));
  const p = await scanCsv(path, fileName, (header) => {
    const prepared = prepareRows(header, areas, options, fileName, expectedHouseholds);
    const rowVisitor = createRowVisitor({ ...prepared.setup, stichtag, date: options.date, persons, log });
    return { ...prepared, ...rowVisitor, encoding: header.encoding, delimiter: header.delimiter };
  });
  const rows = p.rows();
  if (rows === 0) throw importError('microdata_no_rows', msg.noRows(fileName), { file: fileName });

  const maxInvalid = options.maxInvalidShare ?? 0.01;
  if (log.invalidRows > maxInvalid * rows) {
    throw importError(
      'microdata_too_many_invalid',
      msg.tooManyInvalid(fileName, log.invalidRows, rows, maxInvalid, log.problems[0]?.message ?? ''),
      { file: fileName, rows, invalidRows: log.invalidRows, problems: log.problems.slice(0, 20) },
    );
  }
  const valid = rows - log.invalidRows;
  const maxUnplaced = options.maxUnplacedShare ?? 0.05;
  if (log.unplacedRows > maxUnplaced * valid) {
    const reasons = log.unplacedBuckets
      .map((b) => `${b.label}: ${b.count.toLocaleString('de-DE')}`)
      .join(', ');
    throw importError(
      'microdata_too_many_unplaced',
      msg.tooManyUnplaced(fileName, log.unplacedRows, valid, maxUnplaced, reasons, p.crsLabel),
      { file: fileName, rows, unplaced: log.unplacedBuckets },
    );
  }

  const tally = p.setup.households?.tally(areas.length) ?? null;
  const notes: string[] = [];
  if (p.setup.households && p.setup.households.split > 0)
    notes.push(msg.householdSplit(p.setup.households.split));
  const counts = countRows({
    keys,
    persons,
    groups,
    separateDivers: options.divers === 'separate',
    nationality: p.setup.columns.nationality >= 0,
    households: tally?.counts ?? null,
    flags: p.flagSpecs.map((f, k) => ({ ...f, counts: p.setup.flags[k]!.counts })),
  });
  return {
    date: options.date,
    counts,
    unplaced: log.unplacedBuckets,
    problems: log.problems,
    problemCounts: log.problemCounts,
    rows,
    persons: valid - log.unplacedRows,
    invalidRows: log.invalidRows,
    households: p.setup.households
      ? {
          counted: p.setup.households.size - (tally?.unplaced ?? 0),
          split: p.setup.households.split,
          unplaced: tally?.unplaced ?? 0,
        }
      : null,
    notes,
    source: {
      file: fileName,
      encoding: p.encoding,
      delimiter: p.delimiter,
      location: p.setup.locator ? 'coordinates' : 'key',
      crs: p.crsLabel,
      columns: p.columnNames,
      ageGroups: groups.map((g) => g.label),
    },
  };
}
