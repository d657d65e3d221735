/** Installs the built-in indices (Berlin MSS, Hamburg, Münster) next to the indicator catalogue. */
import type { Db } from '../db/db.ts';
import { insertMissingBuiltins } from './index.repository.ts';
import { BUILTIN_INDICES } from './presets.ts';

/**
 * Inserts every built-in index that is not stored yet. Idempotent; a definition a user has
 * changed is never overwritten (built-ins cannot be deleted, so none comes back unasked).
 * @returns the number of definitions inserted
 */
export async function ensureIndices(db: Db): Promise<number> {
  return insertMissingBuiltins(db, BUILTIN_INDICES);
}
