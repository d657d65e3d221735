/**
 * Where the table is: title lines above it, the header row(s), data rows, notes below it.
 * Works on rows of cells, so CSV and XLSX share it.
 *
 * - The header is the first row with at least two filled cells and at least half as many filled
 *   cells as the table is wide (the most frequent width of rows with two or more filled cells).
 *   Rows above it are titles. A header row holding a known area key, or mostly numbers (years
 *   excepted), is data: the table then has no header and its columns are named A, B, C, ….
 * - Further header rows (GENESIS tables: Stichtag row, then Merkmal row) follow when the header
 *   leaves cells empty, and a following row has an empty first cell and is not mostly numbers.
 *   Cells of a header row other than the last, empty between filled ones, take the text on their
 *   left (merged cells).
 * - Below the header: empty rows are counted; a row starting with `___` (GENESIS) starts the notes,
 *   everything after it is a note; a row with one filled cell that reads like a note (Quelle:,
 *   Stand:, `1)`, ©, or any text with a space) is a note. After an empty row (or a gap in the row
 *   numbers of a sheet), a row whose first filled cell reads like a note ends the table, however
 *   many cells it fills (`Quelle: …; · = Zahlenwert geheim` split at the delimiter).
 */
import { parseDateCell } from './dates.ts';
import { parseValue } from './values.ts';
import type { CellValue, SourceRow } from './types.ts';

/** Text of a cell for headers, keys and messages. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number' || typeof cell === 'boolean') return String(cell);
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return `=${cell.formula}`;
}

export function isBlank(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === 'string') return cell.length === 0 || cell.trim().length === 0;
  return false;
}

/** Spreadsheet column letter of a 0-based index: 0 → A, 25 → Z, 26 → AA. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function filledCount(cells: readonly CellValue[]): number {
  let n = 0;
  for (const c of cells) if (!isBlank(c)) n++;
  return n;
}

function width(cells: readonly CellValue[]): number {
  for (let i = cells.length - 1; i >= 0; i--) if (!isBlank(cells[i])) return i + 1;
  return 0;
}

export interface Column {
  index: number;
  /** Header text (parts joined by a space), or the column letter when the header is empty. */
  name: string;
  /** Header text of each header row (empty strings where empty). */
  parts: string[];
  letter: string;
}

export interface Layout {
  /** Index (into the rows given) of the first data row. */
  dataStart: number;
  /** Indexes of the header rows (empty when the table has no header). */
  headerRows: number[];
  titleLines: string[];
  emptyLines: number;
  columns: Column[];
}

const YEARISH = /^(1[89]|2[01])\d\d$/;

function numericShare(cells: readonly CellValue[]): number {
  let filled = 0;
  let numbers = 0;
  for (const c of cells) {
    if (isBlank(c)) continue;
    filled++;
    if (typeof c === 'string' && (YEARISH.test(c.trim()) || parseDateCell(c) !== null)) continue;
    if (typeof c === 'number' && YEARISH.test(String(c))) continue;
    if (parseValue(c).kind === 'number') numbers++;
  }
  return filled === 0 ? 0 : numbers / filled;
}

/**
 * Finds titles, header and data start in the first rows of a table; null when no row has two
 * filled cells (no table, or everything in one column).
 *
 * @param isKnownKey tells whether a cell text is a key of the level (for tables without header)
 */
