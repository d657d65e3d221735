import { describe, expect, it } from 'vitest';
import { auditTable, isDisclosed } from './audit.ts';
import { ResidualDisclosureError } from './messages.ts';
import { protectTable } from './protect.ts';
import { hierarchyTable, type SdcTable } from './table.ts';
import { cityTree, loadFixture, populationTable, randomHierarchy, seeded } from './test-helpers.ts';

const tree = [
  { id: 'stadt' },
  { id: 'b1', parent: 'stadt' },
  { id: 'b2', parent: 'stadt' },
  { id: 'sr1', parent: 'b1' },
  { id: 'sr2', parent: 'b1' },
  { id: 'sr3', parent: 'b1' },
  { id: 'sr4', parent: 'b2' },
  { id: 'sr5', parent: 'b2' },
  { id: 'sr6', parent: 'b2' },
];

const secret = (r: { status: Map<string, string> }) =>
  [...r.status].filter(([, s]) => s === 'secret').map(([id]) => id);

describe('protectTable', () => {
  it('protects the fixture: no cell exactly recomputable afterwards', async () => {
    const { table, primary } = loadFixture();
    const result = await protectTable(table, {
      frequency: false,
      primary: new Map(primary.map((id) => [id, 'vorgegeben'])),
    });
    expect(result.audit.primary).toBe(9);
    expect(result.audit.secondary).toBe(1);
    expect(result.reasons.get('w|d')).toBe(
      'Sekundäre Geheimhaltung (verhindert das Zurückrechnen geheimer Werte)',
    );
    expect(result.reasons.get('w|a')).toBe('vorgegeben');
    expect(result.published.get('w|b')).toBeNull();
    expect(result.published.get('*|*')).toBe(3943);
    expect(result.audit.intervals.size).toBe(10);
    const value = new Map(table.cells.map((c) => [c.id, c.value]));
    for (const [id, interval] of result.audit.intervals)
      expect(isDisclosed(interval, value.get(id)!), id).toBe(false);
  });

  it('hides small counts and the cells they could be recomputed from, with reasons', async () => {
    const table = hierarchyTable(tree, { sr1: 1, sr2: 40, sr3: 55, sr4: 70, sr5: 0, sr6: 90 });
    const result = await protectTable(table);
    expect(result.reasons.get('sr1')).toBe('Fallzahl unter 3');
    expect(result.published.get('sr5')).toBe(0);
    expect(result.status.get('sr5')).toBe('value');
    expect(secret(result)).toEqual(['sr1', 'sr2']);
    expect(result.audit.intervals.get('sr1')).toEqual({ lower: 0, upper: 41 });
    expect(result.published.get('stadt')).toBe(256);
  });

  it('hides zeros with suppressZero', async () => {
    const table = hierarchyTable(tree, { sr1: 10, sr2: 40, sr3: 55, sr4: 70, sr5: 0, sr6: 90 });
    const result = await protectTable(table, { frequency: { suppressZero: true } });
    expect(result.reasons.get('sr5')).toBe('Fallzahl 0 (Nullwerte werden geheim gehalten)');
    expect(secret(result)).toEqual(['sr4', 'sr5']);
  });

  it('handles a total below the threshold', async () => {
    const table = hierarchyTable(tree, { sr1: 1, sr2: 1, sr3: 0, sr4: 70, sr5: 20, sr6: 90 });
    const result = await protectTable(table);
    // b1 = 2 is primary itself; it is alone in Stadt = b1 + b2, so b2 goes too, and then a part of b2.
    expect(result.reasons.get('b1')).toBe('Fallzahl unter 3');
    expect(secret(result)).toEqual(['b1', 'b2', 'sr1', 'sr2', 'sr5']);
  });

  it('handles all cells tiny: everything secret, nothing derivable', async () => {
    const table = hierarchyTable(tree, { sr1: 0, sr2: 1, sr3: 0, sr4: 1, sr5: 0, sr6: 0 });
    const result = await protectTable(table);
    // Zeros stay published ("-"); every count of 1 or 2 and every total is secret, unbounded above.
    expect(secret(result)).toEqual(['stadt', 'b1', 'b2', 'sr2', 'sr4']);
    expect(result.audit.secondary).toBe(0);
    expect(result.audit.intervals.get('sr2')).toEqual({ lower: 0, upper: Infinity });
  });

  it('forces the total of a constraint with a single part', async () => {
    const table: SdcTable = {
      cells: [
        { id: 'stadt', value: 200 },
        { id: 'b1', value: 2 },
        { id: 'sr1', value: 2 },
        { id: 'b2', value: 198 },
      ],
      constraints: [
        { total: 'stadt', parts: ['b1', 'b2'] },
        { total: 'b1', parts: ['sr1'] },
      ],
    };
    const result = await protectTable(table, { frequency: false, primary: new Map([['sr1', 'vorgegeben']]) });
    expect(secret(result)).toEqual(['b1', 'sr1', 'b2']);
    expect(result.reasons.get('b1')).toMatch(/Sekundäre/);
  });

  it('returns empty results for an empty table', async () => {
    const result = await protectTable({ cells: [], constraints: [] });
    expect(result.published.size).toBe(0);
    expect(result.audit).toMatchObject({ primary: 0, secondary: 0, lpSolves: 0 });
  });

  it('never leaves a derivable cell in random tables (seeded property, checked by an independent audit)', async () => {
    const tables = [
      ...[21, 22, 23, 24, 25, 26].map((seed) => randomHierarchy(seeded(seed), 6, 10)),
      ...[31, 32].map((seed) => populationTable(seeded(seed), cityTree(5, 40), 6_000)),
    ];
    for (const [i, table] of tables.entries()) {
      const result = await protectTable(table, { intervals: i % 2 === 0 });
      const suppressed = secret(result);
      const value = new Map(table.cells.map((c) => [c.id, c.value]));
      for (const [id, interval] of await auditTable(table, suppressed)) {
        expect(isDisclosed(interval, value.get(id)!), id).toBe(false);
      }
      for (const [id, reason] of result.reasons) {
        if (reason.startsWith('Fallzahl')) expect(result.status.get(id)).toBe('secret');
      }
    }
  });

  it('names a residual disclosure with a stable code', () => {
    const error = new ResidualDisclosureError([{ id: 'w|b', lower: 47, upper: 47 }]);
    expect(error.code).toBe('disclosure.residual_disclosure');
    expect(error.status).toBe(500);
    expect(error.message).toContain('„w|b“ liegt zwischen 47 und 47');
    expect(new ResidualDisclosureError([{ id: 'w|b' }]).message).toContain('z. B. „w|b“');
  });
});
