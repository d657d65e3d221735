/**
 * Identities between count variables (Beziehungen zwischen Merkmalen): a variable that is the sum
 * of others in every area, e.g. `ew_u6 = ew_u3 + ew_3_5` or `ew = ew_u18 + ew_18_64 + ew_65plus`.
 *
 * An attacker who sees published counts can learn such identities from the data itself, and then
 * recompute a secret cell from its published siblings in another variable (Hundepool et al.,
 * *Statistical Disclosure Control*, Wiley 2012, §4.2.3 on linked tables). Disclosure control must
 * therefore model every identity the data satisfies, whether a catalogue declares it or not.
 *
 * The identities of a data matrix X (rows: areas, columns: variables) are exactly the vectors w
 * with X·w = 0, its null space. Secondary suppression works on constraints of the form
 * `total = Σ parts`, so this module searches for such sums (unit coefficients, up to `maxParts`
 * terms) until they span the whole null space; any remainder that has no such form is counted in
 * `unexplained`, so the caller can refuse or report it instead of protecting too little silently.
 */

/** `total = Σ parts` in every row of the data. */
export interface SumIdentity {
  total: string;
  parts: string[];
}

export interface IdentitySearch {
  identities: SumIdentity[];
  /** Dimension of the null space that the found sums do not span (0: every identity modelled). */
  unexplained: number;
  /** Variables that are 0 in every row (nothing to protect, excluded from the search). */
  zero: string[];
}

const TOLERANCE = 1e-9;

/**
 * Rank of a matrix by Gaussian elimination with partial pivoting (counts are integers far below
 * 2^53, so the relative tolerance only guards against rounding in the elimination).
 */
export function rank(rows: readonly (readonly number[])[]): number {
  const m = rows.map((r) => Float64Array.from(r));
  const cols = m[0]?.length ?? 0;
  let r = 0;
  for (let c = 0; c < cols && r < m.length; c++) {
    let pivot = r;
    for (let i = r + 1; i < m.length; i++) if (Math.abs(m[i]![c]!) > Math.abs(m[pivot]![c]!)) pivot = i;
    const scale = Math.max(1, ...m.map((row) => Math.abs(row[c]!)));
    if (Math.abs(m[pivot]![c]!) <= TOLERANCE * scale) continue;
    [m[r], m[pivot]] = [m[pivot]!, m[r]!];
    const p = m[r]!;
    for (let i = r + 1; i < m.length; i++) {
      const row = m[i]!;
      const f = row[c]! / p[c]!;
      if (f === 0) continue;
      for (let j = c; j < cols; j++) row[j]! -= f * p[j]!;
    }
    r++;
  }
  return r;
}

/**
 * Sum identities among `variables`, found on complete rows of counts (one row per area).
 * Parts are tried in increasing number, and a part must never exceed the total in any row
 * (counts are non-negative), which keeps the search small.
 * @param rows rows[i][j] = count of variables[j] in area i; only rows without gaps
 * @example findSumIdentities(['ew', 'm', 'w'], [[5, 2, 3], [9, 4, 5], [4, 4, 0]])
 *   // { identities: [{ total: 'ew', parts: ['m', 'w'] }], unexplained: 0, zero: [] }
 */
export function findSumIdentities(
  variables: readonly string[],
  rows: readonly (readonly number[])[],
  options: { maxParts?: number } = {},
): IdentitySearch {
  const maxParts = options.maxParts ?? 4;
  const columns = variables.map((_, j) => rows.map((r) => r[j]!));
  const zero = variables.filter((_, j) => columns[j]!.every((x) => x === 0));
  const live = variables.map((_, j) => j).filter((j) => !columns[j]!.every((x) => x === 0));
  if (!rows.length || !live.length) return { identities: [], zero, unexplained: 0 };
  const nullity = live.length - rank(rows.map((r) => live.map((j) => r[j]!)));
  const identities: SumIdentity[] = [];
  if (nullity === 0) return { identities, zero, unexplained: 0 };

  // The accepted identities as vectors over `live`, to keep only independent ones.
  const accepted: number[][] = [];
  const independent = (w: number[]) => rank([...accepted, w]) > accepted.length;
  const fits = (j: number, k: number) => columns[k]!.every((x, i) => x <= columns[j]![i]!);
  const sums = (target: number, parts: number[]) =>
    columns[target]!.every((x, i) => parts.reduce((s, p) => s + columns[p]![i]!, 0) === x);

  for (let size = 1; size <= maxParts && accepted.length < nullity; size++) {
    for (const target of live) {
      if (accepted.length >= nullity) break;
      const candidates = live.filter((k) => k !== target && fits(target, k));
      for (const parts of subsets(candidates, size)) {
        if (!sums(target, parts)) continue;
        const w = live.map((k) => (k === target ? 1 : parts.includes(k) ? -1 : 0));
        if (!independent(w)) continue;
        accepted.push(w);
        identities.push({ total: variables[target]!, parts: parts.map((p) => variables[p]!) });
        if (accepted.length >= nullity) break;
      }
    }
  }
  return { identities, zero, unexplained: nullity - accepted.length };
}

/** All k-element subsets of `items`, in lexicographic order of positions. */
function* subsets(items: readonly number[], k: number): Generator<number[]> {
  const pick: number[] = [];
  function* go(from: number): Generator<number[]> {
    if (pick.length === k) {
      yield [...pick];
      return;
    }
    for (let i = from; i <= items.length - (k - pick.length); i++) {
      pick.push(items[i]!);
      yield* go(i + 1);
      pick.pop();
    }
  }
  yield* go(0);
}
