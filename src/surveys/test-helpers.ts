/**
 * What an outsider can solve for: every published survey value is a linear equation over the
 * areas' answers, and an area's answers are recoverable exactly when its unit vector lies in the
 * row space of those equations.
 */

/** Rank of a matrix by Gaussian elimination. */
function rank(m: number[][], width: number): number {
  const a = m.map((r) => [...r]);
  let r = 0;
  for (let c = 0; c < width && r < a.length; c++) {
    const p = a.findIndex((row, k) => k >= r && Math.abs(row[c]!) > 1e-9);
    if (p < 0) continue;
    [a[r], a[p]] = [a[p]!, a[r]!];
    for (let k = 0; k < a.length; k++)
      if (k !== r && Math.abs(a[k]![c]!) > 1e-9) {
        const f = a[k]![c]! / a[r]![c]!;
        a[k] = a[k]!.map((v, j) => v - f * a[r]![j]!);
      }
    r++;
  }
  return r;
}

/**
 * Whether the unit vector of column `i` lies in the row space of `rows`.
 * @example determined([[1, 1], [0, 1]], 0, 2) // true: (1,1) − (0,1)
 */
export function determined(rows: number[][], i: number, width: number): boolean {
  const unit = Array.from({ length: width }, (_, j) => (j === i ? 1 : 0));
  return rank([...rows, unit], width) === rank(rows, width);
}
