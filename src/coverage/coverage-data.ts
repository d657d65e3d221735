/**
 * What a coverage computation loads: the level with its parent level and the city, the
 * facilities of a type in operation at a date, where they lie, population grids and the reach of
 * facility sets — the expensive parts kept per data version (coverage-cache.ts).
 */
import * as areaRepo from '../areas/area.repository.ts';
import type { AreaRow } from '../areas/area.repository.ts';
import { levelIndex } from '../areas/area.service.ts';
import { pairsWithin, withinReach } from '../accessibility/pairs.ts';
import { populationGrid, toMetric } from '../accessibility/population-grid.ts';
import type { CostTable } from '../accessibility/fca.ts';
import { notFound } from '../core/errors.ts';
import type { Cell } from '../core/value-status.ts';
import type { Db } from '../db/db.ts';
import * as facilityRepo from '../facilities/facility.repository.ts';
import { loadTotals } from '../observations/observation.repository.ts';
import { fingerprint, type VersionCache } from './coverage-cache.ts';
import type { CoverageRow } from './coverage.schema.ts';
import { coverageMessages } from './messages.ts';
import { cellsPerArea, type AreaGrid } from './reach.ts';
import type { SupplyPoint } from './scenario-apply.ts';
import { propertyValues } from './supply-property.ts';

export const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The level asked for, its parent level and the city, on one area tree. */
export interface LevelContext {
  level: string;
  levelName: string;
  /** The level's current areas, sorted by key. */
  areas: AreaRow[];
  parentLevel: string | null;
  parentLevelName: string | null;
  /**
   * The parent level's areas and every other parent of the level's areas, sorted by key: in a
   * ragged hierarchy a parent lies on any coarser level (the Sozialräume of one Gemeinde, the
   * Gemeinden elsewhere), and each parent row names its own level.
   */
  parents: AreaRow[];
  /** Name of a level by key (the key where unknown). */
  levelNameOf: (key: string) => string;
  tree: AreaRow[];
  /** The whole city: its top area (a city level), else the sum of the level's areas. */
  city: { target: number | number[]; key: string; name: string; level: string | null };
}

/** @throws coverage.unknown_level (404) when the level has no current areas */
export async function levelContext(
  cache: VersionCache,
  db: Db,
  level: string,
  tree: AreaRow[],
): Promise<LevelContext> {
  const areas = tree.filter((a) => a.level === level).sort((a, b) => byCodePoint(a.key, b.key));
  if (!areas.length)
    throw notFound('coverage.unknown_level', coverageMessages.unknownLevel(level), { level });
  const [levels, territory] = await Promise.all([
    cache.get('levels', () => areaRepo.listLevels(db)),
    cache.get('territory', () => areaRepo.getTerritory(db)),
  ]);
  const parentLevel = levels.find((l) => l.key === level)?.parent ?? null;
  const nameOf = (key: string) => levels.find((l) => l.key === key)?.name ?? key;
  const byId = new Map(tree.map((a) => [a.id, a]));
  const parentIds = new Set(areas.map((a) => a.parent_id));
  // the whole territory (rank 0) is the city row, never a further parent row
  const belowTop = new Set(levels.filter((l) => l.rank >= 1).map((l) => l.key));
  const parents = parentLevel
    ? tree
        .filter(
          (a) =>
            a.level === parentLevel || (a.level !== level && belowTop.has(a.level) && parentIds.has(a.id)),
        )
        .sort((a, b) => byCodePoint(a.key, b.key))
    : [];
  const topOf = (a: AreaRow): AreaRow => {
    let cur = a;
    for (let p = byId.get(cur.parent_id ?? -1); p; p = byId.get(p.parent_id ?? -1)) cur = p;
    return cur;
  };
  const tops = new Set(areas.map((a) => topOf(a)));
  const [top] = tops;
  const city =
    tops.size === 1 && top && top.level !== level
      ? { target: top.id, key: top.key, name: top.name, level: top.level }
      : {
          target: areas.map((a) => a.id),
          key: territory?.key ?? 'stadt',
          name: territory?.name ?? 'Stadt',
          level: null,
        };
  return {
    level,
    levelName: nameOf(level),
    areas,
    parentLevel,
    parentLevelName: parentLevel ? nameOf(parentLevel) : null,
    parents,
    levelNameOf: nameOf,
    tree,
    city,
  };
}

