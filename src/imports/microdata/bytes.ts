/*
 * Byte-level parsing for the microdata hot loop: numbers, dates and keys are read straight from
 * the file buffer, so a million rows create no per-row strings.
 */

const ZERO = 0x30;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const COMMA = 0x2c;
const SPACE = 0x20;

/** Powers of ten that are exact doubles. */
const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/**
 * Decimal number in `buf[start, end)`: optional sign, digits, optional fraction after `.` (or `,`
 * when `decimalComma`). Surrounding blanks are ignored; an empty field gives `NaN`, as does
 * anything else the fast path does not cover except exponents and long numbers, which go through
 * `Number()`. With at most 15 significant digits the result is the correctly rounded double,
 * exactly what `Number(text)` gives: numerator and 10^k are exact and IEEE division rounds once.
 */
export function parseDecimal(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  while (start < end && buf[start] === SPACE) start++;
  while (end > start && buf[end - 1] === SPACE) end--;
  if (start >= end) return NaN;
  let i = start;
  let negative = false;
  const first = buf[i]!;
  if (first === MINUS || first === PLUS) {
    negative = first === MINUS;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let fraction = -1; // digits after the separator; -1 while none seen
  for (; i < end; i++) {
    const c = buf[i]!;
    const d = c - ZERO;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      digits++;
      if (fraction >= 0) fraction++;
    } else if ((c === DOT || (decimalComma && c === COMMA)) && fraction < 0) {
      fraction = 0;
    } else {
      return slowNumber(buf, start, end, decimalComma);
    }
  }
  if (digits === 0) return NaN;
  if (digits > 15) return slowNumber(buf, start, end, decimalComma);
  const value = fraction > 0 ? mantissa / POW10[fraction]! : mantissa;
  return negative ? -value : value;
}

function slowNumber(buf: Uint8Array, start: number, end: number, decimalComma: boolean): number {
  let text = latin1(buf, start, end);
  if (decimalComma) text = text.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(text)) return NaN;
  return Number(text);
}

/** Non-negative integer of at most 3 digits in `buf[start, end)`, else -1. */
export function parseSmallInt(buf: Uint8Array, start: number, end: number): number {
  while (start < end && buf[start] === SPACE) start++;
  while (end > start && buf[end - 1] === SPACE) end--;
  if (start >= end || end - start > 3) return -1;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - ZERO;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

/** Birth date could not be read (format or calendar). */
export const DATE_INVALID = -1;
/** Birth date lies after the Stichtag. */
export const DATE_AFTER = -2;

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Days of month `m` (1–12) in year `y`. */
export const daysIn = (y: number, m: number) => (m === 2 && isLeap(y) ? 29 : (MONTH_DAYS[m] ?? 0));

/** The Stichtag, parsed once: age is counted in completed years at this day. */
export interface Stichtag {
  year: number;
  /** month * 100 + day */
  monthDay: number;
  leap: boolean;
}

/** Parses `YYYY-MM-DD` into a {@link Stichtag}, or null when it is no calendar date. */
export function parseStichtag(text: string): Stichtag | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) return null;
  return { year: y, monthDay: mo * 100 + d, leap: isLeap(y) };
}

const digit = (buf: Uint8Array, i: number) => {
  const d = buf[i]! - ZERO;
  return d >= 0 && d <= 9 ? d : -100_000;
};

/**
 * Age in completed years at the Stichtag of a birth date in `buf[start, end)`: `YYYY-MM-DD`,
 * `DD.MM.YYYY` (also `D.M.YYYY`) or `YYYYMMDD`. Someone born on 29 February has their birthday on 1 March in
 * common years. Returns {@link DATE_INVALID} or {@link DATE_AFTER} on failure.
 */
export function ageAt(buf: Uint8Array, start: number, end: number, day: Stichtag): number {
  while (start < end && buf[start] === SPACE) start++;
  while (end > start && buf[end - 1] === SPACE) end--;
  let y: number;
  let m: number;
  let d: number;
  const len = end - start;
  if (len === 10 && buf[start + 4] === MINUS && buf[start + 7] === MINUS) {
    y =
      digit(buf, start) * 1000 +
      digit(buf, start + 1) * 100 +
      digit(buf, start + 2) * 10 +
      digit(buf, start + 3);
    m = digit(buf, start + 5) * 10 + digit(buf, start + 6);
    d = digit(buf, start + 8) * 10 + digit(buf, start + 9);
  } else if (len === 10 && buf[start + 2] === DOT && buf[start + 5] === DOT) {
    d = digit(buf, start) * 10 + digit(buf, start + 1);
    m = digit(buf, start + 3) * 10 + digit(buf, start + 4);
    y =
      digit(buf, start + 6) * 1000 +
      digit(buf, start + 7) * 100 +
      digit(buf, start + 8) * 10 +
      digit(buf, start + 9);
  } else if (len === 8 && buf[start + 1] !== DOT && buf[start + 2] !== DOT) {
    y =
      digit(buf, start) * 1000 +
      digit(buf, start + 1) * 100 +
      digit(buf, start + 2) * 10 +
      digit(buf, start + 3);
    m = digit(buf, start + 4) * 10 + digit(buf, start + 5);
    d = digit(buf, start + 6) * 10 + digit(buf, start + 7);
  } else {
    // Rarer spellings such as 1.2.1980 (single-digit day or month, as spreadsheets write them).
    const short = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(latin1(buf, start, end));
    if (!short) return DATE_INVALID;
    [d, m, y] = [Number(short[1]), Number(short[2]), Number(short[3])];
  }
  if (y < 0 || m < 1 || m > 12 || d < 1 || d > daysIn(y, m)) return DATE_INVALID;
  let md = m * 100 + d;
  if (md === 229 && !day.leap) md = 301;
  const age = day.year - y - (md > day.monthDay ? 1 : 0);
  return age < 0 ? DATE_AFTER : age;
}

