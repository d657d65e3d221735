/** Installs the default indicator catalogue (called at start by `setup/seed.ts`). */
import type { Db } from '../db/db.ts';
import { DEFAULT_CATALOGUE } from './catalogue.ts';
import { countIndicators, upsertIndicators } from './indicator.repository.ts';

/**
 * Installs the default catalogue into a database that has no indicators yet. A catalogue a city
 * has edited is left as it is; deleting every indicator brings the defaults back at the next start.
 */
export async function ensureDefaultCatalogue(db: Db): Promise<void> {
  if ((await countIndicators(db)) === 0) await upsertIndicators(db, DEFAULT_CATALOGUE);
}
