/**
 * The whole city (or Kreis) as a level of its own: key `stadt`, rank 0, one area with the
 * territory's key and name. Its geometry is the union of the top level's areas, recomputed on
 * every import of that level, so city values and comparisons exist on every page and for the
 * public.
 */
import type { MultiPolygon } from 'geojson';
import type { Db } from '../db/db.ts';
import { geodesicAreaM2 } from '../geo/ellipsoid-area.ts';
import { simplifyForDisplay } from '../geo/display.ts';
import { bboxOf, roundGeometry } from '../geo/stored-geometry.ts';
import * as repo from './area.repository.ts';
import { cityOutline } from './city-outline.ts';

export const CITY_LEVEL = 'stadt';

/**
 * Creates the city level with its one area (no geometry yet: an empty MultiPolygon until the
 * top level is imported), or renames the existing city area. Runs inside the caller's transaction.
 */
export async function ensureCityLevel(
  tx: Db,
  city: { territoryId: number; key: string; name: string; kind: 'stadt' | 'kreis' },
): Promise<repo.LevelRow> {
  const level =
    (await repo.findLevel(tx, CITY_LEVEL)) ??
    (await repo.insertLevel(tx, {
      territoryId: city.territoryId,
      key: CITY_LEVEL,
      name: city.kind === 'kreis' ? 'Kreis' : 'Stadt',
      rank: 0,
      parentLevelId: null,
    }));
  const [current] = await repo.currentAreaIds(tx, level.id);
  if (current) {
    await tx.query('UPDATE area SET key = $2, name = $3 WHERE id = $1', [current.id, city.key, city.name]);
  } else {
    const empty: MultiPolygon = { type: 'MultiPolygon', coordinates: [] };
    await tx.query(
      `INSERT INTO area (level_id, key, name, geometry, display_geometry, area_m2, bbox)
       VALUES ($1, $2, $3, $4::jsonb, $4::jsonb, 0, ARRAY[0, 0, 0, 0]::float8[])`,
      [level.id, city.key, city.name, JSON.stringify(empty)],
    );
  }
  return level;
}

/**
 * After areas of `levelId` were stored: if it is the top level below the city, its parentless
 * areas become children of the city area and the city's geometry becomes their union.
 * Does nothing when the city level does not exist or `levelId` hangs elsewhere.
 */
export async function refreshCityOutline(tx: Db, levelId: number): Promise<void> {
  const city = await repo.findLevel(tx, CITY_LEVEL);
  if (!city) return;
  const [level] = await tx.query<repo.LevelRow>('SELECT * FROM area_level WHERE id = $1', [levelId]);
  if (!level || level.parent_level_id !== city.id) return;
  const [cityArea] = await repo.currentAreaIds(tx, city.id);
  if (!cityArea) return;
  await tx.query(
    'UPDATE area SET parent_id = $2 WHERE level_id = $1 AND valid_to IS NULL AND parent_id IS NULL',
    [levelId, cityArea.id],
  );
  const parts = await repo.currentAreaIds(tx, levelId);
  const outline = roundGeometry(cityOutline(parts.map((p) => p.geometry)));
  const display =
    outline.coordinates.length > 0
      ? simplifyForDisplay([{ type: 'Feature', properties: {}, geometry: outline }])[0]!.geometry
      : outline;
  await tx.query(
    'UPDATE area SET geometry = $2::jsonb, display_geometry = $3::jsonb, area_m2 = $4, bbox = $5::float8[] WHERE id = $1',
    [
      cityArea.id,
      JSON.stringify(outline),
      JSON.stringify(display),
      outline.coordinates.length > 0 ? geodesicAreaM2(outline) : 0,
      outline.coordinates.length > 0 ? bboxOf(outline) : [0, 0, 0, 0],
    ],
  );
}
