/**
 * The prepared public reads on the real app and every engine: cached responses equal what the
 * routes compute, a write anywhere (also from another connection) invalidates them, planners and
 * the public never share a response, and browsers revalidate with ETags.
 */
import { gunzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/db.ts';
import { importTable } from '../imports/table-import.service.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import { buildApp } from './app.ts';
import { cacheableRoutes } from './public-cache.ts';

const DATE = '2024-12-31';
const VALUES = `/api/indicators/anteil_65plus/values?level=sozialraum&date=${DATE}`;

describe.each(engines)('public cache on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;

  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(async () => {
    await t?.close();
  });

  /** A second connection to the same database, as another server process would have. */
  async function otherConnection() {
    if (engine.name === 'pglite') return t.db; // an embedded database belongs to one process
    const [row] = await t.db.query<{ name: string }>('SELECT current_database() AS name');
    const url = new URL(process.env.LAGEBILD_TEST_PG_URL!);
    url.pathname = `/${row!.name}`;
    return openDb(url.toString());
  }

  const get = (url: string, headers: Record<string, string> = {}, app: FastifyInstance = t.app) =>
    app.inject({ method: 'GET', url, headers });

  it('lists only routes that exist', () => {
    for (const url of cacheableRoutes()) expect(t.app.hasRoute({ method: 'GET', url }), url).toBe(true);
  });

  it('serves the same bytes from the cache as the route computed, for the atlas routes', async () => {
    for (const url of [
      VALUES,
      '/api/areas/geojson?level=sozialraum',
      '/api/profiles/sozialraum/101',
      `/api/areas/sozialraum/101/profile?date=${DATE}`,
      '/api/indicators',
      '/api/areas/levels',
      '/api/config',
    ]) {
      const first = await get(url);
      expect(first.statusCode, url).toBe(200);
      const second = await get(url);
      expect([first.headers['x-cache'], second.headers['x-cache']], url).toEqual(['miss', 'hit']);
      expect(second.body, url).toBe(first.body);
      expect(second.headers['content-type'], url).toBe(first.headers['content-type']);
      expect(second.headers.etag, url).toBe(first.headers.etag);
      expect(second.headers['cache-control'], url).toBe('private, no-cache');
    }
  });

  it('equals the response of an app that has never seen the request', async () => {
    const cached = await get(VALUES);
    expect(cached.headers['x-cache']).toBe('hit');
    const fresh = await buildApp({ db: t.db, webDir: '/nonexistent' });
    try {
      const computed = await get(VALUES, {}, fresh);
      expect(computed.headers['x-cache']).toBe('miss');
      expect(cached.body).toBe(computed.body);
    } finally {
      await fresh.close();
    }
  });

  it('computes a key once for concurrent requests', async () => {
    const url = '/api/profiles/sozialraum/102';
    const all = await Promise.all(Array.from({ length: 8 }, () => get(url)));
    const states = all.map((r) => r.headers['x-cache']);
    expect(states.filter((s) => s === 'miss')).toHaveLength(1);
    expect(states.filter((s) => s === 'hit')).toHaveLength(7);
    expect(new Set(all.map((r) => r.body)).size).toBe(1);
  });

  it('answers If-None-Match with 304 and sends gzip to clients that take it', async () => {
    const full = await get(VALUES);
    const etag = full.headers.etag as string;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await get(VALUES, { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect((await get(VALUES, { 'if-none-match': 'W/"other"' })).statusCode).toBe(200);
    const zipped = await get(VALUES, { 'accept-encoding': 'gzip, deflate, br' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.headers.vary).toBe('Cookie, Accept-Encoding');
    expect(gunzipSync(zipped.rawPayload).toString()).toBe(full.body);
  });

  it('never shares responses between planners and the public, nor a viewer’s own config', async () => {
    const url = `/api/indicators/einwohner/values?level=sozialraum&date=${DATE}`;
    const planner = await get(url, { cookie: t.planner });
    expect(planner.headers['x-cache']).toBeUndefined();
    expect(planner.headers.etag).toBeUndefined();
    expect(planner.headers['cache-control']).toBe('private, no-store');
    const counts = planner.json<{ values: { numerator: number | null }[] }>().values;
    expect(counts.some((v) => v.numerator !== null)).toBe(true);
    expect((await get(url, { cookie: t.planner })).headers['x-cache']).toBeUndefined();

    const anonymous = await get(url);
    expect(anonymous.headers['x-cache']).toBe('miss');
    expect(anonymous.body).not.toBe(planner.body);
    const anonValues = anonymous.json<{ values: { numerator: number | null }[] }>().values;
    expect(anonValues.every((v) => v.numerator === null)).toBe(true);
    // a planner's ETag is none of the public's, and vice versa
    expect((await get(url, { cookie: t.planner, 'if-none-match': anonymous.headers.etag! })).statusCode).toBe(
      200,
    );

    const viewer = await get(url, { cookie: t.viewer });
    expect(viewer.headers['x-cache']).toBe('miss'); // its own entry
    expect(viewer.body).toBe(anonymous.body);
    expect((await get(url, { cookie: t.viewer })).headers['x-cache']).toBe('hit');

    const config = await get('/api/config', { cookie: t.viewer });
    expect(config.headers['x-cache']).toBeUndefined();
    expect(config.json<{ user: { role: string } }>().user.role).toBe('viewer');
    expect((await get('/api/config')).json<{ user: unknown }>().user).toBeNull();
  });

  it('computes afresh after an import, also one by another connection', async () => {
    const before = await get(VALUES);
    expect(before.headers['x-cache']).toBe('hit');
    const planner = await get(VALUES, { cookie: t.planner });
    const row = planner
      .json<{ values: { id: string; numerator: number }[] }>()
      .values.find((v) => v.id === '101')!;
    const csv = ['Sozialraum;ew_65plus', `101;${Math.round(row.numerator / 2)}`].join('\n');
    const writer = await otherConnection();
    try {
      await importTable(
        writer,
        { name: 'senioren.csv', data: new TextEncoder().encode(csv) },
        { level: 'sozialraum', date: DATE },
      );
    } finally {
      if (writer !== t.db) await writer.close();
    }
    const after = await get(VALUES, { 'if-none-match': before.headers.etag! });
    expect(after.statusCode).toBe(200);
    expect(after.headers['x-cache']).toBe('miss');
    expect(after.body).not.toBe(before.body);
    const fresh = await buildApp({ db: t.db, webDir: '/nonexistent' });
    try {
      expect((await get(VALUES, {}, fresh)).body).toBe(after.body);
    } finally {
      await fresh.close();
    }
  });

  it('follows edits of definitions: an unpublished indicator disappears at once', async () => {
    const keys = async () => (await get('/api/indicators')).json<{ key: string }[]>().map((i) => i.key);
    expect(await keys()).toContain('anteil_65plus');
    expect((await get(VALUES)).statusCode).toBe(200);
    await t.db.query(`UPDATE indicator SET published = false WHERE key = 'anteil_65plus'`);
    expect(await keys()).not.toContain('anteil_65plus');
    expect((await get(VALUES)).statusCode).toBe(404);
    expect((await get(VALUES)).headers['x-cache']).toBeUndefined(); // errors are not kept
  });
});
