/*
 * Streaming CSV splitter over raw bytes: the file is read in large chunks into one reusable
 * buffer, and each record's fields are reported as byte ranges. Nothing is decoded unless the
 * caller asks for it, so the hot loop touches every byte once and allocates nothing.
 */
import { open } from 'node:fs/promises';
import { importError } from '../../core/errors.ts';
import { microdataMessages as msg } from './messages.ts';

export type Encoding = 'utf-8' | 'windows-1252';

/** What the first line of the file says about its layout. */
export interface CsvHeader {
  /** Column names as written (decoded, trimmed, quotes removed). */
  names: string[];
  delimiter: ';' | ',' | '\t';
  encoding: Encoding;
}

/** Byte ranges of the current record's fields; reused for every record. */
export interface RecordFields {
  starts: Int32Array;
  ends: Int32Array;
  /** 1 where a quoted field contains doubled quotes (`""`) that decoding must undo. */
  escaped: Uint8Array;
  /** Number of fields in the record (may exceed the header's; only those are stored). */
  count: number;
  /** A quoted field is not closed, or text follows its closing quote. */
  malformed: boolean;
}

export type RecordVisitor = (buf: Uint8Array, fields: RecordFields) => void;

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const DEFAULT_CHUNK = 8 << 20;
/** A record longer than this is not a register extract; refuse instead of growing forever. */
const MAX_RECORD = 64 << 20;

const utf8Strict = new TextDecoder('utf-8', { fatal: true });
const cp1252 = new TextDecoder('windows-1252');

/**
 * Text of `buf[start, end)`. UTF-8 files fall back to Windows-1252 for a field that is not valid
 * UTF-8, so a file that is pure ASCII in its first megabytes and has an umlaut later still reads.
 */
export function decodeField(
  buf: Uint8Array,
  start: number,
  end: number,
  encoding: Encoding,
  escaped = false,
): string {
  const bytes = buf.subarray(start, end);
  let text: string;
  if (encoding === 'windows-1252') text = cp1252.decode(bytes);
  else {
    try {
      text = utf8Strict.decode(bytes);
    } catch {
      text = cp1252.decode(bytes);
    }
  }
  return escaped ? text.replaceAll('""', '"') : text;
}

/** UTF-8 unless the sample has a byte sequence that is not UTF-8 (then Windows-1252). */
export function detectEncoding(sample: Uint8Array): Encoding {
  try {
    // `stream` tolerates a character cut off at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return 'utf-8';
  } catch {
    return 'windows-1252';
  }
}

