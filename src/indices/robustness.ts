/**
 * Robustness of a composite index by Monte Carlo (uncertainty analysis of the OECD/JRC handbook,
 * COINr `get_sensitivity`; docs/methods.md §4). Every run draws
 * - each weight from base · U(1 − spread, 1 + spread) (default ±25 %), re-scaled so the part's
 *   weights keep their total (the aggregate stays on the scale of the class breaks),
 * - one standardisation (the definition's z variant, min-max, rank),
 * - one mean (arithmetic, geometric),
 * and recomputes every valid area's part indices. Reported per area: median rank and the
 * 5–95 % rank interval (rank 1 = worst, by the first part, competition ranking; nearest-rank
 * quantiles), and per part the share of runs in which the area keeps its base class.
 *
 * Classes in a run: the breaks of the definition apply to a z-scale index. So the run's part
 * aggregate is re-standardised to z (population SD; sample SD for `z_sample` definitions)
 * whenever the definition re-standardises or the run uses another standardisation or mean than
 * the definition — min-max sums and rank sums have no meaning against ±1 / 1.5 breaks until they
 * are brought back to z. A definition without re-standardisation keeps its raw aggregate in runs
 * that only vary the weights.
 *
 * Memory: one rank histogram of m² counters (m = valid areas; 542 → 1.2 MB).
 */
import { classIndex } from './classes.ts';
import type { IndexComputation, IndexInput } from './engine.ts';
import { aggregatePart } from './engine.ts';
import type { IndexDefinition, Standardisation } from './index.schema.ts';
import { geometricInputs, standardise, zScores } from './standardise.ts';
import { mulberry32 } from '../core/random.ts';

export interface RobustnessOptions {
  runs: number;
  seed: number;
  /** Relative weight spread: 0.25 = each weight ±25 % (uniform). */
  weightSpread?: number;
  /** Standardisations to draw from; default: the definition's z variant, min-max, rank. */
  standardisations?: Standardisation[];
  /** Means to draw from; default: arithmetic and geometric. */
  means?: ('arithmetic' | 'geometric')[];
  /** Share of runs a class must be kept in for an area to count as robust (default 0.9). */
  robustShare?: number;
}

export interface RobustnessComputation {
  runs: number;
  seed: number;
  /** Row (position in the input) of each valid area, in input order. */
  rows: Int32Array;
  baseRank: Int32Array;
  medianRank: Int32Array;
  rankLow: Int32Array;
  rankHigh: Int32Array;
  /** Per part (definition order): share of runs keeping the base class, per valid area. */
  classStability: Float64Array[];
  robust: Uint8Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Competition ranks, 1 = highest value: 1 + number of strictly higher values. Values must be
 * finite.
 *
 * Fast path (the hot loop of the Monte Carlo): an argsort by one native typed-array sort. The
 * area's position is written into the lowest mantissa bits of its value (⌈log₂ m⌉ bits, 10 for
 * 542 areas), the keys are sorted, and areas whose values agree in all other bits are ties. So
 * values that differ only beyond about 12 significant digits (m ≤ 1,024) count as equal, which
 * is what floating-point sums of the same inputs in another order need anyway.
 * @param keys scratch of the same length as `v`
 */
export function descendingRanks(v: Float64Array, keys: Float64Array, out: Int32Array): Int32Array {
  const m = v.length;
  const bits = Math.max(1, Math.ceil(Math.log2(m)));
  if (!LITTLE_ENDIAN || bits > 24) return descendingRanksBySearch(v, keys, out);
  const words = new Uint32Array(keys.buffer, keys.byteOffset, m * 2);
  const mask = (1 << bits) - 1;
  for (let i = 0; i < m; i++) {
    keys[i] = v[i]! + 0; // -0 → +0, so that zeros tie
    words[2 * i] = ((words[2 * i]! & ~mask) | i) >>> 0;
  }
  keys.sort();
  let b = m - 1;
  while (b >= 0) {
    const hi = words[2 * b + 1]!;
    const lo = words[2 * b]! & ~mask;
    let a = b;
    while (a > 0 && words[2 * (a - 1) + 1] === hi && (words[2 * (a - 1)]! & ~mask) === lo) a--;
    for (let k = a; k <= b; k++) out[words[2 * k]! & mask] = m - b;
    b = a - 1;
  }
  return out;
}

/** The same ranks by sorting the values and a binary search per value (exact ties only). */
export function descendingRanksBySearch(v: Float64Array, sorted: Float64Array, out: Int32Array): Int32Array {
  const m = v.length;
  sorted.set(v);
  sorted.sort();
  for (let i = 0; i < m; i++) {
    const x = v[i]!;
    let lo = 0;
    let hi = m;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! <= x) lo = mid + 1;
      else hi = mid;
    }
    out[i] = m - lo + 1;
  }
  return out;
}

/**
 * Runs the Monte Carlo analysis for the valid areas of `base` (the result of `computeIndex` with
 * the same definition and input).
 */
