/**
 * The attacker's audit of a suppression pattern (Prüfung der Geheimhaltung).
 *
 * For every suppressed cell, minimise and maximise its value subject to all constraints, with
 * published cells fixed at their values and suppressed cells ≥ 0 (and ≤ a known cap where
 * given). The result is the interval an attacker can derive (Fischetti & Salazar-González,
 * "Models and algorithms for the 2-dimensional cell suppression problem", Management Science
 * 1999; sdcTable's attacker problem; Hundepool et al., *Statistical Disclosure Control*, Wiley
 * 2012, §4.3). A cell is *disclosed* when `upper − lower < ε·max(1, value)`: it is exactly
 * recomputable.
 *
 * Protection requirement (default: none beyond non-recomputability, which is the criterion of
 * the Bundesagentur für Arbeit and of sdcTable's SIMPLEHEURISTIC attacker check). Stricter
 * requirements apply to the sensitive (primary) cells only: a minimum width, a width of p % of
 * the value, or an upper end that reaches a publishable value (`upperAtLeast: 3` — the attacker
 * cannot tell the cell from one that is secret only secondarily).
 *
 * Speed: only connected groups of suppressed cells (linked by shared constraints) are solved,
 * each as one small LP built once; constraints with exactly one suppressed cell are decided
 * without an LP; every vertex found widens the observed range of all cells of its group, so
 * most cells need no LP of their own; groups whose suppression pattern did not change between
 * rounds of secondary suppression are not solved again.
 */
import { ComponentLp, loadSolver } from './lp.ts';
import type { Highs } from 'highs';
import { tableError } from './messages.ts';
import { indexTable, type TableIndex } from './table-index.ts';
import type { SdcTable } from './table.ts';
import { mulberry32 } from '../core/random.ts';

/** What an attacker can derive about a suppressed cell. */
export interface Interval {
  lower: number;
  upper: number;
}

export interface AuditOptions {
  /** Relative width below which a cell counts as exactly recomputable. Default 1e-6. */
  epsilon?: number;
  /** Upper bounds an attacker knows for suppressed cells, by id (default: none, only ≥ 0). */
  upperBounds?: ReadonlyMap<string, number>;
}

/** Protection required for sensitive (primary) cells beyond non-recomputability. */
export interface ProtectionRequirement {
  /** `upper − lower ≥ minWidth`. Default 0. */
  minWidth?: number;
  /** `upper − lower ≥ relativeWidth · value` (e.g. 0.25 for 25 %). Default 0. */
  relativeWidth?: number;
  /** `upper ≥ upperAtLeast`, e.g. the frequency threshold. Default: not required. */
  upperAtLeast?: number;
  /**
   * `upper − lower ≥ othersMinWidth` for every other suppressed (secondary) cell, so that an
   * attacker who knows that counts are whole numbers cannot pin it down either. Default 0.
   */
  othersMinWidth?: number;
}

export const DEFAULT_EPSILON = 1e-6;

/** Numerical slack of LP values (feasibility tolerance of HiGHS is 1e-7). */
const slack = (x: number) => 1e-7 + 1e-9 * Math.abs(x);

/** True when the interval pins the value down (width below ε·max(1, value)). */
export function isDisclosed(interval: Interval, value: number, epsilon: number = DEFAULT_EPSILON): boolean {
  return interval.upper - interval.lower < epsilon * Math.max(1, Math.abs(value));
}

/**
 * True when the interval is not exactly recomputable and, for a sensitive cell, meets the
 * protection requirement.
 * @example isProtected({ lower: 0, upper: 2 }, 1, { sensitive: true, requirement: { upperAtLeast: 3 } }) // false
 */
export function isProtected(
  interval: Interval,
  value: number,
  options: { sensitive?: boolean; requirement?: ProtectionRequirement; epsilon?: number } = {},
): boolean {
  if (isDisclosed(interval, value, options.epsilon)) return false;
  if (!options.requirement) return true;
  const r = options.requirement;
  const width = interval.upper - interval.lower;
  if (!options.sensitive) {
    const others = r.othersMinWidth ?? 0;
    return others <= 0 || width >= others - slack(others);
  }
  const need = Math.max(r.minWidth ?? 0, (r.relativeWidth ?? 0) * value);
  if (need > 0 && width < need - slack(need)) return false;
  return r.upperAtLeast === undefined || interval.upper >= r.upperAtLeast - slack(r.upperAtLeast);
}

