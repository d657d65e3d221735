/**
 * CSV text → rows, streaming, with the delimiter found from the first lines.
 *
 * The row splitter is written for speed (a 200 MB file must stream in seconds): lines without a
 * quote are split with `String.split`; lines with quotes go through an RFC 4180 state machine
 * (`""` inside quotes, delimiters and line breaks inside quoted fields). A quote that does not
 * open a field is kept as a character. Each row carries the 1-based line it starts on.
 */
import { StreamingDecoder } from './decode.ts';
import type { SourceRow } from './types.ts';

/** Delimiters tried, in order of preference on a tie. */
export const DELIMITERS = [';', '\t', ',', '|'] as const;

/** Splits one line (no line breaks inside) into fields, quote-aware and lenient. */
export function splitLine(line: string, delimiter: string): string[] {
  if (!line.includes('"')) return line.split(delimiter);
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) {
          field += line.slice(i);
          i = line.length;
          break;
        }
        field += line.slice(i, q);
        if (line[q + 1] === '"') {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
    }
    const d = line.indexOf(delimiter, i);
    if (d < 0) {
      fields.push(field + line.slice(i));
      return fields;
    }
    fields.push(field + line.slice(i, d));
    i = d + delimiter.length;
  }
}

export interface DelimiterGuess {
  delimiter: string;
  /** Most frequent field count of the lines with at least two fields (1 if none has two). */
  columns: number;
  /** Lines having exactly that field count. */
  consistentLines: number;
}

/**
 * Finds the delimiter from sample lines: for each candidate, the most frequent field count among
 * lines with at least two fields, and how many lines have it; the candidate with the most such
 * lines wins (ties: `;`, tab, `,`, `|`). Title lines (one field) and decimal commas (uneven
 * counts) thus do not mislead it.
 *
 * @returns all candidates, best first
 */
export function rankDelimiters(lines: readonly string[]): DelimiterGuess[] {
  const guesses = DELIMITERS.map((delimiter): DelimiterGuess => {
    const freq = new Map<number, number>();
    for (const line of lines) {
      if (line.trim() === '') continue;
      const n = splitLine(line, delimiter).length;
      if (n >= 2) freq.set(n, (freq.get(n) ?? 0) + 1);
    }
    let columns = 1;
    let consistentLines = 0;
    for (const [n, c] of freq) {
      if (c > consistentLines || (c === consistentLines && n > columns)) {
        columns = n;
        consistentLines = c;
      }
    }
    return { delimiter, columns, consistentLines };
  });
  return guesses
    .map((g, i) => ({ g, i }))
    .sort((a, b) => b.g.consistentLines - a.g.consistentLines || a.i - b.i)
    .map((x) => x.g);
}

/**
 * Incremental CSV row splitter. `push(text)` appends decoded text and returns the complete rows;
 * `end()` returns the last row (a file need not end with a line break).
 */
export class CsvRowSplitter {
  private buf = '';
  private line = 1;

  constructor(private readonly delimiter: string) {}

  push(text: string, out: SourceRow[]): void {
    const buf = this.buf.length === 0 ? text : this.buf + text;
    this.buf = '';
    const pos = this.consume(buf, out, false);
    this.buf = pos < buf.length ? buf.slice(pos) : '';
  }

  end(out: SourceRow[]): void {
    if (this.buf.length === 0) return;
    const buf = this.buf;
    this.buf = '';
    this.consume(buf, out, true);
  }

  /** Emits complete rows from `buf`; returns the offset of the first unconsumed character. */
  private consume(buf: string, out: SourceRow[], final: boolean): number {
    const d = this.delimiter;
    let pos = 0;
    const n = buf.length;
    // Next quote at or after pos (n if none): searched once, not per line.
    let quote = -1;
    while (pos < n) {
      let nl = buf.indexOf('\n', pos);
      if (nl < 0) {
        if (!final) return pos;
        nl = n;
      }
      if (quote < pos) {
        quote = buf.indexOf('"', pos);
        if (quote < 0) quote = n;
      }
      if (quote >= nl) {
        const end = nl > pos && buf.charCodeAt(nl - 1) === 13 ? nl - 1 : nl;
        out.push({ line: this.line, cells: buf.slice(pos, end).split(d) });
        this.line++;
        pos = nl + 1;
        continue;
      }
      const next = this.quotedRecord(buf, pos, out, final);
      if (next < 0) return pos;
      pos = next;
    }
    return n;
  }

  /** Parses one record that contains quotes; returns the offset after it, or -1 if incomplete. */
  private quotedRecord(buf: string, start: number, out: SourceRow[], final: boolean): number {
    const d = this.delimiter;
    const cells: string[] = [];
    let lines = 0;
    let i = start;
    const n = buf.length;
    for (;;) {
      let field = '';
      if (buf[i] === '"') {
        i++;
        for (;;) {
          const q = buf.indexOf('"', i);
          if (q < 0) {
            if (!final) return -1;
            field += buf.slice(i);
            i = n;
            break;
          }
          const part = buf.slice(i, q);
          for (let k = part.indexOf('\n'); k >= 0; k = part.indexOf('\n', k + 1)) lines++;
          field += part;
          if (q + 1 >= n && !final) return -1;
          if (buf[q + 1] === '"') {
            field += '"';
            i = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
      }
      // Unquoted field, or the rest after a closing quote: up to the delimiter or line end.
      const dPos = buf.indexOf(d, i);
      const nPos = buf.indexOf('\n', i);
      const j = Math.min(dPos < 0 ? n : dPos, nPos < 0 ? n : nPos);
      if (j >= n && !final) return -1;
      let tail = buf.slice(i, j);
      if (j >= n || buf[j] === '\n') {
        if (tail.endsWith('\r')) tail = tail.slice(0, -1);
        cells.push(field + tail);
        out.push({ line: this.line, cells });
        this.line += lines + 1;
        return j + 1;
      }
      cells.push(field + tail);
      i = j + d.length;
    }
  }
}

/** A whole small CSV file: its header fields and the non-empty rows below them. */
export interface CsvGrid {
  /** The header's fields, trimmed, without a byte-order mark. */
  fields: string[];
  /** The rows after the header that have a non-blank cell; cells untrimmed, line 1-based. */
  rows: { line: number; cells: string[] }[];
  delimiter: string;
}

/**
 * Reads a small CSV file (a facility list, a travel-cost matrix) in one go: encoding and
 * delimiter found as for statistics tables, blank lines dropped, the first row taken as header.
 * `null` when the file holds no non-blank row. Statistics tables stream through `readTable`.
 */
export function readCsvGrid(data: Uint8Array, fallbackDelimiter: string): CsvGrid | null {
  const decoder = new StreamingDecoder();
  const text = decoder.write(data) + decoder.end();
  const sample = text
    .slice(0, 64 * 1024)
    .split('\n')
    .slice(0, 50);
  const delimiter = rankDelimiters(sample)[0]?.delimiter ?? fallbackDelimiter;
  const raw: SourceRow[] = [];
  const splitter = new CsvRowSplitter(delimiter);
  splitter.push(text, raw);
  splitter.end(raw);
  const rows = raw
    .map((r) => ({ line: r.line, cells: r.cells.map(cellString) }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  const header = rows.shift();
  if (!header) return null;
  const fields = header.cells.map((c) => c.trim().replace(/^\uFEFF/, ''));
  return { fields, rows, delimiter };
}

/** The splitter yields text cells only; other cell kinds come from spreadsheets. */
const cellString = (c: unknown): string => (typeof c === 'string' ? c : '');
