/**
 * Einrichtung through the API on the real app and real databases: only while no user exists,
 * only from the local machine or with the one-time token, German validation messages, the city
 * level with its outline from the top level, and the city settings in config and source lines.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readAreaFiles } from '../areas/readers/index.ts';
import { importAreas } from '../areas/area.service.ts';
import type { Db } from '../db/db.ts';
import { seedDefaults } from './seed.ts';
import { buildApp } from '../server/app.ts';
import { engines } from '../test/databases.ts';

const TOKEN = 'einrichtungs-token-für-den-test';
const body = {
  admin: 'amt51',
  password: 'sehr-geheim-123',
  passwordRepeat: 'sehr-geheim-123',
  city: 'Beispielstadt',
  key: '05999000',
  levels: [
    { key: 'stadtbezirk', name: 'Stadtbezirk' },
    { key: 'stadtteil', name: 'Stadtteil' },
  ],
};
const REMOTE = '203.0.113.7';

const square = (id: string, x: number) => ({
  type: 'Feature',
  properties: { id, name: `Bezirk ${id}` },
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [x, 51],
        [x + 0.01, 51],
        [x + 0.01, 51.01],
        [x, 51.01],
        [x, 51],
      ],
    ],
  },
});

describe.each(engines)('Einrichtung on $name', (engine) => {
  let app: FastifyInstance;
  let db: Db;
  let drop: () => Promise<void>;
  let admin = '';

  const setup = (payload: object, opts: { remoteAddress?: string; headers?: Record<string, string> } = {}) =>
    app.inject({
      method: 'POST',
      url: '/api/setup',
      payload,
      remoteAddress: opts.remoteAddress,
      headers: opts.headers,
    });
  const config = async (cookie?: string) =>
    (await app.inject({ url: '/api/config', headers: cookie ? { cookie } : {} })).json<{
      setupNeeded: boolean;
      territory: { key: string; name: string } | null;
      levels: { key: string; rank: number; parent: string | null }[];
      sources: { publisher: string; licence: string };
    }>();

  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await seedDefaults(db);
    app = await buildApp({ db, webDir: '/nonexistent', setupToken: TOKEN });
  });
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  it('an empty installation needs the setup', async () => {
    expect((await config()).setupNeeded).toBe(true);
    expect((await app.inject({ url: '/api/setup' })).json()).toEqual({ needed: true });
  });

  it('refuses other machines without the token, and proxied requests from loopback', async () => {
    const remote = await setup(body, { remoteAddress: REMOTE });
    expect(remote.statusCode).toBe(403);
    expect(remote.json()).toMatchObject({ code: 'setup.forbidden' });
    const proxied = await setup(body, { headers: { 'x-forwarded-for': REMOTE } });
    expect(proxied.statusCode).toBe(403);
    const wrong = await setup({ ...body, token: 'geraten' }, { remoteAddress: REMOTE });
    expect(wrong.statusCode).toBe(403);
    expect((await config()).setupNeeded).toBe(true);
  });

  it('explains invalid input in German', async () => {
    const res = await setup({ ...body, key: '5315', passwordRepeat: 'anders-geheim-123', levels: [] });
    expect(res.statusCode).toBe(400);
    const message = res.json<{ message: string }>().message;
    expect(message).toContain('Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern');
    expect(message).toContain('Die beiden Passwörter stimmen nicht überein.');
    expect(message).toContain('mindestens eine Gebietsebene');
    const reserved = await setup({ ...body, levels: [{ key: 'stadt', name: 'Stadt' }] });
    expect(reserved.json<{ message: string }>().message).toContain('für die Gesamtstadt vergeben');
  });

  it('with the token from another machine: creates admin, city level and levels, and logs in', async () => {
    const res = await setup({ ...body, token: TOKEN }, { remoteAddress: REMOTE });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ user: { username: 'amt51', role: 'admin' } });
    const cookie = res.cookies.find((c) => c.name === 'lagebild_session');
    expect(cookie?.value).toBeTruthy();
    admin = `lagebild_session=${cookie!.value}`;
    const me = await app.inject({ url: '/api/auth/me', headers: { cookie: admin } });
    expect(me.json()).toMatchObject({ user: { username: 'amt51' } });
    const c = await config(admin);
    expect(c.setupNeeded).toBe(false);
    expect(c.territory).toEqual({ key: '05999000', name: 'Beispielstadt' });
    expect(c.levels.map((l) => [l.key, l.rank, l.parent])).toEqual([
      ['stadt', 0, null],
      ['stadtbezirk', 1, 'stadt'],
      ['stadtteil', 2, 'stadtbezirk'],
    ]);
    const city = await app.inject({ url: '/api/areas?level=stadt' });
    expect(city.json()).toMatchObject([{ id: '05999000', name: 'Beispielstadt' }]);
    // the catalogue's demo suffix gives way to the city
    const sources = await db.query<{ source: string }>('SELECT DISTINCT source FROM indicator');
    expect(sources.map((s) => s.source).join('|')).not.toContain('Demo-Stadt');
    expect(sources.map((s) => s.source)).toContain('Einwohnermelderegister (Beispielstadt)');
  });

  it('refuses a second run, from loopback too', async () => {
    const res = await setup({ ...body, admin: 'zweiter' });
    expect(res.statusCode).toBe(409);
    const refused = res.json<{ code: string; message: string }>();
    expect(refused.code).toBe('setup.done');
    expect(refused.message).toContain('schon eingerichtet');
  });

  it('the city outline is the union of the top level, and its areas hang below the city', async () => {
    const file = await readAreaFiles(
      [
        {
          name: 'bezirke.geojson',
          data: new TextEncoder().encode(
            JSON.stringify({ type: 'FeatureCollection', features: [square('1', 7), square('2', 7.01)] }),
          ),
        },
      ],
      { idField: 'id', nameField: 'name' },
    );
    await importAreas(db, file, { level: 'stadtbezirk' });
    const [city] = await db.query<{
      geometry: { coordinates: number[][][][] };
      area_m2: number;
      bbox: number[];
    }>(
      "SELECT a.geometry, a.area_m2, a.bbox FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'stadt' AND a.valid_to IS NULL",
    );
    expect(city!.geometry.coordinates).toHaveLength(1);
    expect(city!.bbox).toEqual([7, 51, 7.02, 51.01]);
    const [sum] = await db.query<{ m2: number }>(
      "SELECT sum(a.area_m2) AS m2 FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'stadtbezirk' AND a.valid_to IS NULL",
    );
    expect(city!.area_m2).toBeCloseTo(sum!.m2, -2);
    const bezirke = await app.inject({ url: '/api/areas?level=stadtbezirk' });
    expect(bezirke.json<{ parent: string }[]>().map((a) => a.parent)).toEqual(['05999000', '05999000']);
  });

  it('city settings: admins only, German validation, publisher in the source lines and config', async () => {
    const put = (payload: object, cookie?: string) =>
      app.inject({ method: 'PUT', url: '/api/city', payload, headers: cookie ? { cookie } : {} });
    expect((await put({ publisher: 'x' })).statusCode).toBe(401);
    const bad = await put({ key: '123' }, admin);
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ message: string }>().message).toContain('8 Ziffern');
    const res = await put(
      {
        name: 'Beispielstadt an der Ruhr',
        publisher: 'Stadt Beispielstadt, Amt für Statistik',
        licence: 'dl-de/by-2-0',
      },
      admin,
    );
    expect(res.statusCode).toBe(200);
    expect(res.json<{ city: object }>().city).toMatchObject({
      name: 'Beispielstadt an der Ruhr',
      key: '05999000',
      licence: 'dl-de/by-2-0',
    });
    const c = await config(admin);
    expect(c.territory?.name).toBe('Beispielstadt an der Ruhr');
    expect(c.sources).toEqual({
      publisher: 'Stadt Beispielstadt, Amt für Statistik',
      licence: 'dl-de/by-2-0',
    });
    const sources = await db.query<{ source: string }>('SELECT DISTINCT source FROM indicator');
    expect(sources.map((s) => s.source)).toContain(
      'Einwohnermelderegister (Stadt Beispielstadt, Amt für Statistik)',
    );
    const city = await app.inject({ url: '/api/areas?level=stadt' });
    expect(city.json<{ name: string }[]>()[0]?.name).toBe('Beispielstadt an der Ruhr');
  });
});
