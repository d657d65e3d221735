/** The version of the data behind public outputs, shared by every process on one database. */
import type { Db } from './db.ts';

/**
 * The data version: a counter that every write to data behind public outputs raises in its own
 * transaction (statement triggers, migrations 004 and 008), so all processes on one database
 * agree on it. One primary-key read; cheap enough to ask on every request.
 * @example await dataVersion(db) // '57'
 */
export async function dataVersion(db: Db): Promise<string> {
  const [row] = await db.query<{ version: number }>('SELECT version FROM data_version');
  return String(row?.version ?? 0);
}
