/**
 * Frühwarnung: evaluates the active warning rules on a level at a Stichtag, on the values the
 * user may see (loadLevelTable: planners unprotected, everyone else disclosure-protected, so a
 * secret value never triggers a rule nor appears in a reason).
 */
import * as areaRepo from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { listIndicators, ownsArea } from '../indicators/indicator.service.ts';
import { currentDate, listDates } from '../observations/observation.repository.ts';
import { pickStichtag } from '../indicators/stichtag.ts';
import { loadLevelTable, type LevelTable } from '../indicators/level-table.ts';

import { evaluateIndicatorRule, type IndicatorRule } from './evaluate.ts';
import { indexRuleEntries } from './index-warnings.ts';
import * as repo from './warning.repository.ts';
import type { IndexClassRule } from './index-class.ts';
import type { WarningEntry, WarningList, WarningRule, WarningsQuery } from './warning.schema.ts';

const isIndicatorRule = (r: WarningRule): r is IndicatorRule => r.kind !== 'index_class';
const isIndexRule = (r: WarningRule): r is IndexClassRule => r.kind === 'index_class';

/**
 * The Stichtag to evaluate: the one asked for, else the Datenstand `current`, else the latest.
 * @throws monitoring.unknown_date when there are no values at that Stichtag
 */
export function pickDate(
  dates: readonly string[],
  date: string | undefined,
  current: string | null = null,
): { date: string; at: number } {
  const at = pickStichtag(dates, date, current, 'monitoring.unknown_date');
  return { date: dates[at]!, at };
}

/**
 * The keys of the indicators the rules need, among those the user may see: a rule for „every
 * indicator with a polarity“ needs all of those.
 */
function neededIndicators(rules: IndicatorRule[], visible: { key: string; polarity: string }[]): string[] {
  const all = rules.some((r) => r.kind !== 'threshold' && r.indicator === null);
  const named = new Set(rules.map((r) => r.indicator).filter((k): k is string => k !== null));
  return visible.filter((i) => named.has(i.key) || (all && i.polarity !== 'neutral')).map((i) => i.key);
}

/** Keeps entries of the area asked for, or of the areas inside it (a parent such as a Stadtbezirk). */
async function areaFilter(db: Db, level: string, area: string | undefined) {
  if (area === undefined) return () => true;
  const areas = await areaRepo.listAreas(db, level);
  if (!areas.length) throw notFound('areas.unknown_level', `Die Ebene „${level}“ hat keine Gebiete.`);
  const own = areas.some((a) => a.key === area);
  const tree = own ? [] : await areaRepo.listAllAreas(db);
  const parent = tree.find((a) => a.key === area);
  if (!own && !parent) throw notFound('areas.not_found', `Das Gebiet „${area}“ gibt es nicht.`, { area });
  return (e: WarningEntry) => e.area === area || e.parent === area;
}

/**
 * Entries of a rule kept with the level table object, which `loadLevelTable` shares while data,
 * definitions and audience stay the same: a report with a Steckbrief per area evaluates each rule
 * once, not once per area. Callers must not mutate the entries.
 */
const evaluatedRules = new WeakMap<LevelTable, Map<string, WarningEntry[]>>();
function evaluated(rule: IndicatorRule, table: LevelTable, dateIndex: number): WarningEntry[] {
  let byRule = evaluatedRules.get(table);
  if (!byRule) evaluatedRules.set(table, (byRule = new Map<string, WarningEntry[]>()));
  const key = `${JSON.stringify(rule)}|${dateIndex}`;
  let entries = byRule.get(key);
  if (!entries) byRule.set(key, (entries = evaluateIndicatorRule(rule, table, dateIndex)));
  return entries;
}

/**
 * Evaluates every active rule on `level` at `date` (default: the latest Stichtag), optionally
 * only for indicators of one theme and for one area (or the areas of one parent area).
 * Entries are ordered by severity (hoch first), then by rule order, then as the areas are.
 * @throws areas.unknown_level, areas.not_found, monitoring.unknown_date
 */
export async function evaluateWarnings(
  db: Db,
  user: User | null,
  query: Pick<WarningsQuery, 'level' | 'date' | 'theme' | 'area'>,
  /**
   * `own`: when the area asked for is a scoped planner's own, its values (and those of the areas
   * inside it) unprotected (see `loadLevelTable`); every other list stays the public one
   */
  options: { own?: boolean } = {},
): Promise<WarningList> {
  const rules = (await repo.listRules(db)).filter((r) => r.active);
  const keep = await areaFilter(db, query.level, query.area);
  const dates = await listDates(db);
  const { date, at } = pickDate(dates, query.date, await currentDate(db));
  const indicatorRules = rules.filter(isIndicatorRule);
  const indexRules = query.theme === undefined ? rules.filter(isIndexRule) : [];
  const visible = (await listIndicators(db, user)).filter(
    (i) => query.theme === undefined || i.theme === query.theme,
  );
  // the index results load their own values; both run at once
  const [table, byIndexRule] = await Promise.all([
    loadLevelTable(db, user, query.level, neededIndicators(indicatorRules, visible), {
      own: options.own === true && (await ownsArea(db, user, query.area)),
    }),
    indexRules.length
      ? indexRuleEntries(db, user, indexRules, query.level, dates, at)
      : new Map<string, never[]>(),
  ]);
  const perRule = rules.map((rule) =>
    isIndicatorRule(rule)
      ? evaluated(rule, table, table.dates.indexOf(date))
      : (byIndexRule.get(rule.key) ?? []),
  );
  const rank = { hoch: 0, mittel: 1 } as const;
  const entries = perRule
    .flatMap((list, ruleOrder) => list.map((e) => ({ e, ruleOrder })))
    .filter(({ e }) => keep(e) && (query.theme === undefined || e.theme === query.theme))
    .sort((a, b) => rank[a.e.severity] - rank[b.e.severity] || a.ruleOrder - b.ruleOrder)
    .map(({ e }) => e);
  return { level: query.level, date, entries };
}
