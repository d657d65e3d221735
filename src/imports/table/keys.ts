/**
 * Area keys of a table matched against the known keys of a level.
 *
 * Order of the rules (the first that finds exactly one known key wins):
 * 1. exact text (trimmed; an XLSX number `1001000` is its integer text, `"101.0"` counts as `101`);
 * 2. without leading zeros on both sides (`'0101'` = `'101'`, Kreis `1001` = `01001`), unless two
 *    known keys differ only in leading zeros;
 * 3. municipalities: a 12-digit ARS (Amtlicher Regionalschlüssel) matches an 8-digit AGS
 *    (Amtlicher Gemeindeschlüssel) and vice versa by the rule of the Statistisches Bundesamt
 *    ARS = AGS[0..5] (Land, Regierungsbezirk, Kreis) + 4-digit Gemeindeverband + AGS[5..8]
 *    (Gemeinde), so AGS = ARS[0..5] + ARS[9..12]. Both may lack the leading zero of the Land
 *    (7 or 11 digits, e.g. from a number column in Excel).
 */
import type { CellValue } from './types.ts';

const DIGITS = /^\d+$/;

/**
 * A copy of a string that does not keep its source alive. V8 represents substrings (a cell split
 * from a 256 KB chunk) as slices of the whole chunk; a cache keyed by such a slice would keep every
 * chunk that brought a new key. Used only when a cache or a report keeps a string.
 */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/** Key text of a cell: trimmed, integral numbers without decimals, '' when empty. */
export function keyText(cell: CellValue): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell !== 'string') return '';
  let t = cell.trim();
  if (t.length > 1 && t.startsWith("'")) t = t.slice(1);
  const m = /^(\d+)\.0+$/.exec(t);
  if (m) return m[1]!;
  // "05 315 000": grouped digits of an AGS.
  if (/^\d+( \d+)+$/.test(t)) return t.replace(/ /g, '');
  return t;
}

const stripZeros = (k: string): string => k.replace(/^0+(?=.)/, '');

/** AGS (8 digits) of an ARS given with 11 or 12 digits, else null. */
export function agsFromArs(ars: string): string | null {
  if (!DIGITS.test(ars) || (ars.length !== 12 && ars.length !== 11)) return null;
  const a = ars.padStart(12, '0');
  return a.slice(0, 5) + a.slice(9, 12);
}

/** Matches raw keys of a file to the level's known keys (see the module comment). */
export class KeyMatcher {
  readonly keys: readonly string[];
  private readonly exact = new Map<string, number>();
  private readonly unpadded = new Map<string, number>();
  /** AGS (8 digits, unpadded) → index, from known AGS and from known ARS. */
  private readonly ags = new Map<string, number>();
  private readonly memo = new Map<string, number>();

  constructor(knownKeys: readonly string[]) {
    this.keys = knownKeys;
    const ambiguous = new Set<string>();
    const agsAmbiguous = new Set<string>();
    knownKeys.forEach((raw, i) => {
      const k = raw.trim();
      this.exact.set(k, i);
      const u = stripZeros(k);
      if (this.unpadded.has(u) && this.unpadded.get(u) !== i) ambiguous.add(u);
      else this.unpadded.set(u, i);
      if (DIGITS.test(k)) {
        const ags = k.length === 8 || k.length === 7 ? k.padStart(8, '0') : agsFromArs(k);
        if (ags) {
          const key = stripZeros(ags);
          if (this.ags.has(key) && this.ags.get(key) !== i) agsAmbiguous.add(key);
          else this.ags.set(key, i);
        }
      }
    });
    for (const u of ambiguous) this.unpadded.delete(u);
    for (const a of agsAmbiguous) this.ags.delete(a);
  }

  /** True when there are no known keys (then every non-empty key is accepted as it is). */
  get acceptsAll(): boolean {
    return this.keys.length === 0;
  }

  /** Index of the known key matching `text` (already `keyText`), or -1. */
  indexOf(text: string): number {
    const hit = this.memo.get(text);
    if (hit !== undefined) return hit;
    const i = this.lookup(text);
    if (this.memo.size > 200_000) this.memo.clear();
    this.memo.set(detach(text), i);
    return i;
  }

  /** The known key matching a cell, or null. */
  match(cell: CellValue): string | null {
    const i = this.indexOf(keyText(cell));
    return i < 0 ? null : this.keys[i]!;
  }