export function robustness(
  def: IndexDefinition,
  input: IndexInput,
  base: IndexComputation,
  opts: RobustnessOptions,
): RobustnessComputation {
  const spread = opts.weightSpread ?? 0.25;
  const zKind: Standardisation = def.standardisation === 'z_sample' ? 'z_sample' : 'z_population';
  const stds = opts.standardisations ?? [zKind, 'minmax', 'rank'];
  const means = opts.means ?? ['arithmetic', 'geometric'];
  const robustShare = opts.robustShare ?? 0.9;
  const sampleSd = def.standardisation === 'z_sample';
  const runs = Math.max(1, Math.floor(opts.runs));

  const rowList: number[] = [];
  for (let i = 0; i < base.valid.length; i++) if (base.valid[i]) rowList.push(i);
  const rows = Int32Array.from(rowList);
  const m = rows.length;

  // Standardised columns (and their logarithms for the geometric mean) per variant, valid rows only.
  const partCols = def.parts.map((part) =>
    stds.map((s) =>
      part.indicators.map((ind) => {
        const raw = input.values.get(ind.indicator)!;
        const x = new Float64Array(m);
        for (let j = 0; j < m; j++) x[j] = raw[rows[j]!]! * ind.direction;
        const std = standardise(x, s);
        return { std, log: geometricInputs(std) };
      }),
    ),
  );
  const complete = partCols.map((variants) =>
    variants.every((cols) => cols.every((c) => !c.std.some((v) => v !== v))),
  );
  const baseWeights = def.parts.map((p) => p.indicators.map((i) => i.weight));
  const baseTotals = baseWeights.map((w) => w.reduce((a, b) => a + b, 0));
  const bounds = def.parts.map(({ classes }) => ({
    lo: Float64Array.from(classes, (c) => c.min ?? -Infinity),
    hi: Float64Array.from(classes, (c) => c.max ?? Infinity),
    loInc: Uint8Array.from(classes, (c) => (c.min === null || c.minInclusive ? 1 : 0)),
    hiInc: Uint8Array.from(classes, (c) => (c.max === null || c.maxInclusive ? 1 : 0)),
  }));
  const baseClass = def.parts.map((_, p) => Int16Array.from(rows, (r) => base.parts[p]!.classIdx[r]!));

  const baseRank = new Int32Array(m);
  const sortBuf = new Float64Array(m);
  descendingRanks(
    Float64Array.from(rows, (r) => base.parts[0]!.sum[r]!),
    sortBuf,
    baseRank,
  );

  const rand = mulberry32(opts.seed);
  const hist = new Uint32Array(m * m);
  const stable = def.parts.map(() => new Uint32Array(m));
  const agg = new Float64Array(m);
  const avail = new Float64Array(m);
  const zBuf = new Float64Array(m);
  const rank = new Int32Array(m);
  const weights = baseWeights.map((w) => new Float64Array(w.length));
  const cols: Float64Array[] = [];

  for (let run = 0; run < runs; run++) {
    const si = Math.floor(rand() * stds.length);
    const mean = means[Math.floor(rand() * means.length)]!;
    const geometric = mean === 'geometric';
    const needZ = def.restandardise || stds[si] !== def.standardisation || mean !== def.mean;
    for (let p = 0; p < def.parts.length; p++) {
      const w = weights[p]!;
      const bw = baseWeights[p]!;
      let total = 0;
      for (let k = 0; k < w.length; k++) total += w[k] = bw[k]! * (1 + spread * (2 * rand() - 1));
      const scale = baseTotals[p]! / total;
      for (let k = 0; k < w.length; k++) w[k]! *= scale;
      cols.length = 0;
      for (const c of partCols[p]![si]!) cols.push(geometric ? c.log : c.std);
      aggregatePart(cols, w, geometric ? 'mean' : def.aggregation, geometric, agg, avail, complete[p]);
      if (p === 0) {
        descendingRanks(agg, sortBuf, rank);
        for (let j = 0; j < m; j++) hist[j * m + rank[j]! - 1]!++;
      }
      const value = needZ ? zScores(agg, sampleSd, zBuf) : agg;
      const { lo, hi, loInc, hiInc } = bounds[p]!;
      const classes = def.parts[p]!.classes;
      const bc = baseClass[p]!;
      const st = stable[p]!;
      // stable = the value lies in the area's base class interval (one test instead of a scan)
      for (let j = 0; j < m; j++) {
        const v = value[j]!;
        const c = bc[j]!;
        if (c < 0) {
          if (classIndex(v, classes) < 0) st[j]!++;
        } else if ((loInc[c] ? v >= lo[c]! : v > lo[c]!) && (hiInc[c] ? v <= hi[c]! : v < hi[c]!)) st[j]!++;
      }
    }
  }

  const quantileRank = (j: number, target: number) => {
    let cum = 0;
    for (let r = 0; r < m; r++) {
      cum += hist[j * m + r]!;
      if (cum >= target) return r + 1;
    }
    return m;
  };
  const at = (q: number) => Math.max(1, Math.ceil(q * runs));
  const medianRank = new Int32Array(m);
  const rankLow = new Int32Array(m);
  const rankHigh = new Int32Array(m);
  const classStability = stable.map((s) => Float64Array.from(s, (c) => c / runs));
  const robust = new Uint8Array(m);
  for (let j = 0; j < m; j++) {
    medianRank[j] = quantileRank(j, at(0.5));
    rankLow[j] = quantileRank(j, at(0.05));
    rankHigh[j] = quantileRank(j, at(0.95));
    robust[j] = classStability.every((s) => s[j]! >= robustShare) ? 1 : 0;
  }
  return { runs, seed: opts.seed, rows, baseRank, medianRank, rankLow, rankHigh, classStability, robust };
}
