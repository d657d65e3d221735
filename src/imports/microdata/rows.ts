/*
 * The per-row work of the microdata aggregation: read age, sex, nationality and flags from the
 * bytes of one record, place the person and bump counters. Nothing of the person survives the
 * call except those increments (and, for households, the shared household counters).
 */
import type { Stichtag } from './bytes.ts';
import { ByteKeyTable, DATE_AFTER, ageAt, hashBytes, parseDecimal, parseSmallInt } from './bytes.ts';
import type { Encoding, RecordFields, RecordVisitor } from './csv.ts';
import { decodeField } from './csv.ts';
import { AGES, personCell } from './counts.ts';
import type { HouseholdCounter } from './households.ts';
import type { AreaLocator } from './locator.ts';
import { microdataMessages as msg } from './messages.ts';
import { MAX_AGE } from './options.ts';
import type { RowLog } from './report.ts';

/** Column indices (-1: absent) and everything the visitor writes to. */
export interface RowSetup {
  header: readonly string[];
  encoding: Encoding;
  /** Numbers may use a decimal comma (the delimiter is not a comma). */
  decimalComma: boolean;
  columns: {
    pseudonym: number;
    birthDate: number;
    age: number;
    sex: number;
    nationality: number;
    household: number;
    x: number;
    y: number;
    area: number;
  };
  stichtag: Stichtag;
  date: string;
  /** Coordinates → area index, or null when the area key column places persons. */
  locator: AreaLocator | null;
  /** Area key text → area index (-1 unknown). */
  areaOfKey: (key: string) => number;
  /**
   * `random`: divers / ohne Angabe go to m (odd birth month) or w (even), as the Statistikamt Nord
   * does it for publication; without a birth date by a hash of the pseudonym.
   */
  divers: 'random' | 'separate';
  persons: Int32Array;
  households: HouseholdCounter | null;
  flags: readonly { column: number; counts: Int32Array }[];
  log: RowLog;
}

const SEX_WORDS: Record<string, number> = {
  m: 0,
  männlich: 0,
  maennlich: 0,
  mann: 0,
  male: 0,
  '1': 0,
  w: 1,
  f: 1,
  weiblich: 1,
  frau: 1,
  female: 1,
  '2': 1,
  d: 2,
  x: 2,
  '3': 2,
  divers: 2,
  diverse: 2,
  'ohne angabe': 2,
  unbestimmt: 2,
};
const GERMAN = new Set(['deutsch', 'de', 'deu', 'd', '000', 'deutschland', 'german', 'germany']);
const FLAG_WORDS: Record<string, number> = {
  '0': 0,
  '1': 1,
  ja: 1,
  nein: 0,
  j: 1,
  n: 0,
  true: 1,
  false: 0,
  wahr: 1,
};

/** Caches the meaning of a category spelling by its bytes, so each spelling is decoded once. */
class Categories {
  readonly #table = new ByteKeyTable(64);
  readonly #codes: number[] = [];
  constructor(
    readonly encoding: Encoding,
    readonly resolve: (text: string) => number,
  ) {}

