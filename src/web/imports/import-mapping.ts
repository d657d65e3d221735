/**
 * The column mapping of the import page as a form draft: filled from what the server recognised
 * (report.columns, report.variables), turned back into an ImportProfile for "Erneut prüfen".
 */
import type { ImportProfile, ReportEntry, TableReadResult } from '../../imports/table/types.ts';

/** One value column of a wide table and the variable key it is stored under ('' = not imported). */
export interface VariableRow {
  column: string;
  key: string;
}

export interface MappingDraft {
  /** 'wide': one column per variable (editable keys); 'long': variable and value columns. */
  form: 'wide' | 'long';
  /** The key column, or the joined label (`Bezirk + Planungsraum`) of a key joined from `areaParts`. */
  areaColumn: string;
  /** Columns whose texts together form the key, when it is joined from several; else empty. */
  areaParts: string[];
  dateSource: 'column' | 'fixed';
  dateColumn: string;
  date: string;
  variables: VariableRow[];
  /** Long form: passed on unchanged. */
  variableColumn: string[];
  valueColumn: string;
  breakdownColumns: string[];
}

/** Same pattern as the server's mapping check (`variables` values). */
const VARIABLE_KEY = /^[A-Za-z0-9_.äöüÄÖÜß-]+$/;

export const validVariableKey = (key: string) => key === '' || VARIABLE_KEY.test(key);

/** All columns the reader named, in the order area, date, variable, value, breakdown, ignored. */
export function columnsOf(report: TableReadResult): string[] {
  const { area, areaParts, date, variable, value, breakdown, ignored } = report.columns;
  const all = [area, ...areaParts, date, ...variable, ...value, ...breakdown, ...ignored].filter(
    (c): c is string => typeof c === 'string' && c !== '',
  );
  return [...new Set(all)];
}

/**
 * The draft for a report, or null when the shape is mapped automatically only (GENESIS, Köln)
 * or no area column was found.
 * @param date the Stichtag given in step 1, for tables without a date column
 */
export function draftFromReport(report: TableReadResult, date: string): MappingDraft | null {
  const { shape, columns } = report;
  const wide = shape === 'wide' || shape === 'profile-wide';
  const long = shape === 'long' || shape === 'profile-long';
  if (!(wide || long)) return null;
  const areaColumn = columns.area ?? columnsOf(report)[0];
  if (!areaColumn) return null;
  // In a wide table the detected variables follow the value columns.
  const paired = columns.value.length === report.variables.length;
  return {
    form: wide ? 'wide' : 'long',
    areaColumn,
    areaParts: columns.areaParts.length > 1 ? [...columns.areaParts] : [],
    dateSource: columns.date ? 'column' : 'fixed',
    dateColumn: columns.date ?? '',
    date: columns.date ? '' : date || (report.dates.length === 1 ? (report.dates[0] ?? '') : ''),
    variables: wide
      ? columns.value.map((column, i) => ({
          column,
          key: (paired ? report.variables[i]?.key : undefined) ?? column,
        }))
      : [],
    variableColumn: columns.variable,
    valueColumn: columns.value[0] ?? '',
    breakdownColumns: columns.breakdown,
  };
}

/** Problems of the draft that keep it from being sent (German, for the form). */
export function draftProblems(draft: MappingDraft): { keys: Set<string>; noVariables: boolean } {
  const keys = new Set(draft.variables.filter((v) => !validVariableKey(v.key.trim())).map((v) => v.column));
  const noVariables = draft.form === 'wide' && draft.variables.every((v) => v.key.trim() === '');
  return { keys, noVariables };
}

/** The mapping the server reads the file with. */
export function toMapping(draft: MappingDraft): ImportProfile {
  // A joined key goes back as its columns: the joined label is no column of the file.
  const joined = draft.areaParts.length > 1 && draft.areaColumn === draft.areaParts.join(' + ');
  const mapping: ImportProfile = { areaColumn: joined ? [...draft.areaParts] : draft.areaColumn };
  if (draft.dateSource === 'column' && draft.dateColumn) mapping.dateColumn = draft.dateColumn;
  if (draft.dateSource === 'fixed' && draft.date) mapping.date = draft.date;
  if (draft.form === 'wide') {
    mapping.variables = Object.fromEntries(
      draft.variables.filter((v) => v.key.trim() !== '').map((v) => [v.column, v.key.trim()]),
    );
  } else {
    if (draft.variableColumn.length) mapping.variableColumn = draft.variableColumn;
    if (draft.valueColumn) mapping.valueColumn = draft.valueColumn;
    if (draft.breakdownColumns.length) mapping.breakdownColumns = draft.breakdownColumns;
  }
  return mapping;
}

/** Errors before warnings, otherwise in file order (problems of the whole file first). */
export function sortProblems(problems: readonly ReportEntry[]): ReportEntry[] {
  const rank = (p: ReportEntry) => (p.severity === 'error' ? 0 : 1);
  return [...problems].sort((a, b) => rank(a) - rank(b) || (a.row ?? 0) - (b.row ?? 0));
}

export const sameDraft = (a: MappingDraft | null, b: MappingDraft | null) =>
  JSON.stringify(a) === JSON.stringify(b);
