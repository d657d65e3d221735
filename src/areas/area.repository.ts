/** SQL for territories, levels and areas. Only current areas (valid_to IS NULL) are read. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../db/db.ts';
import { dataVersion } from '../db/data-version.ts';
import type { AreaLevel, AreaSummary } from './area.schema.ts';

export interface LevelRow {
  id: number;
  key: string;
  name: string;
  rank: number;
  parent_level_id: number | null;
  [k: string]: unknown;
}

export interface AreaRow {
  id: number;
  key: string;
  name: string;
  level: string;
  parent: string | null;
  parent_id: number | null;
  /** Level of the parent area: in a ragged hierarchy not always the level's parent level. */
  parent_level: string | null;
  area_m2: number;
  [k: string]: unknown;
}

export async function getTerritory(db: Db) {
  const [row] = await db.query<{ id: number; key: string; name: string; kind: string }>(
    'SELECT id, key, name, kind FROM territory ORDER BY id LIMIT 1',
  );
  return row ?? null;
}

export async function ensureTerritory(db: Db, t: { key: string; name: string; kind: 'stadt' | 'kreis' }) {
  const existing = await getTerritory(db);
  if (existing) return existing;
  const [row] = await db.query<{ id: number; key: string; name: string; kind: string }>(
    'INSERT INTO territory (key, name, kind) VALUES ($1, $2, $3) RETURNING id, key, name, kind',
    [t.key, t.name, t.kind],
  );
  return row!;
}

/**
 * Levels coarsest first, each with its number of current areas and whether it covers only part of
 * its parent level (a parent-level area with no area of the level anywhere below it), as the
 * Sozialräume of one Gemeinde in a Kreis do.
 */
export async function listLevels(db: Db): Promise<AreaLevel[]> {
  const [rows, partial] = await Promise.all([
    db.query<Omit<AreaLevel, 'partial'> & Record<string, unknown>>(
      `SELECT l.key, l.name, l.rank, p.key AS parent,
              (SELECT count(*)::int FROM area a WHERE a.level_id = l.id AND a.valid_to IS NULL) AS "areaCount"
         FROM area_level l LEFT JOIN area_level p ON p.id = l.parent_level_id
        ORDER BY l.rank, l.id`,
    ),
    partialLevels(db),
  ]);
  return rows.map((r) => ({ ...r, partial: partial.has(r.key) }));
}

// The walk up the tree costs tens of milliseconds at 10,000 areas and every page asks for the
// levels, so the answer is kept while the data version holds.
const partialCache = new WeakMap<Db, { version: string; keys: Promise<Set<string>> }>();

/** Keys of the levels that cover only part of their parent level (see {@link listLevels}). */
async function partialLevels(db: Db): Promise<Set<string>> {
  const version = await dataVersion(db);
  const hit = partialCache.get(db);
  if (hit?.version === version) return hit.keys;
  const keys = db
    .query<{ key: string }>(
      `WITH RECURSIVE up AS (
         SELECT a.level_id, a.parent_id AS ancestor FROM area a WHERE a.valid_to IS NULL AND a.parent_id IS NOT NULL
         UNION
         SELECT up.level_id, p.parent_id FROM up JOIN area p ON p.id = up.ancestor WHERE p.parent_id IS NOT NULL)
       SELECT l.key FROM area_level l
        WHERE EXISTS (SELECT 1 FROM up WHERE up.level_id = l.id)
          AND EXISTS (SELECT 1 FROM area pa
                       WHERE pa.level_id = l.parent_level_id AND pa.valid_to IS NULL
                         AND NOT EXISTS (SELECT 1 FROM up WHERE up.level_id = l.id AND up.ancestor = pa.id))`,
    )
    .then((rows) => new Set(rows.map((r) => r.key)));
  partialCache.set(db, { version, keys });
  keys.catch(() => partialCache.delete(db));
  return keys;
}

