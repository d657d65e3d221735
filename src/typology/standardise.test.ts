import { describe, expect, it } from 'vitest';
import { mssTable, readPlainCsv } from './berlin-mss.testdata.ts';
import { columnStats, standardiseColumns, zScores } from './standardise.ts';

describe('standardise', () => {
  it('uses the population SD (÷ n)', () => {
    expect(columnStats([2, 4, 4, 4, 5, 5, 7, 9])).toEqual({ mean: 5, sd: 2 });
    expect(zScores([2, 4, 4, 4, 5, 5, 7, 9])[0]).toBe(-1.5);
  });

  it('maps a constant column to 0 instead of dividing by 0', () => {
    expect(zScores([3, 3, 3])).toEqual([0, 0, 0]);
    expect(
      standardiseColumns([
        [1, 7],
        [3, 7],
      ]).z,
    ).toEqual([
      [-1, 0],
      [1, 0],
    ]);
  });

  it('rejects empty, ragged and non-finite input', () => {
    expect(() => columnStats([])).toThrow(RangeError);
    expect(() => columnStats([1, Number.NaN])).toThrow(RangeError);
    expect(() => standardiseColumns([[1, 2], [3]])).toThrow(RangeError);
  });

  it('reproduces the published z-values of Berlin MSS 2021 (S1, S3, S4; 536 PLR)', () => {
    const { ids, rows } = mssTable();
    const { z } = standardiseColumns(rows);
    const published = new Map(readPlainCsv('mss2021-table-3.csv').map((r) => [r.id, r]));
    expect(ids).toHaveLength(536);
    // table 3's later columns are misaligned by its converter (see SOURCE.txt); S1, S3, S4 are right
    const columns = [
      'z_s1_percentage_unemployed',
      'z_s3_percentage_transfer_payments_recipients',
      'z_s4_percentage_transfer_payments_recipients_below_15_years',
    ];
    let checked = 0;
    ids.forEach((id, i) => {
      const row = published.get(id)!;
      columns.forEach((c, j) => {
        expect(z[i]![j]!, `${id} ${c}`).toBeCloseTo(Number(row[c]), 4);
        checked++;
      });
    });
    expect(checked).toBe(536 * 3);
  });
});
