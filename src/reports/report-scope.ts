/**
 * Scope-internal reports: a planner bound to one municipality (auth/scope.ts) who makes an area
 * report (Steckbrief) of an area inside it gets the values of their own areas unprotected and
 * everything else — comparison values of the Kreis, other municipalities — disclosure-protected,
 * exactly as the Steckbrief page shows them (`ownAreas`). Such a report is internal and belongs to
 * the scope: the installation's unscoped planners and the planners of the same scope see it,
 * nobody else. City templates compare all municipalities and stay published for such a planner.
 */
import { findArea } from '../areas/area.repository.ts';
import type { Scope, User } from '../auth/auth.schema.ts';
import { can, canInScope } from '../auth/policy.ts';
import { isScoped, type ScopedUser } from '../auth/scope.ts';
import type { Db } from '../db/db.ts';
import { ownAreas } from '../indicators/indicator.service.ts';
import type { ReportTemplate } from './report.schema.ts';

/** Who a report is assembled for, and the scope it is internal to. */
export interface ReportAudience {
  /** `null`: the public (disclosure-protected values only). */
  user: User | null;
  /** Overlay the audience's own areas with their unprotected values (`loadLevelTable` `own`). */
  own: boolean;
  /** The scope a scope-internal report belongs to; null otherwise. */
  scope: Scope | null;
}

/**
 * The audience of a scope-internal report: every planner of `scope` sees the same values, so the
 * report is made — and verified again later, by whoever may see it — as such a planner. It is
 * never a session user (id 0) and is used for reading only.
 */
export const scopeAudience = (scope: Scope): ScopedUser => ({
  id: 0,
  username: '',
  displayName: '',
  role: 'planner',
  scope: { level: scope.level, key: scope.key },
});

/** The audience of a stored report made with `scope` (null: the public or `user`, as stored). */
export const storedAudience = (
  user: User,
  row: { internal: boolean; scope: Scope | null },
): ReportAudience =>
  row.scope
    ? { user: scopeAudience(row.scope), own: true, scope: row.scope }
    : { user: row.internal ? user : null, own: false, scope: null };

/**
 * Who a report of `template` for `target` is made for when `user` asks: the public when asked
 * (`asPublic`) or for anonymous visitors; a scoped planner's own area as a scope-internal report;
 * anything else as `user` sees it (a scoped planner elsewhere: protected values, published).
 */
export async function reportAudience(
  db: Db,
  user: User | null,
  template: Pick<ReportTemplate, 'scope'>,
  target: { level: string; area: string | null },
  asPublic: boolean,
): Promise<ReportAudience> {
  if (asPublic || !user) return { user: null, own: false, scope: null };
  if (
    template.scope === 'area' &&
    target.area !== null &&
    isScoped(user) &&
    !can(user, 'data.readUnpublished') &&
    canInScope(user, 'data.readUnpublished')
  ) {
    const area = await findArea(db, target.level, target.area);
    if (area && (await ownAreas(db, user)).has(area.id)) {
      const scope = { level: user.scope.level, key: user.scope.key };
      return { user: scopeAudience(scope), own: true, scope };
    }
  }
  return { user, own: false, scope: null };
}

/** The scope whose internal reports `user` sees as its planner; null for anyone else. */
export const plannedScope = (user: User | null): Scope | null =>
  isScoped(user) && canInScope(user, 'data.readUnpublished') ? user.scope : null;

/** Whether `user` is a planner of exactly `scope` (level and key): they may see its reports. */
export const plansScope = (user: User | null, scope: Scope): boolean => {
  const mine = plannedScope(user);
  return mine !== null && mine.level === scope.level && mine.key === scope.key;
};
