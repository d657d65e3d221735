import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyQuantiles, quantileBreaks } from './classify.ts';

const GISD = new URL('../../../shared/data/rki-gisd-kreis/GISD_Bund_Kreis.csv', import.meta.url);

describe('quantileBreaks', () => {
  it('splits distinct values into equal-count classes', () => {
    expect(quantileBreaks([10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 5)).toEqual([2, 4, 6, 8, 10]);
    expect(quantileBreaks([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([3, 5, 7]);
  });

  it('merges boundaries that fall on tied values, so no class is empty', () => {
    expect(quantileBreaks([1, 1, 1, 1, 5], 5)).toEqual([1, 5]);
    expect(quantileBreaks([3, 3, 3], 5)).toEqual([3]);
  });

  it('ignores non-finite values and returns nothing for no data', () => {
    expect(quantileBreaks([Number.NaN, Infinity, 2, 1], 2)).toEqual([1, 2]);
    expect(quantileBreaks([], 5)).toEqual([]);
  });

  it('rejects a class count below one', () => {
    expect(() => quantileBreaks([1, 2], 0)).toThrow(RangeError);
    expect(() => quantileBreaks([1, 2], 2.5)).toThrow(/ganze Zahl/);
  });
});

describe('classifyQuantiles', () => {
  it('reports the real range and size of each class', () => {
    const { classes, classOf } = classifyQuantiles([5, 1, 3, 3, 9], 3);
    expect(classes).toEqual([
      { min: 1, max: 3, count: 3 },
      { min: 5, max: 5, count: 1 },
      { min: 9, max: 9, count: 1 },
    ]);
    expect([1, 3, 4, 5, 9].map(classOf)).toEqual([0, 0, 1, 1, 2]);
  });

  it('puts values outside the data range into the outer classes', () => {
    const { classOf } = classifyQuantiles([1, 2, 3, 4], 2);
    expect(classOf(-100)).toBe(0);
    expect(classOf(100)).toBe(1);
    expect(classOf(Number.NaN)).toBeNull();
  });

  it('gives one class for constant data and none for no data', () => {
    expect(classifyQuantiles([7, 7, 7], 5).classes).toEqual([{ min: 7, max: 7, count: 3 }]);
    const empty = classifyQuantiles([], 5);
    expect(empty.classes).toEqual([]);
    expect(empty.classOf(1)).toBeNull();
  });

  it('keeps classes equal in size within one for distinct values', () => {
    const values = Array.from({ length: 97 }, (_, i) => Math.sin(i) * 100);
    const counts = classifyQuantiles(values, 5).classes.map((c) => c.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(97);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  // Published GISD quintiles are dplyr::ntile(gisd_score, 5) per year (400 Kreise × 24 years).
  it.skipIf(!existsSync(GISD))('reproduces the published GISD quintiles of all Kreise and years', () => {
    const byYear = new Map<string, { score: number; quintile: number }[]>();
    for (const line of readFileSync(GISD, 'utf8').trim().split('\n').slice(1)) {
      const fields = line.split(',');
      const [year, score, quintile] = fields.slice(-5, -2);
      const rows = byYear.get(year as string) ?? [];
      rows.push({ score: Number(score), quintile: Number(quintile) });
      byYear.set(year as string, rows);
    }
    expect(byYear.size).toBe(24);
    let compared = 0;
    let mismatches = 0;
    for (const rows of byYear.values()) {
      const { classOf } = classifyQuantiles(
        rows.map((r) => r.score),
        5,
      );
      const seen = new Map<number, number>();
      for (const r of rows) seen.set(r.score, (seen.get(r.score) ?? 0) + 1);
      for (const r of rows) {
        // ntile breaks ties by row order; ours keeps ties together, so only untied scores are comparable
        if (seen.get(r.score) !== 1) continue;
        compared++;
        if ((classOf(r.score) ?? -1) + 1 !== r.quintile) mismatches++;
      }
    }
    expect(compared).toBeGreaterThan(9000);
    expect(mismatches).toBe(0);
  });
});
