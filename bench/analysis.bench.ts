/**
 * Atlas analysis tools: the statistics table API (JSON, CSV, XLSX; planner and public) on
 * the demo city, and the Kennblatt PDF rendered by Chromium (first with the browser start, then
 * warm). In-process requests (Fastify inject): server work only, no network.
 */
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { knownDemoPassword } from '../src/demo/demo-users.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { buildApp } from '../src/server/app.ts';
import { timeMedian, type Measurement } from './harness.ts';

export async function benchAnalysis(record: (m: Measurement) => void): Promise<void> {
  const db = await openDb('memory://');
  const app = await buildApp({ db, webDir: '/nonexistent' });
  try {
    await migrate(db);
    await seedDefaults(db);
    await loadDemo(db, { seed: 1, knownPasswords: true });
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'planer', password: knownDemoPassword('planer') },
    });
    const planner = {
      cookie: `lagebild_session=${login.cookies.find((c) => c.name === 'lagebild_session')!.value}`,
    };
    const table = (format: string) =>
      `/api/analysis/table?indicators=sgb2_quote,kinderarmut&level=sozialraum&date=2024&format=${format}`;
    const get = async (url: string, headers: Record<string, string> = {}) => {
      const res = await app.inject({ url, headers });
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    };

    for (const [who, headers] of [
      ['public', {}],
      ['planner', planner],
    ] as const) {
      record({
        name: `statistics table: 62 areas × 2 indicators, JSON (${who})`,
        value: await timeMedian(9, () => get(table('json'), headers)),
        unit: 'ms',
        note: who === 'public' ? 'protected values (disclosure control)' : 'unprotected, with counts',
      });
    }
    record({
      name: 'statistics table: same as CSV (public)',
      value: await timeMedian(9, () => get(table('csv'))),
      unit: 'ms',
    });
    record({
      name: 'statistics table: same as XLSX (planner, with counts)',
      value: await timeMedian(9, () => get(table('xlsx'), planner)),
      unit: 'ms',
    });

    const t0 = performance.now();
    await get('/api/analysis/sheet/sgb2_quote.pdf');
    record({
      name: 'Kennblatt PDF: first (Chromium start included)',
      value: performance.now() - t0,
      unit: 'ms',
    });
    record({
      name: 'Kennblatt PDF: warm browser (median of 7)',
      value: await timeMedian(7, () => get('/api/analysis/sheet/sgb2_quote.pdf')),
      unit: 'ms',
      note: 'one browser per process, a fresh context per sheet',
    });
  } finally {
    await app.close();
    await db.close();
  }
}
