/** Target: a 100,000-row long-form CSV imported (validated and stored) in ≤ 2 s. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAreas } from '../src/areas/area.repository.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { importTable } from '../src/imports/table-import.service.ts';
import { writeLongCsv } from '../src/imports/table/bench.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import type { Measurement } from './harness.ts';

export async function benchTableImport(record: (m: Measurement) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-import-'));
  const db = await openDb('memory://');
  try {
    await migrate(db);
    await seedDefaults(db);
    await loadDemo(db, { seed: 1 });
    const keys = (await listAreas(db, 'sozialraum')).map((r) => r.key);
    const path = join(dir, 'long.csv');
    await writeLongCsv(path, 100_000, keys);
    const t0 = performance.now();
    const r = await importTable(db, { path }, { level: 'sozialraum' });
    const ms = performance.now() - t0;
    record({
      name: `table import: 100,000-row long CSV into PGlite (${r.stored} values)`,
      value: ms,
      unit: 'ms',
      target: 2000,
      note: 'validate + plausibility + store in one transaction',
    });
  } finally {
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