export async function findLevel(db: Db, key: string): Promise<LevelRow | null> {
  const [row] = await db.query<LevelRow>('SELECT * FROM area_level WHERE key = $1', [key]);
  return row ?? null;
}

export async function insertLevel(
  db: Db,
  l: { territoryId: number; key: string; name: string; rank: number; parentLevelId: number | null },
): Promise<LevelRow> {
  const [row] = await db.query<LevelRow>(
    'INSERT INTO area_level (territory_id, key, name, rank, parent_level_id) VALUES ($1, $2, $3, $4, $5) RETURNING *',
    [l.territoryId, l.key, l.name, l.rank, l.parentLevelId],
  );
  return row!;
}

/** Every level, coarsest first. */
export async function listLevelRows(db: Db): Promise<LevelRow[]> {
  return db.query<LevelRow>('SELECT * FROM area_level ORDER BY rank, id');
}

/** Keys of the current areas of `levels`, each with its level (candidates for parents). */
export async function currentAreaKeys<L extends { id: number }>(
  db: Db,
  levels: readonly L[],
): Promise<{ id: number; key: string; level: L }[]> {
  if (!levels.length) return [];
  const byId = new Map(levels.map((l) => [l.id, l]));
  const rows = await db.query<{ id: number; key: string; level_id: number }>(
    'SELECT id, key, level_id FROM area WHERE valid_to IS NULL AND level_id = ANY($1::int[]) ORDER BY id',
    [levels.map((l) => l.id)],
  );
  return rows.map((r) => ({ id: r.id, key: r.key, level: byId.get(r.level_id)! }));
}

/** Key, name and full geometry of the areas `ids` (the parents an import checks its areas against). */
export async function areaShapes(
  db: Db,
  ids: readonly number[],
): Promise<{ id: number; key: string; name: string; geometry: Polygon | MultiPolygon }[]> {
  if (!ids.length) return [];
  return db.query<{ id: number; key: string; name: string; geometry: Polygon | MultiPolygon }>(
    'SELECT id, key, name, geometry FROM area WHERE id = ANY($1::int[])',
    [ids],
  );
}

export async function deepestLevel(db: Db): Promise<LevelRow | null> {
  const [row] = await db.query<LevelRow>('SELECT * FROM area_level ORDER BY rank DESC, id DESC LIMIT 1');
  return row ?? null;
}

/** The finest level (highest rank) that has current areas, or null when there are none. */
export async function finestCurrentLevel(db: Db): Promise<LevelRow | null> {
  const [row] = await db.query<LevelRow>(
    `SELECT l.* FROM area_level l
      WHERE EXISTS (SELECT 1 FROM area a WHERE a.level_id = l.id AND a.valid_to IS NULL)
      ORDER BY l.rank DESC, l.id DESC LIMIT 1`,
  );
  return row ?? null;
}

const AREA_COLUMNS = `a.id, a.key, a.name, l.key AS level, p.key AS parent, a.parent_id,
  (SELECT pl.key FROM area_level pl WHERE pl.id = p.level_id) AS parent_level, a.area_m2`;

export async function listAreas(db: Db, levelKey: string): Promise<AreaRow[]> {
  return db.query<AreaRow>(
    `SELECT ${AREA_COLUMNS}
       FROM area a JOIN area_level l ON l.id = a.level_id LEFT JOIN area p ON p.id = a.parent_id
      WHERE l.key = $1 AND a.valid_to IS NULL
      ORDER BY a.key`,
    [levelKey],
  );
}

/** All current areas of all levels (the tree used for aggregation). */
export async function listAllAreas(db: Db): Promise<AreaRow[]> {
  return db.query<AreaRow>(
    `SELECT ${AREA_COLUMNS}
       FROM area a JOIN area_level l ON l.id = a.level_id LEFT JOIN area p ON p.id = a.parent_id
      WHERE a.valid_to IS NULL ORDER BY l.rank, a.key`,
  );
}

