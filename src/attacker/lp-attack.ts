/**
 * The exact attack: for each target quantity, its minimum and maximum over every table
 * consistent with all published facts, solved as linear programs with HiGHS (npm `highs`,
 * WebAssembly; Huangfu & Hall 2018). Determined quantities enter as constants; the non-linear
 * link `num = ratio · den` enters through its McCormick envelope over the current intervals
 * (McCormick 1976), which is exact once the denominator is known. One model is built per round
 * and only the objective changes between solves, so HiGHS restarts from the previous basis.
 */
import type { Highs } from 'highs';
import type { ConstraintSystem } from './system.ts';

let loading: Promise<Highs> | undefined;
function solver(): Promise<Highs> {
  loading ??= import('highs').then((m) => m.default());
  return loading;
}

const OPTIMAL = 7;
const UNBOUNDED = new Set([9, 10]);

export interface LpRound {
  columns: number;
  rows: number;
  solves: number;
  tightened: number;
  ms: number;
}

/**
 * Narrows the targets' intervals in `sys` by LP, then lets the arithmetic carry the news on;
 * repeats while a round tightens anything (at most `rounds`).
 */
export async function lpAttack(
  sys: ConstraintSystem,
  targets: string[],
  rounds = 3,
  progress?: (message: string) => void,
): Promise<LpRound[]> {
  const highs = await solver();
  const out: LpRound[] = [];
  for (let round = 1; round <= rounds; round++) {
    const open = targets
      .map((k) => sys.index.get(k))
      .filter((i): i is number => i !== undefined && !sys.determined(i));
    if (!open.length) break;
    const t0 = performance.now();
    const r = solveRound(highs, sys, open, `LP Runde ${round}`, progress);
    sys.propagate(60, `Rechnung nach LP Runde ${round}`);
    out.push({ ...r, ms: Math.round(performance.now() - t0) });
    if (r.tightened === 0) break;
  }
  return out;
}

function solveRound(
  highs: Highs,
  sys: ConstraintSystem,
  targets: number[],
  label: string,
  progress?: (message: string) => void,
) {
  const col = new Map<number, number>();
  const vars: number[] = [];
  const columnOf = (i: number) => {
    let j = col.get(i);
    if (j === undefined) {
      j = vars.length;
      vars.push(i);
      col.set(i, j);
    }
    return j;
  };
  const rowsIdx: number[][] = [];
  const rowsCoef: number[][] = [];
  const rowLo: number[] = [];
  const rowHi: number[] = [];
  const push = (terms: [number, number][], lo: number, hi: number) => {
    let constant = 0;
    const entries = new Map<number, number>();
    for (const [i, c] of terms) {
      if (c === 0) continue;
      // only whole numbers are exact constants; a determined ratio keeps its (tiny) interval
      if (sys.integral[i] && sys.determined(i)) constant += c * Math.round(sys.lo[i]!);
      else {
        const j = columnOf(i);
        entries.set(j, (entries.get(j) ?? 0) + c);
      }
    }
    if (entries.size === 0 || !Number.isFinite(constant)) return;
    const sorted = [...entries].sort((a, b) => a[0] - b[0]);
    rowsIdx.push(sorted.map(([j]) => j));
    rowsCoef.push(sorted.map(([, c]) => c));
    // HiGHS is feasible to ~1e-7: relax each row by that much so rounding never cuts the truth
    const relax = (x: number) => 1e-7 * Math.max(1, Math.abs(x));
    rowLo.push(lo - constant - relax(lo - constant));
    rowHi.push(hi - constant + relax(hi - constant));
  };
  for (const row of sys.rows)
    push(
      row.idx.map((i, t): [number, number] => [i, row.coef[t]!]),
      row.lo,
      row.hi,
    );
  for (const { num, den, ratio } of sys.links) {
    if (sys.determined(num) && sys.determined(den)) continue;
    const [rl, rh, dl, dh] = [sys.lo[ratio]!, sys.hi[ratio]!, sys.lo[den]!, sys.hi[den]!];
    // num − rl·den − dl·r ≥ −rl·dl and num − rh·den − dh·r ≥ −rh·dh (lower envelope)
    push(
      [
        [num, 1],
        [den, -rl],
        [ratio, -dl],
      ],
      -rl * dl,
      Infinity,
    );
    if (Number.isFinite(rh) && Number.isFinite(dh))
      push(
        [
          [num, 1],
          [den, -rh],
          [ratio, -dh],
        ],
        -rh * dh,
        Infinity,
      );
    // num − rh·den − dl·r ≤ −rh·dl and num − rl·den − dh·r ≤ −rl·dh (upper envelope)
    if (Number.isFinite(rh))
      push(
        [
          [num, 1],
          [den, -rh],
          [ratio, -dl],
        ],
        -Infinity,
        -rh * dl,
      );
    if (Number.isFinite(dh))
      push(
        [
          [num, 1],
          [den, -rl],
          [ratio, -dh],
        ],
        -Infinity,
        -rl * dh,
      );
  }
  for (const t of targets) columnOf(t);
  const n = vars.length;
  const inf = highs.infinity;
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (let k = 0; k < rowsIdx.length; k++) {
    indices.push(...rowsIdx[k]!);
    values.push(...rowsCoef[k]!);
    starts.push(indices.length);
  }
  const fin = (x: number) => (x === Infinity ? inf : x === -Infinity ? -inf : x);
  const model = highs.createModel({
    numCols: n,
    numRows: rowLo.length,
    colCost: new Float64Array(n),
    colLower: Float64Array.from(vars, (i) => fin(sys.lo[i]!)),
    colUpper: Float64Array.from(vars, (i) => fin(sys.hi[i]!)),
    rowLower: Float64Array.from(rowLo, fin),
    rowUpper: Float64Array.from(rowHi, fin),
    matrix: { format: 'csr', numRows: rowLo.length, numCols: n, starts, indices, values },
  });
  model.options.set({ output_flag: false, presolve: 'off', simplex_strategy: 4 });
  let solves = 0;
  let tightened = 0;
  let costed = -1;
  try {
    for (const t of targets) {
      const j = col.get(t)!;
      if (costed >= 0) model.changeColCost(costed, 0);
      const bounds: number[] = [];
      for (const sense of [1, -1] as const) {
        model.changeColCost(j, sense);
        costed = j;
        const { modelStatus } = model.run();
        if (++solves % 200 === 0) progress?.(`${label}: ${solves} von ${2 * targets.length} Lösungen`);
        if (modelStatus === OPTIMAL) bounds.push(sense * model.getObjectiveValue());
        else if (UNBOUNDED.has(modelStatus)) bounds.push(sense === 1 ? -Infinity : Infinity);
        else {
          sys.conflicts.push(`${label}: HiGHS-Status ${modelStatus} für ${sys.keys[t]}`);
          bounds.push(sense === 1 ? -Infinity : Infinity);
        }
      }
      // HiGHS works to ~1e-7; widen by that so that rounding never excludes the truth
      const slack = (x: number) => 1e-6 * Math.max(1, Math.abs(x));
      const lo = bounds[0]! - slack(bounds[0]!);
      const hi = bounds[1]! + slack(bounds[1]!);
      if (
        sys.tighten(
          t,
          Math.max(lo, sys.lo[t]!),
          Math.min(hi, sys.hi[t]!),
          () => `${label}: Minimum und Maximum unter allen veröffentlichten Zahlen`,
        )
      )
        tightened++;
    }
  } finally {
    model.dispose();
  }
  return { columns: n, rows: rowLo.length, solves, tightened };
}
