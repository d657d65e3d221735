/**
 * Rows of other levels in a table of one level: offices deliver the city and the Stadtbezirke
 * besides the Stadtteile (Köln: `000 Stadt Köln`, `001 Innenstadt` … above `101 Altstadt/Süd`).
 * Such rows are recognised, never imported as areas of the level, and where the file also holds
 * all the areas inside them, their delivered totals are checked against the sum of those areas.
 *
 * A row whose key is not one of the level is another level's when
 * 1. its key is the key of a known area of another level (matched like area keys, see keys.ts);
 * 2. its key is the city's (territory key, AGS or ARS) or only zeros (`000`, Köln's city);
 * 3. its key, without leading zeros, is a shorter prefix of keys of the level (Köln `001` →
 *    Stadtteile `101`–`105`; Berlin Bezirk `01` → PLR `01100101` …): keys nest in German
 *    statistics, so the areas with that prefix are its children;
 * 4. a level column (`Ebene`, `Gebietsebene`, `Raumebene`, `Level` …) holds another text than in
 *    the rows of the level;
 * 5. its key cell or a label column reads as the city (`Stadt Köln`, `Gesamtstadt`, `Insgesamt`,
 *    `Gesamt`, `Summe`), or as a Bezirk (`Bezirk Mitte`, `Stadtbezirk …`) — a known area's name
 *    when there is one.
 *
 * The sums: every value of the level is kept per (Stichtag, variable, breakdown) and area in a
 * typed array (8 bytes per area and combination, within a budget); a delivered total of a count
 * is compared once the whole file is read, if every area inside it has a value there.
 */
import { detach, KeyMatcher, keyText } from './keys.ts';
import { cellText } from './layout.ts';
import { germanDate, higherMessages } from './messages.ts';
import type { Report } from './report.ts';
import type { CellValue, CityInfo, OtherArea } from './types.ts';
import { parseValue, type NumberConvention } from './values.ts';

const DIGITS = /^\d+$/;
const CITY_LABEL =
  /^(gesamtstadt|stadt insgesamt|stadt gesamt|stadtgebiet|stadtgebiet insgesamt|insgesamt|gesamt|gesamtsumme|summe|zusammen|total|alle gebiete|(kreisfreie )?stadt \S.*|(land)?kreis \S.*)$/i;
const BEZIRK_LABEL =
  /^(stadtbezirk|bezirk|ortsbezirk|bezirksregion|prognoseraum|stadtbezirke|bezirke)\b\s*(insgesamt\s*)?/i;
const LEVEL_HEADER =
  /^(ebene|gebietsebene|raumebene|regionalebene|level|area_level|gebietsart|raumart|gebietstyp|raumtyp)$/;
const MAX_DELIVERED = 100_000;
const MAX_MISMATCHES = 200;
const BUDGET_BYTES = 128 * 1024 * 1024;
/** A child value that is secret or missing: the sum cannot be checked. */
const NOT_A_VALUE = -Infinity;

interface Group {
  label: string;
  levelName: string | null;
  /** Indexes of the level's keys inside it; null: all (the city); empty: none known. */
  children: Int32Array | null;
  rows: number;
  firstRow: number;
}

interface Delivered {
  group: number;
  row: number;
  column: string;
  combo: string;
  value: number;
}

/** Which column holds the level of a row, and its texts in the rows of the imported level. */
export interface LevelColumn {
  index: number;
  values: ReadonlySet<string>;
}

/**
 * The level column of a table, if any: a column named like one whose texts in sample rows with a
 * key of the level are few.
 */
export function findLevelColumn(
  columnNames: readonly string[],
  sample: readonly (readonly CellValue[])[],
  areaKey: (cells: readonly CellValue[]) => string,
  matcher: KeyMatcher,
): LevelColumn | null {
  if (matcher.acceptsAll) return null;
  const index = columnNames.findIndex((n) =>
    LEVEL_HEADER.test(
      n
        .trim()
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '_'),
    ),
  );
  if (index < 0) return null;
  const values = new Set<string>();
  for (const row of sample) {
    if (matcher.indexOf(areaKey(row)) < 0) continue;
    const t = cellText(row[index] ?? null).toLowerCase();
    if (t !== '') values.add(t);
  }
  return values.size > 0 && values.size <= 3 ? { index, values } : null;
}

export interface HigherOptions {
  file: string;
  matcher: KeyMatcher;
  otherAreas: readonly OtherArea[];
  city: CityInfo | null;
  /** Columns whose texts may name the row's area (the key column, name columns). */
  labelColumns: readonly number[];
  levelColumn: LevelColumn | null;
}

