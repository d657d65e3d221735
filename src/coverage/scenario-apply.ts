/**
 * A scenario's changes applied to the Bestand at a Stichtag (pure): the facilities of a type as
 * they would be, and the extra demand of new residential quarters. A change holds from its
 * `validFrom` (inclusive), or from the beginning when it has none.
 */
import type { ScenarioChangeInput } from './scenario.schema.ts';

/** A facility in operation as coverage uses it. */
export interface SupplyPoint {
  key: string;
  lon: number;
  lat: number;
  capacity: number;
  /** Only for a scenario's openings: the name they were planned under. */
  name?: string;
}

const holds = (c: { validFrom?: string | undefined }, date: string) =>
  c.validFrom === undefined || c.validFrom <= date;

/**
 * The facilities of `type` at `date` with the scenario's openings, closures and capacity
 * changes. Openings get the key `Szenario-<n>` (n: their order among the changes).
 * @example applyFacilityChanges([{ key: 'K1', lon: 7, lat: 51, capacity: 40 }],
 *   [{ kind: 'capacity', type: 'kita', facility: 'K1', capacity: 60 }], 'kita', '2030-12-31')
 *   // [{ key: 'K1', lon: 7, lat: 51, capacity: 60 }]
 */
export function applyFacilityChanges(
  points: readonly SupplyPoint[],
  changes: readonly ScenarioChangeInput[],
  type: string,
  date: string,
): SupplyPoint[] {
  const byKey = new Map(points.map((p) => [p.key, { ...p }]));
  changes.forEach((c, n) => {
    if (c.kind === 'quarter' || c.type !== type || !holds(c, date)) return;
    if (c.kind === 'opening')
      byKey.set(`Szenario-${n + 1}`, {
        key: `Szenario-${n + 1}`,
        lon: c.lon,
        lat: c.lat,
        capacity: c.capacity,
        name: c.name,
      });
    else if (c.kind === 'closure') byKey.delete(c.facility);
    else {
      const p = byKey.get(c.facility);
      if (p) p.capacity = c.capacity;
    }
  });
  return [...byKey.values()];
}

/** Extra population of the norm's variables from the quarters built by `date`, per area. */
export function quarterDemand(
  changes: readonly ScenarioChangeInput[],
  variables: readonly string[],
  date: string,
): { level: string; area: string; people: number }[] {
  const out: { level: string; area: string; people: number }[] = [];
  for (const c of changes) {
    if (c.kind !== 'quarter' || !holds(c, date)) continue;
    const people = variables.reduce((s, v) => s + (c.population[v] ?? 0), 0);
    if (people > 0) out.push({ level: c.level, area: c.area, people });
  }
  return out;
}
