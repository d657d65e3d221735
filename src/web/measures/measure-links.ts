/**
 * Links into the page „Maßnahmen“ from elsewhere: which measures work in an area (for pages that
 * list many areas, counted from one list instead of one request per area), and the address that
 * opens the page with one measure selected (`?massnahme=<id>`).
 */
import { paths } from '../router.ts';
import type { Measure } from './measures-api.ts';

const PARAM = 'massnahme';

/** The key of an area in measuresByArea: level and area key. */
export const areaKey = (level: string, area: string) => `${level}|${area}`;

/**
 * The measures working in each area, or with a goal there — the server's rule for
 * `GET /api/measures?level=&area=` — each measure once per area, in list order.
 * @example measuresByArea([{ id: 3, areas: [{ level: 'sozialraum', key: '105' }], goals: [] }])
 *   // Map { 'sozialraum|105' => [3] }
 */
export function measuresByArea(measures: readonly Pick<Measure, 'id' | 'areas' | 'goals'>[]) {
  const byArea = new Map<string, number[]>();
  for (const m of measures) {
    const keys = new Set([
      ...m.areas.map((a) => areaKey(a.level, a.key)),
      ...m.goals.flatMap((g) => (g.area === null ? [] : [areaKey(g.level, g.area)])),
    ]);
    for (const key of keys) byArea.set(key, [...(byArea.get(key) ?? []), m.id]);
  }
  return byArea;
}

/**
 * The page „Maßnahmen“; with exactly one measure, the page with that one selected.
 * @example measuresHref([7]) // '/steuerung/massnahmen?massnahme=7'
 */
export function measuresHref(ids: readonly number[] = []): string {
  return ids.length === 1 ? `${paths.measures}?${PARAM}=${ids[0]}` : paths.measures;
}

/** The measure an address selects (`?massnahme=7`), or null. */
export function selectedMeasure(search: string): number | null {
  const raw = new URLSearchParams(search).get(PARAM);
  return raw !== null && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}
