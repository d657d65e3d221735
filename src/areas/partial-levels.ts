/**
 * Where a partial level exists: for each level that covers only part of its parent level (the
 * Sozialräume of one Gemeinde in a Kreis), the names of the parent level's areas that have areas
 * of it below them — so the atlas can say „nur in Musterhausen“ instead of only „teilweise“.
 */
import type { Db } from '../db/db.ts';
import { dataVersion } from '../db/data-version.ts';
import { listLevels } from './area.repository.ts';
import type { AreaLevel } from './area.schema.ts';

// The same walk up the tree as the `partial` flag costs tens of milliseconds at 10,000 areas and
// every page asks for the levels, so the answer is kept while the data version holds.
const cache = new WeakMap<Db, { version: string; names: Promise<Map<string, string[]>> }>();

/** Names (by key order) of the parent-level areas that have areas of each level below them. */
async function parentsWithLevel(db: Db): Promise<Map<string, string[]>> {
  const version = await dataVersion(db);
  const hit = cache.get(db);
  if (hit?.version === version) return hit.names;
  const names = db
    .query<{ level: string; name: string }>(
      `WITH RECURSIVE up AS (
         SELECT a.level_id, a.parent_id AS ancestor FROM area a WHERE a.valid_to IS NULL AND a.parent_id IS NOT NULL
         UNION
         SELECT up.level_id, p.parent_id FROM up JOIN area p ON p.id = up.ancestor WHERE p.parent_id IS NOT NULL)
       SELECT l.key AS level, pa.name
         FROM area_level l JOIN area pa ON pa.level_id = l.parent_level_id AND pa.valid_to IS NULL
        WHERE EXISTS (SELECT 1 FROM up WHERE up.level_id = l.id AND up.ancestor = pa.id)
        ORDER BY l.key, pa.key`,
    )
    .then((rows) => {
      const out = new Map<string, string[]>();
      for (const r of rows) out.set(r.level, [...(out.get(r.level) ?? []), r.name]);
      return out;
    });
  cache.set(db, { version, names });
  names.catch(() => cache.delete(db));
  return names;
}

/** The levels ({@link listLevels}), each partial one with `partialIn`: where it exists. */
export async function listLevelsWithCoverage(db: Db): Promise<AreaLevel[]> {
  const levels = await listLevels(db);
  if (!levels.some((l) => l.partial)) return levels;
  const names = await parentsWithLevel(db);
  return levels.map((l) => (l.partial ? { ...l, partialIn: names.get(l.key) ?? [] } : l));
}
