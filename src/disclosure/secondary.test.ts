import { describe, expect, it } from 'vitest';
import { auditTable, isProtected } from './audit.ts';
import { frequencyRule } from './primary.ts';
import { secondarySuppression } from './secondary.ts';
import type { SdcTable } from './table.ts';
import { cityTree, loadFixture, populationTable, randomHierarchy, seeded } from './test-helpers.ts';

/** Independent check with exact intervals: no suppressed cell recomputable, primaries kept. */
async function expectProtected(table: SdcTable, primary: Iterable<string>, suppressed: ReadonlySet<string>) {
  for (const id of primary) expect(suppressed.has(id), id).toBe(true);
  const value = new Map(table.cells.map((c) => [c.id, c.value]));
  const intervals = await auditTable(table, suppressed);
  const disclosed = [...intervals].filter(([id, iv]) => !isProtected(iv, value.get(id)!)).map(([id]) => id);
  expect(disclosed).toEqual([]);
  return intervals;
}

describe('secondary suppression', () => {
  it('protects the fixture with one extra cell (sdcTable needs one too)', async () => {
    const { table, primary } = loadFixture();
    const result = await secondarySuppression(table, primary);
    // The structural rule adds nothing (every row/column already has ≥ 2); the LP audit finds
    // w|b and the cheapest repair is w|d (89), cheaper than sdcTable's x|b (124), y|a (92), z|a (800).
    expect(result.structural).toBe(0);
    expect(result.secondary).toEqual(['w|d']);
    expect(result.rounds).toBe(2);
    const intervals = await expectProtected(table, primary, result.suppressed);
    expect(intervals.get('w|b')).toEqual({ lower: 0, upper: 136 });
  });

  it('protects random hierarchies (6 districts × 10 areas, some small counts)', async () => {
    for (let seed = 1; seed <= 12; seed++) {
      const table = randomHierarchy(seeded(seed), 6, 10);
      const primary = [...frequencyRule(table.cells).keys()];
      const { suppressed } = await secondarySuppression(table, primary);
      await expectProtected(table, primary, suppressed);
    }
  });

  it('protects a hierarchy × age/sex table with margins', async () => {
    for (const seed of [3, 4, 5]) {
      const table = populationTable(seeded(seed), cityTree(6, 60), 20_000);
      const primary = [...frequencyRule(table.cells).keys()];
      expect(primary.length).toBeGreaterThan(20);
      const result = await secondarySuppression(table, primary);
      await expectProtected(table, primary, result.suppressed);
      expect(result.suppressed.size).toBe(primary.length + result.secondary.length);
    }
  });

  it('meets a stricter requirement: primary intervals reach the threshold', async () => {
    const table = populationTable(seeded(9), cityTree(4, 30), 8_000);
    const primary = [...frequencyRule(table.cells).keys()];
    const requirement = { upperAtLeast: 3 };
    const plain = await secondarySuppression(table, primary);
    const strict = await secondarySuppression(table, primary, { requirement });
    expect(strict.suppressed.size).toBeGreaterThanOrEqual(plain.suppressed.size);
    const value = new Map(table.cells.map((c) => [c.id, c.value]));
    const intervals = await auditTable(table, strict.suppressed);
    for (const id of primary) {
      expect(isProtected(intervals.get(id)!, value.get(id)!, { sensitive: true, requirement }), id).toBe(
        true,
      );
    }
  });

  it('suppresses the total of a constraint with a single part, and hides zero sums with a non-zero cell', async () => {
    const table: SdcTable = {
      cells: [
        ['stadt', 105],
        ['b1', 5],
        ['b2', 100],
        ['sr1', 5],
        ['sr2', 0],
        ['sr3', 0],
        ['sr4', 100],
      ].map(([id, value]) => ({ id: id as string, value: value as number })),
      constraints: [
        { total: 'stadt', parts: ['b1', 'b2'] },
        { total: 'b1', parts: ['sr1'] },
        { total: 'b2', parts: ['sr2', 'sr3', 'sr4'] },
      ],
    };
    // sr1 forces b1 (single part), b1 forces b2, b2 forces a part: the zeros only as a last resort.
    const one = await secondarySuppression(table, ['sr1']);
    expect(one.secondary).toEqual(['b1', 'b2', 'sr4']);
    await expectProtected(table, ['sr1'], one.suppressed);
    // Two suppressed zeros in a sum of published zero: both pinned at 0 until sr4 is hidden.
    const zeros = await secondarySuppression(table, ['sr2', 'sr3']);
    expect(zeros.secondary).toEqual(['sr4']);
    await expectProtected(table, ['sr2', 'sr3'], zeros.suppressed);
  });
});