/** Bytes as Latin-1 text (for ASCII content such as numbers). */
export function latin1(buf: Uint8Array, start: number, end: number): string {
  return Buffer.from(buf.buffer, buf.byteOffset + start, end - start).toString('latin1');
}

/** 32-bit FNV-1a hash of `buf[start, end)`. */
export function hashBytes(buf: Uint8Array, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ buf[i]!, 0x01000193);
  return h >>> 0;
}

/**
 * Hash set of byte strings with dense ids 0, 1, 2 … in insertion order: household ids, area keys
 * and category values are found without turning them into strings. Keys are copied into one
 * growing byte pool. Open addressing with linear probing keeps the load under one half; each
 * slot holds hash and id side by side, and each entry its pool offset and length side by side,
 * so a lookup touches about three cache lines (slot, entry, key bytes).
 */
export class ByteKeyTable {
  /** Per slot: hash, id + 1 (0 = empty). */
  #slots: Int32Array;
  #mask: number;
  /** Per id: pool offset, length. */
  #entries: Int32Array;
  #pool: Uint8Array;
  #poolUsed = 0;
  /** Number of keys. */
  size = 0;
  /** Whether the last {@link idOf} call inserted its key. */
  inserted = false;

  /** @param expected keys expected; the table grows beyond, but growing costs a rehash */
  constructor(expected = 1024) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.#slots = new Int32Array(cap * 2);
    this.#mask = cap - 1;
    this.#entries = new Int32Array(cap);
    this.#pool = new Uint8Array(Math.max(256, expected * 12));
  }

  /** Id of the key, or -1 if absent. */
  find(buf: Uint8Array, start: number, end: number): number {
    const h = hashBytes(buf, start, end) | 0;
    const slots = this.#slots;
    for (let s = h & this.#mask; ; s = (s + 1) & this.#mask) {
      const id = slots[2 * s + 1]! - 1;
      if (id < 0) return -1;
      if (slots[2 * s] === h && this.#equals(id, buf, start, end)) return id;
    }
  }

  /** Id of the key, inserting it if absent (then {@link inserted} is true). */
  idOf(buf: Uint8Array, start: number, end: number): number {
    const h = hashBytes(buf, start, end) | 0;
    const slots = this.#slots;
    let s = h & this.#mask;
    for (; ; s = (s + 1) & this.#mask) {
      const id = slots[2 * s + 1]! - 1;
      if (id < 0) break;
      if (slots[2 * s] === h && this.#equals(id, buf, start, end)) {
        this.inserted = false;
        return id;
      }
    }
    const id = this.size++;
    const len = end - start;
    if (this.#poolUsed + len > this.#pool.length) {
      const pool = new Uint8Array(Math.max(this.#pool.length * 2, this.#poolUsed + len));
      pool.set(this.#pool.subarray(0, this.#poolUsed));
      this.#pool = pool;
    }
    const pool = this.#pool;
    for (let i = start, j = this.#poolUsed; i < end; i++, j++) pool[j] = buf[i]!;
    this.#entries[2 * id] = this.#poolUsed;
    this.#entries[2 * id + 1] = len;
    this.#poolUsed += len;
    slots[2 * s] = h;
    slots[2 * s + 1] = id + 1;
    this.inserted = true;
    if (this.size * 2 >= this.#entries.length) this.#grow(); // keeps the slots at most half full
    return id;
  }

  /** Capacity for ids: parallel arrays indexed by id must be at least this long. */
  get capacity(): number {
    return this.#entries.length >> 1;
  }

  #equals(id: number, buf: Uint8Array, start: number, end: number): boolean {
    if (this.#entries[2 * id + 1] !== end - start) return false;
    const pool = this.#pool;
    for (let i = start, j = this.#entries[2 * id]!; i < end; i++, j++) if (pool[j] !== buf[i]) return false;
    return true;
  }

  #grow(): void {
    const cap = (this.#mask + 1) * 2;
    const old = this.#slots;
    const entries = new Int32Array(cap);
    entries.set(this.#entries);
    this.#entries = entries;
    this.#slots = new Int32Array(cap * 2);
    this.#mask = cap - 1;
    for (let o = 0; o < old.length; o += 2) {
      if (old[o + 1] === 0) continue;
      let s = old[o]! & this.#mask;
      while (this.#slots[2 * s + 1] !== 0) s = (s + 1) & this.#mask;
      this.#slots[2 * s] = old[o]!;
      this.#slots[2 * s + 1] = old[o + 1]!;
    }
  }
}
