/**
 * Territory scope: in a Kreis, an account may be bound to one municipality (any area, by level
 * and key). A scoped planner works as a planner inside that area — its unprotected values, its
 * imports, measures and facilities — and as a viewer everywhere else: protected values only, and
 * none of the actions that shape the whole installation (catalogue, indices, settings, accounts).
 * Administrators are never scoped: they manage the whole installation.
 */
import type { Db } from '../db/db.ts';
import { LagebildError } from '../core/errors.ts';
import type { Scope, User } from './auth.schema.ts';

/** A user whose work is bound to one area. */
export type ScopedUser = User & { scope: Scope };

export const isScoped = (user: User | null | undefined): user is ScopedUser =>
  !!user?.scope && user.role !== 'admin';

/**
 * The ids of the scope's area and everything below it, over every Gebietsstand (older areas keep
 * their parents), or null for a user without scope (the whole installation).
 */
export async function scopeAreaIds(db: Db, user: User | null): Promise<Set<number> | null> {
  if (!isScoped(user)) return null;
  const rows = await db.query<{ id: number }>(
    `WITH RECURSIVE inside AS (
       SELECT a.id FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = $1 AND a.key = $2
       UNION
       SELECT c.id FROM area c JOIN inside i ON c.parent_id = i.id)
     SELECT id FROM inside`,
    [user.scope.level, user.scope.key],
  );
  return new Set(rows.map((r) => r.id));
}

/**
 * A scoped user's areas with the name of the scope's area for messages („Gemeinde Burgdorf“), or
 * undefined for a user without scope.
 */
export async function scopeOf(
  db: Db,
  user: User | null,
): Promise<{ areaIds: Set<number>; label: string } | undefined> {
  const areaIds = await scopeAreaIds(db, user);
  if (!areaIds || !isScoped(user)) return undefined;
  const [row] = await db.query<{ level: string; name: string }>(
    `SELECT l.name AS level, a.name FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE l.key = $1 AND a.key = $2 AND a.valid_to IS NULL`,
    [user.scope.level, user.scope.key],
  );
  return { areaIds, label: row ? `${row.level} ${row.name}` : `${user.scope.level} ${user.scope.key}` };
}

/** The error for work on areas outside the user's scope (403, with the areas named). */
export const outsideScope = (scope: Scope, areas: string[]) =>
  new LagebildError(
    'auth.outside_scope',
    `Diese Änderung betrifft Gebiete außerhalb Ihrer Zuständigkeit (${scope.level} ${scope.key}): ${areas
      .slice(0, 5)
      .join(', ')}${areas.length > 5 ? ` und ${areas.length - 5} weitere` : ''}.`,
    403,
    { scope, areas: areas.slice(0, 50) },
  );

/**
 * Checks a scope before it is given to an account: it must name a current area, and it binds
 * planners, viewers and partners only.
 */
export async function validateScope(db: Db, scope: Scope, role: User['role']): Promise<void> {
  if (role === 'admin')
    throw new LagebildError(
      'users.scope_admin',
      'Eine Administration ist für das ganze Gebiet zuständig und kann nicht auf ein Gebiet beschränkt werden.',
      400,
    );
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE l.key = $1 AND a.key = $2 AND a.valid_to IS NULL`,
    [scope.level, scope.key],
  );
  if (!row?.n)
    throw new LagebildError(
      'users.scope_unknown',
      `Das Gebiet „${scope.key}“ gibt es auf der Ebene „${scope.level}“ nicht.`,
      400,
      { scope },
    );
}
