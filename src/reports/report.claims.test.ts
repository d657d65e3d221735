/**
 * Claims of background reports: a starting server marks failed only the reports whose process has
 * stopped (stale or missing heartbeat) — on PostgreSQL never those of a live server beside it, on
 * PGlite (one process per directory) everything another process left running. Its own claims
 * stay, and their heartbeat is renewed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { engines } from '../test/databases.ts';
import { failInterrupted, INTERRUPTED, JOB_CLAIMANT, settleReports, STALE_SECONDS } from './report.jobs.ts';
import { heartbeat } from './report.repository.ts';

describe.each(engines)('report claims on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
  });
  afterAll(async () => {
    await settleReports(db);
    await drop();
  });

  /** A running report claimed by `claimant` whose heartbeat is `age` seconds old (null: none). */
  async function running(claimant: string | null, age: number | null): Promise<number> {
    const [row] = await db.query<{ id: number }>(
      `INSERT INTO report (title, template_key, template, level, ref_date, format, internal, status, claimed_by, heartbeat_at)
       VALUES ('Bericht', 'steckbrief', '{"name":"Steckbrief"}', 'sozialraum', '2024-12-31', 'html', true, 'running',
               $1, CASE WHEN $2::float8 IS NULL THEN NULL ELSE now() - make_interval(secs => $2::float8) END)
       RETURNING id`,
      [claimant, age],
    );
    return row!.id;
  }
  const state = async (id: number) =>
    (
      await db.query<{ status: string; error: string | null; fresh: boolean }>(
        `SELECT status, error, heartbeat_at > now() - interval '5 seconds' AS fresh FROM report WHERE id = $1`,
        [id],
      )
    )[0]!;

  it('fails only reports of stopped processes and keeps its own', async () => {
    const live = await running('anderer-server:4711:abc', 1);
    const dead = await running('abgestuerzt:815:def', STALE_SECONDS + 600);
    const legacy = await running(null, null);
    const own = await running(JOB_CLAIMANT, STALE_SECONDS + 600);
    const marked = await failInterrupted(db);
    expect(await state(dead)).toMatchObject({ status: 'failed', error: INTERRUPTED });
    expect(await state(legacy)).toMatchObject({ status: 'failed', error: INTERRUPTED });
    expect((await state(own)).status).toBe('running');
    if (engine.name === 'postgres') {
      // another server on the same database is alive: its report is none of our business
      expect((await state(live)).status).toBe('running');
      expect(marked).toBe(2);
    } else {
      // the directory lock admits no other process: whatever it left running was interrupted
      expect(await state(live)).toMatchObject({ status: 'failed', error: INTERRUPTED });
      expect(marked).toBe(3);
    }
    expect((await state(own)).fresh).toBe(false);
    await heartbeat(db, JOB_CLAIMANT);
    expect((await state(own)).fresh).toBe(true);
  });
});
