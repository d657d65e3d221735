/** SQL of deriving a parent level: the children with their geometry, level ranks, parent links. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../../db/db.ts';

export interface ChildRow {
  id: number;
  key: string;
  parent_id: number | null;
  area_m2: number;
  geometry: Polygon | MultiPolygon;
  [k: string]: unknown;
}

/** Current areas of a level with what dissolving needs. */
export function currentChildren(db: Db, levelId: number): Promise<ChildRow[]> {
  return db.query<ChildRow>(
    'SELECT id, key, parent_id, area_m2, geometry FROM area WHERE level_id = $1 AND valid_to IS NULL ORDER BY key',
    [levelId],
  );
}

/** Ranks of all levels, to find room between a level and its parent. */
export async function levelRanks(db: Db): Promise<number[]> {
  const rows = await db.query<{ rank: number }>('SELECT rank FROM area_level ORDER BY rank');
  return rows.map((r) => r.rank);
}

/** Moves every level from `rank` on one step finer, making room for a level at `rank`. */
export async function shiftRanks(db: Db, rank: number): Promise<void> {
  await db.query('UPDATE area_level SET rank = rank + 1 WHERE rank >= $1', [rank]);
}

export async function setParentLevel(db: Db, levelId: number, parentLevelId: number | null): Promise<void> {
  await db.query('UPDATE area_level SET parent_level_id = $2 WHERE id = $1', [levelId, parentLevelId]);
}

/**
 * Sets the parent of current child areas in place: their rows (and so the values stored for
 * them) stay the same Gebietsstand, only the link upwards is new.
 */
export async function setAreaParents(db: Db, links: { id: number; parentId: number }[]): Promise<void> {
  await db.query(
    `UPDATE area SET parent_id = t.p FROM unnest($1::int[], $2::int[]) AS t(i, p) WHERE area.id = t.i`,
    [links.map((l) => l.id), links.map((l) => l.parentId)],
  );
}
