/**
 * Text encoding of CSV files from statistics offices, decided and checked while streaming.
 *
 * Rule: a byte order mark decides (UTF-8 `EF BB BF`, UTF-16 `FF FE` / `FE FF`). Otherwise up to
 * `prefixBytes` (64 KiB) from the first non-ASCII byte on are examined: if their non-ASCII bytes
 * form valid UTF-8 sequences at least as often as invalid ones, the file is UTF-8, else
 * Windows-1252 (the encoding of "CSV" saved by German Excel). Pure ASCII decides nothing (it reads
 * the same in both), so the decision waits for the first non-ASCII byte, wherever it comes.
 *
 * Mixed files (e.g. lines appended in another editor) are reported with their first line:
 * in a UTF-8 file, the first invalid sequence; in a Windows-1252 file, the first byte pair that
 * is a UTF-8 encoded Latin-1 letter (`Ã¤` for `ä`, `â€¦` for `…`) — those practically never occur
 * in German Windows-1252 text. Decoding goes on (invalid bytes become U+FFFD) so that the rest of
 * the file can still be checked.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** What the decoder found out; final after `end()`. */
export interface DecodeState {
  /** Null while only ASCII has been seen (reads the same in UTF-8 and Windows-1252). */
  encoding: TextEncoding | null;
  bom: boolean;
  /** First line (1-based) in another encoding than the file's, and that other encoding. */
  mixed: { line: number; other: TextEncoding } | null;
}

interface Utf8Scan {
  valid: number;
  invalid: number;
  firstInvalid: number;
  firstValid: number;
  /** Start of an incomplete sequence at the end (only when not final), else the end. */
  end: number;
}

/** Validates UTF-8 in `buf[start, end)`: counts of valid multibyte and invalid sequences. */
function scanUtf8(buf: Uint8Array, final: boolean, start = 0, stopAtInvalid = false): Utf8Scan {
  const n = buf.length;
  const r: Utf8Scan = { valid: 0, invalid: 0, firstInvalid: -1, firstValid: -1, end: n };
  let i = start;
  while (i < n) {
    const b = buf[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      if (b === 0xe0) lo = 0xa0;
      else if (b === 0xed) hi = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) lo = 0x90;
      else if (b === 0xf4) hi = 0x8f;
    } else need = -1;
    let ok = need > 0;
    let len = 1;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        if (i + k >= n) {
          if (!final) {
            r.end = i;
            return r;
          }
          ok = false;
          break;
        }
        const c = buf[i + k]!;
        const min = k === 1 ? lo : 0x80;
        const max = k === 1 ? hi : 0xbf;
        if (c < min || c > max) {
          ok = false;
          break;
        }
        len++;
      }
    }
    if (ok) {
      r.valid++;
      if (r.firstValid < 0) r.firstValid = i;
      i += len;
    } else {
      r.invalid++;
      if (r.firstInvalid < 0) r.firstInvalid = i;
      if (stopAtInvalid) return r;
      i++;
    }
  }
  return r;
}

/** First offset of a UTF-8 encoded Latin-1 letter or of `E2 80 xx` punctuation, or -1. */
function findUtf8Pattern(buf: Uint8Array): number {
  for (let i = 0; i < buf.length - 1; i++) {
    const b = buf[i]!;
    if (b !== 0xc2 && b !== 0xc3 && b !== 0xe2) continue;
    const c = buf[i + 1]!;
    if (b === 0xe2) {
      if (c === 0x80 && i + 2 < buf.length && buf[i + 2]! >= 0x80 && buf[i + 2]! <= 0xbf) return i;
    } else if (c >= 0x80 && c <= 0xbf) return i;
  }
  return -1;
}

function countNewlines(buf: Uint8Array, end = buf.length): number {
  let count = 0;
  let i = buf.indexOf(10);
  while (i >= 0 && i < end) {
    count++;
    i = buf.indexOf(10, i + 1);
  }
  return count;
}

const toBuffer = (u: Uint8Array): Buffer =>
  Buffer.isBuffer(u) ? u : Buffer.from(u.buffer, u.byteOffset, u.length);

/**
 * Incremental decoder: `write()` bytes, get text (possibly '' while the prefix is collected),
 * then `end()` for the rest. `state` tells the encoding and the first mixed line.
 */
export class StreamingDecoder {
  readonly state: DecodeState = { encoding: null, bom: false, mixed: null };
  private mode: 'prefix' | 'ascii' | TextEncoding = 'prefix';
  private pending: Buffer[] = [];
  private pendingLength = 0;
  private carry: Buffer | null = null;
  /** Newlines in the bytes already decoded; kept while no mixed line is known. */
  private newlines = 0;
  private utf16: TextDecoder | null = null;

  constructor(private readonly prefixBytes = 64 * 1024) {}

