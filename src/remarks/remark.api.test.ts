/**
 * Remarks on the map over HTTP on the demo city, on every engine: anyone sends one without a
 * session, it waits for moderation, then counts per area for everyone and shows its text to
 * planners and to the partners in the body (Gremium) of its area — not to the partners of another
 * area's body.
 */
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded, sessionCookie } from '../test/demo-app.ts';
import type { AreaRemarks, Remark } from './remark.schema.ts';

describe.each(engines)('remarks on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let point: { lon: number; lat: number };
  let area: { id: string; name: string; parent: string };
  // a point in another Sozialraum
  let elsewhere: { lon: number; lat: number; id: string };
  const get = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const post = (payload: unknown) =>
    ctx.app.inject({ method: 'POST', url: '/api/remarks', payload: payload as never });

  beforeAll(async () => {
    ctx = await demoApp(engine);
    const geo = (await get('/api/areas/geojson?level=sozialraum')).json<{
      features: { properties: { id: string; name: string; parent: string }; geometry: Polygon }[];
    }>();
    // the mean of a ring's corners lies inside the demo city's compact areas; the index says which
    for (const f of geo.features) {
      const ring = (f.geometry.type === 'Polygon' ? f.geometry.coordinates[0] : [])!;
      if (!ring.length) continue;
      const lon = ring.reduce((s, c) => s + c[0]!, 0) / ring.length;
      const lat = ring.reduce((s, c) => s + c[1]!, 0) / ring.length;
      const hit = await get(`/api/areas/locate?level=sozialraum&lon=${lon}&lat=${lat}`);
      if (hit.statusCode !== 200) continue;
      const key = hit.json<{ id: string }>().id;
      if (point) {
        if (key === area.id) continue;
        elsewhere = { lon, lat, id: key };
        break;
      }
      point = { lon, lat };
      area = geo.features.find((g) => g.properties.id === key)!.properties;
    }
    expect(point && elsewhere).toBeDefined();
  }, 300_000);
  afterAll(() => ctx?.close());

  const counts = async (level: string, cookie?: string) =>
    (await get(`/api/remarks?level=${level}`, cookie)).json<AreaRemarks>();

  it('takes a remark without a session and checks it', async () => {
    const sent = await post({ ...point, category: 'spielen', text: 'Der Spielplatz braucht Schatten.' });
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ ok: true, area: area.name });
    expect(sent.headers['set-cookie']).toBeUndefined();
    expect((await post({ lon: 0, lat: 0, category: 'spielen', text: 'x' })).json()).toMatchObject({
      code: 'remarks.outside',
    });
    expect((await post({ ...point, category: 'spielen', text: 'x'.repeat(1001) })).statusCode).toBe(400);
    expect((await post({ ...point, category: 'unbekannt', text: 'x' })).statusCode).toBe(400);
    expect((await post({ ...point, category: 'verkehr', text: 'Ampel zu kurz grün.' })).statusCode).toBe(200);
  });

  it('shows nothing before moderation and counts approved remarks per area', async () => {
    expect((await counts('sozialraum')).areas.every((a) => a.count === 0)).toBe(true);
    expect((await get('/api/remarks/queue')).statusCode).toBe(401);
    expect((await get('/api/remarks/queue', ctx.viewer)).statusCode).toBe(403);
    const queue = (await get('/api/remarks/queue', ctx.planner)).json<Remark[]>();
    expect(queue.map((r) => [r.category, r.area?.key])).toEqual([
      ['spielen', area.id],
      ['verkehr', area.id],
    ]);
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: `/api/remarks/${queue[0]!.id}/moderation`, payload: { status: 'approved' } },
      ctx.viewer,
    );
    const moderate = (id: number, status: string) =>
      ctx.app.inject({
        method: 'POST',
        url: `/api/remarks/${id}/moderation`,
        payload: { status },
        headers: { cookie: ctx.planner },
      });
    expect((await moderate(queue[0]!.id, 'approved')).statusCode).toBe(204);
    expect((await moderate(queue[1]!.id, 'rejected')).statusCode).toBe(204);
    expect((await moderate(99999, 'approved')).statusCode).toBe(404);

    const open = (await counts('sozialraum')).areas.find((a) => a.key === area.id)!;
    expect(open).toMatchObject({ count: 1, byCategory: { spielen: 1 }, remarks: null });
    const district = (await counts('stadtbezirk')).areas.find((a) => a.key === area.parent)!;
    expect(district.count).toBe(1);
    const planner = (await counts('sozialraum', ctx.planner)).areas.find((a) => a.key === area.id)!;
    expect(planner.remarks!.map((r) => r.text)).toEqual(['Der Spielplatz braucht Schatten.']);
    expect((await get('/api/remarks?level=nirgends')).statusCode).toBe(404);
    expect((await get('/api/remarks/queue?status=rejected', ctx.planner)).json<Remark[]>()).toHaveLength(1);
  });

  it('shows the texts to the partners in the body of the remark’s area only', async () => {
    const as = (cookie: string, method: 'POST' | 'PUT', url: string, payload?: unknown) =>
      ctx.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload: payload as never } : {}) });
    const partner = async (username: string, organisation: string, bodyArea: string | null) => {
      const made = await as(ctx.admin, 'POST', '/api/users', {
        username,
        displayName: username,
        password: 'partner-passwort-2024',
        role: 'partner',
      });
      expect(made.statusCode, made.body).toBe(201);
      const org = (await as(ctx.planner, 'POST', '/api/organisations', { name: organisation })).json<{
        id: number;
      }>();
      expect((await as(ctx.admin, 'PUT', `/api/organisations/${org.id}/users/${username}`)).statusCode).toBe(
        200,
      );
      const body = await as(ctx.planner, 'POST', '/api/bodies', {
        name: `Arbeitskreis ${organisation}`,
        kind: 'stadtteilarbeitskreis',
        ...(bodyArea === null ? {} : { area: { level: 'sozialraum', key: bodyArea } }),
      });
      expect(body.statusCode, body.body).toBe(200);
      const member = await as(ctx.planner, 'POST', `/api/bodies/${body.json<{ id: number }>().id}/members`, {
        organisationId: org.id,
      });
      expect(member.statusCode, member.body).toBeLessThan(300);
      return sessionCookie(ctx.db, username);
    };
    const here = await partner('partner.hier', 'Verein hier', area.id);
    const there = await partner('partner.dort', 'Verein dort', elsewhere.id);
    const city = await partner('partner.stadt', 'Verband Stadt', null);
    const shown = async (cookie: string | undefined, key: string) =>
      (await counts('sozialraum', cookie)).areas.find((a) => a.key === key)!.remarks?.map((r) => r.text) ??
      null;

    const texts = ['Der Spielplatz braucht Schatten.'];
    expect(await shown(here, area.id)).toEqual(texts);
    expect(await shown(there, area.id)).toBeNull();
    expect(await shown(city, area.id)).toEqual(texts);
    expect(await shown(undefined, area.id)).toBeNull();
    expect(await shown(ctx.viewer, area.id)).toBeNull();
    // the district of the area: partners of a body for one Sozialraum read its remarks there too,
    // never another Sozialraum's
    const district = async (cookie: string) =>
      (await counts('stadtbezirk', cookie)).areas.find((a) => a.key === area.parent)!.remarks;
    expect((await district(here))?.map((r) => r.text)).toEqual(texts);
    expect(await district(there)).toBeNull();
  });
});
