import { describe, expect, it } from 'vitest';
import { findSumIdentities, rank } from './identities.ts';

describe('rank', () => {
  it('counts independent rows and columns', () => {
    expect(
      rank([
        [1, 2],
        [2, 4],
      ]),
    ).toBe(1);
    expect(
      rank([
        [1, 0, 1],
        [0, 1, 1],
        [1, 1, 2],
      ]),
    ).toBe(2);
    expect(
      rank([
        [3, 1],
        [1, 3],
      ]),
    ).toBe(2);
    expect(rank([])).toBe(0);
  });
});

describe('findSumIdentities', () => {
  // Areas × (ew, ew_u3, ew_3_5, ew_u6, ew_65plus, ew_u65): ew_u6 = ew_u3 + ew_3_5 and
  // ew = ew_65plus + ew_u65 hold in every row, nothing else does.
  const variables = ['ew', 'ew_u3', 'ew_3_5', 'ew_u6', 'ew_65plus', 'ew_u65'];
  const rows = [
    [1000, 30, 31, 61, 200, 800],
    [2500, 80, 75, 155, 400, 2100],
    [164, 1, 1, 2, 90, 74],
    [4100, 120, 131, 251, 900, 3200],
    [900, 17, 40, 57, 333, 567],
    [3000, 99, 101, 200, 1000, 2000],
    [1200, 44, 31, 75, 120, 1080],
    [700, 5, 9, 14, 300, 400],
  ];

  it('finds every identity the data satisfies, in sum form', () => {
    const found = findSumIdentities(variables, rows);
    expect(found.unexplained).toBe(0);
    expect(found.identities).toEqual(
      expect.arrayContaining([
        { total: 'ew', parts: ['ew_65plus', 'ew_u65'] },
        { total: 'ew_u6', parts: ['ew_u3', 'ew_3_5'] },
      ]),
    );
    expect(found.identities).toHaveLength(2);
  });

  it('finds sums of three and more parts, and equal variables', () => {
    const found = findSumIdentities(
      ['a', 'b', 'c', 'total', 'copy'],
      [
        [1, 2, 3, 6, 1],
        [5, 0, 4, 9, 5],
        [2, 7, 1, 10, 2],
        [8, 3, 3, 14, 8],
        [0, 1, 9, 10, 0],
      ],
    );
    expect(found.unexplained).toBe(0);
    expect(found.identities).toEqual([
      { total: 'a', parts: ['copy'] },
      { total: 'total', parts: ['a', 'b', 'c'] },
    ]);
  });

  it('reports identities without a sum form instead of dropping them silently', () => {
    // c = 2a + b: a real identity, but no unit sum.
    const found = findSumIdentities(
      ['a', 'b', 'c'],
      [
        [1, 2, 4],
        [3, 1, 7],
        [2, 5, 9],
        [4, 4, 12],
      ],
    );
    expect(found.identities).toEqual([]);
    expect(found.unexplained).toBe(1);
  });

  it('leaves variables that are always 0 out', () => {
    const found = findSumIdentities(
      ['a', 'z'],
      [
        [1, 0],
        [2, 0],
        [5, 0],
      ],
    );
    expect(found).toEqual({ identities: [], unexplained: 0, zero: ['z'] });
  });
});