  private lookup(text: string): number {
    if (text === '') return -1;
    const e = this.exact.get(text);
    if (e !== undefined) return e;
    const u = this.unpadded.get(stripZeros(text));
    if (u !== undefined) return u;
    if (DIGITS.test(text)) {
      const ags = text.length === 8 || text.length === 7 ? text.padStart(8, '0') : agsFromArs(text);
      if (ags) {
        const a = this.ags.get(stripZeros(ags));
        if (a !== undefined) return a;
      }
    }
    return -1;
  }
}

/**
 * The column whose sample values match the most known keys (at least one), or null.
 *
 * @param sample data rows of the sample
 * @param candidates column indexes to consider
 * @returns the column and how many of its non-empty sample cells matched
 */
export function findKeyColumn(
  sample: readonly (readonly CellValue[])[],
  candidates: readonly number[],
  matcher: KeyMatcher,
): { column: number; matched: number; filled: number } | null {
  let best: { column: number; matched: number; filled: number } | null = null;
  for (const c of candidates) {
    let matched = 0;
    let filled = 0;
    for (const row of sample) {
      const t = keyText(row[c] ?? null);
      if (t === '') continue;
      filled++;
      if (matcher.indexOf(t) >= 0) matched++;
    }
    if (matched > 0 && (!best || matched > best.matched)) best = { column: c, matched, filled };
  }
  return best;
}

/**
 * Keys split over neighbouring columns (Berlin LOR tables: Bezirk `01`, Prognoseraum `10`,
 * Bezirksregion `01`, Planungsraum `01` → PLR `01100101`): the run of 2 to 4 adjacent columns of
 * digits whose concatenation matches the most known keys (at least half the sample rows), or null.
 */
export function findCompositeKeyColumns(
  sample: readonly (readonly CellValue[])[],
  candidates: readonly number[],
  matcher: KeyMatcher,
): number[] | null {
  const set = new Set(candidates);
  let best: { columns: number[]; matched: number } | null = null;
  const rows = sample.slice(0, 200);
  for (const start of candidates) {
    for (let w = 2; w <= 4; w++) {
      const cols = Array.from({ length: w }, (_, k) => start + k);
      if (!cols.every((c) => set.has(c))) break;
      let matched = 0;
      for (const row of rows) {
        const parts = cols.map((c) => keyText(row[c] ?? null));
        if (parts.some((t) => !DIGITS.test(t))) continue;
        if (matcher.indexOf(parts.join('')) >= 0) matched++;
      }
      if (matched * 2 >= rows.length && matched > 0 && (!best || matched > best.matched))
        best = { columns: cols, matched };
    }
  }
  return best?.columns ?? null;
}

/** Length and kind of the level's keys, to tell keys of another Gebietsstand from a wrong column. */
export interface KeyPattern {
  digits: boolean;
  lengths: ReadonlySet<number>;
}

/** The pattern of known keys, or null when they share none (mixed digits and letters). */
export function keyPattern(keys: readonly string[]): KeyPattern | null {
  if (keys.length === 0) return null;
  const digits = keys.every((k) => DIGITS.test(k.trim()));
  if (!digits && keys.some((k) => DIGITS.test(k.trim()))) return null;
  const lengths = new Set(keys.map((k) => k.trim().length));
  return lengths.size <= 3 ? { digits, lengths } : null;
}

export const fitsPattern = (p: KeyPattern, text: string): boolean =>
  text !== '' && p.lengths.has(text.length) && DIGITS.test(text) === p.digits;

/**
 * Where no cell matches a known key: the column, or run of 2 to 4 adjacent digit columns (Berlin's
 * split LOR keys), whose keys have the pattern of the level's keys in 90 % of the sample rows —
 * keys of another Gebietsstand, which then are reported as such rather than as a wrong column.
 *
 * @param idColumns candidate columns whose header names a key (…_id, Schlüssel, Nr …)
 */
export function findPatternColumns(
  sample: readonly (readonly CellValue[])[],
  idColumns: readonly number[],
  pattern: KeyPattern,
): number[] | null {
  const rows = sample.slice(0, 200);
  if (rows.length === 0) return null;
  const fits = (cols: readonly number[]) => {
    let n = 0;
    for (const row of rows) {
      const parts = cols.map((c) => keyText(row[c] ?? null));
      if (cols.length > 1 && parts.some((t) => !DIGITS.test(t))) continue;
      if (fitsPattern(pattern, parts.join(''))) n++;
    }
    return n >= rows.length * 0.9;
  };
  for (const c of idColumns) if (fits([c])) return [c];
  const set = new Set(idColumns);
  for (const start of idColumns) {
    for (let w = 2; w <= 4; w++) {
      const cols = Array.from({ length: w }, (_, k) => start + k);
      if (!cols.every((c) => set.has(c))) break;
      if (fits(cols)) return cols;
    }
  }
  return null;
}
