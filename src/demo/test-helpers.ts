/*
 * Helpers shared by the demo city tests (not used by the generator itself).
 */
import type { DemoCity } from './types.ts';

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
