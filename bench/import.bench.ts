/**
 * Target: a 100,000-row long-form CSV imported (validated and stored) in ≤ 2 s — into the embedded
 * database, and the same file into a PostgreSQL server (`postgresServer`), where the values go in
 * through COPY.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAreas } from '../src/areas/area.repository.ts';
import { openDb, type Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { importTable } from '../src/imports/table-import.service.ts';
import { writeLongCsv } from '../src/imports/table/bench.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import type { Measurement } from './harness.ts';
import { freshDatabase, postgresServer } from './postgres-server.ts';

const ROWS = 100_000;

export async function benchTableImport(record: (m: Measurement) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-import-'));
  try {
    const path = join(dir, 'long.csv');
    await timeImport(await openDb('memory://'), 'PGlite', path, record);
    const server = await postgresServer(dir);
    if (!server.url) {
      record({ name: 'table import into PostgreSQL', value: 0, unit: 'ms', note: server.note });
      return;
    }
    const fresh = await freshDatabase(server.url, `lagebild_bench_import_${process.pid}`);
    try {
      await timeImport(await openDb(fresh.url), server.note, path, record);
    } finally {
      await fresh.drop();
      await server.stop();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function timeImport(db: Db, engine: string, path: string, record: (m: Measurement) => void) {
  try {
    await migrate(db);
    await seedDefaults(db);
    await loadDemo(db, { seed: 1 });
    const keys = (await listAreas(db, 'sozialraum')).map((r) => r.key);
    await writeLongCsv(path, ROWS, keys);
    const t0 = performance.now();
    const r = await importTable(db, { path }, { level: 'sozialraum' });
    const ms = performance.now() - t0;
    record({
      name: `table import: 100,000-row long CSV into ${engine} (${r.stored} values)`,
      value: ms,
      unit: 'ms',
      target: 2000,
      note: 'validate + plausibility + store in one transaction',
    });
  } finally {
    await db.close();
  }
}
