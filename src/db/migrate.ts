/**
 * Forward-only SQL migrations from `db/migrations/NNN_name.sql`, applied in name order,
 * each in its own transaction and recorded in `schema_migrations`. Identical on PGlite
 * and PostgreSQL (plain SQL, no extensions).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MIGRATIONS_DIR } from '../core/paths.ts';
import { lockMigrations } from './advisory.ts';
import type { Db } from './db.ts';

/** The names of the applied migrations; null before the first migration created the table. */
async function appliedMigrations(db: Db): Promise<Set<string> | null> {
  const [table] = await db.query<{ present: boolean }>(
    "SELECT to_regclass('schema_migrations') IS NOT NULL AS present",
  );
  if (!table?.present) return null;
  return new Set((await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name));
}

const migrationFiles = () =>
  readdirSync(MIGRATIONS_DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort();

/** The migrations this version of Lagebild has that the database lacks (readiness of a server). */
export async function pendingMigrations(db: Db): Promise<string[]> {
  const applied = await appliedMigrations(db);
  return migrationFiles().filter((f) => !applied?.has(f));
}

export async function migrate(db: Db): Promise<string[]> {
  const files = migrationFiles();
  // Every start of the server and of each command gets here: when all are applied, reading their
  // names is all it takes (no transaction, no lock, no DDL).
  const before = await appliedMigrations(db);
  if (before && files.every((f) => before.has(f))) return [];
  // Several processes may start on one new PostgreSQL database at once: the advisory lock lets
  // one of them create the table and apply each migration, the others then find it applied.
  await db.transaction(async (tx) => {
    await lockMigrations(tx);
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
    );
  });
  const done = new Set(
    (await db.query<{ name: string }>('SELECT name FROM schema_migrations')).map((r) => r.name),
  );
  const applied: string[] = [];
  for (const file of files) {
    if (done.has(file)) continue;
    const sql = readFileSync(join(MIGRATIONS_DIR, file), 'utf8');
    const ran = await db.transaction(async (tx) => {
      await lockMigrations(tx);
      const [already] = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [file]);
      if (already) return false;
      await tx.exec(sql);
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [file]);
      return true;
    });
    if (ran) applied.push(file);
  }
  return applied;
}
