/**
 * The problems of a facility import as the page lists them: each with its file, errors first,
 * then by row (file-level problems, without a row, before the rows). The server sends them in
 * `details.problems` of a refusal and in `problems` of an accepted delivery.
 */
import type { FacilityProblem } from './facility-api.ts';

export interface ListedProblem extends FacilityProblem {
  file: string;
}

const isProblem = (x: unknown): x is FacilityProblem => {
  if (!x || typeof x !== 'object') return false;
  const p = x as Record<string, unknown>;
  return (
    typeof p.message === 'string' &&
    (p.severity === 'error' || p.severity === 'warning') &&
    (p.row === null || typeof p.row === 'number') &&
    (p.field === null || typeof p.field === 'string')
  );
};

/**
 * @param problems what the server sent (anything that is not a problem is left out)
 * @param file the file the problems belong to
 * @example importProblems([{ row: 3, field: 'Plätze', code: 'x', severity: 'error', message: '…' }], 'kitas.csv')
 */
export function importProblems(problems: unknown, file: string): ListedProblem[] {
  if (!Array.isArray(problems)) return [];
  return problems
    .filter(isProblem)
    .map((p) => ({ ...p, code: typeof p.code === 'string' ? p.code : '', file }))
    .sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) || (a.row ?? 0) - (b.row ?? 0),
    );
}
