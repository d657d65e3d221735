import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../indicators/catalogue.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { Steckbrief } from './profile.schema.ts';

type Demo = Awaited<ReturnType<typeof demoApp>>;

describe.each(engines)('area profile API on $name', (engine) => {
  let demo: Demo;
  /** A Sozialraum whose SGB-II-Quote is secret for the public at the latest Stichtag, with the planner's value. */
  let secretArea: { key: string; value: number };
  let openArea: string;

  beforeAll(async () => {
    demo = await demoApp(engine);
    const publicTable = await loadLevelTable(demo.db, null, 'sozialraum', ['sgb2_quote']);
    const last = publicTable.dates.length - 1;
    const cells = publicTable.grids.get('sgb2_quote')!.cells[last]!;
    const s = cells.findIndex((c) => c.status === 'secret');
    const o = cells.findIndex((c) => c.status === 'value');
    expect(s, 'the demo city has a secret SGB-II-Quote').toBeGreaterThanOrEqual(0);
    const plannerTable = await loadLevelTable(
      demo.db,
      { id: 0, username: 'p', displayName: 'p', role: 'planner' },
      'sozialraum',
      ['sgb2_quote'],
    );
    secretArea = {
      key: publicTable.areas[s]!.key,
      value: plannerTable.grids.get('sgb2_quote')!.cells[last]![s]!.value!,
    };
    openArea = publicTable.areas[o]!.key;
  });
  afterAll(() => demo?.close());

  const get = async (url: string, cookie?: string) =>
    demo.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

  it('gives planners the unprotected Steckbrief with district, city, index, warnings and text', async () => {
    const res = await get(`/api/profiles/sozialraum/${secretArea.key}`, demo.planner);
    expect(res.statusCode).toBe(200);
    const p = res.json<Steckbrief>();
    expect(p.unprotected).toBe(true);
    expect(p.area).toMatchObject({ id: secretArea.key, level: 'sozialraum', levelName: 'Sozialraum' });
    expect(p.area.parentName).toBeTruthy();
    expect(p.area.areaKm2).toBeGreaterThan(0);
    expect(p.date).toBe(p.dates.at(-1));
    const rows = p.themes.flatMap((t) => t.indicators);
    expect(rows.map((r) => r.key)).toEqual(DEFAULT_CATALOGUE.map((i) => i.key));
    const sgb2 = rows.find((r) => r.key === 'sgb2_quote')!;
    expect(sgb2.value).toEqual({ value: secretArea.value, status: 'value' });
    expect(sgb2.district?.status).toBe('value');
    expect(sgb2.city.status).toBe('value');
    expect(sgb2.difference).toBeCloseTo(secretArea.value - sgb2.city.value!, 10);
    expect(sgb2.rankOf).toBe(62);
    expect(sgb2.series).toHaveLength(p.dates.length);
    expect(sgb2.series.at(-1)).toMatchObject({ value: secretArea.value, cityValue: sgb2.city.value });
    expect(p.index).toMatchObject({ key: 'berlin_mss' });
    expect(p.index!.history.length).toBeGreaterThan(0);
    expect(Array.isArray(p.warnings)).toBe(true);
    expect(p.warnings.every((w) => w.area === secretArea.key)).toBe(true);
    expect(p.text.length).toBeGreaterThanOrEqual(3);
    expect(p.text.length).toBeLessThanOrEqual(6);
    expect(p.text.join(' ')).toMatch(/\d,\d/);
  });

  it('shows the public only protected values: a secret value is never a number, not even in the text', async () => {
    for (const cookie of [undefined, demo.viewer]) {
      const res = await get(`/api/profiles/sozialraum/${secretArea.key}`, cookie);
      expect(res.statusCode).toBe(200);
      const p = res.json<Steckbrief>();
      expect(p.unprotected).toBe(false);
      const sgb2 = p.themes.flatMap((t) => t.indicators).find((r) => r.key === 'sgb2_quote')!;
      expect(sgb2.value).toEqual({ value: null, status: 'secret' });
      expect(sgb2.difference).toBeNull();
      expect(sgb2.rank).toBeNull();
      expect(sgb2.change.value).toBeNull();
      expect(sgb2.series.at(-1)).toMatchObject({ value: null, status: 'secret' });
      // the planner's number appears nowhere in the answer
      expect(res.body).not.toContain(String(secretArea.value));
      const shown = secretArea.value.toFixed(1).replace('.', ',');
      expect(p.text.join(' ')).not.toContain(`${shown}\u00a0%`);
      expect(res.body).not.toMatch(/"population"|"numerator"|"denominator"/);
    }
  });

  it('answers an area with a German 404, unknown levels and dates too', async () => {
    const area = await get('/api/profiles/sozialraum/gibtsnicht');
    expect(area.statusCode).toBe(404);
    expect(area.json()).toMatchObject({
      code: 'profile.unknown_area',
      message: 'Das Gebiet „gibtsnicht“ gibt es auf der Ebene „Sozialraum“ nicht.',
    });
    const level = await get('/api/profiles/keine_ebene/101');
    expect(level.statusCode).toBe(404);
    expect(level.json()).toMatchObject({ code: 'areas.unknown_level' });
    const date = await get(`/api/profiles/sozialraum/${openArea}?date=1999-12-31`);
    expect(date.statusCode).toBe(404);
    expect(date.json()).toMatchObject({
      code: 'profile.unknown_date',
      message: 'Für den Stichtag 31.12.1999 liegen keine Werte vor.',
    });
    const bad = await get(`/api/profiles/sozialraum/${openArea}?date=gestern`);
    expect(bad.statusCode).toBe(400);
  });

  it('takes the Stichtag, the index and the trend years from the query', async () => {
    const cfg = (await get('/api/config')).json<{ dates: string[] }>();
    const date = cfg.dates[cfg.dates.length - 3]!;
    const res = await get(`/api/profiles/stadtbezirk/1?date=${date}&index=none&years=3`);
    expect(res.statusCode).toBe(200);
    const p = res.json<Steckbrief>();
    expect(p.date).toBe(date);
    expect(p.years).toBe(3);
    expect(p.index).toBeNull();
    // the Stadtbezirk's parent is the city itself: no district column
    expect(p.area.parent).toBeNull();
    expect(p.area.parentName).toBeNull();
    const row = p.themes[0]!.indicators[0]!;
    expect(row.district).toBeNull();
    expect(row.trend.years).toBe(3);
    const missing = await get(`/api/profiles/stadtbezirk/1?index=gibtsnicht`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'indices.not_found' });
  });
});
