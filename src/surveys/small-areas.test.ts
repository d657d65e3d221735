import { describe, expect, it } from 'vitest';
import { protectSmallAreas, type Leaf } from './small-areas.ts';

// city 100 → districts 10, 20 → areas 1–3 (in 10) and 4–5 (in 20)
const parents = new Map<number, number | null>([
  [100, null],
  [10, 100],
  [20, 100],
]);
const leaves = (n: number[]): Leaf[] => n.map((v, i) => ({ id: i + 1, parentId: i < 3 ? 10 : 20, n: v }));
const cellsOf = (p: ReturnType<typeof protectSmallAreas>) =>
  p.cells.map((c) => [c.owner, [...c.leaves].sort()]).sort((a, b) => String(a).localeCompare(String(b)));

describe('protectSmallAreas', () => {
  it('shows every area with enough answers alone', () => {
    const p = protectSmallAreas(leaves([12, 11, 15, 10, 30]), parents, 10);
    expect(p.cells.every((c) => c.leaves.length === 1)).toBe(true);
    expect([...p.shown].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 10, 20, 100]);
  });

  it('merges small areas within their parent when together they reach the minimum', () => {
    const p = protectSmallAreas(leaves([12, 6, 5, 10, 30]), parents, 10);
    expect(cellsOf(p)).toContainEqual([10, [2, 3]]);
    expect(p.shown.has(2) || p.shown.has(3)).toBe(false);
    expect(p.shown.has(10)).toBe(true);
  });

  it('adds the smallest shown area when one small area would be the district minus the rest', () => {
    const p = protectSmallAreas(leaves([12, 11, 2, 10, 30]), parents, 10);
    expect(cellsOf(p)).toContainEqual([10, [2, 3]]);
    expect([...p.shown].sort((a, b) => a - b)).toEqual([1, 4, 5, 10, 20, 100]);
  });

  it('hands a district below the minimum to the city, and hides the district', () => {
    const p = protectSmallAreas(leaves([3, 2, 1, 20, 30]), parents, 10);
    expect(p.shown.has(10)).toBe(false);
    const merged = p.cells.find((c) => c.leaves.includes(1))!;
    expect(merged.owner).toBe(100);
    expect(merged.n).toBeGreaterThanOrEqual(10);
    // the district beside it now holds part of that cell: hidden too, else city − it = district 10
    expect(p.shown.has(20)).toBe(false);
    expect(p.shown.has(100)).toBe(true);
  });

  it('shows nothing when the whole survey stays below the minimum', () => {
    const p = protectSmallAreas(leaves([1, 2, 0, 3, 1]), parents, 10);
    expect(p.cells).toHaveLength(1);
    expect(p.cells[0]!.belowMin).toBe(true);
    expect(p.shown.size).toBe(0);
  });

  it('leaves areas without answers out of the merging', () => {
    const p = protectSmallAreas(leaves([12, 11, 0, 10, 30]), parents, 10);
    expect(cellsOf(p)).toContainEqual([10, [3]]);
    expect(p.shown.has(1) && p.shown.has(2) && p.shown.has(10)).toBe(true);
  });

  it('never isolates fewer than the minimum by sums and differences of shown figures', () => {
    // all ways 5 areas can answer 0–12 times, sampled: each shown figure is a sum of whole cells
    for (let seed = 1; seed < 400; seed++) {
      const n = [0, 1, 2, 3, 4].map((i) => (seed * (7 + i * 13) + i * i * 5) % 13);
      const p = protectSmallAreas(leaves(n), parents, 8);
      const under = (id: number): number[] =>
        id <= 5 ? [id] : id === 10 ? [1, 2, 3] : id === 20 ? [4, 5] : [1, 2, 3, 4, 5];
      for (const id of p.shown)
        for (const c of p.cells) {
          const inside = c.leaves.filter((l) => under(id).includes(l)).length;
          expect(inside === 0 || inside === c.leaves.length, `seed ${seed} area ${id}`).toBe(true);
        }
      for (const c of p.cells) if (!c.belowMin && c.n > 0) expect(c.n).toBeGreaterThanOrEqual(8);
    }
  });
});
