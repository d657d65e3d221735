/**
 * The short German summary above the monitoring map (pure, deterministic, from templates):
 * how many areas count, how many fall in the worst class of each part, how many in both, and how
 * many classes are not robust.
 */
import { levelDative } from '../../core/level-names.ts';
import { mt } from './texts.ts';
import type { Matrix } from './matrix.ts';
import type { RobustnessResult } from './types.ts';

/**
 * @param matrix the counts of the current result (see buildMatrix)
 * @param levelName singular name of the level, e.g. „Sozialraum“
 * @param robustness the Monte Carlo result, once loaded (else the sentence about it is left out)
 * @example
 * indexSummary(matrix, 'Sozialraum', null)
 * // 'Von 62 Sozialräumen gehen 60 in den Index ein; 2 sind ungültig. 9 von 60 Sozialräumen haben
 * //  im Status-Index die Klasse „sehr niedrig“, 7 im Dynamik-Index die Klasse „negativ“; 3 Gebiete
 * //  vereinen beides (Code 4-).'
 */
export function indexSummary(
  matrix: Matrix,
  levelName: string,
  robustness: Pick<RobustnessResult, 'areas'> | null,
  codeJoin = '',
): string {
  const plural = levelDative(levelName);
  const sentences = [mt.summary.valid(matrix.valid, matrix.total, plural)];
  const worstRow = matrix.rows.length - 1;
  const worstCol = matrix.cols.length - 1;
  const rowCount = (matrix.cells[worstRow] ?? []).reduce((n, c) => n + c.count, 0);
  const row = matrix.rows[worstRow];
  if (row && matrix.valid > 0) {
    let sentence = mt.summary.worst(rowCount, matrix.valid, plural, matrix.rowPart.label, row.label);
    const col = matrix.cols[worstCol];
    if (matrix.colPart && col) {
      const colCount = matrix.cells.reduce((n, r) => n + (r[worstCol]?.count ?? 0), 0);
      const both = matrix.cells[worstRow]?.[worstCol]?.count ?? 0;
      sentence += `, ${mt.summary.alsoWorst(colCount, matrix.colPart.label, col.label)}`;
      sentence += `; ${mt.summary.both(both, `${row.code}${codeJoin}${col.code}`)}`;
    }
    sentences.push(`${sentence}.`);
  }
  if (robustness && robustness.areas.length > 0) {
    const notRobust = robustness.areas.filter((a) => !a.robust).length;
    sentences.push(mt.summary.notRobust(notRobust, robustness.areas.length));
  }
  return sentences.join(' ');
}
