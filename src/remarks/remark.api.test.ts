/**
 * Remarks on the map over HTTP on the demo city, on every engine: anyone sends one without a
 * session, it waits for moderation, then counts per area for everyone and shows its text to
 * planners only.
 */
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import type { AreaRemarks, Remark } from './remark.schema.ts';

describe.each(engines)('remarks on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let point: { lon: number; lat: number };
  let area: { id: string; name: string; parent: string };
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
      point = { lon, lat };
      const key = hit.json<{ id: string }>().id;
      area = geo.features.find((g) => g.properties.id === key)!.properties;
      break;
    }
    expect(point).toBeDefined();
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
});
