/**
 * Supply within reach per area (docs/methods.md §7), on a population grid spread from the areas'
 * demand or on a travel-cost matrix between areas and facilities: the floating catchment's access
 * A per cell (places per person of demand), summed over an area's cells as A × demand — the
 * places the area's people reach, shared with everyone else who reaches them — or, for walking
 * distance, the people who have a facility within reach. Pure: the service loads and caches.
 */
import { threeStepFca, twoStepFca, type CostTable } from '../accessibility/fca.ts';
import type { DecaySpec } from '../accessibility/decay.ts';
import type { PopulationGrid } from '../accessibility/population-grid.ts';

/** A grid whose cells belong to areas (input order), with the number of cells per area. */
export interface AreaGrid {
  grid: PopulationGrid;
  /** Cells of each area. */
  cells: Int32Array;
}

/** Per-cell weights from per-area demand: each area's demand spread evenly over its cells. */
export function cellWeights(g: AreaGrid, demand: ArrayLike<number>): Float64Array {
  const w = new Float64Array(g.grid.area.length);
  for (let c = 0; c < w.length; c++) {
    const a = g.grid.area[c]!;
    w[c] = demand[a]! / g.cells[a]!;
  }
  return w;
}

/** Σ over each area's cells of value × weight. */
export function sumByArea(
  area: Int32Array,
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  n: number,
) {
  const out = new Float64Array(n);
  for (let c = 0; c < area.length; c++) out[area[c]!] = out[area[c]!]! + values[c]! * weights[c]!;
  return out;
}

export interface FcaSettings {
  maxCost: number;
  decay: DecaySpec;
  method: '2sfca' | '3sfca';
}

/**
 * Floating catchment supply per origin group: access A per origin from 2SFCA or 3SFCA, then per
 * area Σ A × demand of its origins. Σ over areas equals the reached capacity (supply conserved).
 * @param originArea the area of each origin (a grid cell, or the area itself for a matrix)
 */
export function fcaSupply(
  originDemand: ArrayLike<number>,
  originArea: Int32Array,
  areas: number,
  capacity: ArrayLike<number>,
  table: CostTable,
  s: FcaSettings,
): { supply: Float64Array; reached: number } {
  const options = { maxCost: s.maxCost, decay: s.decay };
  const result =
    s.method === '3sfca'
      ? threeStepFca(originDemand, capacity, table, options)
      : twoStepFca(originDemand, capacity, table, options);
  return {
    supply: sumByArea(originArea, result.access, originDemand, areas),
    reached: result.reachedSupply,
  };
}

/** People within reach per area: Σ over its cells of reached × weight (walking distance). */
export function walkingSupply(g: AreaGrid, reached: Uint8Array, weights: Float64Array, areas: number) {
  return sumByArea(g.grid.area, reached, weights, areas);
}

/** Cells per area of a grid. */
export function cellsPerArea(grid: PopulationGrid, areas: number): Int32Array {
  const cells = new Int32Array(areas);
  for (const a of grid.area) cells[a]!++;
  return cells;
}
