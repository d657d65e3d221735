/**
 * A scenario's changes applied to the Bestand at a Stichtag (pure): the facilities of a type as
 * they would be, and the extra demand of new residential quarters. A change holds from its
 * `validFrom` (inclusive), or from the beginning when it has none.
 */
import type { ScenarioQuarter } from '../projection/quarters.ts';
import type { ScenarioChangeInput } from './scenario.schema.ts';

/** A facility in operation as coverage uses it. */
export interface SupplyPoint {
  key: string;
  lon: number;
  lat: number;
  /** The supply: the capacity, or the number of the norm's supply property. */
  capacity: number;
  /** Only for a scenario's openings: the name they were planned under. */
  name?: string;
  /** The norm reads a property the facility does not have: it counts 0. */
  noSupply?: true;
}

const holds = (c: { validFrom?: string | undefined }, date: string) =>
  c.validFrom === undefined || c.validFrom <= date;

/**
 * The facilities of `type` at `date` with the scenario's openings, closures and capacity
 * changes. Openings get the key `Szenario-<n>` (n: their order among the changes). For a norm
 * with a supply property, an opening supplies its `properties[supplyProperty]` (none: 0, marked
 * `noSupply`) and a capacity change changes the supply only where it names the property.
 * @example applyFacilityChanges([{ key: 'K1', lon: 7, lat: 51, capacity: 40 }],
 *   [{ kind: 'capacity', type: 'kita', facility: 'K1', capacity: 60 }], 'kita', '2030-12-31')
 *   // [{ key: 'K1', lon: 7, lat: 51, capacity: 60 }]
 */
export function applyFacilityChanges(
  points: readonly SupplyPoint[],
  changes: readonly ScenarioChangeInput[],
  type: string,
  date: string,
  supplyProperty: string | null = null,
): SupplyPoint[] {
  const byKey = new Map(points.map((p) => [p.key, { ...p }]));
  const supplyOf = (c: { capacity: number; properties?: Record<string, number> | undefined }) =>
    supplyProperty === null ? c.capacity : (c.properties?.[supplyProperty] ?? null);
  changes.forEach((c, n) => {
    if (c.kind === 'quarter' || c.type !== type || !holds(c, date)) return;
    if (c.kind === 'opening') {
      const supply = supplyOf(c);
      byKey.set(`Szenario-${n + 1}`, {
        key: `Szenario-${n + 1}`,
        lon: c.lon,
        lat: c.lat,
        capacity: supply ?? 0,
        name: c.name,
        ...(supply === null && { noSupply: true as const }),
      });
    } else if (c.kind === 'closure') byKey.delete(c.facility);
    else {
      const p = byKey.get(c.facility);
      const supply = supplyOf(c);
      if (p && supply !== null) {
        p.capacity = supply;
        delete p.noSupply;
      }
    }
  });
  return [...byKey.values()];
}

/**
 * Extra reference population of the norm from the quarters built by `date`, per area: the
 * weighted sum of the norm's variables (`weights` in their order; default 1 each).
 */
export function quarterDemand(
  changes: readonly ScenarioChangeInput[],
  variables: readonly string[],
  date: string,
  weights?: readonly number[],
): { level: string; area: string; people: number }[] {
  const out: { level: string; area: string; people: number }[] = [];
  for (const c of changes) {
    if (c.kind !== 'quarter' || !holds(c, date)) continue;
    const people = variables.reduce((s, v, i) => s + (weights?.[i] ?? 1) * (c.population[v] ?? 0), 0);
    if (people > 0) out.push({ level: c.level, area: c.area, people });
  }
  return out;
}

/** The new residential quarters among a scenario's changes, as the population projection takes them. */
export function scenarioQuarters(changes: readonly ScenarioChangeInput[]): ScenarioQuarter[] {
  return changes
    .filter((c) => c.kind === 'quarter')
    .map((c) => ({
      name: c.name,
      level: c.level,
      area: c.area,
      validFrom: c.validFrom ?? null,
      population: c.population,
    }));
}
