/**
 * Measures of a planner bound to one municipality (auth/scope.ts): they create and change only
 * measures that work inside it — every area of the measure and of its goals in the scope. A
 * measure for the whole Kreis, or with a goal for the Kreis, belongs to the Kreis.
 */
import type { User } from '../auth/auth.schema.ts';
import { authorize, canInScope } from '../auth/policy.ts';
import { outsideScope, scopeAreaIds } from '../auth/scope.ts';
import type { Db } from '../db/db.ts';

/**
 * Authorizes `measures.edit` on measure `id` (null: a new one) whose areas after the change are
 * `refs` (undefined: unchanged), plus a goal area `goal` (null: a goal for the whole territory).
 * @throws auth.forbidden, auth.outside_scope (403)
 */
export async function authorizeMeasure(
  db: Db,
  user: User | null,
  id: number | null,
  change: { refs?: { level: string; key: string }[]; goal?: { level: string; area: string | null } } = {},
): Promise<void> {
  authorize(user, 'measures.edit');
  const inside = await scopeAreaIds(db, user);
  if (!inside || !user.scope) return;
  const outside: string[] = [];
  const keyed = async (refs: { level: string; key: string }[]) => {
    if (!refs.length) return;
    const rows = await db.query<{ id: number; level: string; key: string }>(
      `SELECT a.id, l.key AS level, a.key FROM area a JOIN area_level l ON l.id = a.level_id
        WHERE a.valid_to IS NULL AND (l.key, a.key) IN (SELECT * FROM unnest($1::text[], $2::text[]))`,
      [refs.map((r) => r.level), refs.map((r) => r.key)],
    );
    for (const r of rows) if (!inside.has(r.id)) outside.push(r.key);
  };
  if (change.refs) {
    if (!change.refs.length) outside.push('ganzes Gebiet');
    await keyed(change.refs);
  }
  if (change.goal) {
    if (change.goal.area === null) outside.push('ganzes Gebiet');
    else await keyed([{ level: change.goal.level, key: change.goal.area }]);
  }
  if (id !== null) {
    const rows = await db.query<{ area_id: number | null; key: string | null }>(
      `SELECT x.area_id, a.key FROM (
         SELECT area_id FROM measure_area WHERE measure_id = $1
         UNION ALL SELECT area_id FROM measure_goal WHERE measure_id = $1) x
       LEFT JOIN area a ON a.id = x.area_id`,
      [id],
    );
    if (!rows.length && !change.refs) outside.push('ganzes Gebiet');
    for (const r of rows)
      if (r.area_id === null) outside.push('ganzes Gebiet');
      else if (!inside.has(r.area_id)) outside.push(r.key ?? String(r.area_id));
  }
  if (outside.length) throw outsideScope(user.scope, [...new Set(outside)]);
}

/**
 * The measures a scoped planner reads as their own, undecided ones included: those whose areas
 * and goal areas all lie inside the scope. Null for a user without scope.
 */
export async function ownMeasures(db: Db, user: User | null): Promise<Set<number> | null> {
  const inside = await scopeAreaIds(db, user);
  if (!inside || !canInScope(user, 'measures.edit')) return null;
  const rows = await db.query<{ measure_id: number; area_id: number | null }>(
    `SELECT measure_id, area_id FROM measure_area
     UNION ALL SELECT measure_id, area_id FROM measure_goal`,
  );
  const own = new Set<number>();
  const outside = new Set<number>();
  for (const r of rows)
    if (r.area_id !== null && inside.has(r.area_id)) own.add(r.measure_id);
    else outside.add(r.measure_id);
  for (const id of outside) own.delete(id);
  return own;
}