export function detectLayout(
  rows: readonly SourceRow[],
  isKnownKey: (text: string) => boolean,
): Layout | null {
  const widths = new Map<number, number>();
  for (const r of rows) {
    if (filledCount(r.cells) >= 2) {
      const w = width(r.cells);
      widths.set(w, (widths.get(w) ?? 0) + 1);
    }
  }
  if (widths.size === 0) return null;
  let tableWidth = 0;
  let best = 0;
  for (const [w, c] of widths) {
    if (c > best || (c === best && w > tableWidth)) {
      tableWidth = w;
      best = c;
    }
  }
  const need = Math.max(2, Math.ceil(tableWidth / 2));
  const h = rows.findIndex((r) => filledCount(r.cells) >= need);
  if (h < 0) return null;

  const titleLines: string[] = [];
  let emptyLines = 0;
  for (const r of rows.slice(0, h)) {
    const text = r.cells
      .map(cellText)
      .filter((t) => t !== '')
      .join(' ');
    if (text === '') emptyLines++;
    else titleLines.push(text);
  }

  const header = rows[h]!.cells;
  const headerIsData = header.some((c) => isKnownKey(cellText(c))) || numericShare(header) >= 0.5;
  const ncols = Math.max(tableWidth, width(header));
  if (headerIsData) {
    const columns = Array.from({ length: ncols }, (_, i) => {
      const letter = columnLetter(i);
      return { index: i, name: letter, parts: [], letter };
    });
    return { dataStart: h, headerRows: [], titleLines, emptyLines, columns };
  }

  const headerRows = [h];
  const headerHasGaps = header.slice(0, ncols).some((c) => isBlank(c)) || header.length < ncols;
  if (headerHasGaps) {
    for (let k = h + 1; k < rows.length && headerRows.length < 6; k++) {
      const cells = rows[k]!.cells;
      if (filledCount(cells) === 0) break;
      if (!isBlank(cells[0]) || filledCount(cells) < 1) break;
      if (numericShare(cells) >= 0.5 || cells.some((c) => isKnownKey(cellText(c)))) break;
      headerRows.push(k);
    }
  }
  const texts = headerRows.map((k, n) => {
    const cells = rows[k]!.cells;
    const t = Array.from({ length: ncols }, (_, i) => cellText(cells[i]));
    // Merged cells: in all but the last header row, an empty cell right of a filled one repeats it.
    if (n < headerRows.length - 1) {
      for (let i = 1; i < ncols; i++) if (t[i] === '' && t[i - 1] !== '') t[i] = t[i - 1]!;
    }
    return t;
  });
  const columns = Array.from({ length: ncols }, (_, i) => {
    const parts = texts.map((t) => t[i]!);
    const letter = columnLetter(i);
    const name = parts.filter((p) => p !== '').join(' ') || letter;
    return { index: i, name, parts, letter };
  });
  return { dataStart: headerRows[headerRows.length - 1]! + 1, headerRows, titleLines, emptyLines, columns };
}

const NOTE_START =
  /^(quelle|quellen|datenquelle|stand|hinweis|hinweise|anmerkung|anmerkungen|fußnote|fussnote|fußnoten|erläuterung|erläuterungen|erlaeuterung|zeichenerklärung|zeichen|legende|datenlizenz|lizenz|rundungsdifferenzen|source|note|notes|copyright|abkürzung|abkürzungen)\b/i;
/** `1)`, `(1)`, `*)`, ©, superscript footnote marks, or a symbol legend like `· = Zahlenwert geheim`. */
const FOOTNOTE_MARK = /^(\(?\d{1,2}\)|\*+\)?\s|[©¹²³⁴⁵⁶⁷⁸⁹]|\S{1,3}\s*=\s*\D)/;

/**
 * Whether a row reads like the start of the notes below a table: its first filled cell starts
 * like a source, a Stand, a footnote or a legend of the official symbols. Only asked after an
 * empty row, where such a row ends the table.
 */
export function startsNotes(cells: readonly CellValue[]): boolean {
  const first = cells.find((c) => !isBlank(c));
  if (first === undefined || typeof first !== 'string') return false;
  const t = first.trim();
  return NOTE_START.test(t) || FOOTNOTE_MARK.test(t);
}

export type RowKind = 'data' | 'empty' | 'note' | 'separator';

/** Classifies a row below the header (see the module comment). */
export function classifyRow(cells: readonly CellValue[]): RowKind {
  let filled = -1;
  for (let i = 0; i < cells.length; i++) {
    if (!isBlank(cells[i])) {
      if (filled >= 0) return 'data';
      filled = i;
    }
  }
  if (filled < 0) return 'empty';
  const t = cellText(cells[filled]);
  if (/^_{3,}/.test(t) || /^-{5,}$/.test(t)) return 'separator';
  if (NOTE_START.test(t) || /^\(?\d{1,2}\)\s/.test(t) || /^[©*¹²³⁴⁵⁶⁷⁸⁹]/.test(t)) return 'note';
  if (/\s/.test(t) && parseValue(cells[filled] ?? null).kind !== 'number') return 'note';
  return 'data';
}

/** Text of a note row. */
export function rowText(cells: readonly CellValue[]): string {
  return cells
    .map(cellText)
    .filter((t) => t !== '')
    .join(' ');
}
