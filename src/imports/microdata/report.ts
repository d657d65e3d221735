import type { UnplacedReason } from './messages.ts';
import { UNPLACED_LABELS, microdataMessages as msg } from './messages.ts';

/**
 * A row that could not be read as it stands. `error` rows are left out of every count (and count
 * towards the share of invalid rows that refuses the file); `warning` rows are counted.
 */
export interface MicrodataProblem {
  file: string;
  /** Row in the file, the header being row 1 (the line number unless quoted text spans lines). */
  row: number;
  /** Header name of the column, or null for the row as a whole. */
  column: string | null;
  /** Stable code, e.g. `birth_date_invalid`. */
  code: string;
  severity: 'error' | 'warning';
  /** German message naming file, row, column and the problem. */
  message: string;
}

/** Bucket „nicht zuordenbar“: valid persons that no area could take, by reason. */
export interface UnplacedBucket {
  reason: UnplacedReason;
  /** German label of the reason. */
  label: string;
  count: number;
  /** The first few rows of this reason (numbered as in {@link MicrodataProblem.row}). */
  rows: number[];
  /** For unknown area keys: the first few distinct keys (keys name areas, not persons). */
  values?: string[];
}

/** How often a problem occurred, beyond the first ones listed in full. */
export interface ProblemCount {
  code: string;
  column: string | null;
  severity: 'error' | 'warning';
  count: number;
}

/** Collects problems and unplaced rows while the file streams by; keeps only the first few. */
export class RowLog {
  readonly problems: MicrodataProblem[] = [];
  readonly #counts = new Map<string, ProblemCount>();
  readonly #unplaced = new Map<UnplacedReason, UnplacedBucket>();
  /** Rows with at least one error. */
  invalidRows = 0;
  /** Valid rows in the bucket „nicht zuordenbar“. */
  unplacedRows = 0;

  constructor(
    readonly file: string,
    readonly maxProblems: number,
    readonly sampleRows: number,
  ) {}

  problem(
    row: number,
    column: string | null,
    code: string,
    severity: 'error' | 'warning',
    text: string,
  ): void {
    const id = `${code}|${column ?? ''}`;
    const c = this.#counts.get(id);
    if (c) c.count++;
    else this.#counts.set(id, { code, column, severity, count: 1 });
    if (this.problems.length < this.maxProblems) {
      const message = `${msg.where(this.file, row, column)}: ${text}`;
      this.problems.push({ file: this.file, row, column, code, severity, message });
    }
  }

  unplaced(row: number, reason: UnplacedReason, value?: string): void {
    this.unplacedRows++;
    let b = this.#unplaced.get(reason);
    if (!b) {
      b = { reason, label: UNPLACED_LABELS[reason], count: 0, rows: [] };
      if (reason === 'unknown_key') b.values = [];
      this.#unplaced.set(reason, b);
    }
    b.count++;
    if (b.rows.length < this.sampleRows) b.rows.push(row);
    if (value !== undefined && b.values && b.values.length < this.sampleRows && !b.values.includes(value))
      b.values.push(value);
  }

  get problemCounts(): ProblemCount[] {
    return [...this.#counts.values()];
  }

  get unplacedBuckets(): UnplacedBucket[] {
    return [...this.#unplaced.values()];
  }
}
