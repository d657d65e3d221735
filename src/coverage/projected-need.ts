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
import { applyFacilityChanges, scenarioQuarters, type SupplyPoint } from './scenario-apply.ts';
import { requireScenario } from './scenario.service.ts';
import { normVersions, versionAt } from './norm.service.ts';
import { propertyValues } from './supply-property.ts';
import type { User } from '../auth/auth.schema.ts';

/** Demand and supply of one area (or the city) at one date, rounded. */
export interface NeedValues {
  /** Supply units needed (factor × weighted reference population). */
  demand: number;
  /** Supply of the facilities in operation at the date. */
  supply: number;
  /** supply − demand: negative = missing places. */
  balance: number;
  /** Versorgungsquote in % (null without demand). */
  rate: number | null;
}

export interface ProjectedNeedRow extends NeedValues {
  /** Area key, or `stadt` for the sum of all areas. */
  area: string;
  name: string;
  date: string;
  /** The same with the scenario's quarters and facility changes; null without a scenario. */
  scenario: NeedValues | null;
}

export interface ProjectedNeed {
  norm: { key: string; name: string; source: string; capacityUnit: string };
  level: string;
  base: string;
  to: string;
  /** Name of the scenario beside the Bestand, if any. */
  scenario: string | null;
  areas: ProjectedNeedRow[];
  city: ProjectedNeedRow[];
}

/**
 * @param q `scenario`: a named scenario whose new quarters add their residents to the projection
 *   and whose openings, closures and capacity changes change the supply from their dates on
 * @throws coverage.unknown_norm (404), coverage.norm_not_age_based (400) for a norm whose demand is
 *   not a sum of age groups, coverage.unknown_scenario (404), and what {@link projectPopulation}
 *   throws
 */
export async function projectedNeed(
  db: Db,
  user: User,
  q: { norm: string; level: string; base: string; to: string; scenario?: string | undefined },
): Promise<ProjectedNeed> {
  const norm = versionAt(await normVersions(db, q.norm, user), q.base);
  if (!norm || norm.demand.some((v) => variableRange(v) === null))
    throw badRequest(
      'coverage.norm_not_age_based',
      `Der Richtwert „${q.norm}“ bemisst den Bedarf nicht nach Altersgruppen (${norm?.demand.join(', ') ?? 'keine Fassung am Basisstichtag'}); nur solche lassen sich mit der Bevölkerungsprognose fortschreiben.`,
      { norm: q.norm },
    );
  const changes = q.scenario === undefined ? null : (await requireScenario(db, q.scenario)).changes;
  const projection = { level: q.level, base: q.base, to: q.to, variables: norm.demand };
  const [areas, index, versions, property, rows, scenarioRows] = await Promise.all([
    listAreas(db, q.level),
    levelIndex(db, q.level),
    versionsOfType(db, norm.facilityType),
    norm.supplyProperty ? propertyValues(db, norm.facilityType, norm.supplyProperty) : undefined,
    projectPopulation(db, projection),
    changes &&
      projectPopulation(db, {
        ...projection,
        quarters: scenarioQuarters(changes),
      }),
  ]);
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  /** Demand and supply per area key and date of one side (Bestand or scenario), unrounded. */
  const side = (counted: typeof rows, supplyAt: (date: string) => SupplyPoint[]) => {
    const counts = new Map(counted.map((r) => [`${r.area}|${r.date}|${r.variable}`, r.value]));
    const out = new Map<string, { demand: number; supply: number }>();
    for (const date of dates) {
      const supply = new Map<string, number>();
      for (const p of supplyAt(date)) {
        const key = index.locate(p.lon, p.lat)?.key;
        if (key !== undefined) supply.set(key, (supply.get(key) ?? 0) + p.capacity);
      }
      for (const a of areas)
        out.set(`${a.key}|${date}`, {
          demand:
            norm.factor *
            norm.demand.reduce(
              (s, v, i) => s + (norm.weights[i] ?? 1) * (counts.get(`${a.key}|${date}|${v}`) ?? 0),
              0,
            ),
          supply: supply.get(a.key) ?? 0,
        });
    }
    return out;
  };
  const bestand = side(rows, (date) => inOperation(versions, date, property));
  const scenario =
    changes && scenarioRows
      ? side(scenarioRows, (date) =>
          applyFacilityChanges(
            inOperation(versions, date, property),
            changes,
            norm.facilityType,
            date,
            norm.supplyProperty,
          ),
        )
      : null;
  const out: ProjectedNeedRow[] = [];
  const city: ProjectedNeedRow[] = [];
  for (const date of dates) {
    const sum = { b: { demand: 0, supply: 0 }, s: { demand: 0, supply: 0 } };
    for (const a of areas) {
      const b = bestand.get(`${a.key}|${date}`)!;
      const sc = scenario?.get(`${a.key}|${date}`) ?? null;
      sum.b.demand += b.demand;
      sum.b.supply += b.supply;
      if (sc) {
        sum.s.demand += sc.demand;
        sum.s.supply += sc.supply;
      }
      out.push({ area: a.key, name: a.name, date, ...values(b), scenario: sc && values(sc) });
    }
    city.push({ area: 'stadt', name: 'Stadt', date, ...values(sum.b), scenario: scenario && values(sum.s) });
  }
  return {
    norm: { key: norm.key, name: norm.name, source: norm.source, capacityUnit: norm.capacityUnit },
    level: q.level,
    base: q.base,
    to: q.to,
    scenario: q.scenario ?? null,
    areas: out,
    city,
  };
}

/** Whole units and a Versorgungsquote of one decimal: a projection is no more exact. */
function values(x: { demand: number; supply: number }): NeedValues {
  const d = Math.round(x.demand);
  const s = Math.round(x.supply);
  return { demand: d, supply: s, balance: s - d, rate: d > 0 ? Math.round((1000 * s) / d) / 10 : null };
}
