/**
 * Sozialraumtypen: the pure typology (k = 2 … 8, 20 k-means++ starts each, silhouettes) on the 536
 * valid Berlin PLR × 6 MSS indicators, and the whole clusters request on the demo city.
 */
import { MSS_INDICATORS, mssTable } from '../src/typology/berlin-mss.testdata.ts';
import { buildTypology } from '../src/typology/typology.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { timeMedian, type Measurement } from './harness.ts';

export async function benchTypology(record: (m: Measurement) => void): Promise<void> {
  const { rows } = mssTable();
  buildTypology(rows, MSS_INDICATORS, 'auto'); // warm-up (JIT)
  const pure = await timeMedian(5, async () => buildTypology(rows, MSS_INDICATORS, 'auto'));
  record({
    name: 'typology: 536 Berlin PLR × 6 indicators, k = auto (2 … 8)',
    value: pure,
    unit: 'ms',
    target: 500,
    note: 'z-standardise, k-means++ ×20 per k, silhouette per k',
  });

  const db = await openDb('memory://');
  await migrate(db);
  await seedDefaults(db);
  await loadDemo(db, { seed: 1 });
  const app = await buildApp({ db, webDir: '/nonexistent' });
  try {
    const url = '/api/typology/clusters?level=sozialraum&k=auto';
    await app.inject({ url }); // warm-up
    const request = await timeMedian(5, async () => {
      const res = await app.inject({ url });
      if (res.statusCode !== 200) throw new Error(`typology request failed: ${res.body}`);
    });
    record({
      name: 'typology: GET /api/typology/clusters, demo city (62 areas, 7 indicators, public)',
      value: request,
      unit: 'ms',
      target: 1000,
      note: 'PGlite; level table with disclosure control + typology',
    });
  } finally {
    await app.close();
    await db.close();
  }
}
