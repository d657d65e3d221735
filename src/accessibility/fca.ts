/**
 * Floating catchment area methods (docs/methods.md §7): spatial access to supply (places, m²,
 * doctors) per person of demand, where people may use facilities across area boundaries.
 *
 * Input is a sparse cost table — one row per (origin, facility) pair with its travel cost — so
 * the same functions run on straight-line distances (see `pairsWithin`) and on a travel-cost
 * matrix from a routing tool. Origins are areas' centroids or population grid cells.
 */
import { decayWeight, inCatchment, type DecaySpec } from './decay.ts';

/** One row per (origin, facility) pair; pairs not listed are unreachable. */
export interface CostTable {
  origin: ArrayLike<number>;
  facility: ArrayLike<number>;
  cost: ArrayLike<number>;
}

export interface FcaOptions {
  /** The catchment size d0, in the cost table's unit. */
  maxCost: number;
  decay: DecaySpec;
  /** `cost < maxCost` instead of `cost ≤ maxCost` (pysal's access package counts strictly). */
  exclusive?: boolean;
}

export interface ThreeStepOptions extends FcaOptions {
  /**
   * Which facilities the selection weights G_ij are normalised over: those inside i's catchment
   * (Wan, Zou & Sternberg 2012), or every facility of the cost table with the kernel evaluated
   * beyond the catchment too (pysal's access package). Default `catchment`.
   */
  selection?: 'catchment' | 'all-pairs';
}

export interface FcaResult {
  /** A_i: supply per person of demand reachable from each origin. */
  access: Float64Array;
  /** R_j: each facility's supply per person of the (weighted) demand it serves; 0 if none. */
  ratio: Float64Array;
  /**
   * Σ_j S_j over facilities some demand reaches. Σ_i P_i·A_i equals it (supply is conserved),
   * a check the tests run.
   */
  reachedSupply: number;
}

function checkSizes(demand: ArrayLike<number>, supply: ArrayLike<number>, table: CostTable) {
  const n = table.origin.length;
  if (table.facility.length !== n || table.cost.length !== n) {
    throw new RangeError('cost table columns differ in length');
  }
  for (let p = 0; p < n; p++) {
    const i = table.origin[p]!;
    const j = table.facility[p]!;
    if (!(i >= 0 && i < demand.length) || !(j >= 0 && j < supply.length)) {
      throw new RangeError(`cost table row ${p} refers to origin ${i} / facility ${j} out of range`);
    }
  }
}

/** W_ij per pair, 0 outside the catchment. */
function catchmentWeights(table: CostTable, options: FcaOptions): Float64Array {
  const weights = new Float64Array(table.cost.length);
  for (let p = 0; p < weights.length; p++) {
    const cost = table.cost[p]!;
    if (inCatchment(cost, options.maxCost, options.exclusive)) {
      weights[p] = decayWeight(options.decay, cost, options.maxCost);
    }
  }
  return weights;
}

/**
 * Steps 1 and 2 with a per-pair factor g (1 for 2SFCA, the selection weight for 3SFCA):
 * R_j = S_j / Σ_i g_ij·P_i·W_ij and A_i = Σ_j g_ij·R_j·W_ij.
 */
function floatingCatchment(
  demand: ArrayLike<number>,
  supply: ArrayLike<number>,
  table: CostTable,
  weights: Float64Array,
  selection: Float64Array | null,
): FcaResult {
  const reached = new Float64Array(supply.length);
  for (let p = 0; p < weights.length; p++) {
    const w = weights[p]! * (selection ? selection[p]! : 1);
    if (w > 0) {
      const j = table.facility[p]!;
      reached[j] = reached[j]! + demand[table.origin[p]!]! * w;
    }
  }
  const ratio = new Float64Array(supply.length);
  let reachedSupply = 0;
  for (let j = 0; j < supply.length; j++) {
    if (reached[j]! > 0) {
      ratio[j] = supply[j]! / reached[j]!;
      reachedSupply += supply[j]!;
    }
  }
  const access = new Float64Array(demand.length);
  for (let p = 0; p < weights.length; p++) {
    const w = weights[p]! * (selection ? selection[p]! : 1);
    if (w > 0) {
      const i = table.origin[p]!;
      access[i] = access[i]! + ratio[table.facility[p]!]! * w;
    }
  }
  return { access, ratio, reachedSupply };
}

/**
 * Two-step floating catchment (Luo & Wang 2003) and its enhanced variants with distance decay
 * (E2SFCA, Luo & Qi 2009; gravity: Wang 2012; Gaussian: Dai 2010):
 * R_j = S_j / Σ_{i: d_ij in d0} P_i·W(d_ij), A_i = Σ_{j: d_ij in d0} R_j·W(d_ij).
 * @param demand P_i per origin (e.g. children under 3 in a grid cell)
 * @param supply S_j per facility (e.g. licensed places)
 */
export function twoStepFca(
  demand: ArrayLike<number>,
  supply: ArrayLike<number>,
  table: CostTable,
  options: FcaOptions,
): FcaResult {
  checkSizes(demand, supply, table);
  return floatingCatchment(demand, supply, table, catchmentWeights(table, options), null);
}

/**
 * Three-step floating catchment (Wan, Zou & Sternberg 2012): demand splits among competing
 * facilities by selection weights G_ij = W_ij / Σ_k W_ik, so people near several facilities
 * are not counted in full at each. R_j = S_j / Σ_i G_ij·P_i·W_ij, A_i = Σ_j G_ij·R_j·W_ij.
 */
export function threeStepFca(
  demand: ArrayLike<number>,
  supply: ArrayLike<number>,
  table: CostTable,
  options: ThreeStepOptions,
): FcaResult {
  checkSizes(demand, supply, table);
  const weights = catchmentWeights(table, options);
  const all = options.selection === 'all-pairs';
  const kernel = all
    ? Float64Array.from({ length: weights.length }, (_, p) =>
        decayWeight(options.decay, table.cost[p]!, options.maxCost),
      )
    : weights;
  const totals = new Float64Array(demand.length);
  for (let p = 0; p < kernel.length; p++) {
    const i = table.origin[p]!;
    totals[i] = totals[i]! + kernel[p]!;
  }
  const selection = new Float64Array(kernel.length);
  for (let p = 0; p < kernel.length; p++) {
    const total = totals[table.origin[p]!]!;
    selection[p] = total > 0 ? kernel[p]! / total : 0;
  }
  return floatingCatchment(demand, supply, table, weights, selection);
}
