import { parse } from 'csv-parse/sync';
import { badRequest } from '../../core/errors.ts';
import { deriveMessages } from './messages.ts';

/** A CSV read as rows of text by column name, with the 2-based line of each row for messages. */
export type CsvTable = {
  fileName: string;
  columns: string[];
  rows: { line: number; cells: Record<string, string> }[];
};

/**
 * Reads a small CSV key table as offices and portals deliver it: UTF-8 with or without BOM,
 * delimiter `,`, `;` or tab (taken from the header line), quoted cells, blank lines skipped.
 *
 * @throws `areas.derive_csv` (400) when the text is no CSV
 * @example readKeyCsv('Planungsraum;Bezirk\n01100101;01', 'schluessel.csv').rows[0].cells.Bezirk // '01'
 */
export function readKeyCsv(text: string, fileName: string): CsvTable {
  const clean = text.replace(/^\uFEFF/, '');
  const header = clean.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = [';', '\t', ','].reduce((best, d) =>
    header.split(d).length > header.split(best).length ? d : best,
  );
  let records: string[][];
  try {
    records = parse(clean, { delimiter, skip_empty_lines: true, relax_column_count: true, trim: true });
  } catch (e) {
    throw badRequest(
      'areas.derive_csv',
      deriveMessages.unreadableCsv(fileName, e instanceof Error ? e.message : String(e)),
    );
  }
  const [head, ...body] = records;
  if (!head || body.length === 0)
    throw badRequest('areas.derive_table_empty', deriveMessages.tableEmpty(fileName));
  const columns = head.map((c) => c.trim());
  return {
    fileName,
    columns,
    rows: body.map((cells, i) => ({
      line: i + 2,
      cells: Object.fromEntries(columns.map((c, j) => [c, (cells[j] ?? '').trim()])),
    })),
  };
}

/** The column named `field` (exact, else case-insensitive), or `areas.derive_unknown_column`. */
export function column(table: CsvTable, field: string): string {
  const found =
    table.columns.find((c) => c === field) ??
    table.columns.find((c) => c.toLowerCase() === field.toLowerCase());
  if (found) return found;
  throw badRequest(
    'areas.derive_unknown_column',
    deriveMessages.tableField(table.fileName, field, table.columns),
    {
      file: table.fileName,
      field,
      columns: table.columns,
    },
  );
}
