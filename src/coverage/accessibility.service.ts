/**
 * An ad hoc floating catchment for planners (`lagebild accessibility`): the access of each area
 * of a level to the facilities of a type, for demand variables given on the spot, with straight
 * lines on the population grid or a travel-cost table from a routing tool. The same computation
 * as a norm with an `fca` catchment and factor 1, from the unprotected counts.
 */
import { badRequest } from '../core/errors.ts';
import type { Cell } from '../core/value-status.ts';
import type { Db } from '../db/db.ts';
import { requireType } from '../facilities/facility.service.ts';
import { currentDate } from '../observations/observation.repository.ts';
import { versionCache } from './coverage-cache.ts';
import { coverageSide } from './coverage-compute.ts';
import { levelContext, pointsAt, unprotectedData } from './coverage-data.ts';
import type { AccessibilityBody, AccessibilityResult } from './coverage.schema.ts';
import { demandAt } from './demand.ts';
import { coverageMessages } from './messages.ts';
import type { Norm } from './norm.schema.ts';

/** Default catchment: 1,000 m of travel. */
export const DEFAULT_MAX_COST = 1000;

export async function accessibility(db: Db, body: AccessibilityBody): Promise<AccessibilityResult> {
  const type = await requireType(db, body.type);
  const date = body.date ?? (await currentDate(db));
  if (!date) throw badRequest('coverage.no_dates', coverageMessages.noDates());
  const cache = await versionCache(db);
  const { tree, totals } = await unprotectedData(cache, db, body.demand);
  const ctx = await levelContext(cache, db, body.level, tree);
  const version: Norm = {
    id: 0,
    key: 'accessibility',
    facilityType: type.key,
    capacityUnit: type.capacityUnit,
    name: '',
    demand: body.demand,
    weights: body.demand.map(() => 1),
    factor: 1,
    supplyProperty: null,
    catchment: {
      kind: 'fca',
      maxCost: body.maxCost ?? DEFAULT_MAX_COST,
      ...(body.detour !== undefined && { detour: body.detour }),
      ...(body.decay && { decay: body.decay }),
      ...(body.method && { method: body.method }),
      ...(body.cellSize !== undefined && { cellSize: body.cellSize }),
      ...(body.costs && { costs: { matrix: 1 } }),
    },
    source: '',
    description: '',
    published: false,
    validFrom: null,
    validTo: null,
  };
  const counts = new Map(body.demand.map((v) => [v, totals.get(v)?.get(date) ?? new Map<number, Cell>()]));
  const nodes = tree.map((a) => ({ id: a.id, parentId: a.parent_id }));
  const points = await pointsAt(cache, db, type.key, date);
  const side = await coverageSide({
    db,
    cache,
    ctx,
    version,
    date,
    points,
    demand: demandAt(nodes, counts, body.demand, 1),
    unprotected: true,
    matrix: body.costs && { level: body.level, name: 'CSV', ...body.costs },
  });
  return {
    type: type.key,
    level: ctx.level,
    date,
    rows: side.rows.map((r) => ({
      area: r.area,
      name: r.name,
      demand: r.demand,
      supply: r.supply ?? 0,
      access: r.rate === null ? null : r.rate / 100,
    })),
    reachedSupply: side.rows.reduce((s, r) => s + (r.supply ?? 0), 0),
    totalSupply: points.reduce((s, p) => s + p.capacity, 0),
  };
}
