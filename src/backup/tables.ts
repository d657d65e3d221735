/** The tables a backup holds, read from the database's catalogue (the same on both engines). */
import type { Db } from '../db/db.ts';

/**
 * Not in a backup: the applied migrations (compared, not copied) and the sessions (a restored
 * database starts with everyone logged out).
 */
const SKIPPED = new Set(['schema_migrations', 'user_session']);

export interface TableInfo {
  name: string;
  /** Primary key columns, for reading in pages; empty: the table has none. */
  key: string[];
}

/** The app's tables in the public schema, by name, with their primary keys. */
export async function backupTables(db: Db): Promise<TableInfo[]> {
  const rows = await db.query<{ name: string; key: string[] | null }>(
    `SELECT c.relname AS name,
            (SELECT array_agg(a.attname::text ORDER BY k.ord)
               FROM pg_index i
               CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
              WHERE i.indrelid = c.oid AND i.indisprimary) AS key
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind = 'r'
      ORDER BY c.relname`,
  );
  return rows.filter((r) => !SKIPPED.has(r.name)).map((r) => ({ name: r.name, key: r.key ?? [] }));
}

/** The names of the applied migrations, in order. */
export async function appliedMigrationNames(db: Db): Promise<string[]> {
  const rows = await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
  return rows.map((r) => r.name);
}

/** The sequences behind serial columns: table, column, sequence. */
export async function serialSequences(db: Db) {
  return db.query<{ table_name: string; column_name: string; sequence: string }>(
    `SELECT t.relname AS table_name, a.attname AS column_name, s.relname AS sequence
       FROM pg_depend d
       JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
       JOIN pg_class t ON t.oid = d.refobjid
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = d.refobjsubid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE d.deptype IN ('a', 'i') AND n.nspname = 'public'`,
  );
}

export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;