  code(buf: Uint8Array, f: RecordFields, col: number): number {
    const s = f.starts[col]!;
    const e = f.ends[col]!;
    const escaped = f.escaped[col] === 1;
    // Free text with thousands of spellings is not a category; stop caching it.
    if (this.#table.size > 10_000) return this.resolve(decodeField(buf, s, e, this.encoding, escaped));
    const id = this.#table.idOf(buf, s, e);
    if (this.#table.inserted) this.#codes[id] = this.resolve(decodeField(buf, s, e, this.encoding, escaped));
    return this.#codes[id]!;
  }
}

const isLetter = (b: number) => (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7a;
const DEUTSCH = Buffer.from('deutsch', 'latin1');
function isDeutsch(buf: Uint8Array, s: number): boolean {
  for (let i = 0; i < 7; i++) if ((buf[s + i]! | 0x20) !== DEUTSCH[i]) return false;
  return true;
}
const word = (text: string) => text.trim().toLowerCase();

/** Month (1–12) of a birth date in one of the accepted spellings, or 0. */
function birthMonth(date: string): number {
  const m = /^\d{4}-(\d\d)-\d\d$|^\d{1,2}\.(\d{1,2})\.\d{4}$|^\d{4}(\d\d)\d\d$/.exec(date);
  return m ? Number(m[1] ?? m[2] ?? m[3]) : 0;
}

/** 32-bit finaliser (murmur3 fmix32): spreads a hash so that its lowest bit is fair. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The visitor of one file. Errors (age, sex, nationality, flags, field count) make a row invalid:
 * it is reported and left out. A valid row that cannot be placed goes to „nicht zuordenbar“.
 */
export function createRowVisitor(setup: RowSetup): { visit: RecordVisitor; rows: () => number } {
  const {
    header,
    encoding,
    decimalComma,
    columns: c,
    stichtag,
    locator,
    persons,
    households,
    flags,
    log,
  } = setup;
  const ncols = header.length;
  const separate = setup.divers === 'separate';
  const sexes = new Categories(encoding, (t) => SEX_WORDS[word(t)] ?? -1);
  const nations = new Categories(encoding, (t) => (word(t) === '' ? -1 : GERMAN.has(word(t)) ? 0 : 1));
  const flagWords = new Categories(encoding, (t) => (word(t) === '' ? 0 : (FLAG_WORDS[word(t)] ?? -1)));
  const keys = new Categories(encoding, (t) => (t.trim() === '' ? -2 : setup.areaOfKey(t.trim())));
  const flagValues = new Int8Array(flags.length);
  let line = 1;
  let rows = 0;
  const text = (buf: Uint8Array, f: RecordFields, col: number) =>
    decodeField(buf, f.starts[col]!, f.ends[col]!, encoding, f.escaped[col] === 1).trim();

  const visit = (buf: Uint8Array, f: RecordFields): void => {
    line++;
    const starts = f.starts;
    const ends = f.ends;
    if (f.count === 1 && ends[0] === starts[0]) return; // blank line
    rows++;
    if (f.malformed || f.count !== ncols) {
      log.invalidRows++;
      const why = f.malformed ? msg.malformed() : msg.fieldCount(f.count, ncols);
      log.problem(line, null, f.malformed ? 'quote' : 'field_count', 'error', why);
      return;
    }
    let bad = false;

    let age: number;
    if (c.birthDate >= 0) {
      age = ageAt(buf, starts[c.birthDate]!, ends[c.birthDate]!, stichtag);
      if (age < 0) {
        bad = true;
        const after = age === DATE_AFTER;
        const why = after ? msg.birthAfter(setup.date) : msg.birthInvalid();
        log.problem(
          line,
          header[c.birthDate]!,
          after ? 'birth_date_after' : 'birth_date_invalid',
          'error',
          why,
        );
      }
    } else {
      age = parseSmallInt(buf, starts[c.age]!, ends[c.age]!);
      if (age < 0) {
        bad = true;
        log.problem(line, header[c.age]!, 'age_invalid', 'error', msg.ageInvalid(text(buf, f, c.age)));
      }
    }
    if (age > MAX_AGE) {
      bad = true;
      const col = header[c.birthDate >= 0 ? c.birthDate : c.age]!;
      log.problem(line, col, 'age_too_high', 'error', msg.ageTooHigh(age));
    }

    const s0 = starts[c.sex]!;
    let sex: number;
    if (ends[c.sex] === s0 + 1) {
      const b = buf[s0]! | 0x20; // lower case for letters
      sex =
        b === 0x6d || b === 0x31 ? 0 : b === 0x77 || b === 0x66 || b === 0x32 ? 1 : sexes.code(buf, f, c.sex);
    } else sex = sexes.code(buf, f, c.sex);
    if (sex < 0) {
      bad = true;
      log.problem(line, header[c.sex]!, 'sex_unknown', 'error', msg.sexUnknown(text(buf, f, c.sex)));
    }

    let foreign = 0;
    if (c.nationality >= 0) {
      const s = starts[c.nationality]!;
      const len = ends[c.nationality]! - s;
      // Fast paths for the two usual spellings: 'deutsch' and two-letter ISO codes ('DE' German).
      if (len === 7 && isDeutsch(buf, s)) foreign = 0;
      else if (len === 2 && isLetter(buf[s]!) && isLetter(buf[s + 1]!))
        foreign = (buf[s]! | 0x20) === 0x64 && (buf[s + 1]! | 0x20) === 0x65 ? 0 : 1;
      else foreign = nations.code(buf, f, c.nationality);
      if (foreign < 0) {
        bad = true;
        log.problem(line, header[c.nationality]!, 'nationality_missing', 'error', msg.nationalityMissing());
      }
    }

    for (let k = 0; k < flags.length; k++) {
      const col = flags[k]!.column;
      const s = starts[col]!;
      const v =
        ends[col] === s + 1 && (buf[s] === 0x30 || buf[s] === 0x31)
          ? buf[s] - 0x30
          : flagWords.code(buf, f, col);
      flagValues[k] = v;
      if (v < 0) {
        bad = true;
        log.problem(line, header[col]!, 'flag_invalid', 'error', msg.flagInvalid(text(buf, f, col)));
      }
    }
    if (bad) {
      log.invalidRows++;
      return;
    }

    if (sex === 2 && !separate) {
      const month = c.birthDate >= 0 ? birthMonth(text(buf, f, c.birthDate)) : 0;
      if (month > 0) sex = month % 2 === 1 ? 0 : 1;
      else {
        const h = c.pseudonym >= 0 ? hashBytes(buf, starts[c.pseudonym]!, ends[c.pseudonym]!) : line;
        sex = fmix(h) & 1;
      }
    }

    let area: number;
    if (locator) {
      const x = parseDecimal(buf, starts[c.x]!, ends[c.x]!, decimalComma);
      const y = parseDecimal(buf, starts[c.y]!, ends[c.y]!, decimalComma);
      if (x === x && y === y) {
        area = locator.locate(x, y);
        if (area < 0) log.unplaced(line, 'outside');
      } else {
        area = -1;
        const empty = text(buf, f, c.x) === '' || text(buf, f, c.y) === '';
        log.unplaced(line, empty ? 'missing_coordinates' : 'invalid_coordinates');
      }
    } else {
      area = keys.code(buf, f, c.area);
      if (area === -2) log.unplaced(line, 'missing_key');
      else if (area < 0) log.unplaced(line, 'unknown_key', text(buf, f, c.area));
    }

    if (households) {
      const s = starts[c.household]!;
      const e = ends[c.household]!;
      if (e > s) households.add(buf, s, e, area, age);
      else log.problem(line, header[c.household]!, 'household_missing', 'warning', msg.householdMissing());
    }
    if (area < 0) return;
    persons[personCell(area, foreign, sex, age)]!++;
    for (let k = 0; k < flags.length; k++) if (flagValues[k] === 1) flags[k]!.counts[area * AGES + age]!++;
  };
  return { visit, rows: () => rows };
}
