import { describe, expect, it } from 'vitest';
import type { PopulationGrid } from '../accessibility/population-grid.ts';
import { cellsPerArea, cellWeights, fcaSupply, walkingSupply, type AreaGrid } from './reach.ts';

// two areas: area 0 with cells 0 and 1, area 1 with cell 2
const grid: PopulationGrid = {
  cellSize: 100,
  projection: '',
  xy: Float64Array.from([0, 0, 100, 0, 1000, 0]),
  area: Int32Array.from([0, 0, 1]),
  weight: new Float64Array(3),
};
const g: AreaGrid = { grid, cells: cellsPerArea(grid, 2) };

describe('supply within reach per area', () => {
  it('spreads each area’s demand evenly over its cells', () => {
    expect([...g.cells]).toEqual([2, 1]);
    expect([...cellWeights(g, [40, 10])]).toEqual([20, 20, 10]);
  });

  it('counts the people within walking distance per area', () => {
    const w = cellWeights(g, [40, 10]);
    expect([...walkingSupply(g, Uint8Array.from([1, 0, 1]), w, 2)]).toEqual([20, 10]);
  });

  it('shares a facility among everyone who reaches it and keeps its places (2SFCA)', () => {
    const w = cellWeights(g, [40, 10]);
    // one Kita of 25 places reached by cells 0 and 2, another of 5 by cell 1 only
    const table = { origin: [0, 2, 1], facility: [0, 0, 1], cost: [50, 400, 10] };
    const { supply, reached } = fcaSupply(w, grid.area, 2, [25, 5], table, {
      maxCost: 500,
      decay: { kind: 'step' },
      method: '2sfca',
    });
    // Kita 0: 25 places for 20 + 10 people → area 0 gets 20 · 25/30 + 5, area 1 gets 10 · 25/30
    expect(supply[0]).toBeCloseTo((20 * 25) / 30 + 5, 12);
    expect(supply[1]).toBeCloseTo((10 * 25) / 30, 12);
    expect(supply[0]! + supply[1]!).toBeCloseTo(reached, 12);
    expect(reached).toBe(30);
  });
});
