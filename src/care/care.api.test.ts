/**
 * The Pflegebedarfsplan over HTTP on the demo city, on every engine: only planners and
 * administrators get it, exactly what the service computes, with the trend in percent a year
 * turned into the rates' factor; invalid queries get a German message, an unknown level 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
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
  describe('care assumptions as data', () => {
    const own = {
      key: 'kreis_2023',
      name: 'Pflegequoten des Kreises 2023',
      source: 'Landesamt, Pflegestatistik 2023, Kreisergebnisse',
      rateYear: 2023,
      bands: [
        { from: 0, to: 65, rate: 0.015 },
        { from: 65, to: 80, rate: 0.1 },
        { from: 80, to: null, rate: 0.45 },
      ],
      shares: { angehoerige: 0.5, ambulant: 0.2, tagespflege: 0.02, stationaer: 0.28 },
      occupancy: { stationaer: 0.95, tagespflege: 0.9 },
    };
    const post = (payload: unknown, cookie = ctx.planner) =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/care/assumptions',
        payload: payload as never,
        headers: { cookie },
      });

    it('lists the defaults with their source for everyone', async () => {
      const res = await call('/api/care/assumptions');
      expect(res.statusCode).toBe(200);
      const [first] = res.json<{ key: string; source: string; recordedBy: string | null }[]>();
      expect(first).toMatchObject({ key: 'pflegestatistik_2019', recordedBy: null });
      expect(first!.source).toContain('Pflegestatistik 2019');
    });

    it('stores a planner’s version after checking it, and the care plan uses it by key', async () => {
      await expectGuarded(
        ctx.app,
        { method: 'POST', url: '/api/care/assumptions', payload: own },
        ctx.viewer,
      );
      const bad = await post({ ...own, shares: { ...own.shares, stationaer: 0.1 } });
      expect(bad.statusCode).toBe(400);
      expect(bad.json()).toMatchObject({ code: 'care.invalid_assumptions' });
      expect(bad.json<{ message: string }>().message).toContain('ergeben 82,0 % statt 100 %');
      const ok = await post(own);
      expect(ok.statusCode, ok.body.slice(0, 300)).toBe(200);
      expect(ok.json()).toMatchObject({ key: 'kreis_2023', recordedBy: 'planer' });
      const again = await post({ ...own, shares: { ...own.shares, ambulant: 0.19, stationaer: 0.29 } });
      expect(again.statusCode).toBe(200);
      expect(again.json<{ id: number }>().id).toBeGreaterThan(ok.json<{ id: number }>().id);

      const res = await call(`${URL}&assumptions=kreis_2023`, ctx.planner);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const body = res.json<CarePlan>();
      expect(body.assumptions).toMatchObject({ key: 'kreis_2023', source: own.source });
      const city = body.city[0]!;
      // the newest version is in force: 29 % in homes at 95 % occupancy
      expect(Math.abs(city.places.stationaer.required - (city.need * 0.29) / 0.95)).toBeLessThanOrEqual(
        city.need / 100,
      );
      const unknown = await call(`${URL}&assumptions=gibtsnicht`, ctx.planner);
      expect(unknown.statusCode).toBe(404);
      expect(unknown.json()).toMatchObject({ code: 'care.unknown_assumptions' });
    }, 180_000);
  });
});
