/**
 * XLSX rows, streamed with the exceljs WorkbookReader (the whole workbook is never in memory;
 * shared strings are cached, as the format requires).
 *
 * Sheet: the named one, else the first sheet with a table — at least three rows with two or more
 * filled cells (cover sheets "Titel", "Inhalt", "Impressum" are passed over). Cell types are kept:
 * numbers stay numbers, date-formatted cells become `Date`, formulas stay formulas (never
 * evaluated, and their cached results are not used), rich text and hyperlinks become their text,
 * error values (`#NV`) their text.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { filledCount } from './layout.ts';
import type { CellValue, SourceRow } from './types.ts';

const TABLE_ROWS = 3;
const MAX_PROBE_ROWS = 5_000;

/** Converts an exceljs cell value. */
export function xlsxCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.formula === 'string') return { formula: o.formula };
    if (typeof o.sharedFormula === 'string') return { formula: o.sharedFormula };
    if (Array.isArray(o.richText)) {
      return (o.richText as { text?: unknown }[])
        .map((r) => (typeof r.text === 'string' ? r.text : ''))
        .join('');
    }
    if (typeof o.text === 'string') return o.text;
    if (typeof o.error === 'string') return o.error;
  }
  return null;
}

function rowCells(values: unknown): CellValue[] {
  if (!Array.isArray(values)) return [];
  const cells: CellValue[] = [];
  for (let i = 1; i < values.length; i++) cells.push(xlsxCell(values[i]));
  return cells;
}

export interface XlsxSource {
  /** Name of the sheet read, once known. */
  sheet: string | null;
  /** Names of all sheets met while looking for the one to read. */
  sheets: string[];
}

interface WorksheetLike extends AsyncIterable<{ number: number; values: unknown }> {
  name: string;
}

/**
 * Rows of the chosen sheet, in batches. `source.sheet` stays null when no sheet qualifies
 * (or the named one does not exist).
 */
export async function* xlsxRows(
  input: string | Uint8Array,
  sheetName: string | undefined,
  source: XlsxSource,
): AsyncGenerator<SourceRow[]> {
  const stream =
    typeof input === 'string'
      ? createReadStream(input)
      : Readable.from([Buffer.from(input.buffer, input.byteOffset, input.length)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const wanted = sheetName?.trim().toLowerCase();
  // A small table (fewer than TABLE_ROWS rows) is read only if no sheet has a larger one.
  let fallback: { name: string; rows: SourceRow[] } | null = null;
  try {
    for await (const ws of reader as unknown as AsyncIterable<WorksheetLike>) {
      source.sheets.push(ws.name);
      if (wanted !== undefined && ws.name.trim().toLowerCase() !== wanted) {
        for await (const _ of ws) void _; // drain: the zip stream goes on only when a sheet is read
        continue;
      }
      const probe: SourceRow[] = [];
      let tableRows = 0;
      let committed = wanted !== undefined;
      let batch: SourceRow[] = [];
      for await (const row of ws) {
        const r: SourceRow = { line: row.number, cells: rowCells(row.values) };
        if (!committed) {
          probe.push(r);
          if (filledCount(r.cells) >= 2) tableRows++;
          if (tableRows >= TABLE_ROWS || probe.length >= MAX_PROBE_ROWS) {
            committed = true;
            source.sheet = ws.name;
            yield probe.splice(0);
          }
          continue;
        }
        source.sheet = ws.name;
        batch.push(r);
        if (batch.length >= 1000) {
          yield batch;
          batch = [];
        }
      }
      if (committed) {
        source.sheet = ws.name;
        if (batch.length > 0) yield batch;
        return;
      }
      if (tableRows > 0 && fallback === null) fallback = { name: ws.name, rows: probe };
    }
    if (fallback) {
      source.sheet = fallback.name;
      yield fallback.rows;
    }
  } finally {
    stream.destroy();
  }
}
