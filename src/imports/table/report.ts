/**
 * The validation report of one file: every problem counted, the first `cap` kept in full.
 */
import { importError, type LagebildError } from '../../core/errors.ts';
import { detach } from './keys.ts';
import type { ReportEntry, Severity, TableReadResult } from './types.ts';

export class Report {
  readonly entries: ReportEntry[] = [];
  readonly counts: Record<string, number> = {};
  leftOff = 0;
  errors = 0;

  constructor(
    readonly file: string,
    private readonly cap = 1000,
  ) {}

  /** Adds a problem; `code` without the `import.` prefix. */
  add(code: string, severity: Severity, row: number | null, column: string | null, message: string): void {
    const full = `import.${code}`;
    this.counts[full] = (this.counts[full] ?? 0) + 1;
    if (severity === 'error') this.errors++;
    if (this.entries.length >= this.cap) {
      this.leftOff++;
      return;
    }
    // Messages quote cells; detached, they do not keep the file's text chunks alive.
    this.entries.push({ file: this.file, row, column, code: full, message: detach(message), severity });
  }

  error(code: string, row: number | null, column: string | null, message: string): void {
    this.add(code, 'error', row, column, message);
  }

  warning(code: string, row: number | null, column: string | null, message: string): void {
    this.add(code, 'warning', row, column, message);
  }

  /** Entries sorted: errors first, then by row (file-level problems first). */
  sorted(): ReportEntry[] {
    const rank = (e: ReportEntry) => (e.severity === 'error' ? 0 : 1);
    return [...this.entries].sort((a, b) => rank(a) - rank(b) || (a.row ?? 0) - (b.row ?? 0));
  }
}

/**
 * Throws `import.table_refused` (422) naming the first errors when the read table must not be
 * stored; does nothing for a table without errors. For callers that want an exception rather
 * than the report.
 */
export function assertImportable(result: TableReadResult): void {
  const errors = result.problems.filter((p) => p.severity === 'error');
  if (result.ok) return;
  const shown = errors.slice(0, 5).map((e) => e.message);
  const rest = errors.length - shown.length + result.problemsLeftOff;
  const more = rest > 0 ? ` (${rest} weitere Probleme, siehe Prüfbericht)` : '';
  throw importError('table_refused', `${shown.join(' ')}${more}`, {
    file: result.file,
    problems: errors.slice(0, 100),
    problemCounts: result.problemCounts,
  });
}

/** A report entry as a thrown error (e.g. for a CLI that stops at the first problem). */
export function entryError(entry: ReportEntry): LagebildError {
  return importError(entry.code.replace(/^import\./, ''), entry.message, {
    file: entry.file,
    row: entry.row,
    column: entry.column,
  });
}
