/**
 * The Pflegebedarfsplan's numbers (docs/methods.md §7, Pflegebedarf): for every area of a level and every year
 * of the projection, the persons in need of care, split into settings, and the places needed in
 * Pflegeheimen and Tagespflege beside the places of the facilities in operation that year
 * (planned openings and closings included); summed to the parent areas (districts) and the city.
 */
import { listAllAreas, listAreas } from '../areas/area.repository.ts';
import type { Db } from '../db/db.ts';
import { levelIndex } from '../areas/area.service.ts';
import { inOperation } from '../coverage/coverage-data.ts';
import { versionsOfType } from '../facilities/facility.repository.ts';
import { projectPopulation } from '../projection/projection.service.ts';
import {
  CARE_SETTINGS,
  careNeed,
  splitCare,
  type CareAssumptions,
  type CareRateBand,
  type CareSetting,
} from './care-rates.ts';
import { careAssumptions } from './care-assumptions.service.ts';

/** The facility types whose places meet the settings counted in places. */
export const CARE_FACILITY_TYPES = { stationaer: 'pflegeheim', tagespflege: 'tagespflege' } as const;
type PlaceSetting = keyof typeof CARE_FACILITY_TYPES;
const PLACE_SETTINGS = Object.keys(CARE_FACILITY_TYPES) as PlaceSetting[];

export interface CarePlaces {
  /** Places needed (persons in the setting / occupancy). */
  required: number;
  /** Places of the facilities in operation at the date. */
  capacity: number;
  /** capacity − required: negative = places missing. */
  balance: number;
}

export interface CarePlanRow {
  /** Area key; for sums the parent's key or `stadt`. */
  area: string;
  name: string;
  date: string;
  /** Persons aged 65 and older (projected). */
  ew65plus: number;
  need: number;
  persons: Record<CareSetting, number>;
  places: Record<PlaceSetting, CarePlaces>;
}

export interface CarePlan {
  level: string;
  base: string;
  to: string;
  assumptions: CareAssumptions;
  areas: CarePlanRow[];
  /** Sums by parent area (e.g. Stadtbezirk), when the level has parents. */
  parents: CarePlanRow[];
  city: CarePlanRow[];
}

/** The variable key of a rate band (`ew_u15`, `ew_60_64`, `ew_90plus`). */
export function bandVariable(b: CareRateBand): string {
  if (b.to === null) return `ew_${b.from}plus`;
  return b.from === 0 ? `ew_u${b.to}` : `ew_${b.from}_${b.to - 1}`;
}

/**
 * Projects the population of a level and derives the care need and places for every year after
 * the base up to `to`.
 * @throws what {@link projectPopulation} throws (unknown level, bad horizon, no ages, …)
 */
