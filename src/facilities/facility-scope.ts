/**
 * Facilities of a planner bound to one municipality (auth/scope.ts): they create, change and
 * close single facilities located inside it — the point before and after the change within the
 * municipality's outline. Deliveries (bulk imports) cover the whole Kreis and stay with it
 * (`facilities.import`).
 */
import booleanPointInPolygon from '@turf/boolean-point-in-polygon';
import type { MultiPolygon, Polygon } from 'geojson';
import type { User } from '../auth/auth.schema.ts';
import { authorize } from '../auth/policy.ts';
import { isScoped, outsideScope } from '../auth/scope.ts';
import type { Db } from '../db/db.ts';

type Point = { lon: number; lat: number };

/**
 * Authorizes `facilities.edit` for a change to facility `id` (null: a new one) that puts it at
 * `point` (undefined: where it is).
 * @throws auth.forbidden, auth.outside_scope (403)
 */
export async function authorizeFacility(
  db: Db,
  user: User | null,
  id: number | null,
  point?: Partial<Point>,
): Promise<void> {
  authorize(user, 'facilities.edit');
  if (!isScoped(user)) return;
  const [outline] = await db.query<{ geometry: Polygon | MultiPolygon }>(
    `SELECT a.geometry FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE l.key = $1 AND a.key = $2 AND a.valid_to IS NULL`,
    [user.scope.level, user.scope.key],
  );
  const points: (Point & { label: string })[] = [];
  if (id !== null) {
    const [row] = await db.query<Point & { name: string }>(
      'SELECT lon, lat, name FROM facility WHERE id = $1',
      [id],
    );
    if (row) points.push({ ...row, label: row.name });
  }
  if (point?.lon !== undefined && point.lat !== undefined)
    points.push({ lon: point.lon, lat: point.lat, label: `${point.lon}, ${point.lat}` });
  const outside = points.filter((p) => !outline || !booleanPointInPolygon([p.lon, p.lat], outline.geometry));
  if (outside.length)
    throw outsideScope(
      user.scope,
      outside.map((p) => p.label),
    );
}
