import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classify } from './classify.ts';
import { quantileBreaks } from './quantile.ts';

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

describe('quantile classification', () => {
  it('keeps classes equal in size within one for distinct values', () => {
    const values = Array.from({ length: 97 }, (_, i) => Math.sin(i) * 100);
    const counts = classify(values, { method: 'quantile', classes: 5 }).classes.map((c) => c.count);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(97);
    expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
  });

  // Published GISD quintiles and deciles are dplyr::ntile(gisd_score, k) per year (400 Kreise × 24
  // years). ntile breaks ties by row order, ours keeps ties together; in this file no tie straddles
  // a class boundary, so every one of the 9,600 rows must match, for k = 5 and for k = 10.
  it('reproduces the published GISD quintiles and deciles of all Kreise and years', () => {
    const byYear = new Map<string, { score: number; q5: number; q10: number }[]>();
    for (const line of readFileSync(GISD, 'utf8').trim().split('\n').slice(1)) {
      // kreis_name may contain a quoted comma: read the numeric columns from the end
      const [year, score, q5, q10] = line.split(',').slice(-5, -1);
      const rows = byYear.get(year as string) ?? [];
      rows.push({ score: Number(score), q5: Number(q5), q10: Number(q10) });
      byYear.set(year as string, rows);
    }
    expect(byYear.size).toBe(24);
    for (const k of [5, 10] as const) {
      let compared = 0;
      const mismatches: string[] = [];
      for (const [year, rows] of byYear) {
        const { classes, classOf } = classify(
          rows.map((r) => r.score),
          { method: 'quantile', classes: k },
        );
        expect(classes).toHaveLength(k);
        for (const r of rows) {
          compared++;
          const published = k === 5 ? r.q5 : r.q10;
          const ours = (classOf(r.score) ?? -1) + 1;
          if (ours !== published) mismatches.push(`${year} ${r.score}: ${ours} ≠ ${published}`);
        }
      }
      expect(compared).toBe(9600);
      expect(mismatches.slice(0, 5), `k = ${k}`).toEqual([]);
    }
  });
});
