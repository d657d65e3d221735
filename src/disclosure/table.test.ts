import { describe, expect, it } from 'vitest';
import { LagebildError } from '../core/errors.ts';
import { indexTable } from './table-index.ts';
import {
  cellId,
  crossTable,
  flatDimension,
  hierarchyDimension,
  hierarchyTable,
  linkTables,
  productTable,
  type SdcTable,
} from './table.ts';
import { loadFixture } from './test-helpers.ts';

const tree = [
  { id: 'stadt', parent: null },
  { id: 'b1', parent: 'stadt' },
  { id: 'b2', parent: 'stadt' },
  { id: 'sr1', parent: 'b1' },
  { id: 'sr2', parent: 'b1' },
  { id: 'sr3', parent: 'b2' },
];

const codeOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof LagebildError ? e.code : String(e);
  }
  return 'no error';
};

describe('table builders', () => {
  it('builds the fixture cross table with margins summed from the inner cells', () => {
    const { table } = loadFixture();
    const value = new Map(table.cells.map((c) => [c.id, c.value]));
    expect(table.cells).toHaveLength(25);
    expect(table.constraints).toHaveLength(10);
    expect(['w|*', 'x|*', 'y|*', 'z|*'].map((id) => value.get(id))).toEqual([230, 250, 336, 3127]);
    expect(['*|a', '*|b', '*|c', '*|d'].map((id) => value.get(id))).toEqual([1012, 1262, 779, 890]);
    expect(value.get('*|*')).toBe(3943);
    expect(table.constraints).toContainEqual({ total: 'w|*', parts: ['w|a', 'w|b', 'w|c', 'w|d'] });
  });

  it('builds a cross table without margins: cells only, nothing links them', () => {
    const t = crossTable(['r'], ['a', 'b'], { 'r|a': 1, 'r|b': 2 }, { withMargins: false });
    expect(t).toEqual({
      cells: [
        { id: 'r|a', value: 1 },
        { id: 'r|b', value: 2 },
      ],
      constraints: [],
    });
  });

  it('builds a hierarchy with one constraint per parent and totals filled in bottom-up', () => {
    const t = hierarchyTable(tree, { sr1: 5, sr2: 7, sr3: 1 });
    expect(t.constraints).toEqual([
      { total: 'stadt', parts: ['b1', 'b2'] },
      { total: 'b1', parts: ['sr1', 'sr2'] },
      { total: 'b2', parts: ['sr3'] },
    ]);
    expect(t.cells.find((c) => c.id === 'stadt')?.value).toBe(13);
  });

  it('crosses a hierarchy with groups and a total (area|group ids)', () => {
    const groups = flatDimension(['m', 'w']);
    const values = (id: string) => (id.startsWith('sr') && !id.endsWith('*') ? id.length : undefined);
    const t = productTable(hierarchyDimension(tree), groups, values, {
      weight: (id) => (id === 'sr1|m' ? 99 : undefined),
    });
    expect(t.cells).toHaveLength(6 * 3);
    // 3 hierarchy constraints × 3 group keys + 1 group constraint × 6 areas
    expect(t.constraints).toHaveLength(15);
    expect(t.constraints).toContainEqual({ total: 'b1|*', parts: ['sr1|*', 'sr2|*'] });
    expect(t.constraints).toContainEqual({ total: 'stadt|*', parts: ['stadt|m', 'stadt|w'] });
    expect(t.cells.find((c) => c.id === 'stadt|*')?.value).toBe(6 * 5);
    expect(t.cells.find((c) => c.id === 'sr1|m')?.weight).toBe(99);
    expect(() => indexTable(t)).not.toThrow();
  });

  it('links tables that share cells and rejects conflicting values', () => {
    const a = hierarchyTable(tree, { sr1: 5, sr2: 7, sr3: 1 });
    const b: SdcTable = {
      cells: [
        { id: 'b1', value: 12 },
        { id: 'x', value: 2 },
        { id: 'y', value: 10 },
      ],
      constraints: [{ total: 'b1', parts: ['x', 'y'] }],
    };
    const linked = linkTables(a, b, a);
    expect(linked.cells).toHaveLength(8);
    expect(linked.constraints).toHaveLength(4);
    const c: SdcTable = { cells: [{ id: 'b1', value: 11 }], constraints: [] };
    expect(codeOf(() => linkTables(a, c))).toBe('disclosure.conflicting_value');
  });

  it('rejects bad keys, unknown parents and cycles', () => {
    expect(codeOf(() => cellId('a|b', 'c'))).toBe('disclosure.bad_key');
    expect(codeOf(() => hierarchyDimension([{ id: 'a', parent: 'x' }]))).toBe('disclosure.unknown_parent');
    expect(
      codeOf(() =>
        hierarchyDimension([
          { id: 'a', parent: 'b' },
          { id: 'b', parent: 'a' },
        ]),
      ),
    ).toBe('disclosure.cyclic_hierarchy');
    expect(codeOf(() => hierarchyTable(tree, { sr1: 1, sr2: 2 }))).toBe('disclosure.missing_value');
  });
});

describe('indexTable', () => {
  it('indexes members and costs', () => {
    const t = hierarchyTable(
      tree,
      { sr1: 5, sr2: 7, sr3: 1 },
      { weight: (id) => (id === 'sr2' ? 1 : undefined) },
    );
    const index = indexTable(t);
    const b1 = index.position.get('b1')!;
    expect(index.memberOf[b1]).toEqual([0, 1]);
    expect(index.costs[index.position.get('sr2')!]).toBe(1);
    expect(index.costs[index.position.get('sr1')!]).toBe(5);
  });

  it.each([
    [
      'not_additive',
      {
        cells: [
          { id: 't', value: 5 },
          { id: 'p', value: 4 },
        ],
        constraints: [{ total: 't', parts: ['p'] }],
      },
    ],
    ['unknown_cell', { cells: [{ id: 't', value: 5 }], constraints: [{ total: 't', parts: ['p'] }] }],
    ['bad_value', { cells: [{ id: 't', value: -1 }], constraints: [] }],
    ['bad_value', { cells: [{ id: 't', value: Number.NaN }], constraints: [] }],
    [
      'duplicate_cell',
      {
        cells: [
          { id: 't', value: 1 },
          { id: 't', value: 1 },
        ],
        constraints: [],
      },
    ],
    [
      'repeated_cell',
      {
        cells: [
          { id: 't', value: 2 },
          { id: 'p', value: 1 },
        ],
        constraints: [{ total: 't', parts: ['p', 'p'] }],
      },
    ],
    ['empty_constraint', { cells: [{ id: 't', value: 0 }], constraints: [{ total: 't', parts: [] }] }],
  ] satisfies [string, SdcTable][])('rejects %s', (code, table) => {
    expect(codeOf(() => indexTable(table))).toBe(`disclosure.${code}`);
  });
});
