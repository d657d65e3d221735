import { describe, expect, it } from 'vitest';
import { total } from './age-vector.ts';
import { splitBands } from './split-bands.ts';

describe('splitBands', () => {
  it('keeps an even density even', () => {
    const v = splitBands(
      [
        { from: 0, to: 2, value: 4 },
        { from: 2, to: 4, value: 4 },
      ],
      { maxAge: 3 },
    );
    expect(v).toEqual([2, 2, 2, 2]);
  });

  it('interpolates the density linearly between band midpoints and keeps each band total', () => {
    // Densities 1 at age 1 and 3 at age 3: ages 0–3 at 0.5, 1.5, 2.5, 3.5 (hand-computed).
    const v = splitBands(
      [
        { from: 0, to: 2, value: 2 },
        { from: 2, to: 4, value: 6 },
      ],
      { maxAge: 3 },
    );
    v.forEach((x, i) => expect(x).toBeCloseTo([0.5, 1.5, 2.5, 3.5][i]!, 12));
  });

  it('lets the open top band decay and folds the tail into the top cell', () => {
    // Decay ln 2: weights 1 at age 2, ½ / (1 − ½) = 1 for 3 and older.
    const v = splitBands(
      [
        { from: 0, to: 2, value: 2 },
        { from: 2, to: null, value: 3 },
      ],
      { maxAge: 3, topDecay: Math.LN2 },
    );
    v.forEach((x, i) => expect(x).toBeCloseTo([1, 1, 1.5, 1.5][i]!, 12));
  });

  it("sums back exactly to Berlin's bands and never goes negative", () => {
    const bands = [
      { from: 0, to: 6, value: 165 },
      { from: 6, to: 15, value: 209 },
      { from: 15, to: 18, value: 25 },
      { from: 18, to: 27, value: 395 },
      { from: 27, to: 45, value: 1271 },
      { from: 45, to: 55, value: 375 },
      { from: 55, to: 65, value: 403 },
      { from: 65, to: null, value: 718 },
    ];
    const v = splitBands(bands);
    expect(v).toHaveLength(101);
    expect(Math.min(...v)).toBeGreaterThanOrEqual(0);
    for (const b of bands) expect(total(v.slice(b.from, b.to ?? undefined))).toBeCloseTo(b.value, 9);
  });

  it('rejects gaps, late open bands and negative values', () => {
    expect(() => splitBands([{ from: 1, to: null, value: 1 }])).toThrow(/starts at 1/);
    expect(() =>
      splitBands([
        { from: 0, to: null, value: 1 },
        { from: 5, to: null, value: 1 },
      ]),
    ).toThrow(/only the last/);
    expect(() => splitBands([{ from: 0, to: null, value: -1 }])).toThrow(/negative/);
    expect(() => splitBands([{ from: 0, to: 50, value: 1 }])).toThrow(/before age 100/);
  });
});