export class HigherRows {
  readonly groups: Group[] = [];
  private readonly other: KeyMatcher;
  private readonly city: KeyMatcher;
  private readonly cityNames: Set<string>;
  private readonly byName = new Map<string, number>();
  private readonly groupOf = new Map<string, number>();
  private readonly keyMemo = new Map<string, number>();
  private readonly strippedKeys: string[];
  private readonly delivered: Delivered[] = [];
  private readonly values = new Map<string, Float64Array>();
  private bytes = 0;
  /** The budget for child values ran out: sums are no longer checked. */
  stopped = false;
  deliveredLeftOff = 0;

  constructor(private readonly o: HigherOptions) {
    this.other = new KeyMatcher(o.otherAreas.map((a) => a.key));
    this.city = new KeyMatcher(o.city?.keys ?? []);
    this.cityNames = new Set((o.city?.names ?? []).map((n) => n.trim().toLowerCase()).filter((n) => n));
    o.otherAreas.forEach((a, i) => {
      const n = a.name.trim().toLowerCase();
      if (n !== '' && !this.byName.has(n)) this.byName.set(n, i);
    });
    this.strippedKeys = o.matcher.keys.map((k) => k.trim().replace(/^0+(?=.)/, ''));
  }

  private group(id: string, make: () => Omit<Group, 'rows' | 'firstRow'>): number {
    let g = this.groupOf.get(id);
    if (g === undefined) {
      g = this.groups.length;
      this.groups.push({ ...make(), rows: 0, firstRow: 0 });
      this.groupOf.set(id, g);
    }
    return g;
  }

  private cityGroup(label: string): number {
    return this.group('city', () => ({ label, levelName: null, children: null }));
  }

  private otherGroup(i: number): number {
    const a = this.o.otherAreas[i]!;
    return this.group(`other:${i}`, () => ({
      label: `${a.name} (${a.key})`,
      levelName: a.levelName,
      children: Int32Array.from(
        a.children.map((k) => this.o.matcher.indexOf(keyText(k))).filter((x) => x >= 0),
      ),
    }));
  }

  /** Indexes of the level's keys starting with `prefix` (both without leading zeros). */
  private prefixChildren(text: string): Int32Array | null {
    if (!DIGITS.test(text)) return null;
    const p = text.replace(/^0+(?=.)/, '');
    if (/^0+$/.test(text)) return null;
    const hits: number[] = [];
    this.o.matcher.keys.forEach((k, i) => {
      const raw = k.trim();
      if (!DIGITS.test(raw)) return;
      const s = this.strippedKeys[i]!;
      if ((s.length > p.length && s.startsWith(p)) || (raw.length > text.length && raw.startsWith(text)))
        hits.push(i);
    });
    return hits.length > 0 ? Int32Array.from(hits) : null;
  }

  /** Group of a key by rules 1–3 (memoised), or -1. */
  private byKey(text: string): number {
    const hit = this.keyMemo.get(text);
    if (hit !== undefined) return hit;
    let g = -1;
    const other = this.other.acceptsAll ? -1 : this.other.indexOf(text);
    if (other >= 0) g = this.otherGroup(other);
    else if ((!this.city.acceptsAll && this.city.indexOf(text) >= 0) || /^0+$/.test(text))
      g = this.cityGroup(text);
    else {
      const children = this.prefixChildren(text);
      if (children) g = this.group(`prefix:${text}`, () => ({ label: text, levelName: null, children }));
    }
    if (this.keyMemo.size < 100_000) this.keyMemo.set(detach(text), g);
    return g;
  }

  /** Group of a label text by rule 5, or -1. */
  private byLabel(label: string): number {
    const t = label.trim().toLowerCase();
    if (t === '') return -1;
    const named = this.byName.get(t);
    if (named !== undefined) return this.otherGroup(named);
    if (this.cityNames.has(t) || this.cityNames.has(t.replace(/^(kreisfreie )?stadt /, '')))
      return this.cityGroup(label);
    if (BEZIRK_LABEL.test(t)) {
      const rest = t.replace(BEZIRK_LABEL, '').trim();
      const n = this.byName.get(rest);
      if (n !== undefined) return this.otherGroup(n);
      return this.group(`label:${t}`, () => ({ label, levelName: null, children: new Int32Array(0) }));
    }
    if (CITY_LABEL.test(t)) return this.cityGroup(label);
    return -1;
  }

