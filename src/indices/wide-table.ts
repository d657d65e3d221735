/**
 * A wide table for batch index runs (statisticians' CSV): columns `id`, `name`, `inhabitants`
 * and indicator columns named like Berlin's MSS tables (`s1_percentage_unemployed`,
 * `d4_…`): the code before the first underscore says which indicator it is.
 * Comma or semicolon separated; a semicolon file with decimal commas is read in German number
 * format (`1.234,5`). Empty cells and
 * the official symbols for secret or missing values (`·`, `.`, `-`, `x`, `/`, `…`) are missing.
 * Every problem names the file, the line and the column in German.
 */
import { parse } from 'csv-parse/sync';
import { importError } from '../core/errors.ts';

export interface WideTable {
  ids: string[];
  names: string[];
  /** Inhabitants; null where the cell is empty. */
  population: (number | null)[];
  /** Indicator columns in file order: code (upper case, e.g. `S1`), header, values (NaN = missing). */
  columns: { code: string; header: string; values: Float64Array }[];
}

const REQUIRED = ['id', 'name', 'inhabitants'] as const;
const CODE = /^([sd]\d{1,2})_/i;
const MISSING = new Set(['', '·', '.', '-', '–', 'x', '/', '…', '...']);
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/**
 * Parses one number cell: `4.22594`, `-0.9`, `1e-3`; in German format (`decimalComma`) `4,22594`,
 * `1.234,5`, `1.234`. Returns NaN for missing symbols, null for text.
 */
export function parseNumberCell(text: string, decimalComma: boolean): number | null {
  const t = text.trim();
  if (MISSING.has(t)) return NaN;
  const norm = decimalComma ? t.replace(/\./g, '').replace(',', '.') : t;
  return NUMBER.test(norm) ? Number(norm) : null;
}

/**
 * Reads the wide table from CSV text.
 * @param file the file name, for messages
 * @throws import.missing_column, import.not_a_number, import.duplicate_area, import.bad_row
 */
export function readWideTable(text: string, file: string): WideTable {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // with `info: true` each record comes as { record, info } (csv-parse's typing does not say so)
    records = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
      info: true,
    }) as unknown as typeof records;
  } catch (err) {
    const line = (err as { lines?: number }).lines;
    throw importError(
      'bad_csv',
      `Datei „${file}“${line ? `, Zeile ${line}` : ''}: die CSV-Datei ist fehlerhaft.`,
      {
        file,
        line,
      },
    );
  }
  const header = (records[0]?.record ?? []).map((h) => h.trim());
  const col = (name: string) => header.findIndex((h) => h.toLowerCase() === name);
  for (const name of REQUIRED)
    if (col(name) < 0)
      throw importError(
        'missing_column',
        `Datei „${file}“: die Spalte „${name}“ fehlt (erwartet: id, name, inhabitants und Indikatorspalten wie s1_…, d1_…).`,
        { file, column: name },
      );
  const indicatorCols: { code: string; header: string; at: number }[] = [];
  header.forEach((h, at) => {
    const m = CODE.exec(h);
    if (!m) return;
    const code = m[1]!.toUpperCase();
    const dup = indicatorCols.find((c) => c.code === code);
    if (dup)
      throw importError(
        'duplicate_column',
        `Datei „${file}“: die Spalten „${dup.header}“ und „${h}“ haben beide den Code ${code}.`,
        { file, column: h },
      );
    indicatorCols.push({ code, header: h, at });
  });
  const [idAt, nameAt, popAt] = REQUIRED.map(col) as [number, number, number];
  const rows = records.slice(1);
  const out: WideTable = {
    ids: [],
    names: [],
    population: [],
    columns: indicatorCols.map((c) => ({
      code: c.code,
      header: c.header,
      values: new Float64Array(rows.length),
    })),
  };
  // German number format when the semicolon file writes any number with a decimal comma: then
  // points are thousands separators (`1.234` inhabitants); else points are decimal points
  const numberCols = [popAt, ...indicatorCols.map((c) => c.at)];
  const decimalComma =
    delimiter === ';' && rows.some(({ record }) => numberCols.some((at) => /\d,\d/.test(record[at] ?? '')));
  const firstLineOf = new Map<string, number>();
  rows.forEach(({ record: r, info }, i) => {
    const line = info.lines;
    if (r.length !== header.length)
      throw importError(
        'bad_row',
        `Datei „${file}“, Zeile ${line}: ${r.length} statt ${header.length} Spalten.`,
        { file, line },
      );
    const num = (at: number, column: string) => {
      const v = parseNumberCell(r[at]!, decimalComma);
      if (v === null)
        throw importError(
          'not_a_number',
          `Datei „${file}“, Zeile ${line}, Spalte „${column}“: „${r[at]}“ ist keine Zahl.`,
          {
            file,
            line,
            column,
          },
        );
      return v;
    };
    const id = r[idAt]!.trim();
    if (!id)
      throw importError('missing_id', `Datei „${file}“, Zeile ${line}: die Spalte „id“ ist leer.`, {
        file,
        line,
      });
    const seen = firstLineOf.get(id);
    if (seen !== undefined)
      throw importError(
        'duplicate_area',
        `Datei „${file}“, Zeile ${line}: das Gebiet „${id}“ steht doppelt in der Datei (zuerst in Zeile ${seen}).`,
        { file, line, id },
      );
    firstLineOf.set(id, line);
    out.ids.push(id);
    out.names.push(r[nameAt]!.trim());
    const pop = num(popAt, header[popAt]!);
    out.population.push(pop !== pop ? null : pop);
    indicatorCols.forEach((c, k) => (out.columns[k]!.values[i] = num(c.at, c.header)));
  });
  return out;
}
