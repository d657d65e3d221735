/**
 * The attacker's linear program for one connected group of suppressed cells, solved with HiGHS
 * (https://highs.dev; Huangfu & Hall, Math. Prog. Comp. 2018; npm `highs`, WebAssembly).
 *
 * Published cells are substituted by their values, so the LP has one column per suppressed
 * cell of the group and one row per constraint touching it:
 * `Σ x(suppressed parts) − x(total, if suppressed) = value(total, if published) − Σ value(published parts)`,
 * `0 ≤ x ≤ cap` (cap: an upper bound the attacker knows, default none). The model is built once;
 * each bound only changes the objective, and the primal simplex restarts from the previous
 * basis (with presolve off this takes a handful of iterations instead of a full solve).
 *
 * Every optimal vertex is a table consistent with the published values, so it widens the
 * observed range `[seenLow, seenHigh]` of *every* cell: a cell whose observed range is already
 * wide enough needs no LP of its own.
 */
import type { Highs, Model } from 'highs';
import { AuditSolverError } from './messages.ts';
import type { TableIndex } from './table-index.ts';

let loading: Promise<Highs> | undefined;

/** The HiGHS runtime, loaded once per process and shared by all audits. */
export function loadSolver(): Promise<Highs> {
  loading ??= import('highs')
    .then((m) => m.default())
    .catch((error: unknown) => {
      loading = undefined;
      throw error;
    });
  return loading;
}

const MODEL_STATUS_OPTIMAL = 7;
const MODEL_STATUS_UNBOUNDED_OR_INFEASIBLE = 9;
const MODEL_STATUS_UNBOUNDED = 10;

/** HiGHS options: quiet, no presolve (it would discard the basis), primal simplex for warm restarts. */
const SOLVER_OPTIONS = { output_flag: false, presolve: 'off', simplex_strategy: 4 } as const;

/**
 * The LP of one group of suppressed cells; column `j` is cell `cells[j]`. Call `dispose()`:
 * the WebAssembly memory of the model is not garbage-collected.
 */
export class ComponentLp {
  /** Global cell indices of the columns. */
  readonly cells: readonly number[];
  readonly caps: Float64Array;
  readonly seenLow: Float64Array;
  readonly seenHigh: Float64Array;
  solves = 0;
  private readonly model: Model | undefined;
  private costed = -1;
  private allCosted = false;

  constructor(
    highs: Highs,
    private readonly index: TableIndex,
    cells: readonly number[],
    suppressed: Uint8Array,
    caps: ReadonlyMap<number, number>,
  ) {
    this.cells = cells;
    const n = cells.length;
    const local = new Map(cells.map((c, j) => [c, j]));
    this.caps = Float64Array.from(cells, (c) => caps.get(c) ?? Infinity);
    this.seenLow = Float64Array.from(cells, (c) => index.values[c]!);
    this.seenHigh = Float64Array.from(cells, (c) => index.values[c]!);
    const rows = new Set<number>();
    for (const c of cells) for (const k of index.memberOf[c]!) rows.add(k);
    if (rows.size === 0) return;
    const starts = [0];
    const indices: number[] = [];
    const coefficients: number[] = [];
    const rhs: number[] = [];
    for (const k of rows) {
      const total = index.totals[k]!;
      let b = 0;
      const entries: [number, number][] = [];
      if (suppressed[total]) entries.push([local.get(total)!, -1]);
      else b += index.values[total]!;
      for (const p of index.parts[k]!) {
        if (suppressed[p]) entries.push([local.get(p)!, 1]);
        else b -= index.values[p]!;
      }
      entries.sort((x, y) => x[0] - y[0]);
      for (const [j, v] of entries) {
        indices.push(j);
        coefficients.push(v);
      }
      starts.push(indices.length);
      rhs.push(b);
    }
    const inf = highs.infinity;
    const model = highs.createModel({
      numCols: n,
      numRows: rhs.length,
      colCost: new Float64Array(n),
      colLower: new Float64Array(n),
      colUpper: Float64Array.from(this.caps, (u) => (Number.isFinite(u) ? u : inf)),
      rowLower: rhs,
      rowUpper: rhs,
      matrix: { format: 'csr', numRows: rhs.length, numCols: n, starts, indices, values: coefficients },
    });
    model.options.set(SOLVER_OPTIONS);
    this.model = model;
  }

  /**
   * Minimum (`sense` 1) or maximum (`sense` −1) of column `j` over all tables consistent with
   * the published values; `Infinity` when the maximum is unbounded.
   */
  bound(j: number, sense: 1 | -1): number {
    const model = this.model;
    if (!model) return sense === 1 ? 0 : this.caps[j]!;
    if (this.allCosted) {
      model.changeColsCost(
        { kind: 'range', from: 0, to: this.cells.length - 1 },
        new Float64Array(this.cells.length),
      );
      this.allCosted = false;
    } else if (this.costed >= 0 && this.costed !== j) {
      model.changeColCost(this.costed, 0);
    }
    model.changeColCost(j, sense);
    this.costed = j;
    const value = this.run(j, sense === -1);
    return value === undefined ? Infinity : sense * value;
  }

  /** Solves for a random objective only to collect another consistent table (a vertex). */
  probe(costs: Float64Array): void {
    if (!this.model) return;
    this.model.changeColsCost({ kind: 'range', from: 0, to: this.cells.length - 1 }, costs);
    this.allCosted = true;
    this.costed = -1;
    this.run(0, true);
  }

  /** Frees the WebAssembly memory of the model. */
  dispose(): void {
    this.model?.dispose();
  }

  private run(j: number, mayBeUnbounded: boolean): number | undefined {
    const model = this.model!;
    const { modelStatus } = model.run();
    this.solves++;
    if (modelStatus === MODEL_STATUS_OPTIMAL) {
      const x = model.getSolution().colValue;
      for (let i = 0; i < x.length; i++) {
        const v = x[i]!;
        if (v < this.seenLow[i]!) this.seenLow[i] = v;
        if (v > this.seenHigh[i]!) this.seenHigh[i] = v;
      }
      return model.getObjectiveValue();
    }
    if (
      mayBeUnbounded &&
      (modelStatus === MODEL_STATUS_UNBOUNDED || modelStatus === MODEL_STATUS_UNBOUNDED_OR_INFEASIBLE)
    ) {
      return undefined;
    }
    throw new AuditSolverError(modelStatus, this.index.ids[this.cells[j]!] ?? '?');
  }
}
