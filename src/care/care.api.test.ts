/**
 * The Pflegebedarfsplan over HTTP on the demo city, on every engine: only planners and
 * administrators get it, exactly what the service computes, with the trend in percent a year
 * turned into the rates' factor; invalid queries get a German message, an unknown level 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import { carePlan } from './care-plan.service.ts';
import { PFLEGESTATISTIK_2019 } from './care.defaults.ts';
import type { CarePlan } from './care.schema.ts';

const Q = { level: 'sozialraum', base: '2024-12-31', to: '2027-12-31' };
const URL = `/api/care/plan?level=${Q.level}&base=${Q.base}&to=${Q.to}`;

describe.each(engines)('the care plan API on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  const call = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('refuses anonymous visitors and viewers, even with an invalid query', async () => {
    for (const url of [URL, '/api/care/plan']) {
      const anon = await call(url);
      expect(anon.statusCode, url).toBe(401);
      expect(anon.json()).toMatchObject({ code: 'auth.unauthenticated', message: 'Anmeldung erforderlich.' });
      const viewer = await call(url, ctx.viewer);
      expect(viewer.statusCode, url).toBe(403);
      expect(viewer.json()).toMatchObject({ code: 'auth.forbidden' });
    }
  });

  it('gives planners what the service computes, constant rates by default', async () => {
    const res = await call(URL, ctx.planner);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json<CarePlan>();
    const expected = await carePlan(ctx.db, Q);
    expect(body).toEqual(expected);
    expect(body.assumptions.trend).toBe(1);
    expect(body.city.map((r) => r.date)).toEqual(['2025-12-31', '2026-12-31', '2027-12-31']);
  }, 180_000);

  it('turns the trend in percent a year into the rates’ factor', async () => {
    const res = await call(`${URL}&trend=1.5`, ctx.planner);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json<CarePlan>();
    expect(body.assumptions.trend).toBeCloseTo(1.015, 12);
    const expected = await carePlan(ctx.db, {
      ...Q,
      assumptions: { ...PFLEGESTATISTIK_2019, trend: 1.015 },
    });
    expect(body).toEqual(expected);
    const flat = await carePlan(ctx.db, Q);
    expect(body.city.at(-1)!.need).toBeGreaterThan(flat.city.at(-1)!.need);
  }, 180_000);

  it('answers an invalid query with 400 and a German message', async () => {
    for (const query of [
      `level=sozialraum&base=${Q.base}`,
      `level=sozialraum&base=${Q.base}&to=${Q.to}&trend=viel`,
      `level=sozialraum&base=${Q.base}&to=${Q.to}&trend=-100`,
    ]) {
      const res = await call(`/api/care/plan?${query}`, ctx.planner);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.invalid' });
      expect(res.json<{ message: string }>().message, query).toMatch(/^Ungültige Anfrage: /);
    }
  });

  it('answers an unknown level with 404', async () => {
    const res = await call(`/api/care/plan?level=gibtsnicht&base=${Q.base}&to=${Q.to}`, ctx.planner);
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'areas.unknown_level' });
  });
});
