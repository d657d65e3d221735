/**
 * Facilities per area: how many of a type are in operation at a date in each area of a level,
 * and their capacity. Located on the level's own current geometries (point in polygon), not
 * through the stored area of a facility, which belongs to the finest level when it was recorded.
 */
import * as areaRepo from '../areas/area.repository.ts';
import { levelIndex, requireLevel } from '../areas/area.service.ts';
import type { Db } from '../db/db.ts';
import * as repo from './facility.repository.ts';
import type { FacilityCount } from './facility.schema.ts';
import { requireType, today } from './facility.service.ts';

/**
 * @returns every current area of the level sorted by key (zeros included), the facilities outside
 *   all of them, and the total
 * @example await countFacilities(db, { type: 'kita', level: 'planungsraum', date: '2022-12-31' })
 *   // { areas: [{ area: '01100101', name: 'Stülerstraße', count: 5, capacity: 342 }, …], outside: { count: 0, … } }
 */
export async function countFacilities(
  db: Db,
  opts: { type: string; level: string; date?: string | undefined },
): Promise<FacilityCount> {
  const type = await requireType(db, opts.type);
  await requireLevel(db, opts.level);
  const date = opts.date ?? today();
  const [index, areas, points] = await Promise.all([
    levelIndex(db, opts.level),
    areaRepo.listAreas(db, opts.level),
    repo.pointsInOperation(db, opts.type, date),
  ]);
  const rows = new Map(areas.map((a) => [a.key, { area: a.key, name: a.name, count: 0, capacity: 0 }]));
  const outside = { count: 0, capacity: 0 };
  for (const p of points) {
    const hit = index.locate(p.lon, p.lat);
    const row = (hit && rows.get(hit.key)) ?? outside;
    row.count++;
    row.capacity += p.capacity ?? 0;
  }
  const sorted = [...rows.values()].sort((a, b) => (a.area < b.area ? -1 : a.area > b.area ? 1 : 0));
  return {
    type: type.key,
    level: opts.level,
    date,
    capacityUnit: type.capacityUnit,
    areas: sorted,
    outside,
    total: { count: points.length, capacity: points.reduce((s, p) => s + (p.capacity ?? 0), 0) },
  };
}