/**
 * Exact attacker intervals of all suppressed cells.
 * @param suppressed ids of the cells that are not published
 * @example await auditTable(fixtureTable, fixturePrimary) // Map { 'w|b' => { lower: 47, upper: 47 }, … }
 */
export async function auditTable(
  table: SdcTable,
  suppressed: Iterable<string>,
  options: AuditOptions = {},
): Promise<Map<string, Interval>> {
  const index = indexTable(table);
  const auditor = new Auditor(await loadSolver(), index, options);
  const out = new Map<string, Interval>();
  for (const [cell, interval] of auditor.intervals(maskOf(index, suppressed)))
    out.set(index.ids[cell]!, interval);
  return out;
}

/**
 * Suppressed cells that are exactly recomputable, or sensitive cells whose interval misses the
 * requirement. Decides with as few LPs as possible; use {@link auditTable} for the intervals.
 * @example await disclosedCells(fixtureTable, fixturePrimary) // ['w|b']
 */
export async function disclosedCells(
  table: SdcTable,
  suppressed: Iterable<string>,
  options: AuditOptions & { sensitive?: Iterable<string>; requirement?: ProtectionRequirement } = {},
): Promise<string[]> {
  const index = indexTable(table);
  const auditor = new Auditor(await loadSolver(), index, options, options.requirement);
  const mask = maskOf(index, suppressed);
  const sensitive = options.sensitive ? maskOf(index, options.sensitive) : new Uint8Array(mask.length);
  return auditor.violations(mask, sensitive).map((c) => index.ids[c]!);
}

/** A 0/1 mask over the table's cells; unknown ids are an error. */
export function maskOf(index: TableIndex, ids: Iterable<string>): Uint8Array {
  const mask = new Uint8Array(index.ids.length);
  for (const id of ids) {
    const i = index.position.get(id);
    if (i === undefined) throw tableError('unknown_cell', `Gesperrte Zelle „${id}“ gibt es nicht.`, { id });
    mask[i] = 1;
  }
  return mask;
}

/**
 * Groups of suppressed cells linked by constraints (union–find); cells outside every
 * constraint form groups of their own. Groups and their cells are in index order.
 */
export function suppressedComponents(index: TableIndex, suppressed: Uint8Array): number[][] {
  const parent = new Int32Array(suppressed.length).map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]!]!;
      i = parent[i]!;
    }
    return i;
  };
  index.parts.forEach((parts, k) => {
    let first = suppressed[index.totals[k]!] ? index.totals[k]! : -1;
    for (const p of parts) {
      if (!suppressed[p]) continue;
      if (first < 0) first = p;
      else parent[find(p)] = find(first);
    }
  });
  const groups = new Map<number, number[]>();
  for (let i = 0; i < suppressed.length; i++) {
    if (!suppressed[i]) continue;
    const root = find(i);
    const group = groups.get(root);
    if (group) group.push(i);
    else groups.set(root, [i]);
  }
  return [...groups.values()];
}

/** Rounds LP noise away from values that are integral up to the solver's tolerance. */
const clean = (x: number) =>
  Number.isFinite(x) && Math.abs(x - Math.round(x)) <= slack(x) ? Math.round(x) : x;

/**
 * The audit on an indexed table, reused across the rounds of secondary suppression (it keeps
 * the decisions for groups that did not change).
 */
export class Auditor {
  lpSolves = 0;
  lpModels = 0;
  private readonly epsilon: number;
  private readonly caps = new Map<number, number>();
  private readonly cache = new Map<string, number[]>();

  constructor(
    private readonly highs: Highs,
    private readonly index: TableIndex,
    options: AuditOptions = {},
    private readonly requirement: ProtectionRequirement = {},
  ) {
    this.epsilon = options.epsilon ?? DEFAULT_EPSILON;
    for (const [id, cap] of options.upperBounds ?? []) {
      const i = index.position.get(id);
      if (i === undefined)
        throw tableError('unknown_cell', `Obergrenze für unbekannte Zelle „${id}“.`, { id });
      if (!(cap >= index.values[i]!)) {
        throw tableError(
          'bad_cap',
          `Obergrenze ${cap} für „${id}“ liegt unter dem Wert ${index.values[i]}.`,
          { id },
        );
      }
      this.caps.set(i, cap);
    }
  }

