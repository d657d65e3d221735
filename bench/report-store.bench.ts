/**
 * Stored reports through the API on the demo city: a Steckbrief PDF made in the background
 * and stored (POST → done → download), the same rendered directly for the public download, and
 * the report list with 200 stored reports (model and document columns must not be read for it).
 * In-process requests (Fastify inject): server work only, no network.
 */
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { knownDemoPassword } from '../src/demo/demo-users.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { waitForReport } from '../src/reports/report.jobs.ts';
import { buildApp } from '../src/server/app.ts';
import { timeMedian, type Measurement } from './harness.ts';

export async function benchReportStore(record: (m: Measurement) => void): Promise<void> {
  const db = await openDb('memory://');
  await migrate(db);
  await seedDefaults(db);
  await loadDemo(db, { seed: 1, knownPasswords: true });
  const app = await buildApp({ db, webDir: '/nonexistent' });
  try {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'planer', password: knownDemoPassword('planer') },
    });
    const cookie = `lagebild_session=${login.cookies.find((c) => c.name === 'lagebild_session')!.value}`;
    const ok = <R extends { statusCode: number; body: string }>(res: R, what: string): R => {
      if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`);
      return res;
    };
    const stored = async () => {
      const res = ok(
        await app.inject({
          method: 'POST',
          url: '/api/reports',
          payload: { template: 'steckbrief', level: 'sozialraum', area: '101', format: 'pdf' },
          headers: { cookie },
        }),
        'POST /api/reports',
      );
      const { id } = res.json<{ id: number }>();
      await waitForReport(db, id);
      ok(await app.inject({ url: `/api/reports/${id}/file`, headers: { cookie } }), 'file');
    };
    await stored(); // Chromium start
    record({
      name: 'stored Steckbrief PDF: POST → done → download (planner)',
      value: await timeMedian(5, stored),
      unit: 'ms',
      target: 2000,
      note: 'assembly, Chromium print, storage',
    });
    record({
      name: 'public Steckbrief PDF: direct render (anonymous)',
      value: await timeMedian(5, async () =>
        ok(
          await app.inject('/api/reports/render?template=steckbrief&level=sozialraum&area=101&format=pdf'),
          'render',
        ),
      ),
      unit: 'ms',
      target: 2000,
    });

    // 200 stored reports with 200 KB documents: the list reads meta data only
    const [first] = await db.query<{ id: number }>('SELECT min(id) AS id FROM report');
    await db.query(
      `INSERT INTO report (title, template_key, template, level, area, ref_date, format, internal, status,
         model, document, size, data_version, content_hash, created_by, finished_at)
       SELECT r.title || ' ' || g, r.template_key, r.template, r.level, r.area, r.ref_date, r.format, r.internal,
         'done', r.model, decode(repeat('00', 200000), 'hex'), 200000, r.data_version, r.content_hash, r.created_by, now()
       FROM report r, generate_series(1, 200 - (SELECT count(*)::int FROM report)) g WHERE r.id = $1`,
      [first!.id],
    );
    record({
      name: 'report list: 200 stored reports (planner)',
      value: await timeMedian(9, async () =>
        ok(await app.inject({ url: '/api/reports', headers: { cookie } }), 'list'),
      ),
      unit: 'ms',
      target: 100,
    });
  } finally {
    await app.close();
    await db.close();
  }
}
