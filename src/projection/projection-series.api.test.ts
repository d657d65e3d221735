/**
 * Stored projections over HTTP on the demo city, on every engine: planners compute, store,
 * publish and delete runs; visitors see only published ones, rounded to tens, small areas only
 * within their parent — checked the way an outsider would, from every public route together —
 * and the atlas's indicator values and series carry the projected Stichtage marked „Prognose“.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppConfig } from '../server/config.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import type { IndicatorValues, Series } from '../indicators/indicator.schema.ts';
import type { AreaProfile } from '../profile/profile.schema.ts';
import type { RunValues, StoredProjection } from './projection-series.schema.ts';
import { projectPopulation } from './projection.service.ts';

const BODY = {
  name: 'Prognose 2024–2032',
  level: 'sozialraum',
  base: '2024-12-31',
  to: '2032-12-31',
  variables: ['ew_u3', 'ew_65plus'],
};

describe.each(engines)('stored projections on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let run: StoredProjection;
  let planned: RunValues;
  /** The smallest projected population of each area (planners' values). */
  const smallest = new Map<string, number>();
  const call = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    ctx.app.inject({ method, url, payload: payload as never, headers: { cookie: ctx.planner } });

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('lets only planners compute and store a run', async () => {
    await expectGuarded(ctx.app, { method: 'POST', url: '/api/projection/runs', payload: BODY }, ctx.viewer);
    const res = await send('POST', '/api/projection/runs', BODY);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    run = res.json<StoredProjection>();
    expect(run).toMatchObject({
      name: BODY.name,
      level: 'sozialraum',
      base: '2024-12-31',
      to: '2032-12-31',
      method: 'hamilton-perry',
      variant: 'main',
      control: null,
      variables: ['ew', 'ew_65plus', 'ew_u3'],
      minPopulation: 1000,
      published: false,
      createdBy: expect.any(String) as string,
    });
    expect(run.dates).toEqual(Array.from({ length: 8 }, (_, i) => `${2025 + i}-12-31`));
  }, 120_000);

  it('stores exactly what the projection computes', async () => {
    const res = await call(`/api/projection/runs/${run.id}/values`, ctx.planner);
    expect(res.statusCode).toBe(200);
    planned = res.json<RunValues>();
    const rows = await projectPopulation(ctx.db, { ...BODY, variables: ['ew', 'ew_65plus', 'ew_u3'] });
    expect(
      planned.values.map(({ area, date, variable, value }) => ({ area, date, variable, value })),
    ).toEqual(rows);
    expect(new Set(planned.values.map((v) => v.status))).toEqual(new Set(['estimated']));
    for (const v of planned.values)
      if (v.variable === 'ew') smallest.set(v.area, Math.min(smallest.get(v.area) ?? Infinity, v.value!));
  }, 120_000);

  it('keeps an unpublished run from visitors', async () => {
    for (const cookie of [undefined, ctx.viewer]) {
      expect((await call('/api/projection/runs', cookie)).json()).toEqual([]);
      expect((await call(`/api/projection/runs/${run.id}`, cookie)).statusCode).toBe(404);
      const values = await call(`/api/projection/runs/${run.id}/values`, cookie);
      expect(values.statusCode).toBe(404);
      expect(values.json()).toMatchObject({ code: 'projection.not_found' });
      expect((await call('/api/config', cookie)).json<AppConfig>().projection).toBeNull();
    }
    const atlas = await call('/api/indicators/einwohner/values?level=sozialraum&date=2032-12-31');
    expect(atlas.json<IndicatorValues>().projection).toBeUndefined();
  });

  it('publishes a run with small areas only within their parent, unrecoverable from all public routes', async () => {
    await expectGuarded(
      ctx.app,
      { method: 'PATCH', url: `/api/projection/runs/${run.id}`, payload: { published: true } },
      ctx.viewer,
    );
    // a threshold above the three smallest areas, so that the rule bites in the demo city
    const sizes = [...smallest.values()].sort((a, b) => a - b);
    const second = await send('POST', '/api/projection/runs', {
      ...BODY,
      minPopulation: sizes[2]! + 1,
      published: true,
    });
    expect(second.statusCode, second.body.slice(0, 300)).toBe(200);
    const published = second.json<StoredProjection>();
    const config = (await call('/api/config')).json<AppConfig>();
    expect(config.projection).toMatchObject({ id: published.id, dates: run.dates });

    const areas = (await call('/api/areas?level=sozialraum')).json<{ id: string; parent: string }[]>();
    const parentOf = new Map(areas.map((a) => [a.id, a.parent]));
    const small = new Set([...smallest].filter(([, n]) => n <= sizes[2]!).map(([a]) => a));
    expect(small.size).toBeGreaterThanOrEqual(3);

    const pub = (await call(`/api/projection/runs/${published.id}/values`)).json<RunValues>();
    const districts = (
      await call(`/api/projection/runs/${published.id}/values?level=stadtbezirk`)
    ).json<RunValues>();
    const city = (await call(`/api/projection/runs/${published.id}/values?level=stadt`)).json<RunValues>();
    const exact = new Map(planned.values.map((v) => [`${v.area}|${v.date}|${v.variable}`, v.value!]));
    for (const v of pub.values) {
      const key = `${v.area}|${v.date}|${v.variable}`;
      if (small.has(v.area)) expect(v, key).toMatchObject({ value: null, status: 'secret' });
      if (v.value !== null) {
        expect(v.value % 10, key).toBe(0);
        expect(Math.abs(v.value - exact.get(key)!), key).toBeLessThanOrEqual(5);
      }
    }
    // the outsider's arithmetic: a district minus its shown areas leaves never one hidden area alone
    for (const d of districts.values) {
      const kids = pub.values.filter(
        (v) => parentOf.get(v.area) === d.area && v.date === d.date && v.variable === d.variable,
      );
      const hidden = kids.filter((v) => v.status === 'secret');
      expect(hidden.length, `${d.area} ${d.date} ${d.variable}`).not.toBe(1);
      const shown = kids.reduce((sum, v) => sum + (v.value ?? 0), 0);
      if (!hidden.length) expect(d.value, `${d.area} ${d.date} ${d.variable}`).toBe(shown);
      // with two or more hidden, the district gives their sum: no more than the aggregate
      else expect(d.value! - shown).toBeGreaterThan(0);
    }
    const cityEw = city.values.find((v) => v.date === '2032-12-31' && v.variable === 'ew')!;
    expect(cityEw.value).toBe(
      districts.values
        .filter((v) => v.date === '2032-12-31' && v.variable === 'ew')
        .reduce((s, v) => s + v.value!, 0),
    );

    // the atlas: the same cells through the indicator, and nothing more precise
    const atlas = (
      await call('/api/indicators/einwohner/values?level=sozialraum&date=2032-12-31')
    ).json<IndicatorValues>();
    expect(atlas.projection).toMatchObject({
      id: published.id,
      base: '2024-12-31',
      method: 'hamilton-perry',
    });
    for (const v of atlas.values) {
      const cell = pub.values.find((p) => p.area === v.id && p.date === '2032-12-31' && p.variable === 'ew')!;
      expect(v.value, v.id).toBe(cell.value);
    }
    // and the series of a hidden area: observed values, then the projected Stichtage hidden
    const hiddenArea = [...small][0]!;
    const series = (
      await call(`/api/indicators/einwohner/series?level=sozialraum&id=${hiddenArea}`)
    ).json<Series>();
    const ahead = series.points.filter((p) => p.projected);
    expect(ahead.map((p) => p.date)).toEqual(run.dates);
    for (const p of ahead) expect(p).toMatchObject({ value: null, status: 'secret' });
    expect(series.points.filter((p) => !p.projected).map((p) => p.date)).toEqual(config.dates);

    // the atlas's area panel on a projected Stichtag: only what the projection gives, as published
    const shownArea = atlas.values.find((v) => v.value !== null)!;
    const panel = (
      await call(`/api/areas/sozialraum/${shownArea.id}/profile?date=2032-12-31`)
    ).json<AreaProfile>();
    expect(panel.indicators.map((i) => i.key).sort()).toEqual(['anteil_65plus', 'einwohner', 'kinder_u3']);
    expect(panel.indicators.find((i) => i.key === 'einwohner')).toMatchObject({
      value: shownArea.value,
      cityValue: atlas.city.value,
    });
  }, 300_000);

  it('gives planners unrounded projected values on the atlas, and deletes runs', async () => {
    const atlas = (
      await call('/api/indicators/kinder_u3/values?level=sozialraum&date=2027-12-31', ctx.planner)
    ).json<IndicatorValues>();
    expect(atlas.projection).toBeDefined();
    const first = atlas.values[0]!;
    const list = (await call('/api/projection/runs', ctx.planner)).json<StoredProjection[]>();
    const latest = list[0]!;
    const stored = (await call(`/api/projection/runs/${latest.id}/values`, ctx.planner)).json<RunValues>();
    expect(first.value).toBe(
      stored.values.find((v) => v.area === first.id && v.date === '2027-12-31' && v.variable === 'ew_u3')!
        .value,
    );
    await expectGuarded(ctx.app, { method: 'DELETE', url: `/api/projection/runs/${latest.id}` }, ctx.viewer);
    for (const r of list) expect((await send('DELETE', `/api/projection/runs/${r.id}`)).statusCode).toBe(204);
    expect((await send('DELETE', `/api/projection/runs/${latest.id}`)).statusCode).toBe(404);
    expect((await call('/api/config')).json<AppConfig>().projection).toBeNull();
  }, 120_000);
});
