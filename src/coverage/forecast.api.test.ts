/**
 * The need of an age-based norm in the years ahead over HTTP on the demo city, on every engine:
 * only planners and administrators get it (not even a viewer learns which query is valid), with
 * exactly the service's rows; a scenario's quarter changes its own area only; an unknown norm is
 * 404, a norm not measured in age groups 400 with its code, an invalid query 400 in German.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { CoverageForecast } from './coverage.schema.ts';
import { projectedNeed } from './projected-need.ts';

const Q = { norm: 'kita_u3', level: 'sozialraum', base: '2022-12-31', to: '2030-12-31' };
const URL = `/api/coverage/forecast?${new URLSearchParams(Q).toString()}`;
const PLANNER: User = { id: 0, username: 'plan', displayName: 'Planung', role: 'planner' };

describe.each(engines)('the coverage forecast API on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  const call = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const send = (url: string, payload: unknown) =>
    ctx.app.inject({ method: 'POST', url, payload: payload as never, headers: { cookie: ctx.planner } });

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('refuses anonymous visitors and viewers, even with an invalid query', async () => {
    for (const url of [URL, '/api/coverage/forecast', '/api/coverage/forecast?base=31.12.2022']) {
      const anon = await call(url);
      expect(anon.statusCode, url).toBe(401);
      expect(anon.json()).toMatchObject({ code: 'auth.unauthenticated', message: 'Anmeldung erforderlich.' });
      const viewer = await call(url, ctx.viewer);
      expect(viewer.statusCode, url).toBe(403);
      expect(viewer.json()).toMatchObject({ code: 'auth.forbidden' });
    }
  });

  it('gives planners exactly the service’s need per area and year, and the city to the target', async () => {
    const res = await call(URL, ctx.planner);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json<CoverageForecast>();
    expect(body).toEqual(await projectedNeed(ctx.db, PLANNER, Q));
    expect(body).toMatchObject({ level: 'sozialraum', base: '2022-12-31', to: '2030-12-31', scenario: null });
    expect(body.norm.key).toBe('kita_u3');
    expect(body.city.map((r) => r.date)).toEqual(Array.from({ length: 8 }, (_, i) => `${2023 + i}-12-31`));
    expect(body.areas.length).toBeGreaterThan(8 * 10);
    expect(body.areas.every((r) => r.scenario === null)).toBe(true);
    const admin = await call(URL, ctx.admin);
    expect(admin.statusCode).toBe(200);
  }, 300_000);

  it('sets a scenario beside the Bestand: its quarter changes the demand of its own area only', async () => {
    const first = (await call(URL, ctx.planner)).json<CoverageForecast>().areas[0]!.area;
    const created = await send('/api/scenarios', {
      name: 'Quartier am Hafen',
      changes: [
        {
          kind: 'quarter',
          level: 'sozialraum',
          area: first,
          population: { ew_u3: 100 },
          validFrom: '2026-01-01',
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const q = { ...Q, scenario: 'Quartier am Hafen' };
    const res = await call(`/api/coverage/forecast?${new URLSearchParams(q).toString()}`, ctx.planner);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json<CoverageForecast>();
    expect(body).toEqual(await projectedNeed(ctx.db, PLANNER, q));
    expect(body.scenario).toBe('Quartier am Hafen');
    for (const r of body.areas) {
      const { area, name, date, scenario, ...bestand } = r;
      expect(scenario, `${area} ${name} ${date}`).not.toBeNull();
      if (area !== first || date < '2026') expect(scenario, `${area} ${date}`).toEqual(bestand);
      else {
        // 51 % of 100 more children under 3, rounded on both sides
        expect(Math.abs(scenario!.demand - bestand.demand - 51), date).toBeLessThanOrEqual(1);
        expect(scenario!.supply).toBe(bestand.supply);
      }
    }
    const last = body.city.at(-1)!;
    expect(Math.abs(last.scenario!.demand - last.demand - 51)).toBeLessThanOrEqual(1);

    const unknown = await call(`${URL}&scenario=gibtsnicht`, ctx.planner);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'coverage.unknown_scenario' });
  }, 300_000);

  it('answers an unknown norm with 404 and a norm not measured in age groups with 400', async () => {
    const unknown = await call(URL.replace('kita_u3', 'gibtsnicht'), ctx.planner);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'coverage.unknown_norm' });
    const norm = await send('/api/norms', {
      key: 'beratung_sgb2',
      facilityType: 'beratungsstelle',
      name: 'Beratung nach SGB II',
      demand: ['sgb2'],
      factor: 0.01,
      published: false,
    });
    expect(norm.statusCode, norm.body).toBe(201);
    const res = await call(URL.replace('kita_u3', 'beratung_sgb2'), ctx.planner);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'coverage.norm_not_age_based' });
    expect(res.json<{ message: string }>().message).toContain('nicht nach Altersgruppen');
  });

  it('answers an invalid query with 400 and a German message', async () => {
    for (const query of [
      'norm=kita_u3&level=sozialraum&base=2022-12-31',
      'norm=kita_u3&level=sozialraum&base=31.12.2022&to=2030-12-31',
      'level=sozialraum&base=2022-12-31&to=2030-12-31',
      `norm=kita_u3&level=sozialraum&base=2022-12-31&to=2030-12-31&scenario=${'x'.repeat(101)}`,
    ]) {
      const res = await call(`/api/coverage/forecast?${query}`, ctx.planner);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.invalid' });
      expect(res.json<{ message: string }>().message, query).toMatch(/^Ungültige Anfrage: /);
    }
    const horizon = await call(URL.replace('to=2030-12-31', 'to=2022-06-30'), ctx.planner);
    expect(horizon.statusCode).toBe(400);
    expect(horizon.json()).toMatchObject({ code: 'projection.bad_horizon' });
    expect(horizon.json<{ message: string }>().message).toContain('ganze Jahre nach dem Basisstichtag');
  });
});
