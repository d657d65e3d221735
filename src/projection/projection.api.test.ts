/**
 * The population projection over HTTP on the demo city, on every engine: only planners and
 * administrators get it, with exactly the service's rows and the method it used; invalid queries
 * get a German message, an unknown level 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { PopulationProjection } from './projection.schema.ts';
import { projectPopulation } from './projection.service.ts';

const URL = '/api/projection/population?level=sozialraum&base=2022-12-31&to=2024-12-31';

describe.each(engines)('the population projection API on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  const call = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('refuses anonymous visitors and viewers, even with an invalid query', async () => {
    for (const url of [URL, '/api/projection/population']) {
      const anon = await call(url);
      expect(anon.statusCode, url).toBe(401);
      expect(anon.json()).toMatchObject({ code: 'auth.unauthenticated', message: 'Anmeldung erforderlich.' });
      const viewer = await call(url, ctx.viewer);
      expect(viewer.statusCode, url).toBe(403);
      expect(viewer.json()).toMatchObject({ code: 'auth.forbidden' });
    }
  });

  it('gives planners the service’s rows and the method used', async () => {
    const res = await call(`${URL}&variables=ew,ew_u6,ew_65plus`, ctx.planner);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json<PopulationProjection>();
    expect(body).toMatchObject({
      level: 'sozialraum',
      base: '2022-12-31',
      to: '2024-12-31',
      method: 'hamilton-perry',
    });
    const rows = await projectPopulation(ctx.db, {
      level: 'sozialraum',
      base: '2022-12-31',
      to: '2024-12-31',
      variables: ['ew', 'ew_u6', 'ew_65plus'],
    });
    expect(rows.length).toBeGreaterThan(100);
    expect(body.rows).toEqual(rows);
  }, 120_000);

  it('reports the method asked for', async () => {
    const res = await call(`${URL}&method=hamilton-perry&variables=ew`, ctx.admin);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json<PopulationProjection>().method).toBe('hamilton-perry');
  }, 120_000);

  it('controls the areas to the city totals given and reports them with the variant', async () => {
    const res = await call(`${URL}&variables=ew&control=2024-12-31:250000&variant=high`, ctx.planner);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json<PopulationProjection>();
    expect(body).toMatchObject({ variant: 'high', control: [{ date: '2024-12-31', total: 250000 }] });
    const last = body.rows.filter((r) => r.date === '2024-12-31');
    const total = last.reduce((s, r) => s + r.value, 0);
    expect(Math.abs(total - 250000 * 1.005 ** 2)).toBeLessThanOrEqual(last.length / 2);
    const plain = await call(`${URL}&variables=ew`, ctx.planner);
    expect(plain.json<PopulationProjection>()).toMatchObject({ variant: 'main', control: null });

    const short = await call(`${URL}&control=2023-12-31:250000`, ctx.planner);
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({ code: 'projection.bad_control' });
    expect(short.json<{ message: string }>().message).toContain('Die Eckwerte reichen nur bis 31.12.2023');
  }, 120_000);

  it('answers an invalid query with 400 and a German message', async () => {
    for (const query of [
      'level=sozialraum&base=2022-12-31',
      'level=sozialraum&base=31.12.2022&to=2024-12-31',
      'level=sozialraum&base=2022-12-31&to=2024-12-31&method=magic',
      'level=sozialraum&base=2022-12-31&to=2024-12-31&variables=ew;ew_u6',
      'level=sozialraum&base=2022-12-31&to=2024-12-31&control=2024-12-31',
      'level=sozialraum&base=2022-12-31&to=2024-12-31&variant=medium',
    ]) {
      const res = await call(`/api/projection/population?${query}`, ctx.planner);
      expect(res.statusCode, query).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.invalid' });
      expect(res.json<{ message: string }>().message, query).toMatch(/^Ungültige Anfrage: /);
    }
    const horizon = await call(
      '/api/projection/population?level=sozialraum&base=2022-12-31&to=2022-06-30',
      ctx.planner,
    );
    expect(horizon.statusCode).toBe(400);
    expect(horizon.json()).toMatchObject({ code: 'projection.bad_horizon' });
    expect(horizon.json<{ message: string }>().message).toContain('ganze Jahre nach dem Basisstichtag');
  });

  it('answers an unknown level with 404', async () => {
    const res = await call(
      '/api/projection/population?level=gibtsnicht&base=2022-12-31&to=2024-12-31',
      ctx.planner,
    );
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ code: 'areas.unknown_level' });
    expect(res.json<{ message: string }>().message).toContain('„gibtsnicht“');
  });
});
