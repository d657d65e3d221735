import { describe, expect, it } from 'vitest';
import { importProblems } from './import-problems.ts';

describe('importProblems', () => {
  it('lists errors first, then by row, each with its file', () => {
    const listed = importProblems(
      [
        { row: 4, field: 'lon', code: 'import.outside', severity: 'warning', message: 'außerhalb' },
        {
          row: 3,
          field: 'Plätze',
          code: 'import.capacity_not_number',
          severity: 'error',
          message: 'keine Zahl',
        },
        { row: null, field: null, code: 'import.crs', severity: 'error', message: 'Koordinatensystem' },
        { nonsense: true },
      ],
      'kitas.csv',
    );
    expect(listed.map((p) => [p.file, p.row, p.field, p.severity])).toEqual([
      ['kitas.csv', null, null, 'error'],
      ['kitas.csv', 3, 'Plätze', 'error'],
      ['kitas.csv', 4, 'lon', 'warning'],
    ]);
  });

  it('reads nothing from what is no list', () => {
    expect(importProblems(undefined, 'a.csv')).toEqual([]);
    expect(importProblems({ row: 1 }, 'a.csv')).toEqual([]);
  });
});
