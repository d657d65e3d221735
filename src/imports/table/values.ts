/**
 * Cell values of statistics tables: German and English number formats and the official symbols
 * of German statistics ("Zeichenerklärung" of the Statistische Ämter des Bundes und der Länder).
 *
 * Decisions (the data model knows the statuses 'value' | 'secret' | 'missing' | 'estimated'):
 *
 * | cell            | meaning (official)                                | status      | value |
 * |-----------------|---------------------------------------------------|-------------|-------|
 * | `.` or `·`      | Zahlenwert unbekannt oder geheim zu halten        | `secret`    | null  |
 * | `*`             | anonymisiert (Statistik der Bundesagentur f. Arbeit) | `secret` | null  |
 * | `/`             | keine Angabe, da Zahlenwert nicht sicher genug    | `secret`    | null  |
 * | `-` (also – —)  | nichts vorhanden (genau null)                     | `missing`   | null  |
 * | `x`             | Tabellenfach gesperrt, weil Aussage nicht sinnvoll | `missing`  | null  |
 * | `…` or `...`    | Angabe fällt später an                            | `missing`   | null  |
 * | `k.A.`          | keine Angabe                                      | `missing`   | null  |
 * | `123p`, `123 s` | vorläufige / geschätzte Zahl                      | `estimated` | 123   |
 * | `123r`          | berichtigte Zahl (a final, corrected value)       | `value`     | 123   |
 * | `(123)`         | Aussagewert eingeschränkt (statistisch unsicher)  | `estimated` | 123   |
 *
 * - `/` is `secret`, not `missing`: a number exists but the office withholds it (here for its
 *   sampling error), exactly like `.`; aggregates over such cells must be flagged, not computed.
 * - `-` is `missing` with value null, not 0: it is the office's statement "nothing there", but the
 *   data model has no status for "zero by symbol"; the record keeps `symbol: '-'` so a later step
 *   may read it as 0 where that is what the indicator needs.
 *
 * Number formats (rule, applied per cell, ambiguities settled per column):
 * - `1234`, `-1234` (also with U+2212 minus), `1234,5` and `1234.5` are plain numbers.
 * - With grouping: `1.234.567`, `1.234,5` (German), `1,234,567`, `1,234.5` (English),
 *   `1 234 567` and `1 234,5` (space, no-break space or narrow no-break space, also `'`):
 *   the groups after the first must have exactly three digits, the decimal separator must
 *   differ from the grouping separator.
 * - A single separator followed by exactly three digits after one to three leading digits
 *   (`1.234`, `12,345`) is ambiguous. It is read by the column's convention: German (`de`,
 *   `1.234` = 1234, `1,234` = 1.234) unless the column's other values show a decimal point
 *   (`4.22594`, `1023101.0`), which makes it English (`en`). Without any hint the German reading
 *   is used (statistics offices publish German formats) and a warning is reported.
 * - A trailing `%` is dropped. Exponents (`1.5e3`) are accepted.
 * - Text starting with `=`, `+`, `@`, a tab or carriage return, or `-` followed by a letter, is
 *   treated as a spreadsheet formula: never interpreted, an error in a value column.
 */
import type { ValueStatus } from '../../core/value-status.ts';
import type { CellValue } from './types.ts';

/** Official symbols, normalised spelling → status and meaning. */
export const OFFICIAL_SYMBOLS: Readonly<Record<string, { status: 'secret' | 'missing'; meaning: string }>> = {
  '.': { status: 'secret', meaning: 'Zahlenwert unbekannt oder geheim zu halten' },
  '·': { status: 'secret', meaning: 'Zahlenwert unbekannt oder geheim zu halten' },
  '*': { status: 'secret', meaning: 'anonymisiert (Geheimhaltung)' },
  '/': { status: 'secret', meaning: 'keine Angabe, da Zahlenwert nicht sicher genug' },
  '-': { status: 'missing', meaning: 'nichts vorhanden (genau null)' },
  x: { status: 'missing', meaning: 'Tabellenfach gesperrt, weil Aussage nicht sinnvoll' },
  '…': { status: 'missing', meaning: 'Angabe fällt später an' },
  'k.A.': { status: 'missing', meaning: 'keine Angabe' },
};

const SYMBOL_SPELLINGS: Readonly<Record<string, string>> = {
  '.': '.',
  '·': '·',
  '•': '·',
  '*': '*',
  '/': '/',
  '-': '-',
  '–': '-',
  '—': '-',
  '−': '-',
  x: 'x',
  X: 'x',
  '…': '…',
  '...': '…',
  'k.A.': 'k.A.',
  'k. A.': 'k.A.',
  'k.a.': 'k.A.',
};

