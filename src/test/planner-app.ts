/**
 * A test app on a fresh database of one engine, filled by the caller, with one planner's session,
 * for the API tests that read a prepared city as a planner (and as the public).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect } from 'vitest';
import { insertAccount } from '../auth/auth.service.ts';
import type { Db } from '../db/db.ts';
import { buildApp } from '../server/app.ts';
import type { Engine } from './databases.ts';
import { sessionCookie } from './demo-app.ts';

/** Who reads: the planner (unprotected values) or an anonymous visitor. */
export type Audience = 'planner' | 'public';
export const AUDIENCES: readonly Audience[] = ['planner', 'public'];

export interface PlannerApp {
  /** GET `url` as `audience` (default the planner) and expect 200. */
  get: <T>(url: string, audience?: Audience) => Promise<T>;
}

/**
 * Registers its own `beforeAll` / `afterAll`: call it inside a `describe` block.
 * @param prepare fills the fresh database before the app starts (e.g. `convertedCity`)
 */
export function usePlannerApp(engine: Engine, prepare: (db: Db) => Promise<void>): PlannerApp {
  let app: FastifyInstance | undefined;
  let drop: (() => Promise<void>) | undefined;
  let planner = '';
  beforeAll(async () => {
    const created = await engine.create();
    drop = created.drop;
    await prepare(created.db);
    app = await buildApp({ db: created.db, webDir: '/nonexistent' });
    await insertAccount(created.db, {
      username: 'planer',
      displayName: 'Planer',
      passwordHash: 'x',
      role: 'planner',
    });
    planner = await sessionCookie(created.db, 'planer');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });
  return {
    get: async <T>(url: string, audience: Audience = 'planner') => {
      const res = await app!.inject({ url, headers: audience === 'planner' ? { cookie: planner } : {} });
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      return res.json<T>();
    },
  };
}