/** The most frequent of `;`, `,` and tab outside quotes in the header line (`;` on a tie). */
function detectDelimiter(buf: Uint8Array, start: number, end: number): CsvHeader['delimiter'] {
  const counts = new Map<number, number>([
    [0x3b, 0],
    [0x2c, 0],
    [0x09, 0],
  ]);
  let quoted = false;
  for (let i = start; i < end && buf[i] !== LF; i++) {
    const c = buf[i]!;
    if (c === QUOTE) quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  const [semi, comma, tab] = [counts.get(0x3b)!, counts.get(0x2c)!, counts.get(0x09)!];
  if (tab > semi && tab > comma) return '\t';
  return comma > semi ? ',' : ';';
}

/**
 * Splits one record starting at `pos`. Returns the position after it, or -1 when the record is
 * not complete in `buf[pos, end)` and more bytes will follow (`final` false).
 */
function scanRecord(
  buf: Uint8Array,
  pos: number,
  end: number,
  final: boolean,
  sep: number,
  f: RecordFields,
): number {
  const cap = f.starts.length;
  let col = 0;
  let i = pos;
  f.malformed = false;
  for (;;) {
    let s = i;
    let e: number;
    let escaped = 0;
    if (i < end && buf[i] === QUOTE) {
      let j = i + 1;
      for (;;) {
        if (j >= end) {
          if (!final) return -1;
          f.malformed = true;
          break;
        }
        if (buf[j] === QUOTE) {
          if (j + 1 >= end && !final) return -1;
          if (buf[j + 1] === QUOTE) {
            escaped = 1;
            j += 2;
            continue;
          }
          break;
        }
        j++;
      }
      s = i + 1;
      e = Math.min(j, end);
      i = j + 1;
      // Anything but the delimiter or the line end after the closing quote is malformed.
      while (i < end) {
        const c = buf[i]!;
        if (c === sep || c === LF) break;
        if (c !== CR) f.malformed = true;
        i++;
      }
    } else {
      while (i < end) {
        const c = buf[i]!;
        if (c === sep || c === LF) break;
        i++;
      }
      e = i;
    }
    if (i >= end && !final) return -1;
    const last = i >= end || buf[i] === LF;
    if (last && e > s && buf[e - 1] === CR) e--;
    if (col < cap) {
      f.starts[col] = s;
      f.ends[col] = e;
      f.escaped[col] = escaped;
    }
    col++;
    if (last) {
      f.count = col;
      return i >= end ? end : i + 1;
    }
    i++;
  }
}

/**
 * Reads a CSV file chunk by chunk. The header line decides delimiter and encoding (a UTF-8 BOM is
 * skipped; bytes that are not UTF-8 in the first chunk mean Windows-1252); `onHeader` returns the
 * visitor (`visit`) that is then called for every record after the header, with the fields' byte ranges
 * in a buffer that is only valid during the call.
 * @returns what `onHeader` returned (the visitor and whatever it counted)
 * @throws `import.microdata_empty` when the file has no header line
 */
export async function scanCsv<T extends { visit: RecordVisitor }>(
  path: string,
  fileName: string,
  onHeader: (header: CsvHeader) => T,
  chunkSize = DEFAULT_CHUNK,
): Promise<T> {
  const fh = await open(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(chunkSize);
    let filled = 0;
    let eof = false;
    const fill = async () => {
      while (!eof && filled < buf.length) {
        const { bytesRead } = await fh.read(buf, filled, buf.length - filled, null);
        if (bytesRead === 0) eof = true;
        filled += bytesRead;
      }
    };
    await fill();
    // The header must be complete in the buffer (only matters for tiny chunks or huge headers).
    while (!eof && buf.subarray(0, filled).indexOf(LF) < 0) {
      if (buf.length >= MAX_RECORD) throw importError('microdata_line_too_long', msg.lineTooLong(fileName));
      const grown = Buffer.allocUnsafe(buf.length * 2);
      buf.copy(grown, 0, 0, filled);
      buf = grown;
      await fill();
    }
    let pos = filled >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    const bom = pos === 3;
    const encoding: Encoding = bom ? 'utf-8' : detectEncoding(buf.subarray(0, filled));
    const delimiter = detectDelimiter(buf, pos, filled);
    const sep = delimiter.charCodeAt(0);
    const probe: RecordFields = {
      starts: new Int32Array(4096),
      ends: new Int32Array(4096),
      escaped: new Uint8Array(4096),
      count: 0,
      malformed: false,
    };
    const afterHeader = scanRecord(buf, pos, filled, eof, sep, probe);
    if (afterHeader < 0 || (probe.count === 1 && probe.ends[0] === probe.starts[0])) {
      throw importError('microdata_empty', msg.empty(fileName), { file: fileName });
    }
    const names = Array.from({ length: Math.min(probe.count, 4096) }, (_, k) =>
      decodeField(buf, probe.starts[k]!, probe.ends[k]!, encoding, probe.escaped[k] === 1).trim(),
    );
    const reader = onHeader({ names, delimiter, encoding });
    const visit = reader.visit;
    pos = afterHeader;
    const n = names.length + 1; // one spare slot shows a surplus field
    const fields: RecordFields = {
      starts: new Int32Array(n),
      ends: new Int32Array(n),
      escaped: new Uint8Array(n),
      count: 0,
      malformed: false,
    };
    for (;;) {
      while (pos < filled) {
        const next = scanRecord(buf, pos, filled, eof, sep, fields);
        if (next < 0) break;
        visit(buf, fields);
        pos = next;
      }
      if (eof) return reader;
      if (pos === 0 && filled === buf.length) {
        if (buf.length >= MAX_RECORD) throw importError('microdata_line_too_long', msg.lineTooLong(fileName));
        const grown = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(grown, 0, 0, filled);
        buf = grown;
      } else {
        buf.copyWithin(0, pos, filled);
        filled -= pos;
        pos = 0;
      }
      const before = filled;
      while (!eof && filled < buf.length) {
        const { bytesRead } = await fh.read(buf, filled, buf.length - filled, null);
        if (bytesRead === 0) eof = true;
        filled += bytesRead;
        if (filled - before >= chunkSize >> 1) break;
      }
    }
  } finally {
    await fh.close();
  }
}
