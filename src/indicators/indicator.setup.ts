import type { Db } from '../db/db.ts';
import { DEFAULT_CATALOGUE } from './catalogue.ts';
import { upsertIndicators } from './indicator.repository.ts';

/** Installs the default catalogue into a database that has no indicators yet. */
export async function ensureCatalogue(db: Db): Promise<void> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM indicator');
  if ((row?.n ?? 0) === 0) await upsertIndicators(db, DEFAULT_CATALOGUE);
}
