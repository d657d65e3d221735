/** SQL of the OGC API: the levels with areas and their extent, a page of areas with geometry. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../db/db.ts';
import type { Bbox } from './ogc.schema.ts';

export interface LevelExtent {
  key: string;
  name: string;
  areaCount: number;
  /** `[minLon, minLat, maxLon, maxLat]` of the level's current areas. */
  bbox: Bbox;
}

/** The levels with current areas (coarse to fine) and the box around their areas. */
export async function levelExtents(db: Db, levelKey?: string): Promise<LevelExtent[]> {
  const rows = await db.query<{
    key: string;
    name: string;
    count: number;
    minx: number;
    miny: number;
    maxx: number;
    maxy: number;
  }>(
    `SELECT l.key, l.name, count(*)::int AS count,
            min(a.bbox[1]) AS minx, min(a.bbox[2]) AS miny, max(a.bbox[3]) AS maxx, max(a.bbox[4]) AS maxy
       FROM area_level l JOIN area a ON a.level_id = l.id AND a.valid_to IS NULL
      WHERE $1::text IS NULL OR l.key = $1
      GROUP BY l.id, l.key, l.name, l.rank ORDER BY l.rank, l.id`,
    [levelKey ?? null],
  );
  return rows.map((r) => ({
    key: r.key,
    name: r.name,
    areaCount: r.count,
    bbox: [Number(r.minx), Number(r.miny), Number(r.maxx), Number(r.maxy)],
  }));
}

export interface AreaFeatureRow {
  key: string;
  name: string;
  parent: string | null;
  geometry: Polygon | MultiPolygon;
}

/**
 * One page of the current areas of a level in key order, optionally those whose stored bounding
 * box intersects `bbox`, with the number of all that match. The display geometry (simplified,
 * what the atlas draws) where there is one: full boundaries of a city reach megabytes.
 */
export async function areaPage(
  db: Db,
  levelKey: string,
  opts: { limit: number; offset: number; bbox?: Bbox | undefined; key?: string },
): Promise<{ matched: number; rows: AreaFeatureRow[] }> {
  const where = `l.key = $1 AND a.valid_to IS NULL
     AND ($2::float8[] IS NULL OR (a.bbox[1] <= $2[3] AND a.bbox[3] >= $2[1] AND a.bbox[2] <= $2[4] AND a.bbox[4] >= $2[2]))
     AND ($3::text IS NULL OR a.key = $3)`;
  const params = [levelKey, opts.bbox ?? null, opts.key ?? null];
  const [count] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM area a JOIN area_level l ON l.id = a.level_id WHERE ${where}`,
    params,
  );
  const rows = await db.query<AreaFeatureRow & Record<string, unknown>>(
    `SELECT a.key, a.name, p.key AS parent, coalesce(a.display_geometry, a.geometry) AS geometry
       FROM area a JOIN area_level l ON l.id = a.level_id LEFT JOIN area p ON p.id = a.parent_id
      WHERE ${where} ORDER BY a.key LIMIT $4 OFFSET $5`,
    [...params, opts.limit, opts.offset],
  );
  return { matched: count?.n ?? 0, rows };
}
