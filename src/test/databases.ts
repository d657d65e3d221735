/**
 * Integration tests run on every configured engine: PGlite always, and a real PostgreSQL
 * server when `LAGEBILD_TEST_PG_URL` is set (CI starts one; in CI it is required).
 * Each PostgreSQL test database is created fresh and dropped afterwards.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDb, type Db } from '../db/db.ts';
import { migrate } from '../db/migrate.ts';
import { seedDefaults } from '../setup/seed.ts';

export interface Engine {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database; `drop()` closes and removes it. */
  create: () => Promise<{ db: Db; spec: string; drop: () => Promise<void> }>;
  /** A fresh, empty database location (directory or URL) for another process, e.g. the CLI. */
  location: () => Promise<{ spec: string; drop: () => Promise<void> }>;
}

const pgUrl = process.env.LAGEBILD_TEST_PG_URL;
if (process.env.CI && !pgUrl) {
  throw new Error(
    'CI=true but LAGEBILD_TEST_PG_URL is not set: PostgreSQL integration tests would be skipped.',
  );
}

const pglite: Engine = {
  name: 'pglite',
  async create() {
    const db = await openDb('memory://');
    await migrate(db);
    await seedDefaults(db);
    return { db, spec: 'memory://', drop: () => db.close() };
  },
  async location() {
    const dir = await mkdtemp(join(tmpdir(), 'lagebild-test-'));
    return { spec: dir, drop: () => rm(dir, { recursive: true, force: true }) };
  },
};

async function adminQuery(url: string, sql: string) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/**
 * Drops a test database once its connections are gone. Not `WITH (FORCE)`: terminating a
 * backend whose client is still closing makes node-pg raise an uncaught error.
 */
async function dropWhenClosed(url: string, name: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name}`);
      return;
    } catch (err) {
      const inUse = (err as { code?: string }).code === '55006';
      if (!inUse || attempt >= 100) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function freshPostgresDatabase(url: string) {
  const name = `lagebild_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name}`);
  const u = new URL(url);
  u.pathname = `/${name}`;
  return { spec: u.toString(), drop: () => dropWhenClosed(url, name) };
}

const postgres = (url: string): Engine => ({
  name: 'postgres',
  location: () => freshPostgresDatabase(url),
  async create() {
    const { spec, drop } = await freshPostgresDatabase(url);
    const db = await openDb(spec);
    await migrate(db);
    await seedDefaults(db);
    return {
      db,
      spec,
      async drop() {
        await db.close();
        await drop();
      },
    };
  },
});

/** The engines to run integration tests on. */
export const engines: Engine[] = pgUrl ? [pglite, postgres(pgUrl)] : [pglite];
