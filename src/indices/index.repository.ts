/** SQL for stored index definitions (table `composite_index`, migration 002). */
import type { Db } from '../db/db.ts';
import { IndexDefinition } from './index.schema.ts';

interface Row {
  key: string;
  definition: unknown;
  builtin: boolean;
  [k: string]: unknown;
}

/** jsonb arrives parsed on both engines; a string (older drivers) is parsed here. */
const parse = (r: Row): IndexDefinition =>
  IndexDefinition.parse(typeof r.definition === 'string' ? JSON.parse(r.definition) : r.definition);

export async function listIndexDefinitions(db: Db): Promise<IndexDefinition[]> {
  const rows = await db.query<Row>('SELECT key, definition, builtin FROM composite_index ORDER BY sort, key');
  return rows.map(parse);
}

export async function findIndexDefinition(db: Db, key: string): Promise<IndexDefinition | null> {
  const [row] = await db.query<Row>('SELECT key, definition, builtin FROM composite_index WHERE key = $1', [
    key,
  ]);
  return row ? parse(row) : null;
}

export async function isBuiltin(db: Db, key: string): Promise<boolean> {
  const [row] = await db.query<Row>('SELECT builtin FROM composite_index WHERE key = $1', [key]);
  return row?.builtin ?? false;
}

/**
 * Inserts or replaces definitions (new ones go to the end of the list). A replaced definition
 * keeps its `builtin` flag and its place.
 */
export async function upsertIndexDefinitions(
  db: Db,
  defs: IndexDefinition[],
  userId: number | null,
): Promise<void> {
  for (const d of defs) {
    await db.query(
      `INSERT INTO composite_index (key, definition, builtin, sort, updated_by, updated_at)
       VALUES ($1, $2::jsonb, false, (SELECT coalesce(max(sort), 0) + 1 FROM composite_index), $3, now())
       ON CONFLICT (key) DO UPDATE SET definition = excluded.definition, updated_by = excluded.updated_by,
         updated_at = now()`,
      [d.key, JSON.stringify(d), userId],
    );
  }
}

/** Inserts the built-in definitions that are missing; existing rows (maybe edited) stay as they are. */
export async function insertMissingBuiltins(db: Db, defs: IndexDefinition[]): Promise<number> {
  let inserted = 0;
  for (const [i, d] of defs.entries()) {
    const rows = await db.query(
      `INSERT INTO composite_index (key, definition, builtin, sort) VALUES ($1, $2::jsonb, true, $3)
       ON CONFLICT (key) DO NOTHING RETURNING key`,
      [d.key, JSON.stringify(d), i + 1],
    );
    inserted += rows.length;
  }
  return inserted;
}

export async function deleteIndexDefinition(db: Db, key: string): Promise<boolean> {
  return (await db.query('DELETE FROM composite_index WHERE key = $1 RETURNING key', [key])).length > 0;
}
