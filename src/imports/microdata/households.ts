import { ByteKeyTable } from './bytes.ts';

/** Household counts per area, in this order (keys of the demo city's catalogue). */
export const HOUSEHOLD_VARIABLES = ['hh', 'hh_1p', 'hh_1p_65', 'hh_kinder', 'hh_alleinerz'] as const;

/**
 * Household types from the register's household id (Haushaltsnummer), without keeping persons:
 * per household only its area and four small counters (members, adults ≥ 18, seniors ≥ 65).
 *
 * The rule (the demo city follows the same one):
 * - a household is the set of valid rows with the same household id (ids are compared byte for
 *   byte; invalid rows do not count as members);
 * - `hh_1p` Einpersonenhaushalt: exactly one member; `hh_1p_65`: that member is 65 or older;
 * - `hh_kinder` Haushalt mit Kindern: at least one member under 18;
 * - `hh_alleinerz` Alleinerziehende: at least one member under 18 and exactly one adult (≥ 18);
 * - the household counts in the area of its first member that could be placed; members placed
 *   in other areas are counted as split households (reported), members that could not be placed
 *   still shape the household type.
 * This takes the register's household id as given; it is not a Haushaltegenerierung (HHGen) that
 * derives households from address, name and family relations.
 */
export class HouseholdCounter {
  readonly #ids: ByteKeyTable;
  #area = new Int32Array(0);
  #size = new Uint16Array(0);
  #adults = new Uint16Array(0);
  #seniors = new Uint16Array(0);
  #split = new Uint8Array(0);
  #last = new Uint8Array(64);
  #lastLength = -1;
  #lastId = -1;
  /** Households with members placed in different areas. */
  split = 0;

  /** @param expected households expected (sizes the table; it grows beyond) */
  constructor(expected = 1 << 16) {
    this.#ids = new ByteKeyTable(expected);
    this.#grow();
  }

  /** Adds a member aged `age` to the household id `buf[start, end)`; `area` is -1 if unplaced. */
  add(buf: Uint8Array, start: number, end: number, area: number, age: number): void {
    // Register extracts list a household's members together: the previous id is a cheap first guess.
    let id: number;
    let inserted = false;
    if (this.#sameAsLast(buf, start, end)) id = this.#lastId;
    else {
      id = this.#ids.idOf(buf, start, end);
      inserted = this.#ids.inserted;
      this.#remember(buf, start, end, id);
    }
    if (inserted) {
      if (id >= this.#area.length) this.#grow();
      this.#area[id] = area;
    } else if (area >= 0) {
      const first = this.#area[id]!;
      if (first < 0) this.#area[id] = area;
      else if (first !== area && this.#split[id] === 0) {
        this.#split[id] = 1;
        this.split++;
      }
    }
    // Saturating: a "household" of 65,535 persons is a data error, not a reason to wrap around.
    if (this.#size[id]! < 0xffff) this.#size[id]!++;
    if (age >= 18 && this.#adults[id]! < 0xffff) this.#adults[id]!++;
    if (age >= 65 && this.#seniors[id]! < 0xffff) this.#seniors[id]!++;
  }

  #sameAsLast(buf: Uint8Array, start: number, end: number): boolean {
    if (end - start !== this.#lastLength) return false;
    const last = this.#last;
    for (let i = start, j = 0; i < end; i++, j++) if (buf[i] !== last[j]) return false;
    return true;
  }

  #remember(buf: Uint8Array, start: number, end: number, id: number): void {
    const len = end - start;
    if (len > this.#last.length) this.#last = new Uint8Array(len * 2);
    const last = this.#last;
    for (let i = start, j = 0; i < end; i++, j++) last[j] = buf[i]!;
    this.#lastLength = len;
    this.#lastId = id;
  }

  /** Number of distinct household ids seen. */
  get size(): number {
    return this.#ids.size;
  }

  /**
   * Counts per area: `result[area * 5 + k]` for {@link HOUSEHOLD_VARIABLES}[k].
   * @returns the counts and the number of households none of whose members could be placed
   */
  tally(areas: number): { counts: Int32Array; unplaced: number } {
    const counts = new Int32Array(areas * HOUSEHOLD_VARIABLES.length);
    let unplaced = 0;
    for (let id = 0; id < this.#ids.size; id++) {
      const area = this.#area[id]!;
      if (area < 0) {
        unplaced++;
        continue;
      }
      const size = this.#size[id]!;
      const adults = this.#adults[id]!;
      const o = area * HOUSEHOLD_VARIABLES.length;
      counts[o]!++;
      if (size === 1) {
        counts[o + 1]!++;
        if (this.#seniors[id] === 1) counts[o + 2]!++;
      }
      if (adults < size) {
        counts[o + 3]!++;
        if (adults === 1) counts[o + 4]!++;
      }
    }
    return { counts, unplaced };
  }

  #grow(): void {
    const n = this.#ids.capacity;
    const grow = <T extends Int32Array | Uint16Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(n);
      b.set(a);
      return b;
    };
    this.#area = grow(this.#area, (k) => new Int32Array(k));
    this.#size = grow(this.#size, (k) => new Uint16Array(k));
    this.#adults = grow(this.#adults, (k) => new Uint16Array(k));
    this.#seniors = grow(this.#seniors, (k) => new Uint16Array(k));
    this.#split = grow(this.#split, (k) => new Uint8Array(k));
  }
}
