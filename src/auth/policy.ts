/**
 * Authorization policy: one named check per action, called explicitly by every route
 * that needs it (STYLE.md §4). Anonymous visitors may read published data only.
 */
import { forbidden, unauthorized } from '../core/errors.ts';
import type { Role, User } from './auth.schema.ts';
import { isScoped } from './scope.ts';

export type Action =
  | 'areas.import'
  | 'bodies.edit'
  | 'bodies.read'
  | 'coverage.edit'
  | 'data.import'
  | 'data.readUnpublished'
  | 'facilities.edit'
  | 'facilities.import'
  | 'indicators.edit'
  | 'measures.edit'
  | 'microdata.import'
  | 'monitoring.edit'
  | 'participation.edit'
  | 'projection.edit'
  | 'reports.create'
  | 'reports.edit'
  | 'users.manage'
  | 'settings.edit'
  | 'statements.edit'
  | 'demo.load';

const allowed: Record<Action, Role[]> = {
  'areas.import': ['admin', 'planner'],
  // organisations, bodies (Gremien), their meetings, minutes and action items (Steuerung)
  'bodies.edit': ['admin', 'planner'],
  // partners read only the bodies their organisation is a member of (bodies/body.service.ts);
  // everywhere else a partner is a viewer: protected values only
  'bodies.read': ['admin', 'planner', 'partner'],
  // norms (Richtwerte), planning scenarios and travel-cost matrices
  'coverage.edit': ['admin', 'planner'],
  'data.import': ['admin', 'planner'],
  'data.readUnpublished': ['admin', 'planner'],
  // facility deliveries and single facilities: new versions, closures
  'facilities.edit': ['admin', 'planner'],
  // deliveries replace facilities across the whole installation: not for a planner bound to one
  // municipality, who edits single facilities inside it
  'facilities.import': ['admin', 'planner'],
  'indicators.edit': ['admin', 'planner'],
  // register microdata are geocoded to areas across the whole installation, so a planner bound
  // to one municipality cannot import them (tables can: their rows name the areas)
  'microdata.import': ['admin', 'planner'],
  // measures, their goals and their workflow (Steuerung)
  'measures.edit': ['admin', 'planner'],
  // composite index definitions and early-warning rules
  'monitoring.edit': ['admin', 'planner'],
  // surveys and remarks (Beteiligung): building, opening, results, moderation, publishing
  'participation.edit': ['admin', 'planner'],
  // stored population projections: computing, publishing (atlas „Prognose“) and deleting them
  'projection.edit': ['admin', 'planner'],
  // stored reports: a viewer's report would be a published one (viewers only ever get
  // disclosure-protected values), and publishing is for planners
  'reports.create': ['admin', 'planner'],
  // report templates
  'reports.edit': ['admin', 'planner'],
  'users.manage': ['admin'],
  // city name, key, publisher and licence: they appear on every public page and report
  'settings.edit': ['admin'],
  // statements on land-use plans and occupancy profiles: planning work computed from unprotected
  // counts, so reading them is for planners too
  'statements.edit': ['admin', 'planner'],
  'demo.load': ['admin'],
};

/**
 * What a planner bound to one area (a municipality of a Kreis, auth/scope.ts) may still do: work
 * on the data of that area, which the services check area by area (table import, measure-scope.ts,
 * facility-scope.ts) and the values they read unprotected (`ownAreas`). Everything
 * else shapes or reads the whole installation unprotected, so such a planner is a viewer there.
 */
const WITHIN_SCOPE = new Set<Action>([
  'bodies.read',
  'data.import',
  'facilities.edit',
  'measures.edit',
  'reports.create',
]);

/** Whether a planner bound to one area may perform `action` there (everything else: not at all). */
export const withinScope = (action: Action): boolean => WITHIN_SCOPE.has(action);

const permits = (user: User, action: Action) =>
  allowed[action].includes(user.role) && (!isScoped(user) || WITHIN_SCOPE.has(action));

/**
 * True when `user` may perform `action` inside their scope: for a scoped planner, e.g. reading
 * the unprotected values of their own municipality. The caller restricts the action to the scope.
 */
export function canInScope(user: User | null, action: Action): boolean {
  return user !== null && allowed[action].includes(user.role);
}

/** True when `user` may perform `action`. */
export function can(user: User | null, action: Action): boolean {
  return user !== null && permits(user, action);
}

/** Throws 401 for anonymous visitors and 403 for users whose role (or scope) lacks `action`. */
export function authorize(user: User | null, action: Action): asserts user is User {
  if (!user) throw unauthorized();
  if (!permits(user, action)) throw forbidden(action);
}
