/**
 * Which indicators a stored projection can give values for, in one place for the server (the
 * atlas's values and series) and the web (the Stichtage the atlas offers as „Prognose“).
 */

/** Formulas of one Stichtag: changes over years would mix observed and projected values. */
const PROJECTABLE_FORMULAS: ReadonlySet<string> = new Set([
  'count',
  'share',
  'per_mille',
  'per_1000',
  'ratio',
]);

/**
 * Whether an indicator can be computed from a projection: a count or rate whose numerator and
 * denominator are both projected variables.
 * @example projectable({ formula: 'count', numerator: 'ew_u3', denominator: null }, { variables: ['ew', 'ew_u3'] }) // true
 */
export function projectable(
  ind: { formula: string; numerator: string; denominator: string | null },
  run: { variables: readonly string[] },
): boolean {
  return (
    PROJECTABLE_FORMULAS.has(ind.formula) &&
    run.variables.includes(ind.numerator) &&
    (ind.denominator === null || run.variables.includes(ind.denominator))
  );
}
