/**
 * Every indicator value of one level over all Stichtage, as the user may see it, in one object:
 * the input of the Sozialmonitoring (composite indices, early warning, typology, area profiles).
 * Planners get unprotected values; everyone else the disclosure-protected ones (secret cells as
 * `null` with status `secret`). City and parent (district) values are recomputed from summed
 * counts, never averaged from rates (docs/methods.md §2).
 */
import * as areaRepo from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { Cell } from '../core/value-status.ts';
import { aggregateUp } from './aggregate.ts';
import { indicatorAvailability, type MissingVariable } from './availability.ts';
import { POPULATION } from './calculator.ts';
import type { Indicator } from './indicator.schema.ts';
import * as repo from './indicator.repository.ts';
import { listDates, loadTotals } from '../observations/observation.repository.ts';
import { indicatorContext, ownAreas, present, seesUnprotected } from './indicator.service.ts';
import { dataVersion } from '../db/data-version.ts';
import { convertedCounts, type ConvertedFrom } from '../areas/convert/convert.repository.ts';
import { aggregateConversionMarks } from './converted-aggregates.ts';

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

/** A value; with its counts (Zähler, Nenner) only when asked for and the user may see them. */
export interface LevelCell extends Cell {
  numerator?: number | null;
  denominator?: number | null;
}

export interface IndicatorGrid {
  indicator: Indicator;
  /** cells[dateIndex][areaIndex] */
  cells: LevelCell[][];
  /** city[dateIndex]: the whole city (or the sum of the level's areas). */
  city: LevelCell[];
  /** parents.get(parentKey)[dateIndex]: each parent area (district), from its summed counts. */
  parents: Map<string, LevelCell[]>;
  /**
   * converted.get(dateIndex)?.get(areaIndex): the „umgerechnet“ mark of an area value whose counts
   * (numerator or denominator) were converted from an earlier Gebietsstand — per area and date,
   * whatever the cell's status, as `/api/indicators/{key}/values` marks it. Absent: none converted.
   */
  converted?: ReadonlyMap<number, ReadonlyMap<number, ConvertedFrom>>;
  /**
   * cityConverted.get(dateIndex): the „umgerechnet“ mark of the city value, where it was computed
   * from converted counts that the conversion did not keep exact (rule: converted-aggregates.ts).
   */
  cityConverted?: ReadonlyMap<number, ConvertedFrom>;
  /** parentsConverted.get(parentKey)?.get(dateIndex): the same for each parent's value. */
  parentsConverted?: ReadonlyMap<string, ReadonlyMap<number, ConvertedFrom>>;
}

/** The „umgerechnet“ mark of the value of area `areaIndex` at `dateIndex`, if it was converted. */
export const convertedAt = (
  grid: Pick<IndicatorGrid, 'converted'>,
  dateIndex: number,
  areaIndex: number,
): ConvertedFrom | undefined => grid.converted?.get(dateIndex)?.get(areaIndex);

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
  /**
   * Ids of the areas whose values (and, as parents, whose district values) are unprotected although
   * `unprotected` is false: a scoped planner's own municipality and everything in it, when the
   * caller asked for it (`options.own`). Empty otherwise.
   */
  own: ReadonlySet<number>;
  /**
   * Indicators the user may see that were left out because an input has no values at all, with
   * the variables missing (only when no `indicatorKeys` were asked for). Reports name them as
   * „nicht verfügbar“ where a template asks for them.
   */
  unavailable: ReadonlyMap<string, { name: string; missing: MissingVariable[] }>;
}

/**
 * Loads the values of `indicatorKeys` (default: all the user may see whose inputs have values)
 * for every area of a level and every Stichtag.
 * @param options.counts keep numerator and denominator in the cells (planners only; statistics
 *   tables show them) — off by default to keep the table small
 * @param options.own give a scoped planner the unprotected values of their own areas (`ownAreas`),
 *   as the values route does. Only for what that planner's scope alone sees (the Steckbrief page,
 *   an area report internal to their scope: reports/report-scope.ts): a city report, an index or
 *   a typology compares every area, so those stay on protected values.
 * @throws areas.unknown_level when the level has no areas
 */
