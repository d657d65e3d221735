/**
 * Route tests on the real app and real databases (PGlite, and PostgreSQL when configured):
 * authentication, authorization (401/403 on every mutating route), public disclosure control,
 * and indicator values recomputed from counts.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { knownDemoPassword } from '../demo/demo-users.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { engines } from '../test/databases.ts';
import { buildApp } from './app.ts';

async function loginCookie(app: FastifyInstance, username: string, password: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  expect(res.statusCode).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'lagebild_session');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  return `lagebild_session=${cookie!.value}`;
}

function geojsonUpload(level: string) {
  const fc = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { id: 'A1', name: 'Testgebiet' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [7, 51],
              [7.01, 51],
              [7.01, 51.01],
              [7, 51.01],
              [7, 51],
            ],
          ],
        },
      },
    ],
  };
  const form = new FormData();
  form.append('level', level);
  form.append('file', new Blob([JSON.stringify(fc)], { type: 'application/geo+json' }), 'test.geojson');
  return form;
}

describe.each(engines)('API on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let drop: () => Promise<void>;
  let planner: string;
  let viewer: string;
  let admin: string;

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 1, knownPasswords: true });
    app = await buildApp({ db, webDir: '/nonexistent' });
    planner = await loginCookie(app, 'planer', knownDemoPassword('planer'));
    viewer = await loginCookie(app, 'gast', knownDemoPassword('gast'));
    admin = await loginCookie(app, 'admin', knownDemoPassword('admin'));
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('serves the config, OpenAPI and the current user', async () => {
    const config = (await app.inject('/api/config')).json<{
      levels: { key: string }[];
      dates: string[];
      user: unknown;
    }>();
    expect(config.levels.map((l) => l.key)).toEqual(['stadt', 'stadtbezirk', 'sozialraum']);
    expect(config.dates).toHaveLength(10);
    expect(config.user).toBeNull();
    const spec = (await app.inject('/api/docs/json')).json<{ paths: Record<string, unknown> }>();
    expect(Object.keys(spec.paths)).toContain('/api/indicators/{key}/values');
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: planner } });
    expect(me.json()).toMatchObject({ user: { username: 'planer', role: 'planner' } });
    expect((await app.inject('/api/auth/me')).statusCode).toBe(401);
  });

  it('lists the count series (variables) with German names', async () => {
    const vars = (await app.inject('/api/variables')).json<{ key: string; name: string }[]>();
    expect(vars.find((v) => v.key === 'sgb2')?.name).toMatch(/SGB/);
  });

  it('rejects wrong passwords with 401 and a German message', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'planer', password: 'falsch' },
    });
    expect(res.statusCode).toBe(401);
    const body = res.json<{ code: string; message: string }>();
    expect(body.code).toBe('auth.invalid_credentials');
    expect(body.message).toContain('falsch');
  });

  it('rejects malformed bodies with 400', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: '' } });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid' });
    const bad = await app.inject({
      method: 'PATCH',
      url: '/api/indicators/sgb2_quote',
      payload: { published: 'ja' },
      headers: { cookie: planner },
    });
    expect(bad.statusCode).toBe(400);
  });

  describe('every mutating route checks authorization', () => {
    const newUser = {
      username: 'neu',
      displayName: 'Neue Kollegin',
      password: 'ein-langes-passwort',
      role: 'viewer',
    };
    const routes = [
      {
        name: 'POST /api/users',
        req: (cookie?: string) => ({
          method: 'POST' as const,
          url: '/api/users',
          payload: newUser,
          headers: cookie ? { cookie } : {},
        }),
        forbiddenFor: () => planner,
      },
      {
        name: 'PATCH /api/indicators/:key',
        req: (cookie?: string) => ({
          method: 'PATCH' as const,
          url: '/api/indicators/einwohner',
          payload: { published: true },
          headers: cookie ? { cookie } : {},
        }),
        forbiddenFor: () => viewer,
      },
      {
        name: 'POST /api/areas/import',
        req: (cookie?: string) => ({
          method: 'POST' as const,
          url: '/api/areas/import',
          payload: geojsonUpload('testebene'),
          headers: cookie ? { cookie } : {},
        }),
        forbiddenFor: () => viewer,
      },
    ];
    it.each(routes)('$name: 401 anonymous, 403 without the role', async (route) => {
      const anon = await app.inject(route.req());
      expect(anon.statusCode).toBe(401);
      expect(anon.json()).toMatchObject({ code: 'auth.unauthenticated' });
      const denied = await app.inject(route.req(route.forbiddenFor()));
      expect(denied.statusCode).toBe(403);
      expect(denied.json()).toMatchObject({ code: 'auth.forbidden' });
    });
    it('lets an admin create a user who can then log in', async () => {
      const res = await app.inject(routes[0]!.req(admin));
      expect(res.statusCode).toBe(201);
      await loginCookie(app, 'neu', 'ein-langes-passwort');
      const again = await app.inject(routes[0]!.req(admin));
      expect(again.statusCode).toBe(409);
    });
    it('lets a planner import areas from an upload', async () => {
      const res = await app.inject(routes[2]!.req(planner));
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ level: 'testebene', imported: 1 });
      const hit = await app.inject('/api/areas/locate?level=testebene&lon=7.005&lat=51.005');
      expect(hit.json()).toEqual({ id: 'A1', name: 'Testgebiet' });
      const miss = await app.inject('/api/areas/locate?level=testebene&lon=8&lat=51');
      expect(miss.statusCode).toBe(404);
      expect(miss.json()).toMatchObject({ code: 'areas.point_outside' });
    });
  });

  it('recomputes district values from counts, not from mean rates', async () => {
    const date = '2024-12-31';
    const fine = (
      await app.inject({
        url: `/api/indicators/sgb2_quote/values?level=sozialraum&date=${date}`,
        headers: { cookie: planner },
      })
    ).json<{ values: { id: string; numerator: number; denominator: number; value: number }[] }>();
    const districts = (
      await app.inject({
        url: `/api/indicators/sgb2_quote/values?level=stadtbezirk&date=${date}`,
        headers: { cookie: planner },
      })
    ).json<{ values: { id: string; value: number }[]; city: { value: number } }>();
    const areas = (await app.inject('/api/areas?level=sozialraum')).json<{ id: string; parent: string }[]>();
    const parentOf = new Map(areas.map((a) => [a.id, a.parent]));
    for (const d of districts.values) {
      const kids = fine.values.filter((v) => parentOf.get(v.id) === d.id);
      const expected =
        (kids.reduce((s, k) => s + k.numerator, 0) / kids.reduce((s, k) => s + k.denominator, 0)) * 100;
      expect(d.value).toBeCloseTo(expected, 10);
    }
    const all = fine.values;
    expect(districts.city.value).toBeCloseTo(
      (all.reduce((s, k) => s + k.numerator, 0) / all.reduce((s, k) => s + k.denominator, 0)) * 100,
      10,
    );
  });

  it('gives anonymous visitors only protected values: no counts, no small areas', async () => {
    const date = '2024-12-31';
    const pub = (await app.inject(`/api/indicators/sgb2_quote/values?level=sozialraum&date=${date}`)).json<{
      values: { id: string; value: number | null; status: string; numerator: unknown }[];
    }>();
    const full = (
      await app.inject({
        url: `/api/indicators/einwohner/values?level=sozialraum&date=${date}`,
        headers: { cookie: planner },
      })
    ).json<{ values: { id: string; value: number }[] }>();
    const small = full.values.filter((v) => v.value < 300).map((v) => v.id);
    expect(small.length).toBeGreaterThan(0);
    for (const v of pub.values) {
      expect(v.numerator).toBeNull();
      if (small.includes(v.id)) expect(v).toMatchObject({ value: null, status: 'secret' });
    }
    // Unpublished indicators disappear for the public.
    await app.inject({
      method: 'PATCH',
      url: '/api/indicators/kinderarmut',
      payload: { published: false },
      headers: { cookie: planner },
    });
    const list = (await app.inject('/api/indicators')).json<{ key: string }[]>();
    expect(list.map((i) => i.key)).not.toContain('kinderarmut');
    expect(
      (await app.inject(`/api/indicators/kinderarmut/values?level=sozialraum&date=${date}`)).statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          url: `/api/indicators/kinderarmut/values?level=sozialraum&date=${date}`,
          headers: { cookie: planner },
        })
      ).statusCode,
    ).toBe(200);
  });

  it('serves a time series and an area profile with the city value', async () => {
    const s = (await app.inject('/api/indicators/anteil_65plus/series?level=sozialraum&id=101')).json<{
      points: { date: string; value: number; cityValue: number }[];
    }>();
    expect(s.points).toHaveLength(10);
    expect(s.points.filter((p) => !(p.value > 0 && p.cityValue > 0))).toEqual([]);
    const p = (await app.inject('/api/areas/sozialraum/101/profile?date=2024-12-31')).json<{
      area: { parentName: string };
      indicators: unknown[];
    }>();
    expect(p.area.parentName).toBeTruthy();
    expect(p.indicators.length).toBeGreaterThan(10);
  });

  it('rejects impossible dates with 400, not 500', async () => {
    const res = await app.inject('/api/indicators/sgb2_quote/values?level=sozialraum&date=2024-13-99');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'request.invalid' });
  });

  it('rate-limits the login per address', async () => {
    let last = 0;
    for (let i = 0; i < 12; i++) {
      last = (
        await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          // counted before the body is checked: an empty password costs no password hashing
          payload: { username: 'x', password: '' },
          remoteAddress: '10.9.9.9',
        })
      ).statusCode;
    }
    expect(last).toBe(429);
  });
});
