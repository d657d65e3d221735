import { describe, expect, it } from 'vitest';
import type { Cell } from '../core/value-status.ts';
import { auditTable } from '../disclosure/audit.ts';
import type { TreeNode } from './aggregate.ts';
import { DEFAULT_MARGIN, linkedSystem, protectDate, TOTAL } from './linked-protection.ts';

// City → 2 Stadtbezirke (1, 2) → 3 Sozialräume each (11–13, 21–23). Sozialraum 13 has 164
// inhabitants; Sozialraum 22 has one child aged 3–5. ew_u6 = ew_u3 + ew_3_5 and
// ew = ew_u65 + ew_65plus hold everywhere, as in a register extract.
const nodes: TreeNode[] = [
  { id: 1, parentId: null },
  { id: 2, parentId: null },
  ...[11, 12, 13].map((id) => ({ id, parentId: 1 })),
  ...[21, 22, 23].map((id) => ({ id, parentId: 2 })),
];
const areas: Record<
  number,
  { ew_u3: number; ew_3_5: number; ew_65plus: number; ew_u65: number; sgb2: number }
> = {
  11: { ew_u3: 60, ew_3_5: 55, ew_65plus: 400, ew_u65: 2100, sgb2: 210 },
  12: { ew_u3: 81, ew_3_5: 90, ew_65plus: 520, ew_u65: 3300, sgb2: 480 },
  13: { ew_u3: 2, ew_3_5: 4, ew_65plus: 70, ew_u65: 94, sgb2: 9 },
  21: { ew_u3: 40, ew_3_5: 38, ew_65plus: 610, ew_u65: 1500, sgb2: 95 },
  22: { ew_u3: 25, ew_3_5: 1, ew_65plus: 230, ew_u65: 900, sgb2: 120 },
  23: { ew_u3: 70, ew_3_5: 66, ew_65plus: 350, ew_u65: 2700, sgb2: 333 },
};
const counts = new Map<string, Map<number, Cell>>();
const put = (variable: string, value: (a: (typeof areas)[number]) => number) =>
  counts.set(
    variable,
    new Map(
      Object.entries(areas).map(([id, a]) => [Number(id), { value: value(a), status: 'value' as const }]),
    ),
  );
put('ew_u3', (a) => a.ew_u3);
put('ew_3_5', (a) => a.ew_3_5);
put('ew_u6', (a) => a.ew_u3 + a.ew_3_5);
put('ew_65plus', (a) => a.ew_65plus);
put('ew_u65', (a) => a.ew_u65);
put('ew', (a) => a.ew_65plus + a.ew_u65);
put('sgb2', (a) => a.sgb2);

describe('linkedSystem', () => {
  it('links every variable over the hierarchy and every identity at every area', () => {
    const system = linkedSystem(nodes, counts, 'ew');
    expect(system.identities).toEqual(
      expect.arrayContaining([
        { total: 'ew', parts: ['ew_65plus', 'ew_u65'] },
        { total: 'ew_u6', parts: ['ew_3_5', 'ew_u3'] },
      ]),
    );
    expect(system.unexplained).toBe(0);
    // 7 variables × (6 Sozialräume + 2 Stadtbezirke + city)
    expect(system.table.cells).toHaveLength(7 * 9);
    const constraints = system.table.constraints.map((k) => `${k.total}=${k.parts.join('+')}`);
    expect(constraints).toContain(`ew|${TOTAL}=ew|1+ew|2`);
    expect(constraints).toContain('sgb2|2=sgb2|21+sgb2|22+sgb2|23');
    expect(constraints).toContain('ew_u6|22=ew_3_5|22+ew_u3|22');
    expect(constraints).toContain(`ew|${TOTAL}=ew_65plus|${TOTAL}+ew_u65|${TOTAL}`);
    // The small area: all its cells are primary, counts included.
    expect([...system.smallAreaCells.keys()].sort()).toEqual(
      ['ew', 'ew_3_5', 'ew_65plus', 'ew_u3', 'ew_u6', 'ew_u65', 'sgb2'].map((v) => `${v}|13`).sort(),
    );
  });
});

describe('protectDate', () => {
  it('hides every cell of a small area and small counts, and no attacker narrows them below the margin', async () => {
    const result = await protectDate(nodes, counts, 'ew');
    for (const v of counts.keys()) expect(result.secret.get(v)!.has('13'), v).toBe(true);
    expect(result.secret.get('ew_3_5')!.has('22')).toBe(true);

    // The attacker knows every published cell and every identity of the system.
    const system = linkedSystem(nodes, counts, 'ew');
    const suppressed = [...result.secret].flatMap(([v, ids]) => [...ids].map((id) => `${v}|${id}`));
    const intervals = await auditTable(system.table, suppressed);
    const value = new Map(system.table.cells.map((c) => [c.id, c.value]));
    const primary = new Set([
      ...system.smallAreaCells.keys(),
      'ew_3_5|22',
      'ew_u3|13',
      'ew_3_5|13',
      'ew_u6|13',
    ]);
    for (const [id, { lower, upper }] of intervals) {
      const v = value.get(id)!;
      expect(upper - lower, `${id} = ${v} in [${lower}, ${upper}]`).toBeGreaterThanOrEqual(
        DEFAULT_MARGIN.minWidth - 1e-6,
      );
      if (primary.has(id))
        expect(upper - lower, `${id} = ${v} in [${lower}, ${upper}]`).toBeGreaterThanOrEqual(
          Math.max(DEFAULT_MARGIN.minWidth, DEFAULT_MARGIN.relativeWidth * v) - 1e-6,
        );
    }
    expect(result.primary).toBeGreaterThanOrEqual(8);
    expect(result.secondary).toBeGreaterThan(0);
  });

  it('protects what the per-series method gave away: the sibling share path', async () => {
    // ew_3_5 of 22 = ew_u6 − ew_u3 of 22, or the Bezirk total minus the siblings: both routes
    // need a second hidden cell in each of its constraints.
    const result = await protectDate(nodes, counts, 'ew');
    const hidden = (v: string, id: string) => result.secret.get(v)!.has(id);
    expect(hidden('ew_3_5', '22')).toBe(true);
    expect(hidden('ew_u6', '22') || hidden('ew_u3', '22')).toBe(true);
    expect(hidden('ew_3_5', '2') || hidden('ew_3_5', '21') || hidden('ew_3_5', '23')).toBe(true);
  });
});
