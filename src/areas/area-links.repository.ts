/**
 * SQL of the tables that tie something to the areas it works in (a measure, an organisation): one
 * row per owner and area. The table names are fixed here, never taken from input.
 */
import type { Db } from '../db/db.ts';

/** The link tables and their owner column. */
export const AREA_LINKS = {
  measure: { table: 'measure_area', owner: 'measure_id' },
  organisation: { table: 'organisation_area', owner: 'organisation_id' },
} as const;
export type AreaLink = (typeof AREA_LINKS)[keyof typeof AREA_LINKS];

export interface LinkedAreaRow {
  owner_id: number;
  level: string;
  key: string;
  name: string;
  area_id: number;
  [k: string]: unknown;
}

/** Every owner's areas, coarse levels first, by key. */
export async function linkedAreas(db: Db, link: AreaLink): Promise<LinkedAreaRow[]> {
  return db.query<LinkedAreaRow>(
    `SELECT t.${link.owner} AS owner_id, l.key AS level, a.key, a.name, a.id AS area_id
       FROM ${link.table} t JOIN area a ON a.id = t.area_id JOIN area_level l ON l.id = a.level_id
      ORDER BY l.rank, a.key`,
  );
}

/** Replaces the owner's areas (in the caller's transaction). */
export async function replaceLinkedAreas(
  db: Db,
  link: AreaLink,
  ownerId: number,
  areaIds: number[],
): Promise<void> {
  await db.query(`DELETE FROM ${link.table} WHERE ${link.owner} = $1`, [ownerId]);
  if (areaIds.length)
    await db.query(`INSERT INTO ${link.table} (${link.owner}, area_id) SELECT $1, unnest($2::int[])`, [
      ownerId,
      areaIds,
    ]);
}
