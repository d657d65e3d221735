import { importError } from '../../core/errors.ts';
import { readerMessages } from './messages.ts';

/** A dBASE field descriptor. */
export type DbfField = { name: string; type: string; length: number; decimals: number };

/** One dBASE record: its 1-based number, the deletion flag and each field's raw text (trimmed). */
export type DbfRow = { record: number; deleted: boolean; texts: string[] };

export type DbfTable = { fields: DbfField[]; rows: DbfRow[] };

/**
 * Reads a dBASE III/IV table (the attribute part of a shapefile).
 *
 * Layout after the dBASE III specification (header: record count at byte 4, header length at 8,
 * record length at 10; 32-byte field descriptors up to 0x0D). Values are kept as raw text so that
 * keys keep their leading zeros; `dbfValue` gives typed values. Deleted records are flagged, not
 * dropped, so the numbering stays aligned with the .shp.
 *
 * @param decoder decoder for the encoding of the text (see `dbfEncoding`)
 * @throws `import.dbf_corrupt` for a truncated or inconsistent file
 */
export function parseDbf(data: Uint8Array, fileName: string, decoder: TextDecoder): DbfTable {
  const corrupt = (detail: string, record?: number) =>
    importError('dbf_corrupt', readerMessages.dbfCorrupt(fileName, detail), { file: fileName, record });
  if (data.length < 33) throw corrupt('zu kurz für einen dBASE-Dateikopf');
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const count = view.getUint32(4, true);
  const headerLength = view.getUint16(8, true);
  const recordLength = view.getUint16(10, true);
  if (headerLength < 33 || headerLength > data.length) throw corrupt('der Dateikopf ist ungültig');

  const fields: DbfField[] = [];
  for (let o = 32; o + 32 <= headerLength && data[o] !== 0x0d; o += 32) {
    let end = o;
    while (end < o + 11 && data[end] !== 0) end++;
    fields.push({
      name: decoder.decode(data.subarray(o, end)).trim(),
      type: String.fromCharCode(data[o + 11]!).toUpperCase(),
      length: data[o + 16]!,
      decimals: data[o + 17]!,
    });
  }
  const width = fields.reduce((sum, f) => sum + f.length, 1);
  if (fields.length === 0 || width > recordLength)
    throw corrupt('die Feldbeschreibungen passen nicht zur Satzlänge');

  const rows: DbfRow[] = [];
  for (let r = 0; r < count; r++) {
    const start = headerLength + r * recordLength;
    if (start + recordLength > data.length) {
      throw corrupt(`laut Dateikopf ${count} Datensätze, die Datei endet aber in Datensatz ${r + 1}`, r + 1);
    }
    let at = start + 1;
    const texts = fields.map((f) => {
      const bytes = data.subarray(at, (at += f.length));
      return f.type === 'I' && f.length === 4
        ? String(new DataView(bytes.buffer, bytes.byteOffset, 4).getInt32(0, true))
        : decoder.decode(bytes).trim();
    });
    rows.push({ record: r + 1, deleted: data[start] === 0x2a, texts });
  }
  return { fields, rows };
}

/**
 * Typed value of a dBASE field: numbers for N/F/I, booleans for L, `YYYY-MM-DD` for D, else text;
 * null for empty values and overflow markers (`****`).
 */
export function dbfValue(field: DbfField, text: string): string | number | boolean | null {
  if (text === '') return null;
  switch (field.type) {
    case 'N':
    case 'F':
    case 'I': {
      const n = Number(text);
      return Number.isFinite(n) ? n : null;
    }
    case 'L':
      return /^[TtYyJj]$/.test(text) ? true : /^[FfNn]$/.test(text) ? false : null;
    case 'D':
      return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : null;
    default:
      return text;
  }
}