export async function findArea(db: Db, levelKey: string, key: string): Promise<AreaRow | null> {
  const [row] = await db.query<AreaRow>(
    `SELECT ${AREA_COLUMNS}
       FROM area a JOIN area_level l ON l.id = a.level_id LEFT JOIN area p ON p.id = a.parent_id
      WHERE l.key = $1 AND a.key = $2 AND a.valid_to IS NULL`,
    [levelKey, key],
  );
  return row ?? null;
}

export async function areaGeometries(
  db: Db,
  levelKey: string,
  detail: 'display' | 'full',
): Promise<{ key: string; name: string; parent: string | null; geometry: Polygon | MultiPolygon }[]> {
  const column = detail === 'display' ? 'coalesce(a.display_geometry, a.geometry)' : 'a.geometry';
  return db.query(
    `SELECT a.key, a.name, p.key AS parent, ${column} AS geometry
       FROM area a JOIN area_level l ON l.id = a.level_id LEFT JOIN area p ON p.id = a.parent_id
      WHERE l.key = $1 AND a.valid_to IS NULL ORDER BY a.key`,
    [levelKey],
  );
}

export function toSummary(r: AreaRow): AreaSummary {
  return {
    id: r.key,
    name: r.name,
    level: r.level,
    parent: r.parent,
    parentLevel: r.parent_level,
    areaM2: r.area_m2,
  };
}

export interface NewArea {
  key: string;
  name: string;
  parentId: number | null;
  geometry: Polygon | MultiPolygon;
  /** Simplified geometry for maps (see geo/display.ts). */
  displayGeometry: Polygon | MultiPolygon;
  areaM2: number;
  bbox: [number, number, number, number];
}

/**
 * Inserts areas in one statement (unnest of parallel arrays: fast on PGlite and PostgreSQL,
 * and independent of the number of rows).
 */
export async function insertAreas(
  db: Db,
  levelId: number,
  sourceId: number,
  validFrom: string,
  areas: NewArea[],
): Promise<Map<string, number>> {
  const rows = await db.query<{ id: number; key: string }>(
    `INSERT INTO area (level_id, key, name, parent_id, geometry, display_geometry, area_m2, bbox, valid_from, source_id)
     SELECT $1, k, n, p, g::jsonb, dg::jsonb, m, ARRAY[b1, b2, b3, b4], $3::date, $2
       FROM unnest($4::text[], $5::text[], $6::int[], $7::text[], $8::float8[],
                   $9::float8[], $10::float8[], $11::float8[], $12::float8[], $13::text[])
            AS t(k, n, p, g, m, b1, b2, b3, b4, dg)
     RETURNING id, key`,
    [
      levelId,
      sourceId,
      validFrom,
      areas.map((a) => a.key),
      areas.map((a) => a.name),
      areas.map((a) => a.parentId),
      areas.map((a) => JSON.stringify(a.geometry)),
      areas.map((a) => a.areaM2),
      areas.map((a) => a.bbox[0]),
      areas.map((a) => a.bbox[1]),
      areas.map((a) => a.bbox[2]),
      areas.map((a) => a.bbox[3]),
      areas.map((a) => JSON.stringify(a.displayGeometry)),
    ],
  );
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** Ends the current Gebietsstand of a level (kept as history, no longer current). */
export async function closeCurrentAreas(db: Db, levelId: number, validTo: string): Promise<number> {
  const rows = await db.query(
    'UPDATE area SET valid_to = $2::date WHERE level_id = $1 AND valid_to IS NULL RETURNING id',
    [levelId, validTo],
  );
  return rows.length;
}

export async function currentAreaIds(db: Db, levelId: number) {
  return db.query<{ id: number; key: string; name: string; geometry: Polygon | MultiPolygon }>(
    'SELECT id, key, name, geometry FROM area WHERE level_id = $1 AND valid_to IS NULL ORDER BY key',
    [levelId],
  );
}
