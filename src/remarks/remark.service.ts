/**
 * Remarks on the map: anyone places a point with a category and a text; it waits for moderation
 * and is then counted per area for everyone, with its text for planners and for the members of
 * the bodies (Gremien) of its area. The point's area is found
 * in the finest level by the area index (areas/area.service.ts); nothing about the sender is kept.
 */
import { finestCurrentLevel, findArea, listAllAreas } from '../areas/area.repository.ts';
import { levelIndex, requireLevel } from '../areas/area.service.ts';
import type { User } from '../auth/auth.schema.ts';
import { can } from '../auth/policy.ts';
import { areasOfReadableBodies } from '../bodies/body.service.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import * as repo from './remark.repository.ts';
import type { AreaRemarks, NewRemark, Remark } from './remark.schema.ts';

const present = (r: repo.RemarkRow): Remark => ({
  id: r.id,
  lon: r.lon,
  lat: r.lat,
  area: r.area_key === null ? null : { key: r.area_key, name: r.area_name ?? r.area_key },
  category: r.category as Remark['category'],
  text: r.text,
  status: r.status,
  createdAt: r.created_at,
});

/** @throws remarks.outside (400) for a point in no area of the city */
export async function submitRemark(db: Db, input: NewRemark): Promise<{ area: string }> {
  const level = await finestCurrentLevel(db);
  const hit = level ? (await levelIndex(db, level.key)).locate(input.lon, input.lat) : null;
  const area = hit && level ? await findArea(db, level.key, hit.key) : null;
  if (!area)
    throw badRequest(
      'remarks.outside',
      'Der Punkt liegt außerhalb der Stadt. Bitte wählen Sie einen Ort in der Stadt.',
      {
        lon: input.lon,
        lat: input.lat,
      },
    );
  await repo.insertRemark(db, { ...input, areaId: area.id });
  return { area: area.name };
}

export async function remarkQueue(db: Db, status: Remark['status']): Promise<Remark[]> {
  return (await repo.listRemarks(db, status)).map(present);
}

/** @throws remarks.not_found (404) */
export async function moderateRemark(db: Db, id: number, status: 'approved' | 'rejected'): Promise<void> {
  if (!(await repo.setStatus(db, id, status)))
    throw notFound('remarks.not_found', `Den Hinweis Nr. ${id} gibt es nicht.`, { id });
}

/**
 * Approved remarks counted per area of `level`. Their texts go to planners, and to partners for
 * the remarks inside the areas of their bodies (null for an area none of whose remarks they may
 * read).
 */
export async function remarksByArea(db: Db, user: User | null, level: string): Promise<AreaRemarks> {
  await requireLevel(db, level);
  const [areas, approved] = await Promise.all([listAllAreas(db), repo.listRemarks(db, 'approved')]);
  const parentOf = new Map(areas.map((a) => [a.id, a.parent_id]));
  const inLevel = areas.filter((a) => a.level === level);
  // the first of `wanted` at or above area `id`
  const ancestorIn = (wanted: ReadonlySet<number>, id: number | null) => {
    for (let a = id; a !== null && a !== undefined; a = parentOf.get(a) ?? null) if (wanted.has(a)) return a;
    return null;
  };
  const inLevelIds = new Set(inLevel.map((a) => a.id));
  const readableAreas = can(user, 'participation.edit') ? null : await areasOfReadableBodies(db, user);
  const readable = (r: repo.RemarkRow) =>
    readableAreas === null || ancestorIn(readableAreas, r.area_id) !== null;
  const byArea = new Map<number, repo.RemarkRow[]>();
  for (const r of approved) {
    const a = ancestorIn(inLevelIds, r.area_id);
    if (a !== null) byArea.set(a, [...(byArea.get(a) ?? []), r]);
  }
  return {
    level,
    areas: inLevel.map((a) => {
      const list = byArea.get(a.id) ?? [];
      const byCategory: Record<string, number> = {};
      for (const r of list) byCategory[r.category] = (byCategory[r.category] ?? 0) + 1;
      const texts = list.filter(readable);
      return {
        key: a.key,
        name: a.name,
        count: list.length,
        byCategory,
        remarks: texts.length || readableAreas === null ? texts.map(present) : null,
      };
    }),
  };
}
