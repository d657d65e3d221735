import { describe, expect, it } from 'vitest';
import { auditTable, disclosedCells, isDisclosed, isProtected } from './audit.ts';
import { crossTable, hierarchyTable } from './table.ts';
import { loadFixture, seeded } from './test-helpers.ts';

describe('LP audit on the sdcTable SIMPLEHEURISTIC fixture', () => {
  const fixture = loadFixture();

  it('reproduces every LP interval of the primary pattern', async () => {
    const intervals = await auditTable(fixture.table, fixture.primary);
    expect(intervals.size).toBe(9);
    for (const [id, [lower, upper]] of Object.entries(fixture.bounds)) {
      expect(intervals.get(id), id).toEqual({ lower, upper });
    }
  });

  it('finds w|b exactly recomputable, [47, 47], although every row and column has ≥ 2 suppressions', async () => {
    const intervals = await auditTable(fixture.table, fixture.primary);
    expect(intervals.get('w|b')).toEqual({ lower: 47, upper: 47 });
    expect(isDisclosed(intervals.get('w|b')!, 47)).toBe(true);
    expect(await disclosedCells(fixture.table, fixture.primary)).toEqual(['w|b']);
  });

  it.each(['x|b', 'y|a', 'z|a'])('one extra suppression (%s) opens w|b to [0, 141]', async (extra) => {
    const suppressed = [...fixture.primary, extra];
    expect((await auditTable(fixture.table, suppressed)).get('w|b')).toEqual({ lower: 0, upper: 141 });
    expect(await disclosedCells(fixture.table, suppressed)).toEqual([]);
  });

  it('uses caps an attacker knows, and rejects caps below the value', async () => {
    // x|a = 90 ∈ [26, 95]; knowing x|a ≤ 91 narrows column a: w|a = 120 − x|a ≥ 29.
    const intervals = await auditTable(fixture.table, fixture.primary, {
      upperBounds: new Map([['x|a', 91]]),
    });
    expect(intervals.get('x|a')).toEqual({ lower: 26, upper: 91 });
    expect(intervals.get('w|a')).toEqual({ lower: 29, upper: 94 });
    await expect(
      auditTable(fixture.table, fixture.primary, { upperBounds: new Map([['w|c', 10]]) }),
    ).rejects.toThrow(/Obergrenze 10 für „w\|c“/);
  });
});

describe('audit decisions', () => {
  it('decides a lone suppressed cell in a constraint without LP and reports unbounded cells', async () => {
    const t = hierarchyTable([{ id: 'stadt' }, { id: 'a', parent: 'stadt' }, { id: 'b', parent: 'stadt' }], {
      a: 2,
      b: 40,
    });
    expect(await disclosedCells(t, ['a'])).toEqual(['a']);
    expect(await auditTable(t, ['a', 'b', 'stadt'])).toEqual(
      new Map([
        ['stadt', { lower: 0, upper: Infinity }],
        ['a', { lower: 0, upper: Infinity }],
        ['b', { lower: 0, upper: Infinity }],
      ]),
    );
    expect(await auditTable(t, [])).toEqual(new Map());
  });

  it('applies the protection requirement to sensitive cells only', async () => {
    const t = crossTable(['r', 's'], ['a', 'b'], { 'r|a': 1, 'r|b': 1, 's|a': 40, 's|b': 50 });
    const suppressed = ['r|a', 'r|b', 's|a', 's|b'];
    // r|a ∈ [0, 2]: not recomputable, but an attacker sees that it is below 3.
    expect((await auditTable(t, suppressed)).get('r|a')).toEqual({ lower: 0, upper: 2 });
    expect(await disclosedCells(t, suppressed)).toEqual([]);
    const requirement = { upperAtLeast: 3 };
    expect(await disclosedCells(t, suppressed, { sensitive: ['r|a', 'r|b'], requirement })).toEqual([
      'r|a',
      'r|b',
    ]);
    // s|a ∈ [39, 41]: width 2 is 5 % of its value 40.
    const sensitive = ['s|a'];
    expect(await disclosedCells(t, suppressed, { sensitive, requirement: { relativeWidth: 0.05 } })).toEqual(
      [],
    );
    expect(await disclosedCells(t, suppressed, { sensitive, requirement: { relativeWidth: 0.1 } })).toEqual([
      's|a',
    ]);
    expect(isProtected({ lower: 0, upper: 2 }, 1, { sensitive: true, requirement: { minWidth: 3 } })).toBe(
      false,
    );
  });

  it('holds the other suppressed cells to their own minimum width', async () => {
    const t = crossTable(['r', 's'], ['a', 'b'], { 'r|a': 1, 'r|b': 1, 's|a': 40, 's|b': 50 });
    const suppressed = ['r|a', 'r|b', 's|a', 's|b'];
    // s|a ∈ [39, 41] and s|b ∈ [49, 51]: width 2, so whole numbers leave three candidates each.
    const requirement = { minWidth: 2, othersMinWidth: 3 };
    expect(await disclosedCells(t, suppressed, { sensitive: ['r|a', 'r|b'], requirement })).toEqual([
      's|a',
      's|b',
    ]);
    expect(
      await disclosedCells(t, suppressed, { sensitive: ['r|a', 'r|b'], requirement: { othersMinWidth: 2 } }),
    ).toEqual([]);
    expect(isProtected({ lower: 5, upper: 6 }, 5, { requirement: { othersMinWidth: 3 } })).toBe(false);
    expect(isProtected({ lower: 5, upper: 8 }, 5, { requirement: { othersMinWidth: 3 } })).toBe(true);
  });

  it('takes the same decisions as the exact intervals on random patterns (property)', async () => {
    const rng = seeded(11);
    for (let round = 0; round < 25; round++) {
      const rows = ['r1', 'r2', 'r3', 'r4', 'r5'];
      const cols = ['a', 'b', 'c', 'd'];
      const values = new Map<string, number>();
      for (const r of rows)
        for (const c of cols) values.set(`${r}|${c}`, rng() < 0.2 ? 0 : Math.floor(rng() * 30));
      const table = crossTable(rows, cols, values);
      const suppressed = table.cells.filter(() => rng() < 0.35).map((c) => c.id);
      const sensitive = suppressed.filter(() => rng() < 0.5);
      const requirement = { upperAtLeast: 3, relativeWidth: 0.5 };
      const intervals = await auditTable(table, suppressed);
      const value = new Map(table.cells.map((c) => [c.id, c.value]));
      const expected = [...intervals]
        .filter(
          ([id, iv]) => !isProtected(iv, value.get(id)!, { sensitive: sensitive.includes(id), requirement }),
        )
        .map(([id]) => id)
        .sort();
      const found = await disclosedCells(table, suppressed, { sensitive, requirement });
      expect(found.sort(), `round ${round}`).toEqual(expected);
    }
  });
});
