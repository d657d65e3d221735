/**
 * Duplicate detection with bounded memory: one row-number array per (date, variable, breakdown)
 * combination, indexed by the area's position among the known keys — 4 bytes per area and
 * combination, however many rows the file has. Past a budget (256 MB) the check stops (and the
 * reader says so) rather than exhaust memory on tables with millions of combinations.
 */

const DUPLICATE_BUDGET_BYTES = 256 * 1024 * 1024;

/** Tracks which (combination, area) pairs were seen and in which row. */
export class DuplicateIndex {
  private readonly combos = new Map<string, Uint32Array>();
  private bytes = 0;
  stopped = false;

  constructor(private readonly areas: number) {}

  /** Row where this pair was seen first, or 0 (and remembers `row`). */
  check(combo: string, area: number, row: number): number {
    if (this.stopped) return 0;
    let rows = this.combos.get(combo);
    if (!rows || area >= rows.length) {
      const size = Math.max(this.areas, area + 1, rows ? rows.length * 2 : 0);
      this.bytes += size * 4 - (rows ? rows.length * 4 : 0);
      if (this.bytes > DUPLICATE_BUDGET_BYTES) {
        this.stopped = true;
        this.combos.clear();
        return 0;
      }
      const grown = new Uint32Array(size);
      if (rows) grown.set(rows);
      rows = grown;
      this.combos.set(combo, rows);
    }
    const first = rows[area]!;
    if (first === 0) rows[area] = row;
    return first;
  }
}
