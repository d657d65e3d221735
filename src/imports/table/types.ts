/**
 * Types shared by the table readers (CSV and XLSX statistics tables → normalised records).
 */
import type { ValueStatus } from '../../core/value-status.ts';

/** A cell as the readers see it: CSV gives strings, XLSX keeps numbers, dates and formulas. */
export type CellValue = string | number | Date | boolean | FormulaCell | null;

/** An XLSX cell holding a formula; its cached result is never used (see values.ts). */
export interface FormulaCell {
  formula: string;
}

/** One physical row of the source: its 1-based line (CSV) or row number (XLSX) and its cells. */
export interface SourceRow {
  line: number;
  cells: CellValue[];
}

/** One normalised observation. */
export interface TableRecord {
  /** 1-based line (CSV) or row number (XLSX) the value comes from. */
  row: number;
  /** The matched key of the level (as given in `knownKeys`), never the raw text of the file. */
  areaKey: string;
  /** Stichtag as `YYYY-MM-DD`; a plain year means 31 December of that year. */
  date: string;
  /** Variable key: a column header (wide), a cell of the variable column (long), a GENESIS code. */
  variable: string;
  /** `''` or `key=value;key=value`, sorted by key (`;` and `=` inside names become `,` and `:`). */
  breakdown: string;
  value: number | null;
  status: ValueStatus;
  /** The official symbol the value came from (`-`, `.`, `x`, `/`, `…`, `*`, `k.A.`), if any. */
  symbol?: string;
}

export type Severity = 'error' | 'warning';

/** One problem found in a file; `message` is German and names file, row and column. */
export interface ReportEntry {
  file: string;
  /** 1-based line in the file (CSV) or row number (XLSX); null for problems of the whole file. */
  row: number | null;
  /** Header name, or the column letter (A, B, …) where the header is empty; null if none. */
  column: string | null;
  /** Stable code, e.g. `import.unknown_area_key`. */
  code: string;
  message: string;
  severity: Severity;
}

/**
 * Explicit column mapping ("import profile") that overrides detection. Columns are named by their
 * header (case-insensitive) or by their letter (A, B, …).
 */
export interface ImportProfile {
  /** Column holding the area key; several columns are concatenated (Berlin: Bezirk, Prognoseraum,
   * Bezirksregion, Planungsraum → PLR key). */
  areaColumn: string | string[];
  /** Column holding the Stichtag (a year, a date, YYYYMM …). */
  dateColumn?: string;
  /** Fixed Stichtag (YYYY-MM-DD) for all rows, when the file has no date column. */
  date?: string;
  /** Long form: column(s) naming the variable (several are joined with `.`). */
  variableColumn?: string | string[];
  /** Long form: column holding the value. */
  valueColumn?: string;
  /** Long form: further columns whose values split the variable (`geschlecht=w`). */
  breakdownColumns?: string[];
  /** Wide form: value columns to read and the variable key of each; other columns are ignored. */
  variables?: Record<string, string>;
  /** Variable key when the file holds a single variable (long form without variable column, or a
   * wide table whose column headers are dates/years). */
  variable?: string;
}

/**
 * An area of another level than the one imported, whose rows a table may carry besides the rows
 * of the imported level (Köln: city and Stadtbezirke above the Stadtteile).
 */
export interface OtherArea {
  key: string;
  name: string;
  /** German name of its level (`Stadtbezirk`). */
  levelName: string;
  /** Keys of the imported level inside it (a coarser level); empty for a finer level. */
  children: readonly string[];
}

/** The whole city or Kreis: its keys (AGS, ARS, own key) and names (`Köln`). */
export interface CityInfo {
  keys: readonly string[];
  names: readonly string[];
}

/** What the reader recognised about the table. */
export type TableShapeKind =
  | 'long'
  | 'wide'
  | 'koeln'
  | 'genesis-flat'
  | 'genesis-ffcsv'
  | 'genesis-table'
  | 'profile-long'
  | 'profile-wide';

/** A variable found in the file, with what the file says about it. */
export interface VariableInfo {
  key: string;
  label?: string;
  unit?: string;
  /** Whether negative values are refused (counts). */
  count: boolean;
}

