/**
 * The need of an age-based norm in the years ahead (docs/methods.md §7, with §8's projection):
 * demand = factor × Σ weight · projected count of each demand variable, per area of a level and
 * year up to the horizon, beside the supply of the facilities in operation that year (planned
 * openings and closings included) — the Kita Bedarfsplan's „Bedarf bis 2035“. Counted in the own
 * area: a catchment across areas needs today's geometry of demand, which a projection of counts
 * does not have. Internal numbers (projected, unprotected): for planners.
 */
import { levelIndex } from '../areas/area.service.ts';
import { listAreas } from '../areas/area.repository.ts';
import { variableRange } from '../core/age-range.ts';
import { badRequest } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { versionsOfType } from '../facilities/facility.repository.ts';
import { projectPopulation } from '../projection/projection.service.ts';
import { inOperation } from './coverage-data.ts';
import { normVersions, versionAt } from './norm.service.ts';
import { propertyValues } from './supply-property.ts';
import type { User } from '../auth/auth.schema.ts';

export interface ProjectedNeedRow {
  /** Area key, or `stadt` for the sum of all areas. */
  area: string;
  name: string;
  date: string;
  /** Supply units needed (factor × weighted reference population). */
  demand: number;
  /** Supply of the facilities in operation at the date. */
  supply: number;
  /** supply − demand: negative = missing places. */
  balance: number;
  /** Versorgungsquote in % (null without demand). */
  rate: number | null;
}

export interface ProjectedNeed {
  norm: { key: string; name: string; source: string; capacityUnit: string };
  level: string;
  base: string;
  to: string;
  areas: ProjectedNeedRow[];
  city: ProjectedNeedRow[];
}

/**
 * @throws coverage.unknown_norm (404), coverage.norm_not_age_based (400) for a norm whose demand is
 *   not a sum of age groups, and what {@link projectPopulation} throws
 */
export async function projectedNeed(
  db: Db,
  user: User,
  q: { norm: string; level: string; base: string; to: string },
): Promise<ProjectedNeed> {
  const norm = versionAt(await normVersions(db, q.norm, user), q.base);
  if (!norm || norm.demand.some((v) => variableRange(v) === null))
    throw badRequest(
      'coverage.norm_not_age_based',
      `Der Richtwert „${q.norm}“ bemisst den Bedarf nicht nach Altersgruppen (${norm?.demand.join(', ') ?? 'keine Fassung am Basisstichtag'}); nur solche lassen sich mit der Bevölkerungsprognose fortschreiben.`,
      { norm: q.norm },
    );
  const rows = await projectPopulation(db, {
    level: q.level,
    base: q.base,
    to: q.to,
    variables: norm.demand,
  });
  const [areas, index, versions, property] = await Promise.all([
    listAreas(db, q.level),
    levelIndex(db, q.level),
    versionsOfType(db, norm.facilityType),
    norm.supplyProperty ? propertyValues(db, norm.facilityType, norm.supplyProperty) : undefined,
  ]);
  const counts = new Map(rows.map((r) => [`${r.area}|${r.date}|${r.variable}`, r.value]));
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  const out: ProjectedNeedRow[] = [];
  const city: ProjectedNeedRow[] = [];
  for (const date of dates) {
    const supply = new Map<string, number>();
    for (const p of inOperation(versions, date, property)) {
      const key = index.locate(p.lon, p.lat)?.key;
      if (key !== undefined) supply.set(key, (supply.get(key) ?? 0) + p.capacity);
    }
    let [cityDemand, citySupply] = [0, 0];
    for (const a of areas) {
      const demand =
        norm.factor *
        norm.demand.reduce(
          (s, v, i) => s + (norm.weights[i] ?? 1) * (counts.get(`${a.key}|${date}|${v}`) ?? 0),
          0,
        );
      const s = supply.get(a.key) ?? 0;
      cityDemand += demand;
      citySupply += s;
      out.push(row(a.key, a.name, date, demand, s));
    }
    city.push(row('stadt', 'Stadt', date, cityDemand, citySupply));
  }
  return {
    norm: { key: norm.key, name: norm.name, source: norm.source, capacityUnit: norm.capacityUnit },
    level: q.level,
    base: q.base,
    to: q.to,
    areas: out,
    city,
  };
}

/** Whole units and a Versorgungsquote of one decimal: a projection is no more exact. */
function row(area: string, name: string, date: string, demand: number, supply: number): ProjectedNeedRow {
  const d = Math.round(demand);
  const s = Math.round(supply);
  return {
    area,
    name,
    date,
    demand: d,
    supply: s,
    balance: s - d,
    rate: d > 0 ? Math.round((1000 * s) / d) / 10 : null,
  };
}