  /**
   * The group of a row whose key is not one of the level (or empty), or -1 when it is none.
   * @param key key text of the row ('' when empty)
   */
  classify(key: string, cells: readonly CellValue[], line: number): number {
    let g = key === '' ? -1 : this.byKey(key);
    for (let i = 0; g < 0 && i < this.o.labelColumns.length; i++) {
      const t = cellText(cells[this.o.labelColumns[i]!] ?? null);
      if (t !== '' && !DIGITS.test(t)) g = this.byLabel(t);
    }
    const lc = this.o.levelColumn;
    if (g < 0 && lc) {
      const level = cellText(cells[lc.index] ?? null);
      if (level !== '' && !lc.values.has(level.toLowerCase())) {
        const children = key === '' ? null : this.prefixChildren(key);
        g = this.group(`level:${level}:${key}`, () => ({
          label: key === '' ? level : key,
          levelName: level,
          children: children ?? new Int32Array(0),
        }));
      }
    }
    if (g >= 0) {
      const group = this.groups[g]!;
      if (group.rows++ === 0) {
        group.firstRow = line;
        // A bare key is named by the row's label (`Innenstadt (001)`).
        const name = this.o.labelColumns
          .map((c) => cellText(cells[c] ?? null))
          .find((t) => t !== '' && t !== key && !DIGITS.test(t));
        if (name !== undefined && group.label === key) group.label = detach(`${name} (${key})`);
      }
    }
    return g;
  }

  /** A delivered value of a higher row; only counts are checked against sums. */
  deliver(
    group: number,
    row: number,
    column: string,
    combo: string,
    cell: CellValue,
    convention: NumberConvention,
  ): void {
    const v = parseValue(cell, convention);
    if (v.kind !== 'number' || this.groups[group]!.children?.length === 0) return;
    if (this.delivered.length >= MAX_DELIVERED) {
      this.deliveredLeftOff++;
      return;
    }
    this.delivered.push({ group, row, column: detach(column), combo, value: v.value });
  }

  /** A value of an area of the level (null: secret or missing). */
  child(area: number, combo: string, value: number | null): void {
    if (this.stopped) return;
    let values = this.values.get(combo);
    if (!values) {
      this.bytes += this.o.matcher.keys.length * 8;
      if (this.bytes > BUDGET_BYTES) {
        this.stopped = true;
        this.values.clear();
        return;
      }
      values = new Float64Array(this.o.matcher.keys.length).fill(NaN);
      this.values.set(combo, values);
    }
    values[area] = value ?? NOT_A_VALUE;
  }

  /** Sum of the children in one combination, or null when one of them has no value. */
  private sum(children: Int32Array | null, values: Float64Array): number | null {
    let s = 0;
    const n = children ? children.length : values.length;
    for (let k = 0; k < n; k++) {
      const v = values[children ? children[k]! : k]!;
      if (Number.isNaN(v) || v === NOT_A_VALUE) return null;
      s += v;
    }
    return s;
  }

  /**
   * Compares the delivered totals with the sums of their areas and reports the higher rows.
   * @param levelName German name of the imported level, for the messages
   */
  finish(report: Report, levelName: string | null): void {
    if (this.groups.length === 0) return;
    const { file } = this.o;
    let checked = 0;
    let mismatches = 0;
    if (!this.stopped) {
      for (const d of this.delivered) {
        const values = this.values.get(d.combo);
        const g = this.groups[d.group]!;
        if (!values) continue;
        const s = this.sum(g.children, values);
        if (s === null) continue;
        checked++;
        if (Math.abs(s - d.value) <= 1e-9 * Math.max(1, Math.abs(d.value))) continue;
        if (++mismatches > MAX_MISMATCHES) continue;
        const [date, variable, breakdown] = d.combo.split('\u0001') as [string, string, string];
        const n = g.children ? g.children.length : values.length;
        report.warning(
          'total_mismatch',
          d.row,
          d.column,
          higherMessages.totalMismatch(file, d.row, d.column, {
            area: g.label,
            children: n,
            date: germanDate(date),
            variable,
            breakdown,
            expected: d.value,
            found: s,
          }),
        );
      }
    }
    const rows = this.groups.reduce((s, g) => s + g.rows, 0);
    const first = Math.min(...this.groups.map((g) => g.firstRow));
    report.warning(
      'higher_level_rows',
      first,
      null,
      higherMessages.higherLevelRows(file, {
        rows,
        areas: this.groups.map((g) => (g.levelName ? `${g.label}, ${g.levelName}` : g.label)),
        level: levelName,
        checked,
        mismatches,
        stopped: this.stopped,
      }),
    );
  }
}