/** A parent's row with the parent's own level (key and name). */
export const withParentLevel = (ctx: LevelContext, parent: AreaRow, r: CoverageRow): CoverageRow => ({
  ...r,
  level: parent.level,
  levelName: ctx.levelNameOf(parent.level),
});

/** The ancestor of each level area on `ancestorLevel` (null where there is none). */
export function ancestorsOn(ctx: LevelContext, ancestorLevel: string): (AreaRow | null)[] {
  const byId = new Map(ctx.tree.map((a) => [a.id, a]));
  return ctx.areas.map((a) => {
    for (let p = byId.get(a.parent_id ?? -1); p; p = byId.get(p.parent_id ?? -1))
      if (p.level === ancestorLevel) return p;
    return null;
  });
}

/** Every version of the facilities of `type` (filtered per Stichtag in memory). */
export const facilityVersions = (cache: VersionCache, db: Db, type: string) =>
  cache.get(`versions|${type}`, () => facilityRepo.versionsOfType(db, type));

/**
 * The facilities of `type` in operation at `date`, their supply the capacity or the number of
 * `supplyProperty` (kept per data version: the same array for every request, so what is derived
 * from it can be kept beside it).
 */
export const pointsAt = (
  cache: VersionCache,
  db: Db,
  type: string,
  date: string,
  supplyProperty: string | null = null,
) =>
  cache.get(`points|${type}|${date}|${supplyProperty ?? ''}`, async () =>
    inOperation(
      await facilityVersions(cache, db, type),
      date,
      supplyProperty === null
        ? undefined
        : await cache.get(`property|${type}|${supplyProperty}`, () =>
            propertyValues(db, type, supplyProperty),
          ),
    ),
  );

/**
 * The facilities in operation at `date`, sorted by key; an unknown capacity counts 0. With
 * `supply` (version id → number of a property) that number is the supply, and a facility without
 * it counts 0, marked `noSupply`.
 */
export function inOperation(
  versions: readonly facilityRepo.VersionRow[],
  date: string,
  supply?: ReadonlyMap<number, number | null>,
): SupplyPoint[] {
  return versions
    .filter(
      (v) => (v.valid_from === null || v.valid_from <= date) && (v.valid_to === null || v.valid_to > date),
    )
    .map((v): SupplyPoint => {
      const base = { key: v.key, lon: v.lon, lat: v.lat };
      if (!supply) return { ...base, capacity: v.capacity ?? 0 };
      const n = supply.get(v.id) ?? null;
      return n === null ? { ...base, capacity: 0, noSupply: true } : { ...base, capacity: n };
    })
    .sort((a, b) => byCodePoint(a.key, b.key));
}

/** The key of the area of `level` each point lies in (null: outside), positions remembered. */
export async function locator(cache: VersionCache, db: Db, level: string) {
  const [index, seen] = await Promise.all([
    levelIndex(db, level),
    cache.get(`located|${level}`, () => new Map<string, string | null>()),
  ]);
  return (p: { lon: number; lat: number }): string | null => {
    const k = `${p.lon},${p.lat}`;
    let hit = seen.get(k);
    if (hit === undefined) {
      hit = index.locate(p.lon, p.lat)?.key ?? null;
      seen.set(k, hit);
    }
    return hit;
  };
}

type Capacity = { byArea: Map<string, number>; outside: { count: number; capacity: number } };
const capacities = new WeakMap<readonly SupplyPoint[], Map<string, Promise<Capacity>>>();

/** Capacity per area of `level` (and outside every area) of the given facilities. */
export function capacityIn(
  cache: VersionCache,
  db: Db,
  level: string,
  points: readonly SupplyPoint[],
): Promise<Capacity> {
  let perLevel = capacities.get(points);
  if (!perLevel) capacities.set(points, (perLevel = new Map<string, Promise<Capacity>>()));
  let result = perLevel.get(level);
  if (!result) {
    result = countCapacity(cache, db, level, points);
    perLevel.set(level, result);
  }
  return result;
}

