/**
 * Liveness and readiness on every engine: both answer without a session; readiness reports the
 * data version, and a database that lacks a migration of this version makes the process not ready.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';

describe.each(engines)('health and readiness on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('says the process lives', async () => {
    const res = await ctx.app.inject({ url: '/api/health' });
    expect([res.statusCode, res.json()]).toEqual([200, { ok: true }]);
  });

  it('is ready on a migrated database, and not while a migration is missing', async () => {
    const ready = await ctx.app.inject({ url: '/api/ready' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toMatchObject({
      ready: true,
      database: engine.name === 'pglite' ? 'pglite' : 'postgres',
      pendingMigrations: [],
      problem: null,
    });
    expect(ready.json<{ dataVersion: string }>().dataVersion).toMatch(/^\d+$/);

    // as if this process were a newer version than the database
    const [last] = await ctx.db.query<{ name: string }>(
      'DELETE FROM schema_migrations WHERE name = (SELECT max(name) FROM schema_migrations) RETURNING name',
    );
    try {
      const behind = await ctx.app.inject({ url: '/api/ready' });
      expect(behind.statusCode).toBe(503);
      expect(behind.json()).toMatchObject({ ready: false, pendingMigrations: [last!.name] });
      expect(behind.json<{ problem: string }>().problem).toContain('1 Migration');
    } finally {
      await ctx.db.query('INSERT INTO schema_migrations (name) VALUES ($1)', [last!.name]);
    }
  });
});
