/*
 * Timings of disclosure control at city size (printed, not asserted: the machine and the
 * parallel test workers vary). Target: the aggregation of 1,000,000 persons to ~500 areas × 20
 * groups including disclosure control within 3 s on 2 cores, so this step well under 1.5 s.
 */
import { describe, expect, it } from 'vitest';
import { protectTable, type ProtectionRules } from './protect.ts';
import { cityTree, populationTable, seeded } from './test-helpers.ts';

const round = (ms: number) => Math.round(ms);

describe('performance', () => {
  it('protects 542 Sozialräume × 20 age/sex groups with margins and 12 Stadtbezirke (~11,700 cells)', async () => {
    const runs: { label: string; persons: number; seed: number; rules?: ProtectionRules }[] = [
      { label: '1M persons, cold (loads HiGHS)', persons: 1_000_000, seed: 1 },
      { label: '1M persons, warm', persons: 1_000_000, seed: 2 },
      {
        label: '1M persons, warm, decision-only final audit',
        persons: 1_000_000,
        seed: 3,
        rules: { intervals: false },
      },
      { label: '100k persons (many small counts)', persons: 100_000, seed: 4 },
      {
        label: '100k persons, decision-only final audit',
        persons: 100_000,
        seed: 4,
        rules: { intervals: false },
      },
      {
        label: '1M persons, upperAtLeast 3',
        persons: 1_000_000,
        seed: 2,
        rules: { requirement: { upperAtLeast: 3 } },
      },
    ];
    const rows = [];
    for (const { label, persons, seed, rules } of runs) {
      const t0 = performance.now();
      const table = populationTable(seeded(seed), cityTree(12, 542), persons);
      const t1 = performance.now();
      const result = await protectTable(table, rules);
      const t2 = performance.now();
      const ms = result.audit.milliseconds;
      rows.push({
        run: label,
        cells: table.cells.length,
        constraints: table.constraints.length,
        primary: result.audit.primary,
        secondary: result.audit.secondary,
        rounds: result.audit.rounds,
        lps: result.audit.lpSolves,
        'build ms': round(t1 - t0),
        'primary ms': round(ms.primary),
        'secondary ms': round(ms.secondary),
        'final audit ms': round(ms.audit),
        'protect ms': round(t2 - t1),
      });
      const suppressed = [...result.status.values()].filter((s) => s === 'secret').length;
      expect(suppressed).toBe(result.audit.primary + result.audit.secondary);
    }
    console.table(rows);
  });
});
