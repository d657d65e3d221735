import { importError } from '../../core/errors.ts';
import { readerMessages } from './messages.ts';

/**
 * Chooses the text encoding of a .dbf file.
 *
 * The `.cpg` file names it (ESRI convention: `UTF-8`, `1252`, `ANSI 1252`, `ISO-8859-1`, `CP1252` …).
 * Without a `.cpg`, the dBASE default of German GIS exports, Windows-1252, is assumed — unless the
 * text bytes are valid UTF-8 containing non-ASCII characters: Windows-1252 umlauts practically
 * never form valid UTF-8 sequences, while many tools write UTF-8 and forget the `.cpg`.
 *
 * @param cpg content and name of the `.cpg` file, if any
 * @param text the bytes to be decoded (the .dbf records), for the UTF-8 check
 * @returns a WHATWG encoding label usable with `TextDecoder`
 * @throws `import.unknown_encoding` when the `.cpg` names an encoding Node cannot decode
 */
export function dbfEncoding(cpg: { name: string; text: string } | undefined, text: Uint8Array): string {
  if (cpg && cpg.text.trim() !== '') {
    const label = cpg.text.trim();
    const normalized = normalizeLabel(label);
    if (normalized) return normalized;
    throw importError('unknown_encoding', readerMessages.unknownEncoding(cpg.name, label), {
      file: cpg.name,
      encoding: label,
    });
  }
  return isUtf8WithNonAscii(text) ? 'utf-8' : 'windows-1252';
}

function normalizeLabel(label: string): string | null {
  const t = label.toUpperCase().replace(/\s+/g, ' ');
  let candidate: string = t;
  let m: RegExpExecArray | null;
  if (/^(UTF-?8|65001)$/.test(t)) candidate = 'utf-8';
  else if ((m = /^(?:ANSI |CP|WINDOWS-?|MS)?(125\d)$/.exec(t))) candidate = `windows-${m[1]}`;
  else if ((m = /^(?:ISO[-_ ]?)?8859[-_ ]?(\d{1,2})$/.exec(t))) candidate = `iso-8859-${m[1]}`;
  else if (t === '88591') candidate = 'iso-8859-1';
  else if (t === 'LATIN1' || t === 'LATIN-1') candidate = 'iso-8859-1';
  try {
    new TextDecoder(candidate);
    return candidate.toLowerCase();
  } catch {
    return null;
  }
}

function isUtf8WithNonAscii(bytes: Uint8Array): boolean {
  if (!bytes.some((b) => b >= 0x80)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}
