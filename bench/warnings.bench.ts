/**
 * Frühwarnung: evaluating every default rule (including the MSS class rules) on the 62
 * Sozialräume of the demo city at the latest Stichtag, for a planner (unprotected values) and for
 * the public (disclosure-protected values), and the time comparison of one area. No target in the
 * issue; 1.5 s is what a page may take to list its entries (filters then run in the browser).
 */
import { listAreas } from '../src/areas/area.repository.ts';
import type { User } from '../src/auth/auth.schema.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { areaChanges } from '../src/warnings/changes.service.ts';
import { evaluateWarnings } from '../src/warnings/warning.service.ts';
import { timeMedian, type Measurement } from './harness.ts';

const PLANNER: User = { id: 0, username: 'bench', displayName: 'Bench', role: 'planner' };

export async function benchWarnings(record: (m: Measurement) => void): Promise<void> {
  const db = await openDb('memory://');
  try {
    await migrate(db);
    await seedDefaults(db);
    await loadDemo(db, { seed: 1 });
    const level = 'sozialraum';
    const [area] = await listAreas(db, level);
    let entries = 0;
    // The first request after an import computes the level tables (and for the public their
    // disclosure control); later ones reuse them until the data change (level-table.ts).
    const first = async (user: User | null) => {
      const t0 = performance.now();
      entries = (await evaluateWarnings(db, user, { level })).entries.length;
      return performance.now() - t0;
    };
    record({
      name: 'Frühwarnung: first request after loading the data, public (cold)',
      value: await first(null),
      unit: 'ms',
      target: 1500,
      note: 'level tables and disclosure control computed',
    });
    record({
      name: 'Frühwarnung: first request after loading the data, planner (cold)',
      value: await first(PLANNER),
      unit: 'ms',
      target: 1500,
    });
    const planner = await timeMedian(5, async () => {
      entries = (await evaluateWarnings(db, PLANNER, { level })).entries.length;
    });
    record({
      name: `Frühwarnung: all default rules, 62 Sozialräume, planner (${entries} entries)`,
      value: planner,
      unit: 'ms',
      target: 1500,
      note: 'warm: level tables reused',
    });
    const publicMs = await timeMedian(5, async () => {
      entries = (await evaluateWarnings(db, null, { level })).entries.length;
    });
    record({
      name: `Frühwarnung: same, public with disclosure control (${entries} entries)`,
      value: publicMs,
      unit: 'ms',
      target: 1500,
    });
    const changes = await timeMedian(5, () => areaChanges(db, null, { level, area: area!.key, years: 5 }));
    record({
      name: 'Zeitvergleich: one area, all indicators, public',
      value: changes,
      unit: 'ms',
      target: 1500,
    });
  } finally {
    await db.close();
  }
}
