/**
 * Area keys of a file that match no known key: each with its first rows and count, bounded
 * (1000 keys listed, the rest counted), reported once per key at the end of the file.
 */
import { detach } from './keys.ts';
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

  /** One entry per key: an error (the file is refused) or, when skipping, a warning. */
  report(report: Report, file: string, column: string, mode: 'refuse' | 'skip'): void {
    const severity = mode === 'skip' ? 'warning' : 'error';
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
