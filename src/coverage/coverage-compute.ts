/**
 * Coverage of one norm version at one Stichtag (docs/methods.md §7): supply, demand,
 * Versorgungsquote and balance for every area of the level, its parent level and the city, each
 * from its own counts. What differs between catchments is the supply:
 * - `area`: the capacity of the facilities in the area (districts and the city: in theirs);
 * - `district`: each area shows its ancestor's row on the catchment's level;
 * - `distance`, `fca`: the places the area's people reach (2SFCA/3SFCA on the population grid or
 *   a travel-cost matrix), districts and the city the sum over their areas;
 * - `walking`: the people with a facility within the walking distance.
 */
import type { AreaRow } from '../areas/area.repository.ts';
import type { CostTable } from '../accessibility/fca.ts';
import { badRequest } from '../core/errors.ts';
import type { Cell } from '../core/value-status.ts';
import type { Db } from '../db/db.ts';
import type { VersionCache } from './coverage-cache.ts';
import {
  ancestorsOn,
  areaGrid,
  capacityIn,
  gridPairs,
  gridReach,
  metricPoints,
  withParentLevel,
  type LevelContext,
} from './coverage-data.ts';
import type { CoverageRow } from './coverage.schema.ts';
import { publicSpreadDemand, rateAndBalance, type Target } from './demand.ts';
import { coverageMessages } from './messages.ts';
import type { Norm } from './norm.schema.ts';
import { cellWeights, fcaSupply, walkingSupply } from './reach.ts';
import type { SupplyPoint } from './scenario-apply.ts';

const DEFAULT_DETOUR = 1.3;
const DEFAULT_CELL = 100;

/** Travel costs between the level's areas (origins) and facilities (destinations, by key). */
export interface MatrixCosts {
  level: string;
  name: string;
  origin: string[];
  destination: string[];
  cost: number[];
}

export interface SideInput {
  db: Db;
  cache: VersionCache;
  ctx: LevelContext;
  version: Norm;
  date: string;
  points: readonly SupplyPoint[];
  /** Demand of an area or a sum of areas (already with a scenario's quarters). */
  demand: (t: Target) => Cell;
  /** Whether the reader sees unprotected values (else secret demand hides the row). */
  unprotected: boolean;
  matrix?: MatrixCosts | undefined;
}

export interface SideRows {
  rows: CoverageRow[];
  parents: CoverageRow[];
  city: CoverageRow;
  outside: { count: number; capacity: number };
  notes: string[];
}

const round1 = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10 || 0);

/** A row from supply and demand; for the public secret demand hides rate and balance too. */
function row(
  a: { key: string; name: string },
  date: string,
  supply: number,
  demand: Cell,
  unprotected: boolean,
  supplyFromDemand: boolean,
): CoverageRow {
  const hidden = demand.status === 'secret';
  const d = hidden ? null : demand.value;
  const { rate, balance } = rateAndBalance(supply, d);
  // A reached supply is rate × demand: shown beside a secret demand it would give the demand away.
  const s = hidden && supplyFromDemand ? null : supply;
  const r: CoverageRow = {
    area: a.key,
    name: a.name,
    date,
    supply: s,
    demand: d,
    rate,
    balance,
    status: demand.status,
  };
  if (unprotected) return r;
  return {
    ...r,
    supply: round1(r.supply),
    demand: round1(r.demand),
    rate: round1(r.rate),
    balance: round1(r.balance),
  };
}

/** Coverage rows of one side (the Bestand or a scenario) at one Stichtag. */
export async function coverageSide(input: SideInput): Promise<SideRows> {
  const { ctx, version, date, demand, unprotected } = input;
  const c = version.catchment;
  const notes: string[] = [];
  const levelSupply = await capacityIn(input.cache, input.db, ctx.level, input.points);
  const own = async (level: string | null) =>
    level ? (await capacityIn(input.cache, input.db, level, input.points)).byArea : null;

  if (c.kind === 'area' || c.kind === 'district') {
    // each parent's facilities on its own level (a Sozialraum's, a Gemeinde's)
    const parentSupply = new Map<string, Map<string, number>>();
    for (const l of new Set(ctx.parents.map((p) => p.level))) parentSupply.set(l, (await own(l))!);
    const citySupply = ctx.city.level
      ? ((await own(ctx.city.level))!.get(ctx.city.key) ?? 0)
      : [...levelSupply.byArea.values()].reduce((s, x) => s + x, 0);
    let rows: CoverageRow[];
    if (c.kind === 'area')
      rows = ctx.areas.map((a) =>
        row(a, date, levelSupply.byArea.get(a.key) ?? 0, demand(a.id), unprotected, false),
      );
    else {
      const shared = await own(c.level);
      const anc = ancestorsOn(ctx, c.level);
      rows = ctx.areas.map((a, i) => {
        const up = anc[i];
        if (!up)
          throw badRequest(
            'coverage.district_level',
            coverageMessages.districtLevelNotAbove(c.level, ctx.level),
            {
              level: c.level,
            },
          );
        const r = row(up, date, shared!.get(up.key) ?? 0, demand(up.id), unprotected, false);
        return { ...r, area: a.key, name: a.name };
      });
    }
    return {
      rows,
      parents: ctx.parents.map((p) =>
        withParentLevel(
          ctx,
          p,
          row(p, date, parentSupply.get(p.level)!.get(p.key) ?? 0, demand(p.id), unprotected, false),
        ),
      ),
      city: row(ctx.city, date, citySupply, demand(ctx.city.target), unprotected, false),
      outside: levelSupply.outside,
      notes,
    };
  }

  // Reach: supply per area of the level, then sums for districts and the city.
  const areaDemand = unprotected
    ? Float64Array.from(ctx.areas, (a) => Math.max(0, demand(a.id).value ?? 0))
    : publicSpreadDemand(ctx.areas.map(spreadArea), ctx.tree.map(spreadArea), (t) =>
        demand(t === 'city' ? ctx.city.target : t),
      );
  const supply = await reachSupply(input, areaDemand, notes);
  // every parent row an area lies in (its Sozialraum and the Gemeinde above it) sums its supply
  const parentIndex = new Map(ctx.parents.map((p, i) => [p.id, i]));
  const parentOf = new Map(ctx.tree.map((a) => [a.id, a.parent_id]));
  const parentSums = new Float64Array(ctx.parents.length);
  ctx.areas.forEach((a, i) => {
    for (let up = a.parent_id; up !== null; up = parentOf.get(up) ?? null) {
      const p = parentIndex.get(up);
      if (p !== undefined) parentSums[p] = parentSums[p]! + supply[i]!;
    }
  });
  const total = supply.reduce((s, x) => s + x, 0);
  return {
    rows: ctx.areas.map((a, i) => row(a, date, supply[i]!, demand(a.id), unprotected, true)),
    parents: ctx.parents.map((p, i) =>
      withParentLevel(ctx, p, row(p, date, parentSums[i]!, demand(p.id), unprotected, true)),
    ),
    city: row(ctx.city, date, total, demand(ctx.city.target), unprotected, true),
    outside: levelSupply.outside,
    notes,
  };
}