/** Number convention of a column: how `1.234` and `1,234` are read. */
export type NumberConvention = 'de' | 'en';

export type ParsedValue =
  | { kind: 'number'; value: number; status: 'value' | 'estimated'; ambiguous?: boolean }
  | { kind: 'symbol'; status: 'secret' | 'missing'; symbol: string }
  | { kind: 'empty' }
  | { kind: 'text'; text: string }
  | { kind: 'formula'; text: string };

const EMPTY: ParsedValue = { kind: 'empty' };
const DIGITS_ONLY = /^\d{1,15}$/;
const SINGLE_SEP = /^(\d+)([.,])(\d+)$/;
const GROUPED = /^(\d{1,3})((?:([., \u00a0\u202f'])\d{3})(?:\3\d{3})*)(?:([.,])(\d+))?$/;
const EXPONENT = /^\d+(?:\.\d+)?e[+-]?\d+$/i;
const FLAG = /^(.*?\d)\s?([prs])$/;

/**
 * True for text a spreadsheet would run as a formula (OWASP "CSV injection"): first character
 * `=`, `+`, `@`, tab or carriage return, or `-` followed by a letter, `(`, `=`, `+` or `@`.
 * Leading spaces are ignored, as some spreadsheet programs do.
 *
 * @example looksLikeFormula('=SUMME(A1:A3)') // true
 * @example looksLikeFormula('-12,5') // false
 */
export function looksLikeFormula(text: string): boolean {
  const c0 = text.charCodeAt(0);
  if (c0 === 9 || c0 === 13) return true;
  const t = c0 === 32 ? text.trimStart() : text;
  const c = t[0];
  if (c === '=' || c === '+' || c === '@') return true;
  return c === '-' && t.length > 1 && /^-[\p{L}(=+@]/u.test(t);
}

/**
 * Makes text safe to write into a CSV/XLSX cell that a spreadsheet program opens: text that could
 * run as a formula gets a leading apostrophe, which spreadsheets show as text. For the exporter;
 * numbers should be written as numbers, not through this function.
 *
 * @example neutraliseSpreadsheetCell('=HYPERLINK("http://x")') // "'=HYPERLINK(\"http://x\")"
 * @example neutraliseSpreadsheetCell('Köln') // 'Köln'
 */
export function neutraliseSpreadsheetCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) || /^\s+[=+\-@]/.test(text) ? `'${text}` : text;
}

/** The official symbol spelled by `text` (normalised), or null. */
export function officialSymbol(text: string): string | null {
  return SYMBOL_SPELLINGS[text] ?? null;
}

/**
 * Reads a number in German or English notation; null when the text is no number.
 * `ambiguous` is set when `1.234`/`1,234` had to be settled by the convention.
 *
 * @example parseNumberText('1.234,5', 'de') // { value: 1234.5, ambiguous: false }
 * @example parseNumberText('1.234', 'en') // { value: 1.234, ambiguous: true }
 */
export function parseNumberText(
  text: string,
  convention: NumberConvention,
): { value: number; ambiguous: boolean } | null {
  let s = text;
  let sign = 1;
  const c0 = s.charCodeAt(0);
  if (c0 === 45 /* - */ || c0 === 0x2212) {
    sign = -1;
    s = s.slice(1);
  }
  if (s.endsWith('%')) s = s.slice(0, -1).trimEnd();
  if (DIGITS_ONLY.test(s)) return { value: sign * Number(s), ambiguous: false };
  let m = SINGLE_SEP.exec(s);
  if (m) {
    const [, int, sep, frac] = m as unknown as [string, string, string, string];
    const ambiguous = frac.length === 3 && /^[1-9]\d{0,2}$/.test(int);
    const grouping =
      ambiguous && ((sep === '.' && convention === 'de') || (sep === ',' && convention === 'en'));
    const value = grouping ? Number(int + frac) : Number(`${int}.${frac}`);
    return { value: sign * value, ambiguous };
  }
  m = GROUPED.exec(s);
  if (m) {
    const [, head, groups, group, dec, frac] = m as unknown as [
      string,
      string,
      string,
      string,
      string?,
      string?,
    ];
    if (dec !== undefined && dec === group) return null;
    const digits = head + groups.split(group).join('');
    const value = Number(frac === undefined ? digits : `${digits}.${frac}`);
    return { value: sign * value, ambiguous: false };
  }
  if (/^[.,]\d+$/.test(s)) return { value: sign * Number(`0.${s.slice(1)}`), ambiguous: false };
  if (EXPONENT.test(s)) return { value: sign * Number(s), ambiguous: false };
  return null;
}

/**
 * Fast path for the common unambiguous forms `123`, `-123`, `123,5`, `123.5` (no grouping, not the
 * ambiguous `1.234`/`1,234`); undefined for everything else, which takes the full path.
 */
export function quickNumber(s: string): number | undefined {
  const len = s.length;
  const start = s.charCodeAt(0) === 45 ? 1 : 0;
  if (start >= len || len - start > 17) return undefined;
  let sep = -1;
  for (let i = start; i < len; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) continue;
    if ((c === 44 || c === 46) && sep < 0 && i > start && i < len - 1) {
      sep = i;
      continue;
    }
    return undefined;
  }
  if (sep < 0) return Number(s);
  if (len - sep - 1 === 3 && sep - start <= 3 && s.charCodeAt(start) !== 48) return undefined;
  return s.charCodeAt(sep) === 46 ? Number(s) : Number(`${s.slice(0, sep)}.${s.slice(sep + 1)}`);
}

/**
 * Interprets one cell of a value column.
 *
 * @param cell CSV text or an XLSX value (numbers are taken as they are)
 * @param convention how ambiguous `1.234` / `1,234` are read (see the module comment)
 * @example parseValue('12.345,6', 'de') // { kind: 'number', value: 12345.6, status: 'value' }
 * @example parseValue('·', 'de') // { kind: 'symbol', status: 'secret', symbol: '·' }
 * @example parseValue('1234p', 'de') // { kind: 'number', value: 1234, status: 'estimated' }
 */
export function parseValue(cell: CellValue, convention: NumberConvention = 'de'): ParsedValue {
  if (cell === null) return EMPTY;
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { kind: 'number', value: cell, status: 'value' }
      : { kind: 'text', text: String(cell) };
  }
  if (typeof cell === 'boolean') return { kind: 'text', text: String(cell) };
  if (cell instanceof Date) return { kind: 'text', text: cell.toISOString().slice(0, 10) };
  if (typeof cell === 'object') return { kind: 'formula', text: `=${cell.formula}` };
  const quick = quickNumber(cell);
  if (quick !== undefined) return { kind: 'number', value: quick, status: 'value' };
  if (looksLikeFormula(cell)) return { kind: 'formula', text: cell };
  const t = cell.trim();
  if (t === '') return EMPTY;
  const symbol = SYMBOL_SPELLINGS[t];
  if (symbol !== undefined) return { kind: 'symbol', status: OFFICIAL_SYMBOLS[symbol]!.status, symbol };
  let status: 'value' | 'estimated' = 'value';
  let body = t;
  if (body.startsWith('(') && body.endsWith(')')) {
    body = body.slice(1, -1).trim();
    status = 'estimated';
  }
  const flag = FLAG.exec(body);
  if (flag) {
    body = flag[1]!;
    if (flag[2] !== 'r') status = 'estimated';
  }
  const n = parseNumberText(body, convention);
  if (n === null) return { kind: 'text', text: t };
  return n.ambiguous
    ? { kind: 'number', value: n.value, status, ambiguous: true }
    : { kind: 'number', value: n.value, status };
}

/**
 * Settles a column's convention from sample cells: a decimal point that cannot be a grouping point
 * (`4.22594`, `1023101.0`, `1,234.5`) means English; a decimal comma (`12,5`, `1.234,5`) means
 * German; null when the sample shows neither.
 */
export function conventionFromSample(cells: Iterable<CellValue>): NumberConvention | null {
  let de = 0;
  let en = 0;
  for (const cell of cells) {
    if (typeof cell !== 'string') continue;
    const t = cell.trim().replace(/^[-−]/, '');
    const m = SINGLE_SEP.exec(t);
    if (m) {
      const ambiguous = m[3]!.length === 3 && /^[1-9]\d{0,2}$/.test(m[1]!);
      if (!ambiguous) {
        if (m[2] === '.') en++;
        else de++;
      }
      continue;
    }
    const g = GROUPED.exec(t);
    if (g && g[4] !== undefined) {
      if (g[4] === ',') de++;
      else en++;
    }
  }
  if (de === 0 && en === 0) return null;
  return de >= en ? 'de' : 'en';
}

/** Status meaning of a GENESIS quality column (`…__q`): e endgültig, p/v vorläufig, s geschätzt, r berichtigt. */
export function qualityStatus(flag: string): ValueStatus | null {
  switch (flag.trim().toLowerCase()) {
    case 'p':
    case 'v':
    case 's':
      return 'estimated';
    case 'e':
    case 'r':
    case '':
      return 'value';
    default:
      return null;
  }
}