async function countCapacity(
  cache: VersionCache,
  db: Db,
  level: string,
  points: readonly SupplyPoint[],
): Promise<Capacity> {
  const locate = await locator(cache, db, level);
  const byArea = new Map<string, number>();
  const outside = { count: 0, capacity: 0 };
  for (const p of points) {
    const key = locate(p);
    if (key === null) {
      outside.count++;
      outside.capacity += p.capacity;
    } else byArea.set(key, (byArea.get(key) ?? 0) + p.capacity);
  }
  return { byArea, outside };
}

/** The population grid of a level's areas (in the order of `areas`), with cells per area. */
export function areaGrid(
  cache: VersionCache,
  db: Db,
  level: string,
  areas: readonly AreaRow[],
  cellSize: number,
): Promise<AreaGrid> {
  return cache.get(`grid|${level}|${cellSize}`, async () => {
    const geometries = new Map(
      (await areaRepo.areaGeometries(db, level, 'full')).map((g) => [g.key, g.geometry]),
    );
    const grid = populationGrid(
      areas.map((a) => ({ geometry: geometries.get(a.key)!, population: 1 })),
      cellSize,
    );
    return { grid, cells: cellsPerArea(grid, areas.length) };
  });
}

const projected = new WeakMap<readonly SupplyPoint[], Map<string, { xy: Float64Array; id: string }>>();

/** Facilities in the grid's metric CRS, interleaved x, y, with a fingerprint for cache keys. */
export function metricPoints(g: AreaGrid, points: readonly SupplyPoint[]): { xy: Float64Array; id: string } {
  let perProjection = projected.get(points);
  if (!perProjection)
    projected.set(points, (perProjection = new Map<string, { xy: Float64Array; id: string }>()));
  const known = perProjection.get(g.grid.projection);
  if (known) return known;
  const forward = toMetric(g.grid.projection);
  const xy = new Float64Array(points.length * 2);
  points.forEach((p, i) => {
    const [x, y] = forward(p.lon, p.lat);
    xy[2 * i] = x;
    xy[2 * i + 1] = y;
  });
  const out = { xy, id: fingerprint(xy) };
  perProjection.set(g.grid.projection, out);
  return out;
}

/** Grid cells to facilities within `maxCost` (straight line × detour), per facility set. */
export function gridPairs(
  cache: VersionCache,
  gridKey: string,
  g: AreaGrid,
  points: { xy: Float64Array; id: string },
  maxCost: number,
  detour: number,
): Promise<CostTable> {
  return cache.get(`pairs|${gridKey}|${maxCost}|${detour}|${points.id}`, () =>
    pairsWithin(g.grid.xy, points.xy, { maxCost, detour }),
  );
}

/** Grid cells with a facility within `maxCost` (straight line × detour), per facility set. */
export function gridReach(
  cache: VersionCache,
  gridKey: string,
  g: AreaGrid,
  points: { xy: Float64Array; id: string },
  maxCost: number,
  detour: number,
): Promise<Uint8Array> {
  return cache.get(`reach|${gridKey}|${maxCost}|${detour}|${points.id}`, () =>
    withinReach(g.grid.xy, points.xy, { maxCost, detour }),
  );
}

/** The area tree and the unprotected counts of `variables` (kept per data version). */
export async function unprotectedData(cache: VersionCache, db: Db, variables: readonly string[]) {
  const sorted = [...new Set(variables)].sort();
  const [tree, ...perVariable] = await Promise.all([
    cache.get('tree', () => areaRepo.listAllAreas(db)),
    ...sorted.map((v) => cache.get(`totals|${v}`, () => loadTotals(db, [v]))),
  ]);
  const totals = new Map<string, Map<string, Map<number, Cell>>>();
  sorted.forEach((v, i) => {
    const t = perVariable[i]!.get(v);
    if (t) totals.set(v, t);
  });
  return { tree, totals };
}