export interface TableReadStats {
  /** Data rows read (without title, header, note and empty lines). */
  rows: number;
  records: number;
  byStatus: Record<ValueStatus, number>;
  /** Empty cells where a value could be: no record is made for them. */
  emptyCells: number;
  /** GENESIS total rows of the area dimension (empty code, "Insgesamt"), skipped. */
  totalRows: number;
  /** Rows of the city or of areas of other levels (Stadtbezirke), recognised and not imported. */
  higherRows: number;
  /** Distinct areas with at least one record. */
  areas: number;
}

export interface UnknownKey {
  key: string;
  /** First rows it occurs in (at most 20). */
  rows: number[];
  count: number;
}

export interface TableReadResult {
  file: string;
  /** True when there is no entry of severity `error`: the records may be stored. */
  ok: boolean;
  format: 'csv' | 'xlsx';
  /** CSV: detected encoding and delimiter. */
  encoding: string | null;
  delimiter: string | null;
  /** XLSX: the sheet read. */
  sheet: string | null;
  shape: TableShapeKind | null;
  /** Line (row) of the (first) header row, 1-based. */
  headerRow: number | null;
  /** Which columns were used for what (header names or letters). */
  columns: {
    area: string | null;
    /** The columns whose texts together form the key (more than one when it is joined). */
    areaParts: string[];
    date: string | null;
    variable: string[];
    value: string[];
    breakdown: string[];
    ignored: string[];
  };
  /** Lines above the table (titles) and below it (sources, footnotes, ©), as text. */
  titleLines: string[];
  notes: string[];
  emptyLines: number;
  variables: VariableInfo[];
  /** Distinct Stichtage of the records, sorted. */
  dates: string[];
  stats: TableReadStats;
  unknownKeys: UnknownKey[];
  /** Distinct unknown keys beyond those listed. */
  unknownKeysLeftOff: number;
  /** Problems, errors first in file order; capped (see `problemsLeftOff`). */
  problems: ReportEntry[];
  problemsLeftOff: number;
  /** Count of all problems per code, including those left off. */
  problemCounts: Record<string, number>;
}

/** Which variables are counts (negative values refused). */
export type CountOption = 'auto' | 'all' | 'none' | readonly string[];

/** Options of a read (`readTable`, `streamTable`). */
export interface ReadTableOptions {
  /** Keys of the level's areas; keys of the file are matched against them (see keys.ts). An
   * empty list accepts every key as it is. */
  knownKeys: readonly string[];
  /** Explicit column mapping (import profile); overrides the detection. */
  mapping?: ImportProfile;
  /** Stichtag (YYYY-MM-DD) for tables without a date column. */
  date?: string;
  /** Variable key for a wide table whose column headers are only dates or years. */
  variable?: string;
  /** XLSX: sheet to read (default: the first sheet with a table). */
  sheet?: string;
  /** CSV: declared delimiter; checked against the file (default: detected). */
  delimiter?: ';' | ',' | '\t' | '|';
  /** Unknown area keys refuse the file (default) or are skipped with a warning. */
  unknownKeys?: 'refuse' | 'skip';
  /** Which variables are counts, whose negative values are refused (default 'auto'). */
  counts?: CountOption;
  /**
   * Known areas of the level whose rows are refused, each with an error: a planner bound to one
   * municipality imports only its areas. Known rather than left out of `knownKeys`, so that a key
   * of another municipality is never matched to one of the own areas by the looser rules.
   */
  refused?: {
    keys: ReadonlySet<string>;
    message: (file: string, line: number, column: string, key: string) => string;
  };
  /** Areas of other levels, whose rows are recognised and not imported (see higher.ts). */
  otherAreas?: readonly OtherArea[];
  /** Keys and names of the whole city, for its rows. */
  city?: CityInfo;
  /** German name of the level (`Planungsraum`), for messages. */
  levelName?: string;
  /** Gebietsstand of the level's areas (valid from, YYYY-MM-DD), for keys of another one. */
  gebietsstand?: string;
  /** Problems listed in full (default 1000); the rest are counted. */
  maxProblems?: number;
  onRecord?: (record: TableRecord) => void | Promise<void>;
  onRecords?: (records: TableRecord[]) => void | Promise<void>;
}
