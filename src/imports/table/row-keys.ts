/**
 * The key parts of a row — area, date, variable, breakdown — read from its cells and memoised on
 * the raw cell text. Split from `records.ts` so the record builder keeps the row-level checks and
 * record assembly, while the key normalisation and its bounded caches live here.
 */
import { parseDateCell } from './dates.ts';
import { detach, keyText, type KeyMatcher } from './keys.ts';
import { cellText } from './layout.ts';
import type { Plan } from './shape.ts';
import type { CellValue } from './types.ts';

/** Area index results of `areaOf` that are not an area. */
export const UNKNOWN = -1;
export const BLANK = -2;
export const TOTAL = -3;
const TOTAL_KEY = /^(insgesamt|summe|gesamt|total|zusammen|gesamtstadt|stadt insgesamt|alle)$/i;

/** Sanitises a breakdown name or value: `;` and `=` would break the `k=v;k=v` form. */
const part = (s: string): string => s.replace(/;/g, ',').replace(/=/g, ':');

export class RowKeys {
  private readonly dateMemo = new Map<string, string | null>();
  private readonly dynamicAreas = new Map<string, number>();
  private readonly areaMemo = new Map<string, number>();
  private readonly variableMemo = new Map<string, string>();
  private readonly breakdownMemo = new Map<string, string>();

  constructor(
    private readonly plan: Plan,
    private readonly matcher: KeyMatcher,
  ) {}

  date(cell: CellValue): string | null {
    if (typeof cell !== 'string') return parseDateCell(cell);
    const hit = this.dateMemo.get(cell);
    if (hit !== undefined) return hit;
    const d = parseDateCell(cell);
    if (this.dateMemo.size > 10_000) this.dateMemo.clear();
    this.dateMemo.set(detach(cell), d);
    return d;
  }

  /** Area index of a key text (-1 unknown); with no known keys, every key gets an index. */
  private areaIndex(text: string): number {
    const m = this.matcher;
    if (!m.acceptsAll) return m.indexOf(text);
    let i = this.dynamicAreas.get(text);
    if (i === undefined) {
      i = this.dynamicAreas.size;
      this.dynamicAreas.set(detach(text), i);
    }
    return i;
  }

  /** Key text of a row (the concatenation when the key is split over columns). */
  areaCell(cells: readonly CellValue[]): CellValue {
    const parts = this.plan.areaParts;
    if (parts.length === 0) return cells[this.plan.area] ?? null;
    let key = '';
    for (const c of parts) key += keyText(cells[c] ?? null);
    return key;
  }

  /** Area index of a cell, or BLANK / TOTAL / UNKNOWN; memoised on the raw text. */
  areaOf(cell: CellValue): number {
    if (typeof cell === 'string') {
      const hit = this.areaMemo.get(cell);
      if (hit !== undefined) return hit;
    }
    const text = keyText(cell);
    const r = text === '' ? BLANK : TOTAL_KEY.test(text) ? TOTAL : this.areaIndex(text);
    if (typeof cell === 'string') {
      if (this.areaMemo.size > 100_000) this.areaMemo.clear();
      this.areaMemo.set(detach(cell), r);
    }
    return r;
  }

  /** Variable key of a row (long form), '' when a part is empty. */
  variableOf(cells: readonly CellValue[]): string {
    const cols = this.plan.variableColumns;
    if (cols.length === 1) {
      const cell = cells[cols[0]!] ?? null;
      if (typeof cell !== 'string') return keyText(cell);
      let v = this.variableMemo.get(cell);
      if (v === undefined) {
        v = detach(keyText(cell));
        if (this.variableMemo.size > 100_000) this.variableMemo.clear();
        this.variableMemo.set(detach(cell), v);
      }
      return v;
    }
    let key = '';
    for (let k = 0; k < cols.length; k++) {
      const t = keyText(cells[cols[k]!] ?? null);
      if (t === '') return '';
      key = k === 0 ? t : `${key}.${t}`;
    }
    return key;
  }

  breakdown(cells: readonly CellValue[]): string {
    const parts = this.plan.breakdown;
    const only = parts.length === 1 ? parts[0]! : null;
    if (only && only.name !== null) {
      // The common case, one breakdown column: memoised on the raw cell.
      const cell = cells[only.valueColumn] ?? null;
      if (typeof cell === 'string') {
        let b = this.breakdownMemo.get(cell);
        if (b === undefined) {
          const value = cellText(cell);
          b = value === '' ? '' : `${part(only.name)}=${part(value)}`;
          if (this.breakdownMemo.size > 10_000) this.breakdownMemo.clear();
          b = detach(b);
          this.breakdownMemo.set(detach(cell), b);
        }
        return b;
      }
    }
    const texts: string[] = [];
    for (const b of parts) {
      const value = cellText(cells[b.valueColumn] ?? null);
      if (value === '') continue;
      const name = b.name ?? cellText(cells[b.nameColumn!] ?? null);
      texts.push(`${part(name)}=${part(value)}`);
    }
    return texts.length <= 1 ? (texts[0] ?? '') : texts.sort().join(';');
  }
}
