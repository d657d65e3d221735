/**
 * Which report targets a planner bound to one area (Zuständigkeit, src/auth/scope.ts) may make
 * internal: only the Steckbrief of an area inside their scope (src/reports/report-scope.ts,
 * `reportAudience`); every other report is published with protected values. The web learns it from
 * the public area lists it loads anyway (`/api/areas?level=…`, each area with its parent and the
 * parent's level), so no route has to tell who owns what.
 */
import type { Scope } from '../../auth/auth.schema.ts';
import type { AreaSummary, TemplateScope } from './api.ts';

/** A level of the territory as far as the walk needs it (`AppConfig['levels']`). */
export interface RankedLevel {
  key: string;
  /** 0 = whole territory, larger = finer. */
  rank: number;
}

/** An area of a level list as far as the walk needs it. */
export type ListedArea = Pick<AreaSummary, 'id' | 'parent' | 'parentLevel'>;

/** The lists loaded so far by level key; a level not (yet) loaded is absent. */
export type AreaLists = Readonly<Record<string, readonly ListedArea[] | undefined>>;

/**
 * The levels whose lists decide whether an area of `targetLevel` lies inside `scope`: those finer
 * than the scope's level down to the target's. A ragged hierarchy may skip some of them (a rural
 * Wohnplatz lies directly in its Gemeinde, one of the Mittelzentrum in a Sozialraum), so all of them
 * are asked for; a target coarser than the scope needs none.
 * @example levelsToWalk(levels, { level: 'gemeinde', key: '05999020' }, 'wohnplatz')
 * // ['sozialraum', 'wohnplatz']
 */
export function levelsToWalk(levels: readonly RankedLevel[], scope: Scope, targetLevel: string): string[] {
  const rank = (key: string) => levels.find((l) => l.key === key)?.rank;
  const top = rank(scope.level);
  const bottom = rank(targetLevel);
  if (top === undefined || bottom === undefined) return [];
  return levels
    .filter((l) => l.rank > top && l.rank <= bottom)
    .sort((a, b) => a.rank - b.rank)
    .map((l) => l.key);
}

/**
 * Whether the area `target` lies inside `scope` (is the scope's area or below it), walking up its
 * parents through `lists`, as the server's `scopeAreaIds` walks down.
 * @returns true or false; undefined while a list the walk needs is not loaded
 * @example
 * // a Musterhausen Wohnplatz in a Sozialraum of the Gemeinde
 * insideScope({ level: 'gemeinde', key: 'M' }, { level: 'wohnplatz', id: 'M001' }, levels, {
 *   wohnplatz: [{ id: 'M001', parent: 'M-S1', parentLevel: 'sozialraum' }],
 *   sozialraum: [{ id: 'M-S1', parent: 'M', parentLevel: 'gemeinde' }],
 * }) // true
 */
export function insideScope(
  scope: Scope,
  target: { level: string; id: string },
  levels: readonly RankedLevel[],
  lists: AreaLists,
): boolean | undefined {
  const rank = (key: string) => levels.find((l) => l.key === key)?.rank;
  const top = rank(scope.level);
  if (top === undefined) return false;
  let current: { level: string; id: string } = target;
  // each step goes to a coarser level, so the walk ends; the bound guards against a bad list
  for (let step = 0; step <= levels.length; step++) {
    const r = rank(current.level);
    if (r === undefined || r < top) return false;
    if (r === top) return current.level === scope.level && current.id === scope.key;
    const list = lists[current.level];
    if (!list) return undefined;
    const area = list.find((a) => a.id === current.id);
    if (!area?.parent || !area.parentLevel) return false;
    current = { level: area.parentLevel, id: area.parent };
  }
  return false;
}

/**
 * The „öffentlich“ checkbox of a report: `free` to choose, `published` when the report cannot be
 * internal for the planner, `unknown` while the lists that decide are loading.
 */
export type PublicChoice = 'free' | 'published' | 'unknown';

/**
 * What the planner may choose for a report of `templateScope` for `target`. A planner without
 * scope chooses freely. A planner bound to `scope` chooses only for the Steckbrief (area template)
 * of an area inside it; a city template or an area elsewhere is always published. Before an area is
 * chosen there is nothing to decide, so the choice stays free.
 * @example publicChoice(scope, 'city', { level: 'gemeinde', id: null }, levels, {}) // 'published'
 */
export function publicChoice(
  scope: Scope | null,
  templateScope: TemplateScope,
  target: { level: string; id: string | null },
  levels: readonly RankedLevel[],
  lists: AreaLists,
): PublicChoice {
  if (!scope) return 'free';
  if (templateScope !== 'area') return 'published';
  if (target.id === null) return 'free';
  const inside = insideScope(scope, { level: target.level, id: target.id }, levels, lists);
  return inside === undefined ? 'unknown' : inside ? 'free' : 'published';
}
