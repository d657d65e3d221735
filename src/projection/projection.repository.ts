/** SQL of the projection: the level's areas and their age counts up to the base. */
import type { Db } from '../db/db.ts';

export interface LevelAreaRow {
  id: number;
  key: string;
  parent_id: number | null;
  level: string;
  rank: number;
  [k: string]: unknown;
}

/** Every current area of every level with its level's rank (the tree to sum finer areas up). */
export async function currentAreasWithRank(db: Db): Promise<LevelAreaRow[]> {
  return db.query<LevelAreaRow>(
    `SELECT a.id, a.key, a.parent_id, l.key AS level, l.rank
       FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE a.valid_to IS NULL`,
  );
}

export interface CountRow {
  variable: string;
  area_id: number;
  ref_date: string;
  breakdown: string;
  value: number;
  [k: string]: unknown;
}

/**
 * Counts of the age variables (`ew…`, `bev` by age and sex) and the components (births, deaths,
 * moves) of the given areas on or before the base; only values (secret or missing cells are left
 * out).
 */
export async function ageCounts(
  db: Db,
  areaIds: number[],
  base: string,
  components: readonly string[],
): Promise<CountRow[]> {
  return db.query<CountRow>(
    `SELECT v.key AS variable, o.area_id, o.ref_date, o.breakdown, o.value
       FROM observation o JOIN variable v ON v.id = o.variable_id
      WHERE o.area_id = ANY($1::int[]) AND o.ref_date <= $2::date AND o.value IS NOT NULL
        AND (v.key = 'bev' OR v.key LIKE 'ew%' OR v.key = ANY($3::text[]))`,
    [areaIds, base, [...components]],
  );
}