export async function carePlan(
  db: Db,
  q: { level: string; base: string; to: string; assumptions?: CareAssumptions },
): Promise<CarePlan> {
  const a = q.assumptions ?? (await careAssumptions(db));
  const variables = [...a.bands.map(bandVariable), 'ew_65plus'];
  const rows = await projectPopulation(db, { level: q.level, base: q.base, to: q.to, variables });
  const [areas, all, index, ...versions] = await Promise.all([
    listAreas(db, q.level),
    listAllAreas(db),
    levelIndex(db, q.level),
    ...PLACE_SETTINGS.map((s) => versionsOfType(db, CARE_FACILITY_TYPES[s])),
  ]);
  const dates = [...new Set(rows.map((r) => r.date))].sort();
  // places per `${setting}|${date}` and area key: the facilities in operation that day
  const capacity = new Map<string, Map<string, number>>();
  PLACE_SETTINGS.forEach((setting, i) => {
    for (const date of dates) {
      const byArea = new Map<string, number>();
      for (const p of inOperation(versions[i]!, date)) {
        const key = index.locate(p.lon, p.lat)?.key;
        if (key !== undefined) byArea.set(key, (byArea.get(key) ?? 0) + p.capacity);
      }
      capacity.set(`${setting}|${date}`, byArea);
    }
  });
  const values = new Map<string, number>(rows.map((r) => [`${r.area}|${r.date}|${r.variable}`, r.value]));
  const baseYear = Number(q.base.slice(0, 4));
  const out: CarePlanRow[] = [];
  for (const area of areas)
    for (const date of dates) {
      const persons = a.bands.map((b) => values.get(`${area.key}|${date}|${bandVariable(b)}`) ?? 0);
      const need = careNeed(persons, a.bands, a.trend, Number(date.slice(0, 4)) - baseYear);
      out.push(
        row(
          area.key,
          area.name,
          date,
          values.get(`${area.key}|${date}|ew_65plus`) ?? 0,
          need,
          a,
          (s) => capacity.get(`${s}|${date}`)?.get(area.key) ?? 0,
        ),
      );
    }
  const parentIds = new Set(areas.map((x) => x.parent_id));
  const parentName = new Map(all.filter((x) => parentIds.has(x.id)).map((x) => [x.key, x.name]));
  const byParent = new Map(areas.map((x) => [x.key, x.parent]));
  return {
    level: q.level,
    base: q.base,
    to: q.to,
    assumptions: a,
    areas: out.map(rounded),
    parents: parentName.size
      ? sums(
          out,
          (r) => byParent.get(r.area) ?? null,
          (k) => parentName.get(k) ?? k,
        ).map(rounded)
      : [],
    city: sums(
      out,
      () => 'stadt',
      () => 'Stadt',
    ).map(rounded),
  };
}

function row(
  area: string,
  name: string,
  date: string,
  ew65plus: number,
  need: number,
  a: CareAssumptions,
  capacityOf: (s: PlaceSetting) => number,
): CarePlanRow {
  const split = splitCare(need, a);
  const places = Object.fromEntries(
    PLACE_SETTINGS.map((s) => {
      const capacity = capacityOf(s);
      return [s, { required: split.places[s], capacity, balance: capacity - split.places[s] }];
    }),
  ) as Record<PlaceSetting, CarePlaces>;
  return { area, name, date, ew65plus, need, persons: split.persons, places };
}

/** Sums of rows by a grouping key and date (unrounded, so sums are of exact values). */
function sums(
  rows: readonly CarePlanRow[],
  keyOf: (r: CarePlanRow) => string | null,
  nameOf: (key: string) => string,
): CarePlanRow[] {
  const groups = new Map<string, CarePlanRow>();
  for (const r of rows) {
    const key = keyOf(r);
    if (key === null) continue;
    const id = `${key}|${r.date}`;
    const g = groups.get(id);
    if (!g) {
      groups.set(id, structuredClone({ ...r, area: key, name: nameOf(key) }));
      continue;
    }
    g.ew65plus += r.ew65plus;
    g.need += r.need;
    for (const s of CARE_SETTINGS) g.persons[s] += r.persons[s];
    for (const s of PLACE_SETTINGS) {
      g.places[s].required += r.places[s].required;
      g.places[s].capacity += r.places[s].capacity;
      g.places[s].balance += r.places[s].balance;
    }
  }
  return [...groups.values()].sort((x, y) =>
    x.area === y.area ? (x.date < y.date ? -1 : 1) : x.area < y.area ? -1 : 1,
  );
}

/** Whole persons and places: a projection is no more exact than that. */
function rounded(r: CarePlanRow): CarePlanRow {
  const round = Math.round;
  return {
    ...r,
    need: round(r.need),
    persons: Object.fromEntries(CARE_SETTINGS.map((s) => [s, round(r.persons[s])])) as Record<
      CareSetting,
      number
    >,
    places: Object.fromEntries(
      PLACE_SETTINGS.map((s) => {
        const p = r.places[s];
        return [
          s,
          {
            required: round(p.required),
            capacity: round(p.capacity),
            balance: round(p.capacity) - round(p.required),
          },
        ];
      }),
    ) as Record<PlaceSetting, CarePlaces>,
  };
}
