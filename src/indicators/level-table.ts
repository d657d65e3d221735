/**
 * Every indicator value of one level over all Stichtage, as the user may see it, in one object:
 * the input of the Sozialmonitoring (composite indices, early warning, typology, area profiles).
 * Planners get unprotected values; everyone else the disclosure-protected ones (secret cells as
 * `null` with status `secret`). City and parent (district) values are recomputed from summed
 * counts, never averaged from rates (../shared/METHODS.md §2).
 */
import * as areaRepo from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { Cell } from './aggregate.ts';
import { POPULATION } from './calculator.ts';
import type { Indicator } from './indicator.schema.ts';
import * as repo from './indicator.repository.ts';
import { indicatorContext, present, seesUnprotected } from './indicator.service.ts';

export interface LevelArea {
  /** Database id (internal). */
  id: number;
  /** Area key, e.g. `01100101`. */
  key: string;
  name: string;
  /** Key and name of the parent area (e.g. the Stadtbezirk); null on the top level. */
  parentKey: string | null;
  parentName: string | null;
}

export interface IndicatorGrid {
  indicator: Indicator;
  /** cells[dateIndex][areaIndex] */
  cells: Cell[][];
  /** city[dateIndex]: the whole city (or the sum of the level's areas). */
  city: Cell[];
  /** parents.get(parentKey)[dateIndex]: each parent area (district), from its summed counts. */
  parents: Map<string, Cell[]>;
}

export interface LevelTable {
  level: string;
  /** Stichtage ascending (YYYY-MM-DD). */
  dates: string[];
  areas: LevelArea[];
  /**
   * population[dateIndex][areaIndex] (Einwohner, unprotected) — internal, for validity rules such
   * as the minimum population of an index; never send it to users who may not see unprotected data.
   */
  population: (number | null)[][];
  /** By indicator key, in catalogue order. */
  grids: Map<string, IndicatorGrid>;
  /** Whether the values are unprotected (planner view). */
  unprotected: boolean;
}

/**
 * Loads the values of `indicatorKeys` (default: all the user may see) for every area of a level
 * and every Stichtag.
 * @throws areas.unknown_level when the level has no areas
 */
export async function loadLevelTable(
  db: Db,
  user: User | null,
  levelKey: string,
  indicatorKeys?: readonly string[],
): Promise<LevelTable> {
  const unprotected = seesUnprotected(user);
  const rows = await areaRepo.listAreas(db, levelKey);
  if (!rows.length) throw notFound('areas.unknown_level', `Die Ebene „${levelKey}“ hat keine Gebiete.`);
  let indicators = await repo.listIndicators(db, !unprotected);
  if (indicatorKeys) {
    const wanted = new Set(indicatorKeys);
    indicators = indicators.filter((i) => wanted.has(i.key));
    const missing = indicatorKeys.filter((k) => !indicators.some((i) => i.key === k));
    if (missing.length)
      throw notFound('indicators.not_found', `Den Indikator „${missing.join('“, „')}“ gibt es nicht.`, {
        indicators: missing,
      });
  }
  const dates = await repo.listDates(db);
  const ctx = await indicatorContext(db, indicators, unprotected);
  const byId = new Map(ctx.tree.map((a) => [a.id, a]));
  const areas: LevelArea[] = rows.map((a) => {
    const parent = a.parent_id === null ? undefined : byId.get(a.parent_id);
    return {
      id: a.id,
      key: a.key,
      name: a.name,
      parentKey: parent?.key ?? null,
      parentName: parent?.name ?? null,
    };
  });
  const city = ctx.cityTarget(rows.map((a) => a.id));
  const parentIds = new Map<string, number>();
  for (const a of rows) {
    const parent = a.parent_id === null ? undefined : byId.get(a.parent_id);
    if (parent) parentIds.set(parent.key, parent.id);
  }
  const cell = (c: Cell): Cell => ({ value: c.value, status: c.status });
  const grids = new Map<string, IndicatorGrid>();
  for (const indicator of indicators) {
    const calc = ctx.calc(indicator.key);
    const at = (target: number | number[], date: string) => cell(present(calc(target, date), unprotected));
    grids.set(indicator.key, {
      indicator,
      cells: dates.map((d) => areas.map((a) => at(a.id, d))),
      city: dates.map((d) => at(city, d)),
      parents: new Map([...parentIds].map(([key, id]) => [key, dates.map((d) => at(id, d))])),
    });
  }
  const totals = await repo.loadTotals(db, [POPULATION]);
  const population = dates.map((d) =>
    areas.map((a) => totals.get(POPULATION)?.get(d)?.get(a.id)?.value ?? null),
  );
  return { level: levelKey, dates, areas, population, grids, unprotected };
}
