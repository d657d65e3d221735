/**
 * Area keys of a file that match no known key: each with its first rows and count, bounded
 * (1000 keys listed, the rest counted), reported once per key at the end of the file.
 */
import { detach, fitsPattern, type KeyPattern } from './keys.ts';
import { tableMessages } from './messages.ts';
import type { Report } from './report.ts';
import type { UnknownKey } from './types.ts';

const MAX_UNKNOWN = 1_000;
const MAX_UNKNOWN_ROWS = 20;

export class UnknownKeyLog {
  readonly keys = new Map<string, UnknownKey>();
  /** Distinct keys beyond those listed (counted up to 100,000). */
  leftOff = 0;
  private readonly beyond = new Set<string>();

  note(key: string, row: number): void {
    const u = this.keys.get(key);
    if (u) {
      u.count++;
      if (u.rows.length < MAX_UNKNOWN_ROWS) u.rows.push(row);
    } else if (this.keys.size < MAX_UNKNOWN) {
      const k = detach(key);
      this.keys.set(k, { key: k, rows: [row], count: 1 });
    } else if (!this.beyond.has(key) && this.beyond.size < 100_000) {
      this.beyond.add(detach(key));
      this.leftOff++;
    }
  }

  /**
   * Whether the unknown keys look like keys of the level on another Gebietsstand: at least three,
   * nine in ten of the same length and kind as the level's keys, and at most one known area for
   * every four unknown keys (none or few match).
   */
  looksLikeOtherGebietsstand(pattern: KeyPattern | null, matchedAreas: number): boolean {
    const distinct = this.keys.size + this.leftOff;
    if (!pattern || distinct < 3 || matchedAreas * 4 > distinct) return false;
    let fit = 0;
    for (const k of this.keys.keys()) if (fitsPattern(pattern, k)) fit++;
    return fit >= this.keys.size * 0.9;
  }

  /**
   * One entry per key: an error (the file is refused) or, when skipping, a warning. Keys of
   * another Gebietsstand get one entry for all of them.
   */
  report(
    report: Report,
    file: string,
    column: string,
    mode: 'refuse' | 'skip',
    other: { levelName: string | null; gebietsstand: string | null } | null = null,
  ): void {
    const severity = mode === 'skip' ? 'warning' : 'error';
    if (other) {
      const first = [...this.keys.values()];
      report.add(
        'other_gebietsstand',
        severity,
        first[0]?.rows[0] ?? null,
        column,
        tableMessages.otherGebietsstand(file, column, {
          ...other,
          keys: first.map((u) => u.key),
          count: this.keys.size + this.leftOff,
          skipped: mode === 'skip',
        }),
      );
      return;
    }
    for (const u of this.keys.values()) {
      const message =
        mode === 'skip'
          ? tableMessages.unknownKeySkipped(file, column, u.key, u.rows, u.count)
          : tableMessages.unknownKey(file, column, u.key, u.rows, u.count);
      report.add('unknown_area_key', severity, u.rows[0]!, column, message);
    }
    if (this.leftOff > 0) {
      report.add(
        'unknown_area_key',
        severity,
        null,
        column,
        tableMessages.unknownKeysLeftOff(file, this.leftOff),
      );
    }
  }
}