const spreadArea = (a: AreaRow) => ({ id: a.id, parentId: a.parent_id, areaM2: a.area_m2 });

/** Supply within reach per area of the level, for the reach catchments. */
async function reachSupply(
  input: SideInput,
  areaDemand: Float64Array,
  notes: string[],
): Promise<Float64Array> {
  const { ctx, version, points, cache, db } = input;
  const c = version.catchment;
  const n = ctx.areas.length;
  if (c.kind === 'fca' && c.costs) return matrixSupply(input, areaDemand, notes);
  if (c.kind !== 'distance' && c.kind !== 'fca' && c.kind !== 'walking') return new Float64Array(n);
  const cellSize = c.cellSize ?? DEFAULT_CELL;
  const detour = c.detour ?? DEFAULT_DETOUR;
  const g = await areaGrid(cache, db, ctx.level, ctx.areas, cellSize);
  const gridKey = `${ctx.level}|${cellSize}`;
  const xy = metricPoints(g, points);
  const weights = cellWeights(g, areaDemand);
  if (c.kind === 'walking') {
    const reached = await gridReach(cache, gridKey, g, xy, c.maxDistance, detour);
    return walkingSupply(g, reached, weights, n);
  }
  const maxCost = c.kind === 'distance' ? c.maxDistance : c.maxCost;
  const table = await gridPairs(cache, gridKey, g, xy, maxCost, detour);
  return fcaSupply(
    weights,
    g.grid.area,
    n,
    points.map((p) => p.capacity),
    table,
    {
      maxCost,
      decay: c.kind === 'fca' ? (c.decay ?? { kind: 'step' }) : { kind: 'step' },
      method: c.kind === 'fca' ? (c.method ?? '2sfca') : '2sfca',
    },
  ).supply;
}

/** Floating catchment on a travel-cost matrix: the areas themselves are the origins. */
function matrixSupply(input: SideInput, areaDemand: Float64Array, notes: string[]): Float64Array {
  const { ctx, version, points } = input;
  const c = version.catchment;
  const m = input.matrix;
  if (c.kind !== 'fca' || !m) return new Float64Array(ctx.areas.length);
  if (m.level !== ctx.level)
    throw badRequest('coverage.matrix_level', coverageMessages.matrixLevel(m.name, m.level, ctx.level), {
      matrix: m.name,
      level: m.level,
    });
  const origins = new Map(ctx.areas.map((a, i) => [a.key, i]));
  const facilities = new Map(points.map((p, j) => [p.key, j]));
  const table: CostTable & { origin: number[]; facility: number[]; cost: number[] } = {
    origin: [],
    facility: [],
    cost: [],
  };
  const listed = new Set<string>();
  for (let k = 0; k < m.origin.length; k++) {
    const i = origins.get(m.origin[k]!);
    const j = facilities.get(m.destination[k]!);
    if (j !== undefined) listed.add(m.destination[k]!);
    if (i === undefined || j === undefined) continue;
    table.origin.push(i);
    table.facility.push(j);
    table.cost.push(m.cost[k]!);
  }
  const unlisted = points.filter((p) => !listed.has(p.key));
  for (const p of unlisted.filter((x) => x.name !== undefined))
    notes.push(coverageMessages.openingWithoutCosts(p.name!));
  const existing = unlisted.filter((x) => x.name === undefined).length;
  if (existing) notes.push(coverageMessages.facilitiesWithoutCosts(m.name, existing));
  return fcaSupply(
    areaDemand,
    Int32Array.from(ctx.areas, (_, i) => i),
    ctx.areas.length,
    points.map((p) => p.capacity),
    table,
    { maxCost: c.maxCost, decay: c.decay ?? { kind: 'step' }, method: c.method ?? '2sfca' },
  ).supply;
}