  /** Exact intervals of all suppressed cells (two LPs per cell unless a vertex already shows a bound). */
  intervals(suppressed: Uint8Array): Map<number, Interval> {
    const out = new Map<number, Interval>();
    for (const cells of suppressedComponents(this.index, suppressed)) {
      this.withLp(cells, suppressed, (lp) => {
        cells.forEach((cell, j) => {
          const lower = lp.seenLow[j]! <= slack(0) ? 0 : lp.bound(j, 1);
          const cap = lp.caps[j]!;
          const upper = Number.isFinite(cap) && lp.seenHigh[j]! >= cap - slack(cap) ? cap : lp.bound(j, -1);
          out.set(cell, { lower: clean(Math.max(0, lower)), upper: clean(upper) });
        });
      });
    }
    return out;
  }

  /**
   * Suppressed cells that are exactly recomputable, and sensitive cells whose interval misses
   * the protection requirement; in index order.
   */
  violations(suppressed: Uint8Array, sensitive: Uint8Array): number[] {
    const single = this.singletonCells(suppressed);
    const out: number[] = [];
    for (const cells of suppressedComponents(this.index, suppressed)) {
      const key = cells.map((c) => (sensitive[c] ? `${c}s` : String(c))).join(',');
      let found = this.cache.get(key);
      if (!found) {
        found = this.componentViolations(cells, suppressed, sensitive, single);
        this.cache.set(key, found);
      }
      out.push(...found);
    }
    return out.sort((a, b) => a - b);
  }

  /** Cells that are the only suppressed member of some constraint: recomputable without an LP. */
  private singletonCells(suppressed: Uint8Array): Uint8Array {
    const single = new Uint8Array(suppressed.length);
    this.index.parts.forEach((parts, k) => {
      const total = this.index.totals[k]!;
      let count = suppressed[total]!;
      let last = suppressed[total] ? total : -1;
      for (const p of parts) {
        if (suppressed[p]) {
          count++;
          last = p;
        }
      }
      if (count === 1) single[last] = 1;
    });
    return single;
  }

  private componentViolations(
    cells: number[],
    suppressed: Uint8Array,
    sensitive: Uint8Array,
    single: Uint8Array,
  ): number[] {
    const found: number[] = [];
    const open = cells.filter((c) => {
      if (single[c]) found.push(c);
      return !single[c];
    });
    if (!open.length) return found;
    this.withLp(cells, suppressed, (lp) => {
      cells.forEach((cell, j) => {
        if (single[cell]) return;
        const ok = (low: number, high: number) => this.satisfied(cell, sensitive[cell] === 1, low, high);
        if (ok(lp.seenLow[j]!, lp.seenHigh[j]!)) return;
        const low = lp.seenLow[j]! <= slack(0) ? 0 : lp.bound(j, 1);
        if (ok(low, lp.seenHigh[j]!)) return;
        const cap = lp.caps[j]!;
        const high = Number.isFinite(cap) && lp.seenHigh[j]! >= cap - slack(cap) ? cap : lp.bound(j, -1);
        if (!ok(low, high)) found.push(cell);
      });
    });
    return found.sort((a, b) => a - b);
  }

  private satisfied(cell: number, sensitive: boolean, lower: number, upper: number): boolean {
    const value = this.index.values[cell]!;
    return isProtected({ lower, upper }, value, {
      sensitive,
      requirement: this.requirement,
      epsilon: this.epsilon,
    });
  }

  /** Builds the group's LP, collects two vertices (random low and high tables), runs `use`. */
  private withLp(cells: readonly number[], suppressed: Uint8Array, use: (lp: ComponentLp) => void): void {
    const lp = new ComponentLp(this.highs, this.index, cells, suppressed, this.caps);
    this.lpModels++;
    try {
      if (cells.length > 1) {
        const costs = randomCosts(cells.length, cells[0]!);
        lp.probe(costs);
        lp.probe(costs.map((c) => -c));
      }
      use(lp);
    } finally {
      this.lpSolves += lp.solves;
      lp.dispose();
    }
  }
}

/** Deterministic pseudo-random costs in [0.5, 1.5) (mulberry32), so audits are reproducible. */
function randomCosts(n: number, seed: number): Float64Array {
  const rand = mulberry32(seed);
  return Float64Array.from({ length: n }, () => 0.5 + rand());
}
