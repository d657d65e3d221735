/**
 * Counts of an old Gebietsstand onto a new one: parent constraint, allocation by shares and
 * integer rounding that keeps totals (docs/methods.md §10.1).
 */
import type { Cell, ValueStatus } from '../../core/value-status.ts';

/** One old area → new area share (per old area the shares sum to 1). */
export interface ShareRow {
  from: string;
  to: string;
  share: number;
}

/**
 * Keeps each old area's value within its parent where the parent is still there: the pieces of
 * an old area that lie in new areas of another parent (slivers along an unchanged Bezirk border)
 * are dropped and the rest renormalised to 1. An old area with no piece inside its own parent (the
 * parent's border moved, or it has none), or whose pieces inside it all weigh 0, keeps all its
 * pieces and is reported as unconstrained.
 *
 * @param rows shares (e.g. `buildCorrespondence(...).rows`)
 * @param fromParent parent key of every old area
 * @param toParent parent key of every new area
 * @returns constrained rows and the old keys that could not be constrained
 * @example constrainToParents([{ from: 'a', to: 'x', share: 0.98 }, { from: 'a', to: 'y', share: 0.02 }],
 *   new Map([['a', 'B1']]), new Map([['x', 'B1'], ['y', 'B2']])) // → a→x 1
 */
export function constrainToParents<R extends ShareRow>(
  rows: readonly R[],
  fromParent: ReadonlyMap<string, string | null>,
  toParent: ReadonlyMap<string, string | null>,
): { rows: R[]; unconstrained: string[] } {
  const byFrom = groupBy(rows, (r) => r.from);
  const out: R[] = [];
  const unconstrained: string[] = [];
  for (const [from, pieces] of byFrom) {
    const parent = fromParent.get(from) ?? null;
    const inside = parent === null ? [] : pieces.filter((p) => toParent.get(p.to) === parent);
    const sum = inside.reduce((s, p) => s + p.share, 0);
    // population weights can put all of an old area's weight outside its parent (every inhabited
    // Block across the border): renormalising 0 would give 0/0, so it stays unconstrained
    if (!(sum > 0)) {
      unconstrained.push(from);
      out.push(...pieces);
      continue;
    }
    for (const p of inside) out.push({ ...p, share: p.share / sum });
  }
  return { rows: out, unconstrained: unconstrained.sort() };
}

/** A converted value of a new area. */
export interface ConvertedCell extends Cell {
  /** True when the area received only whole old areas, so the value is exact, not estimated. */
  exact: boolean;
}

export interface AllocateOptions {
  /**
   * Round to integers by largest remainder within each group of areas linked by the table
   * (default true); a group with a non-integer input keeps its decimals.
   */
  round?: boolean;
}

/**
 * Allocates the old areas' values to the new areas, `x_t = Σ_s v_s · share(s,t)`, then rounds
 * within each connected group of old and new areas (areas linked through rows), so every such
 * group — and with it every unchanged parent and the whole city — keeps its total exactly.
 *
 * Status: a new area receiving from a secret old value is `secret`, else from a missing or absent
 * one `missing` (docs/methods.md conventions); otherwise `estimated`, unless it received only
 * whole old areas (every share into it is 1), which makes its value a plain sum (`exact`) and
 * keeps the inputs' status.
 *
 * @param values the old areas' cells (an old area in `rows` without a cell counts as missing)
 * @param rows shares, each old area's summing to 1
 * @returns one cell per new area named in `rows`
 * @example allocate(new Map([['a', { value: 10, status: 'value' }]]),
 *   [{ from: 'a', to: 'x', share: 0.5 }, { from: 'a', to: 'y', share: 0.5 }]) // x 5, y 5 (estimated)
 */
export function allocate(
  values: ReadonlyMap<string, Cell>,
  rows: readonly ShareRow[],
  opts: AllocateOptions = {},
): Map<string, ConvertedCell> {
  const cells = new Map<
    string,
    { sum: number; bad: ValueStatus | null; estimated: boolean; exact: boolean }
  >();
  for (const r of rows) {
    const v = values.get(r.from) ?? { value: null, status: 'missing' as const };
    const c = cells.get(r.to) ?? { sum: 0, bad: null, estimated: false, exact: true };
    if (v.status === 'secret' || v.status === 'missing' || v.value === null) {
      if (c.bad !== 'secret') c.bad = v.status === 'secret' ? 'secret' : 'missing';
    } else {
      c.sum += v.value * r.share;
      if (v.status === 'estimated') c.estimated = true;
    }
    if (r.share !== 1) c.exact = false;
    cells.set(r.to, c);
  }
  const out = new Map<string, ConvertedCell>();
  for (const [to, c] of cells) {
    if (c.bad) out.set(to, { value: null, status: c.bad, exact: c.exact });
    else
      out.set(to, {
        value: c.sum,
        status: c.exact && !c.estimated ? 'value' : 'estimated',
        exact: c.exact,
      });
  }
  if (opts.round ?? true) roundWithinGroups(values, rows, out);
  return out;
}

/** Rounds each connected group's values in place (see `allocate`). */
function roundWithinGroups(
  values: ReadonlyMap<string, Cell>,
  rows: readonly ShareRow[],
  out: Map<string, ConvertedCell>,
) {
  // union–find over old ('f:') and new ('t:') keys linked by a row
  const up = new Map<string, string>();
  const find = (k: string): string => {
    let root = k;
    while (up.get(root) !== undefined && up.get(root) !== root) root = up.get(root)!;
    up.set(k, root);
    return root;
  };
  for (const r of rows) {
    const a = find(`f:${r.from}`);
    const b = find(`t:${r.to}`);
    if (a !== b) up.set(a, b);
  }
  const groups = new Map<string, { to: string[]; integral: boolean }>();
  const groupOf = (k: string) => {
    const root = find(k);
    let g = groups.get(root);
    if (!g) groups.set(root, (g = { to: [], integral: true }));
    return g;
  };
  for (const r of rows) {
    const v = values.get(r.from)?.value;
    if (v !== null && v !== undefined && !Number.isInteger(v)) groupOf(`f:${r.from}`).integral = false;
  }
  for (const to of out.keys()) groupOf(`t:${to}`).to.push(to);
  for (const g of groups.values()) {
    if (!g.integral) continue;
    const keys = g.to.filter((k) => out.get(k)!.value !== null).sort();
    const rounded = largestRemainder(keys.map((k) => out.get(k)!.value!));
    keys.forEach((k, i) => (out.get(k)!.value = rounded[i]!));
  }
}

/**
 * Largest-remainder rounding (Hamilton's method): every value is rounded down, and the units
 * missing to the rounded total go to the largest remainders (ties: the earlier value).
 * The result sums exactly to `Math.round(Σ values)`.
 *
 * @param values non-negative reals, e.g. a Bezirk's allocated counts
 * @returns integers, one per value
 * @example largestRemainder([1.5, 1.5, 2]) // → [2, 1, 2]
 */
export function largestRemainder(values: readonly number[]): number[] {
  // values that are integers up to float noise (4.999999999) must stay those integers
  const eps = 1e-9;
  const floors = values.map((v) => Math.floor(v + eps));
  const total = Math.round(values.reduce((s, v) => s + v, 0));
  let missing = total - floors.reduce((s, v) => s + v, 0);
  const order = values
    .map((v, i) => ({ i, rest: v - floors[i]! }))
    .sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (missing <= 0) break;
    floors[i]! += 1;
    missing -= 1;
  }
  return floors;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item));
    if (list) list.push(item);
    else out.set(key(item), [item]);
  }
  return out;
}