  write(chunk: Uint8Array): string {
    const buf = toBuffer(chunk);
    if (this.mode !== 'prefix') return this.process(buf, false);
    this.pending.push(buf);
    this.pendingLength += buf.length;
    if (this.pendingLength < this.prefixBytes) return '';
    return this.decidePrefix(false);
  }

  end(): string {
    let text = this.mode === 'prefix' ? this.decidePrefix(true) : '';
    text += this.process(Buffer.alloc(0), true);
    if (this.state.encoding === null) this.state.encoding = 'utf-8';
    return text;
  }

  private decidePrefix(final: boolean): string {
    let buf = Buffer.concat(this.pending, this.pendingLength);
    this.pending = [];
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      this.state.bom = true;
      this.setMode('utf-8');
      buf = buf.subarray(3);
    } else if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
      this.state.bom = true;
      this.setMode(buf[0] === 0xff ? 'utf-16le' : 'utf-16be');
      this.utf16 = new TextDecoder(this.mode, { ignoreBOM: false });
    } else {
      this.mode = 'ascii';
    }
    return this.process(buf, final);
  }

  private setMode(mode: TextEncoding): void {
    this.mode = mode;
    this.state.encoding = mode;
  }

  private mixedAt(buf: Uint8Array, offset: number, other: TextEncoding): void {
    if (this.state.mixed) return;
    this.state.mixed = { line: this.newlines + countNewlines(buf, offset) + 1, other };
  }

  private process(buf: Buffer, final: boolean): string {
    switch (this.mode) {
      case 'ascii':
        return this.processAscii(buf, final);
      case 'utf-8':
        return this.processUtf8(buf, final);
      case 'windows-1252':
        return this.processWindows1252(buf);
      case 'utf-16le':
      case 'utf-16be':
        return final ? this.utf16!.decode(buf) : this.utf16!.decode(buf, { stream: true });
      default:
        return '';
    }
  }

  private processAscii(chunk: Buffer, final: boolean): string {
    let buf = chunk;
    if (this.carry) {
      buf = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    let i = 0;
    while (i < buf.length && buf[i]! < 0x80) i++;
    if (i === buf.length) {
      this.newlines += countNewlines(buf);
      return buf.toString('latin1');
    }
    const head = buf.subarray(0, i);
    const rest = buf.subarray(i);
    this.newlines += countNewlines(head);
    // Decide on (at most) the next prefixBytes from the first non-ASCII byte on.
    const probe = scanUtf8(rest.subarray(0, this.prefixBytes), final || rest.length > this.prefixBytes);
    if (probe.valid === 0 && probe.invalid === 0) {
      // Only an incomplete sequence at the chunk end: wait for the next bytes.
      this.carry = Buffer.from(rest);
      return head.toString('latin1');
    }
    if (probe.valid >= probe.invalid) {
      this.setMode('utf-8');
      if (probe.invalid > 0) this.mixedAt(rest, probe.firstInvalid, 'windows-1252');
    } else {
      this.setMode('windows-1252');
      if (probe.valid > 0) this.mixedAt(rest, probe.firstValid, 'utf-8');
    }
    return head.toString('latin1') + this.process(rest, final);
  }

  private processUtf8(chunk: Buffer, final: boolean): string {
    let buf = chunk;
    if (this.carry) {
      buf = Buffer.concat([this.carry, chunk]);
      this.carry = null;
    }
    let end = buf.length;
    if (!final) {
      // Hold back an incomplete sequence at the end for the next chunk.
      let k = end - 1;
      while (k >= 0 && k >= end - 3 && (buf[k]! & 0xc0) === 0x80) k--;
      if (k >= 0 && buf[k]! >= 0xc0) {
        const lead = buf[k]!;
        const len = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
        if (k + len > end) end = k;
      }
    }
    const body = end === buf.length ? buf : buf.subarray(0, end);
    if (end < buf.length) this.carry = Buffer.from(buf.subarray(end));
    if (!this.state.mixed) {
      if (!isUtf8(body)) {
        const scan = scanUtf8(body, true, 0, true);
        this.mixedAt(body, scan.firstInvalid, 'windows-1252');
      } else {
        this.newlines += countNewlines(body);
      }
    }
    return body.toString('utf8');
  }

  private processWindows1252(buf: Buffer): string {
    if (!this.state.mixed) {
      const at = findUtf8Pattern(buf);
      if (at >= 0) this.mixedAt(buf, at, 'utf-8');
      else this.newlines += countNewlines(buf);
    }
    return iconv.decode(buf, 'win1252');
  }
}

/** Human name of an encoding for messages. */
export function encodingName(e: TextEncoding): string {
  return e === 'windows-1252' ? 'Windows-1252 (ANSI)' : e.toUpperCase();
}
