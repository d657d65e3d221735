/*
 * Options of the microdata aggregation: the areas to count onto, which column means what (with
 * German and English defaults), the age groups and the flag columns.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { badRequest, importError } from '../../core/errors.ts';
import { microdataMessages as msg } from './messages.ts';

/** Logical columns of a person-level register extract. */
export type ColumnRole =
  'pseudonym' | 'birthDate' | 'age' | 'sex' | 'nationality' | 'household' | 'x' | 'y' | 'area';

/**
 * Header names tried for each column when none is given, compared case-insensitively with umlauts
 * folded (ä → ae …) and blanks, dots and hyphens removed. The first match wins. `x`/`y` also
 * find `lon`/`lat`, which then default the CRS to EPSG:4326.
 */
export const COLUMN_CANDIDATES: Record<ColumnRole, readonly string[]> = {
  pseudonym: ['pseudonym', 'id', 'person', 'personid', 'person_id', 'lfdnr'],
  birthDate: [
    'geburtsdatum',
    'gebdatum',
    'geb_datum',
    'gebdat',
    'birthdate',
    'birth_date',
    'dateofbirth',
    'dob',
  ],
  age: ['alter', 'age', 'alter_jahre', 'lebensalter'],
  sex: ['geschlecht', 'sex', 'gender', 'geschl'],
  nationality: [
    'staatsangehoerigkeit',
    'staatsang',
    'staatsangehoerigkeit_1',
    'nationalitaet',
    'nationality',
    'citizenship',
  ],
  household: [
    'haushalt',
    'haushalt_id',
    'haushaltsnummer',
    'haushaltsnr',
    'hh_id',
    'hhid',
    'household',
    'household_id',
  ],
  x: ['x', 'rechtswert', 'ostwert', 'easting', 'x_koordinate', 'lon', 'lng', 'longitude', 'laenge'],
  y: ['y', 'hochwert', 'nordwert', 'northing', 'y_koordinate', 'lat', 'latitude', 'breite'],
  area: [
    'gebiet',
    'gebietsschluessel',
    'gebiet_id',
    'area',
    'area_key',
    'sozialraum',
    'planungsraum',
    'bezirk',
  ],
};

/** A 0/1 column counted per area, e.g. `sgb2` (Bezug von Leistungen nach dem SGB II). */
export interface FlagSpec {
  /** Header name in the file. */
  column: string;
  /** Variable key of the count (default: the column name, normalised). */
  variable?: string;
  /** Also count flagged persons under these ages: `[15]` adds `<variable>_u15`. */
  under?: readonly number[];
}

/** Flag columns used when `flags` is not given and the header has them. */
export const DEFAULT_FLAGS: readonly FlagSpec[] = [{ column: 'sgb2', variable: 'sgb2', under: [15] }];

/** Default age groups: Kita/school ages, young adults, working ages, old and very old. */
export const DEFAULT_AGE_GROUPS = '0-2,3-5,6-9,10-14,15-17,18-24,25-44,45-64,65-79,80-';

/** Highest plausible age; older persons are invalid rows. */
export const MAX_AGE = 120;

/** One age group: inclusive bounds; `to` is {@link MAX_AGE} for an open group such as `80-`. */
export interface AgeGroup {
  label: string;
  from: number;
  to: number;
}

/**
 * Parses age groups such as `0-2,3-5,…,80-` (or a list of such labels). Groups must start at 0,
 * be ascending, leave no gap and end with an open group (`80-`), so that the groups of an area
 * add up to its inhabitants. A single age (`7`) is a group of one year.
 * @example parseAgeGroups('0-5,6-') // [{ label: '0-5', from: 0, to: 5 }, { label: '6-', from: 6, to: 120 }]
 */
export function parseAgeGroups(spec: string | readonly string[]): AgeGroup[] {
  const text = typeof spec === 'string' ? spec : spec.join(',');
  const fail = (why: string) =>
    badRequest('microdata.age_groups', msg.badAgeGroups(text, why), { ageGroups: text });
  const groups: AgeGroup[] = [];
  for (const raw of text.split(',')) {
    const part = raw.trim().replace(/\s+/g, '');
    const m = /^(\d{1,3})(?:(-)(\d{1,3})?)?$/.exec(part);
    if (!m) throw fail(`„${raw.trim()}“ ist keine Altersgruppe wie 0-2 oder 80-`);
    const from = Number(m[1]);
    const to = m[2] ? (m[3] === undefined ? MAX_AGE : Number(m[3])) : from;
    if (to < from || to > MAX_AGE) throw fail(`„${part}“ hat eine ungültige Obergrenze`);
    const expected = groups.length === 0 ? 0 : groups[groups.length - 1]!.to + 1;
    if (from !== expected) throw fail(`„${part}“ sollte bei ${expected} beginnen (lückenlos ab 0)`);
    groups.push({ label: part, from, to });
  }
  if (groups[groups.length - 1]?.to !== MAX_AGE) throw fail('die letzte Gruppe muss offen sein, z. B. 80-');
  return groups;
}

