import { describe, expect, it } from 'vitest';
import { tableRows, type Robust } from './table-rows.ts';
import { RESULT } from './fixture.test-data.ts';

const names = (rows: ReturnType<typeof tableRows>) => rows.map((r) => r.area.id).join('');

describe('tableRows', () => {
  it('sorts by name with German collation', () => {
    expect(names(tableRows(RESULT, null, null, { column: 'name', descending: false }))).toBe('abcdefg');
    expect(names(tableRows(RESULT, null, null, { column: 'name', descending: true }))).toBe('gfedcba');
  });

  it('sorts by index value, invalid areas last in both directions', () => {
    expect(names(tableRows(RESULT, null, null, { column: 'index:status', descending: true }))).toBe(
      'abfecdg',
    );
    expect(names(tableRows(RESULT, null, null, { column: 'index:status', descending: false }))).toBe(
      'dcefbag',
    );
  });

  it('sorts the code by status, then dynamics severity', () => {
    expect(names(tableRows(RESULT, null, null, { column: 'code', descending: true }))).toBe('abfcedg');
  });

  it('filters by matrix cell', () => {
    expect(names(tableRows(RESULT, null, '2|+/-', { column: 'name', descending: false }))).toBe('ce');
  });

  it('carries rank and the lowest class stability', () => {
    const robust = new Map<string, Robust>([
      [
        'a',
        {
          id: 'a',
          baseRank: 1,
          medianRank: 1,
          rankLow: 1,
          rankHigh: 2,
          classStability: { status: 0.97, dynamics: 0.8 },
          robust: false,
        },
      ],
      [
        'b',
        {
          id: 'b',
          baseRank: 2,
          medianRank: 2,
          rankLow: 1,
          rankHigh: 3,
          classStability: { status: 0.99, dynamics: 0.95 },
          robust: true,
        },
      ],
    ]);
    const rows = tableRows(RESULT, robust, null, { column: 'stability', descending: false });
    expect(rows[0]?.area.id).toBe('a');
    expect(rows[0]?.stability).toBe(0.8);
    expect(rows[1]?.stability).toBe(0.95);
    expect(rows[2]?.stability).toBeNull();
  });
});