export async function loadLevelTable(
  db: Db,
  user: User | null,
  levelKey: string,
  indicatorKeys?: readonly string[],
  options: { counts?: boolean; own?: boolean } = {},
): Promise<LevelTable> {
  const unprotected = seesUnprotected(user);
  const own = options.own && !unprotected ? await ownAreas(db, user) : new Set<number>();
  // One page (an area profile: indicators, index result, history, robustness, warnings) asks for
  // the same table several times; a table depends only on the data version, the definitions and
  // the audience, so it is shared until any of them changes. Callers must not mutate it.
  const definitions = await repo.listIndicators(db, !unprotected);
  const key = [
    await dataVersion(db),
    unprotected,
    // the scope's areas, not the user: planners of one municipality share their tables
    own.size ? [...own].sort((a, b) => a - b).join(',') : '',
    options.counts === true,
    levelKey,
    indicatorKeys ? [...indicatorKeys].sort().join(',') : '*',
    JSON.stringify(definitions),
  ].join('|');
  let cache = tables.get(db);
  if (!cache) tables.set(db, (cache = new Map<string, Promise<LevelTable>>()));
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size >= MAX_TABLES) cache.delete(cache.keys().next().value as string);
    hit = buildLevelTable(db, unprotected, own, levelKey, definitions, indicatorKeys, options);
    cache.set(key, hit);
    const entries = cache;
    hit.catch(() => entries.delete(key));
  } else {
    // most recently used last, so that the oldest entry is the one dropped
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

const tables = new WeakMap<Db, Map<string, Promise<LevelTable>>>();
const MAX_TABLES = 16;

async function buildLevelTable(
  db: Db,
  unprotected: boolean,
  own: ReadonlySet<number>,
  levelKey: string,
  definitions: Indicator[],
  indicatorKeys: readonly string[] | undefined,
  options: { counts?: boolean },
): Promise<LevelTable> {
  const rows = await areaRepo.listAreas(db, levelKey);
  if (!rows.length) throw notFound('areas.unknown_level', `Die Ebene „${levelKey}“ hat keine Gebiete.`);
  let indicators = definitions;
  if (indicatorKeys) {
    const wanted = new Set(indicatorKeys);
    indicators = indicators.filter((i) => wanted.has(i.key));
    const missing = indicatorKeys.filter((k) => !indicators.some((i) => i.key === k));
    if (missing.length)
      throw notFound('indicators.not_found', `Den Indikator „${missing.join('“, „')}“ gibt es nicht.`, {
        indicators: missing,
      });
  }
  const unavailable = new Map<string, { name: string; missing: MissingVariable[] }>();
  if (!indicatorKeys) {
    // indicators without inputs would only fill every page with „–“
    const availability = await indicatorAvailability(db, indicators);
    for (const i of indicators) {
      const a = availability.get(i.key);
      if (a && !a.available) unavailable.set(i.key, { name: i.name, missing: a.missing });
    }
    indicators = indicators.filter((i) => !unavailable.has(i.key));
  }
  const dates = await listDates(db);
  const ctx = await indicatorContext(db, indicators, unprotected);
  const ownCtx = own.size ? await indicatorContext(db, indicators, true) : null;
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
  const cell = (c: LevelCell, withCounts: boolean): LevelCell =>
    withCounts && options.counts === true
      ? {
          value: c.value,
          status: c.status,
          numerator: c.numerator ?? null,
          denominator: c.denominator ?? null,
        }
      : { value: c.value, status: c.status };
  const marks = await conversionMarks(db, areas, dates, indicators);
  const aggregateMarks = await aggregateConversionMarks(db, city, parentIds, dates, indicators);
  const grids = new Map<string, IndicatorGrid>();
  for (const indicator of indicators) {
    const calc = ctx.calc(indicator.key);
    const ownCalc = ownCtx?.calc(indicator.key);
    const at = (target: number | number[], date: string) =>
      ownCalc && typeof target === 'number' && own.has(target)
        ? cell(present(ownCalc(target, date), true), true)
        : cell(present(calc(target, date), unprotected), unprotected);
    grids.set(indicator.key, {
      indicator,
      cells: dates.map((d) => areas.map((a) => at(a.id, d))),
      city: dates.map((d) => at(city, d)),
      parents: new Map([...parentIds].map(([key, id]) => [key, dates.map((d) => at(id, d))])),
      ...(marks.has(indicator.key) && { converted: marks.get(indicator.key) }),
      ...aggregateMarks.get(indicator.key),
    });
  }
  // Inhabitants of every area: its own count, else the sum of its children's (a Stadtbezirk of an
  // imported city often has no own `ew` count).
  const counted = (await loadTotals(db, [POPULATION])).get(POPULATION);
  const nodes = ctx.tree.map((a) => ({ id: a.id, parentId: a.parent_id }));
  const population = dates.map((d) => {
    const summed = aggregateUp(nodes, counted?.get(d) ?? new Map<number, Cell>());
    return areas.map((a) => summed.get(a.id)?.value ?? null);
  });
  return { level: levelKey, dates, areas, population, grids, unprotected, own, unavailable };
}

/**
 * The „umgerechnet“ marks of every indicator by date and area index: an indicator's value is
 * marked where its numerator or denominator was converted (one query for all inputs).
 */
async function conversionMarks(
  db: Db,
  areas: readonly LevelArea[],
  dates: readonly string[],
  indicators: readonly Indicator[],
): Promise<Map<string, Map<number, Map<number, ConvertedFrom>>>> {
  const inputs = (i: Indicator) => [i.numerator, ...(i.denominator ? [i.denominator] : [])];
  const variables = [...new Set(indicators.flatMap(inputs))];
  const out = new Map<string, Map<number, Map<number, ConvertedFrom>>>();
  if (!variables.length) return out;
  const rows = await convertedCounts(
    db,
    areas.map((a) => a.id),
    variables,
  );
  if (!rows.length) return out;
  const areaIndex = new Map(areas.map((a, k) => [a.id, k]));
  const dateIndex = new Map(dates.map((d, k) => [d, k]));
  for (const i of indicators) {
    const own = new Set(inputs(i));
    const marks = new Map<number, Map<number, ConvertedFrom>>();
    // in the query's order, so that where two inputs differ the mark is the one the values route shows
    for (const r of rows) {
      const d = dateIndex.get(r.ref_date);
      const a = areaIndex.get(r.area_id);
      if (!own.has(r.variable) || d === undefined || a === undefined) continue;
      if (!marks.has(d)) marks.set(d, new Map());
      marks.get(d)!.set(a, { method: r.method, from: r.from });
    }
    if (marks.size) out.set(i.key, marks);
  }
  return out;
}
