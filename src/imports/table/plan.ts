/**
 * The plan of how rows become records, and the helpers the shape recognisers share.
 */
import { parseDateCell } from './dates.ts';
import { ID_HEADER, normHeader, areaHeaderScore, isCountVariable } from './headers.ts';
import {
  findCompositeKeyColumns,
  findKeyColumn,
  findPatternColumns,
  keyPattern,
  type KeyMatcher,
} from './keys.ts';
import type { Column } from './layout.ts';
import { isBlank } from './layout.ts';
import { tableMessages } from './messages.ts';
import type { CellValue, CountOption, ImportProfile, TableShapeKind, VariableInfo } from './types.ts';
import { parseValue } from './values.ts';

/** One value cell per row: which column, and what the record gets from the column itself. */
export interface Slot {
  column: number;
  /** Column name for messages. */
  name: string;
  /** Variable of the column (wide); null: the row's variable (long). */
  variable: string | null;
  /** Stichtag of the column (dated headers); null: the row's date. */
  date: string | null;
  /** GENESIS quality column (`…__q`) of this value, if any. */
  quality: number | null;
}

/** A part of the breakdown: `name=value`, the name given or taken from a cell. */
export interface BreakdownPart {
  name: string | null;
  nameColumn: number | null;
  valueColumn: number;
}

export interface Plan {
  shape: TableShapeKind;
  /** Column of the area key (the first one, when the key is split over several columns). */
  area: number;
  /** All columns whose texts together form the key, when more than one; else empty. */
  areaParts: number[];
  dateColumn: number | null;
  fixedDate: string | null;
  /** Long form: columns joined by `.` to the variable key. */
  variableColumns: number[];
  /** Long form: columns joined by `: ` to the variable's label. */
  variableLabelColumns: number[];
  unitColumn: number | null;
  /** Long form: the row's quality flag (p/r/s or GENESIS e/p/r/s). */
  qualityColumn: number | null;
  breakdown: BreakdownPart[];
  /** GENESIS: Ausprägung code column of a MONAT/QUARTG Merkmal refining the date. */
  periodColumn: number | null;
  slots: Slot[];
  ignored: number[];
  /** An empty area cell is a total row (GENESIS) rather than a missing key. */
  blankAreaIsTotal: boolean;
  /** Variables known from the header (wide, GENESIS flat). */
  variables: VariableInfo[];
  /** Long form: the value column says the values are counts (anzahl, zahl). */
  valuesAreCounts: boolean;
}

export type PlanResult = { plan: Plan } | { error: { code: string; message: string; column: string | null } };

export interface PlanInput {
  file: string;
  columns: readonly Column[];
  sample: readonly (readonly CellValue[])[];
  matcher: KeyMatcher;
  profile?: ImportProfile | undefined;
  /** Stichtag for tables without a date column (YYYY-MM-DD). */
  date?: string | undefined;
  /** Variable key of a wide table whose headers are only dates. */
  variable?: string | undefined;
  counts: CountOption;
}

export type Err = { error: { code: string; message: string; column: string | null } };
export const fail = (code: string, message: string, column: string | null = null): Err => ({
  error: { code, message, column },
});

export function emptyPlan(shape: TableShapeKind, area: number): Plan {
  return {
    shape,
    area,
    areaParts: [],
    dateColumn: null,
    fixedDate: null,
    variableColumns: [],
    variableLabelColumns: [],
    unitColumn: null,
    qualityColumn: null,
    breakdown: [],
    periodColumn: null,
    slots: [],
    ignored: [],
    blankAreaIsTotal: false,
    variables: [],
    valuesAreCounts: false,
  };
}

export function fixedDateOrError(input: PlanInput, date: string | undefined): string | Err | null {
  const d = date ?? input.date;
  if (d === undefined) return null;
  const parsed = parseDateCell(d);
  return parsed ?? fail('bad_date', tableMessages.badFixedDate(input.file, d));
}

export /**
 * Whether a column named like a date holds Stichtage: at least half of its filled sample cells
 * parse (the others are then reported row by row, not silently replaced by a fixed date).
 */
function isDateColumn(input: PlanInput, c: number): boolean {
  let filled = 0;
  let dates = 0;
  for (const row of input.sample) {
    const cell = row[c] ?? null;
    if (isBlank(cell)) continue;
    filled++;
    if (parseDateCell(cell) !== null) dates++;
  }
  return filled > 0 && dates / filled >= 0.5;
}

/** Numbers and texts (formula-like text included) among the sample cells of a column. */
export function contentOf(input: PlanInput, c: number): { numbers: number; texts: number; filled: number } {
  let numbers = 0;
  let texts = 0;
  let filled = 0;
  for (const row of input.sample) {
    const v = parseValue(row[c] ?? null);
    if (v.kind === 'empty') continue;
    filled++;
    if (v.kind === 'number') numbers++;
    else if (v.kind === 'text' || v.kind === 'formula') texts++;
  }
  return { numbers, texts, filled };
}

/** A column of labels (names, classes): more texts than numbers, or texts and no number at all. */
export const isTextColumn = (c: { numbers: number; texts: number }): boolean =>
  c.texts > c.numbers || (c.numbers === 0 && c.texts > 0);

/**
 * The area column(s): most known keys matched in the sample, else a run of adjacent columns whose
 * concatenation matches, else the best key-like header.
 */
export function chooseArea(input: PlanInput, candidates: readonly number[]): number[] | Err {
  if (!input.matcher.acceptsAll) {
    const hit = findKeyColumn(input.sample, candidates, input.matcher);
    if (hit) return [hit.column];
    const composite = findCompositeKeyColumns(input.sample, candidates, input.matcher);
    if (composite) return composite;
    const pattern = keyPattern(input.matcher.keys);
    const idColumns = candidates.filter((c) => ID_HEADER.test(normHeader(input.columns[c]!.name)));
    const foreign = pattern && findPatternColumns(input.sample, idColumns, pattern);
    if (foreign) return foreign;
  }
  let best = -1;
  let bestScore = 0;
  for (const c of candidates) {
    const score = areaHeaderScore(normHeader(input.columns[c]!.name));
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  if (best >= 0) return [best];
  return fail(
    'no_area_column',
    tableMessages.noAreaColumn(
      input.file,
      input.columns.map((c) => c.name),
    ),
  );
}

export function variableInfo(
  key: string,
  label: string | undefined,
  unit: string | undefined,
  counts: CountOption,
): VariableInfo {
  const info: VariableInfo = { key, count: isCountVariable(label ?? key, unit ?? null, counts) };
  if (label !== undefined) info.label = label;
  if (unit !== undefined) info.unit = unit;
  return info;
}

export function uniqueVariables(keys: readonly string[], counts: CountOption): VariableInfo[] {
  return [...new Set(keys)].map((k) => variableInfo(k, undefined, undefined, counts));
}
