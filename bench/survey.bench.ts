/**
 * Survey answers under load: anonymous visitors post complete questionnaires (area, single choice,
 * scale) to an open survey's link at a fixed rate of 250 per second over 10 connections for 5 s
 * (autocannon), against the app in this process on the demo city (embedded database, on loopback).
 * Targets: ≥ 200 answers/s achieved, and every answer the server confirmed is stored — none lost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon, { type Options } from 'autocannon';
import { createSession, findUserForLogin } from '../src/auth/user.repository.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { buildApp } from '../src/server/app.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import type { Survey } from '../src/surveys/survey.schema.ts';
import type { Measurement } from './harness.ts';

const RATE = 250;
const TARGET_RATE = 200;
const SECONDS = Number(process.env.LAGEBILD_BENCH_LOAD_SECONDS) || 5;
const CONNECTIONS = 10;

export async function benchSurvey(record: (m: Measurement) => void): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-survey-'));
  const db = await openDb(join(dir, 'db'));
  const app = await buildApp({ db, webDir: '/nonexistent' });
  try {
    await migrate(db);
    await seedDefaults(db);
    await loadDemo(db, { seed: 1, knownPasswords: true });
    const planner = await findUserForLogin(db, 'planer');
    if (!planner) throw new Error('demo user planer missing');
    const cookie = `lagebild_session=${await createSession(db, planner.user.id)}`;
    const call = async (method: 'POST' | 'PUT', url: string, payload: unknown) => {
      const res = await app.inject({ method, url, payload: payload as never, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
      return res.json<Survey>();
    };
    await call('POST', '/api/surveys', {
      key: 'last',
      title: 'Lasttest',
      periodFrom: '2024-10-01',
      periodTo: '2024-12-31',
      level: 'sozialraum',
    });
    await call('PUT', '/api/surveys/last/questions', {
      questions: [
        { kind: 'area', text: 'Wo wohnen Sie?', required: true },
        { kind: 'single', text: 'Wie wohl fühlen Sie sich?', options: ['Wohl', 'Nicht wohl'] },
        { kind: 'scale', text: 'Wie zufrieden sind Sie?', scaleMin: 1, scaleMax: 5 },
      ],
    });
    const survey = await call('POST', '/api/surveys/last/status', { status: 'offen' });
    const [area] = await db.query<{ key: string }>(
      `SELECT a.key FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'sozialraum' ORDER BY a.key LIMIT 1`,
    );
    const [q0, q1, q2] = survey.questions.map((q) => q.id);
    const body = JSON.stringify({
      answers: [
        { question: q0, value: area!.key },
        { question: q1, value: 0 },
        { question: q2, value: 4 },
      ],
    });

    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    // autocannon takes method and body; the module's own types (autocannon.d.ts) leave them out
    const options: Options & { method: string; body: string } = {
      url: `${address}/api/surveys/public/${survey.token}/responses`,
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      connections: CONNECTIONS,
      duration: SECONDS,
      overallRate: RATE,
    };
    const result = await autocannon(options);
    const confirmed = result.requests.total - result.non2xx - result.errors - result.timeouts;
    const [stored] = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM survey_response r JOIN survey s ON s.id = r.survey_id WHERE s.key = 'last'`,
    );
    record({
      name: `survey answers: ${CONNECTIONS} connections at ${RATE}/s for ${SECONDS} s, achieved`,
      value: confirmed / result.duration,
      unit: 'req/s',
      target: TARGET_RATE,
      atLeast: true,
      note: `p99 ${result.latency.p99} ms; ${result.non2xx} non-2xx, ${result.errors} errors`,
    });
    record({
      name: 'survey answers: confirmed but not stored (lost)',
      // more stored than counted: answers still in flight when the count's window closed
      value: Math.max(0, confirmed - stored!.n),
      unit: 'count',
      target: 0,
      note: `${confirmed} confirmed within the run, ${stored!.n} stored (the rest answered as the run closed)`,
    });
  } finally {
    await app.close();
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}
