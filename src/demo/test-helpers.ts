/*
 * Helpers shared by the demo city tests (not used by the generator itself).
 */
import type { Position } from 'geojson';
import type { DemoArea, DemoCity } from './types.ts';
import { multiPolyArea } from './planar.ts';
import { geoJsonToUtm } from './projection.ts';

/** Totals (breakdown '') by `variable|area|date`. */
export function totalsIndex(city: DemoCity): (variable: string, area: string, date: string) => number {
  const index = new Map<string, number>();
  for (const o of city.observations) {
    if (o.breakdown === '') index.set(`${o.variable}|${o.area}|${o.date}`, o.value);
  }
  return (variable, area, date) => {
    const v = index.get(`${variable}|${area}|${date}`);
    if (v === undefined) throw new Error(`missing ${variable} for ${area} at ${date}`);
    return v;
  };
}

/** Keys of the Sozialräume. */
export function sozialraumKeys(city: DemoCity): string[] {
  return city.areas.filter((a) => a.level === 'sozialraum').map((a) => a.key);
}

/** SGB-II-Quote in %: SGB-II recipients per 100 inhabitants under 65. */
export function sgb2Quote(get: ReturnType<typeof totalsIndex>, area: string, date: string): number {
  return (100 * get('sgb2', area, date)) / (get('ew', area, date) - get('ew_65plus', area, date));
}

/** The polygons of an area's geometry, whether Polygon or MultiPolygon. */
export const polygons = (a: DemoArea): Position[][][] =>
  a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates;

/** Planar area in m² (EPSG:25832). */
export const areaM2 = (a: DemoArea) => multiPolyArea(geoJsonToUtm(a.geometry));

/** Rook neighbours: areas whose boundaries share at least one identical segment. */
export function neighbours(areas: DemoArea[]): Set<number>[] {
  const owners = new Map<string, number[]>();
  areas.forEach((a, i) => {
    for (const poly of polygons(a)) {
      for (const ring of poly) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const p = `${ring[k]?.[0]},${ring[k]?.[1]}`;
          const q = `${ring[k + 1]?.[0]},${ring[k + 1]?.[1]}`;
          const key = p < q ? `${p}|${q}` : `${q}|${p}`;
          owners.set(key, [...(owners.get(key) ?? []), i]);
        }
      }
    }
  });
  const result = areas.map(() => new Set<number>());
  for (const list of owners.values()) {
    for (const i of list) for (const j of list) if (i !== j) result[i]?.add(j);
  }
  return result;
}

/** Is every member of the group reachable from the first through rook neighbours in the group? */
export function isContiguous(members: number[], nb: Set<number>[]): boolean {
  const reached = new Set(members.slice(0, 1));
  const queue = members.slice(0, 1);
  while (queue.length > 0) {
    const i = queue.pop() as number;
    for (const j of nb[i] ?? []) {
      if (!reached.has(j) && members.includes(j)) {
        reached.add(j);
        queue.push(j);
      }
    }
  }
  return reached.size === members.length;
}
