/**
 * Integration tests run on every configured engine: PGlite always, and a real PostgreSQL
 * server when `LAGEBILD_TEST_PG_URL` is set (CI starts one; in CI it is required).
 * Each PostgreSQL test database is created fresh and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDb, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { ensureCatalogue } from '../indicators/indicator.setup.ts';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database; `drop()` closes and removes it. */
  create(): Promise<{ db: Db; spec: string; drop(): Promise<void> }>;
}

const pgUrl = process.env.LAGEBILD_TEST_PG_URL;
if (process.env.CI && !pgUrl) {
  throw new Error('CI=true but LAGEBILD_TEST_PG_URL is not set: PostgreSQL integration tests would be skipped.');
}

const pglite: Engine = {
  name: 'pglite',
  async create() {
    const db = await openDb('memory://');
    await migrate(db);
    await ensureCatalogue(db);
    return { db, spec: 'memory://', drop: () => db.close() };
  },
};

const postgres = (url: string): Engine => ({
  name: 'postgres',
  async create() {
    const name = `lagebild_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const u = new URL(url);
    u.pathname = `/${name}`;
    const spec = u.toString();
    const db = await openDb(spec);
    await migrate(db);
    await ensureCatalogue(db);
    return {
      db,
      spec,
      async drop() {
        await db.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  },
});

/** The engines to run integration tests on. */
export const engines: Engine[] = pgUrl ? [pglite, postgres(pgUrl)] : [pglite];
