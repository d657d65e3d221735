import { describe, expect, it } from 'vitest';
import { goalProgress, isPublic, nextStatuses, rollUp } from './progress.ts';

describe('goalProgress', () => {
  it('is the share of the way from baseline to target, for falling and rising goals', () => {
    expect(goalProgress(20, 15, 18)).toBeCloseTo(0.4);
    expect(goalProgress(50, 60, 65)).toBeCloseTo(1.5);
    expect(goalProgress(20, 15, 22)).toBeCloseTo(-0.4);
    expect(goalProgress(20, 15, null)).toBeNull();
  });
});

describe('rollUp', () => {
  it('weights the children and caps nothing it did not get capped', () => {
    const p = rollUp([
      { id: 1, parentId: null, weight: 1, own: null },
      { id: 2, parentId: 1, weight: 1, own: null },
      { id: 3, parentId: 1, weight: 2, own: 0.25 },
      { id: 4, parentId: 2, weight: 3, own: 1 },
      { id: 5, parentId: 2, weight: 1, own: 0 },
      { id: 6, parentId: 2, weight: 5, own: null },
    ]);
    expect(p.get(2)).toBeCloseTo(0.75);
    expect(p.get(1)).toBeCloseTo((0.75 + 2 * 0.25) / 3);
    expect(p.get(6)).toBeNull();
  });
});

describe('workflow', () => {
  it('goes one step forward, and back only before the decision', () => {
    expect(nextStatuses('idee')).toEqual(['vorschlag']);
    expect(nextStatuses('vorschlag')).toEqual(['beschlossen', 'idee']);
    expect(nextStatuses('beschlossen')).toEqual(['in_umsetzung']);
    expect(nextStatuses('bewertet')).toEqual([]);
    expect(isPublic('vorschlag')).toBe(false);
    expect(isPublic('in_umsetzung')).toBe(true);
  });
});