/** Header name folded for comparison: lower case, umlauts spelled out, separators removed. */
export function foldName(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replaceAll('ä', 'ae')
    .replaceAll('ö', 'oe')
    .replaceAll('ü', 'ue')
    .replaceAll('ß', 'ss')
    .replace(/[\s.\-"']/g, '');
}

/**
 * Index of a column in the header: the configured name, else the first default candidate.
 * @returns -1 when the role is not configured and no candidate is present
 * @throws `import.microdata_unknown_column` when a configured name is not in the header
 */
export function findColumn(
  header: readonly string[],
  role: ColumnRole,
  configured: string | undefined,
  fileName: string,
): number {
  if (configured !== undefined) {
    const i = headerIndex(header, configured);
    if (i < 0) {
      throw importError('microdata_unknown_column', msg.unknownColumn(fileName, configured, header), {
        file: fileName,
        column: configured,
      });
    }
    return i;
  }
  for (const candidate of COLUMN_CANDIDATES[role]) {
    const i = headerIndex(header, candidate);
    if (i >= 0) return i;
  }
  return -1;
}

/** Index of a header name compared with {@link foldName}, or -1. */
export function headerIndex(header: readonly string[], name: string): number {
  const wanted = foldName(name);
  return header.findIndex((h) => foldName(h) === wanted);
}

/** Variable key from a column name: `SGB2` → `sgb2`; refuses anything but a–z, 0–9 and _. */
export function flagVariable(spec: FlagSpec): string {
  const key = spec.variable ?? foldName(spec.column);
  if (!/^[a-z][a-z0-9_]*$/.test(key))
    throw badRequest('microdata.flag_name', msg.badFlag(key), { flag: key });
  for (const u of spec.under ?? []) {
    if (!Number.isInteger(u) || u < 1 || u > MAX_AGE) {
      throw badRequest('microdata.flag_under', msg.badFlagAge(key, u), { flag: key, under: u });
    }
  }
  return key;
}

/** An area of the target level: its key and, for placement by coordinates, its lon/lat geometry. */
export interface MicrodataArea {
  key: string;
  geometry?: Polygon | MultiPolygon | null;
}

/** Options of {@link aggregateMicrodata}; every default is named. */
export interface AggregateMicrodataOptions {
  /** Stichtag `YYYY-MM-DD`: ages are completed years on this day; also the result's date. */
  date: string;
  /** File name used in messages; default the base name of the path. */
  fileName?: string;
  /** Header names per role; default the first candidate of `COLUMN_CANDIDATES` (options.ts) present. */
  columns?: Partial<Record<ColumnRole, string>>;
  /**
   * `coordinates` (point in polygon), `key` (area key column), or `auto` (default): coordinates
   * when the file has x/y (or lon/lat) columns, else the area key column.
   */
  location?: 'auto' | 'coordinates' | 'key';
  /** CRS of the coordinates (EPSG code, proj4 or WKT); default EPSG:25832, for lon/lat columns EPSG:4326. */
  crs?: string;
  /** Age groups of `bev`; default {@link DEFAULT_AGE_GROUPS}. */
  ageGroups?: string | readonly string[];
  /** 0/1 columns to count; default {@link DEFAULT_FLAGS} where the header has them. */
  flags?: readonly FlagSpec[];
  /** Sex divers / ohne Angabe: `random` (default) m or w by birth month (see above), `separate` own cells. */
  divers?: 'random' | 'separate';
  /** Largest share of invalid rows still accepted; default 0.01. */
  maxInvalidShare?: number;
  /** Largest share of valid persons that may stay unplaced; default 0.05. */
  maxUnplacedShare?: number;
  /** Problems listed in full (all are counted); default 100. */
  maxProblems?: number;
  /** Row numbers (and unknown keys) kept per unplaced reason; default 10. */
  sampleRows?: number;
}
