/**
 * Builds the statistics table of the atlas from the level table (src/indicators/level-table.ts):
 * chosen areas, their parent areas and the city, each recomputed from summed counts
 * (docs/methods.md §2), with the indicators' target values. Planners get unprotected values with
 * counts; everyone else disclosure-protected values without counts.
 */
import { getTerritory, listAreas, listLevels } from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { resolveStichtag } from '../exports/export.service.ts';
import type { ConvertedFrom } from '../areas/convert/convert.repository.ts';
import { cityConvertedAt, parentConvertedAt } from '../indicators/converted-aggregates.ts';
import { convertedAt, loadLevelTable, type LevelCell } from '../indicators/level-table.ts';
import type { StatCell, StatRow, StatTable } from './table.schema.ts';

export interface StatTableRequest {
  indicators: readonly string[];
  level: string;
  /** Stichtag YYYY-MM-DD or a year. */
  date: string;
  /** Area keys; absent or empty = every area of the level. */
  areas?: readonly string[];
}

const unique = <T>(list: readonly T[]) => [...new Set(list)];

const statCell = (c: LevelCell | undefined, converted: ConvertedFrom | undefined): StatCell => ({
  ...(c
    ? { value: c.value, status: c.status, numerator: c.numerator ?? null, denominator: c.denominator ?? null }
    : { value: null, status: 'missing' as const, numerator: null, denominator: null }),
  ...(converted && { converted }),
});

/**
 * @throws indicators.not_found for an indicator the user may not see
 * @throws areas.unknown_level, areas.not_found, data.unknown_date
 */
export async function statisticsTable(db: Db, user: User | null, req: StatTableRequest): Promise<StatTable> {
  const keys = unique(req.indicators);
  const date = await resolveStichtag(db, req.date);
  // a scoped planner's own areas (and their parents) with unprotected values and counts, the
  // rest as the public sees it: each row is one area's, so no row mixes the two
  const table = await loadLevelTable(db, user, req.level, keys, { counts: true, own: true });
  const at = table.dates.indexOf(date);
  const grids = keys.map((k) => table.grids.get(k)!);

  const index = new Map(table.areas.map((a, i) => [a.key, i]));
  const wanted = req.areas?.length ? unique(req.areas) : table.areas.map((a) => a.key);
  const unknown = wanted.filter((k) => !index.has(k));
  if (unknown.length)
    throw notFound(
      'areas.not_found',
      `Auf der Ebene „${req.level}“ gibt es ${unknown.length === 1 ? 'das Gebiet' : 'die Gebiete'} „${unknown.join('“, „')}“ nicht.`,
      { areas: unknown },
    );

  const [levels, levelAreas] = await Promise.all([listLevels(db), listAreas(db, req.level)]);
  const level = levels.find((l) => l.key === req.level);
  const parentLevel = levels.find((l) => l.key === level?.parent && l.rank >= 1);
  // the whole territory (rank 0) has no level name of its own in the table, as before
  const levelName = (key: string) => {
    const l = levels.find((x) => x.key === key);
    return l ? (l.rank >= 1 ? l.name : null) : key;
  };
  // In a ragged hierarchy a parent lies on any coarser level (a Sozialraum in one Gemeinde, the
  // Gemeinde elsewhere), so each parent row names the level of its own area.
  const parentLevelOf = new Map(levelAreas.map((a) => [a.parent, a.parent_level]));

  const rows: StatRow[] = [];
  const parents = new Map<string, string>();
  for (const key of wanted) {
    const i = index.get(key)!;
    const area = table.areas[i]!;
    if (area.parentKey !== null) parents.set(area.parentKey, area.parentName ?? area.parentKey);
    rows.push({
      kind: 'area',
      key: area.key,
      name: area.name,
      parentKey: area.parentKey,
      level: req.level,
      levelName: level?.name ?? req.level,
      cells: grids.map((g) => statCell(g.cells[at]?.[i], convertedAt(g, at, i))),
    });
  }
  for (const [key, name] of parents) {
    const own = parentLevelOf.get(key) ?? parentLevel?.key ?? null;
    rows.push({
      kind: 'parent',
      key,
      name,
      parentKey: null,
      level: own,
      levelName: own === null ? (parentLevel?.name ?? null) : levelName(own),
      cells: grids.map((g) => statCell(g.parents.get(key)?.[at], parentConvertedAt(g, key, at))),
    });
  }

  const territory = await getTerritory(db);
  const cityName = territory?.name ?? 'Gesamt';
  rows.push({
    kind: 'city',
    key: '',
    name: cityName,
    parentKey: null,
    level: null,
    levelName: null,
    cells: grids.map((g) => statCell(g.city[at], cityConvertedAt(g, at))),
  });

  return {
    level: req.level,
    levelName: level?.name ?? req.level,
    parentLevelName: parentLevel?.name ?? null,
    cityName,
    cityKey: territory?.key ?? '',
    date,
    withCounts: table.unprotected || wanted.some((k) => table.own.has(table.areas[index.get(k)!]!.id)),
    columns: grids.map(({ indicator: i }) => ({
      key: i.key,
      name: i.name,
      unit: i.unit,
      decimals: i.decimals,
      polarity: i.polarity,
      source: i.source,
      target: i.target,
    })),
    rows,
  };
}
