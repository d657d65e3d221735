import { describe, expect, it } from 'vitest';
import { mssTable } from './berlin-mss.testdata.ts';
import { bandHalfWidth, findSimilar, type Band } from './similar.ts';

describe('findSimilar', () => {
  it('keeps only areas within the band on every indicator, nearest first', () => {
    const rows = [
      [10, 100],
      [10.5, 104],
      [10.9, 95],
      [12, 100],
      [10.1, 120],
      [null, 100],
    ];
    const r = findSimilar(rows, 0, { kind: 'percent', percent: 10 });
    expect(r.halfWidths).toEqual([1, 10]);
    expect(r.similar.map((s) => s.index)).toEqual([1, 2]);
    expect(r.similar[0]!.differences).toEqual([0.5, 4]);
    expect(r.similar[0]!.distance).toBeLessThan(r.similar[1]!.distance);
  });

  it('admits the band edge and only equal values around a reference of 0', () => {
    expect(findSimilar([[10], [11], [9]], 0, { kind: 'percent', percent: 10 }).similar).toHaveLength(2);
    expect(
      findSimilar([[0], [0], [0.1]], 0, { kind: 'percent', percent: 50 }).similar.map((s) => s.index),
    ).toEqual([1]);
    expect(bandHalfWidth(-4, { kind: 'percent', percent: 25 }, 1)).toBe(1);
  });

  it('rejects a reference without values and a negative tolerance', () => {
    expect(() => findSimilar([[null], [1]], 0, { kind: 'sd', sd: 1 })).toThrow(RangeError);
    expect(() => findSimilar([[1], [1]], 0, { kind: 'sd', sd: -1 })).toThrow(RangeError);
  });

  it('on Berlin MSS 2021: every found area lies in the band, every other area breaks it', () => {
    const { rows } = mssTable();
    const bands: Band[] = [
      { kind: 'sd', sd: 0.5 },
      { kind: 'percent', percent: 25 },
    ];
    let total = 0;
    for (const band of bands) {
      for (const reference of [0, 100, 300]) {
        const r = findSimilar(rows, reference, band);
        const found = new Set(r.similar.map((s) => s.index));
        total += found.size;
        rows.forEach((row, i) => {
          if (i === reference) return;
          const inside = row.every((v, j) => Math.abs(v - rows[reference]![j]!) <= r.halfWidths[j]! + 1e-9);
          expect(found.has(i), `${band.kind} ref ${reference} area ${i}`).toBe(inside);
        });
        for (let i = 1; i < r.similar.length; i++)
          expect(r.similar[i]!.distance).toBeGreaterThanOrEqual(r.similar[i - 1]!.distance);
      }
    }
    expect(total).toBeGreaterThan(10);
  });
});
