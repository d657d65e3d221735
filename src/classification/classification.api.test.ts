/**
 * The default map classification of an indicator (PATCH /api/indicators/:key), on every engine:
 * planners save it, the catalogue returns it, anonymous and viewer requests are refused, and
 * malformed specifications are rejected.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';

const KEY = 'sgb2_quote';
const MSS = { method: 'fixed', classes: 5, breaks: [-1, 1, 1.5] } as const;

describe.each(engines)('default classification on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(() => t?.close());

  const patch = (payload: unknown, cookie?: string, key = KEY) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/indicators/${key}`,
      payload: payload as never,
      headers: cookie ? { cookie } : {},
    });
  const stored = async () => (await t.app.inject(`/api/indicators/${KEY}`)).json<Indicator>();

  it('starts without a stored default (the atlas then uses quintiles)', async () => {
    expect((await stored()).classification).toBeNull();
  });

  it('saves a planner’s classification, keeps `published`, and shows it to everyone', async () => {
    const before = await stored();
    const res = await patch({ classification: { method: 'natural', classes: 4 } }, t.planner);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      key: KEY,
      published: before.published,
      classification: { method: 'natural', classes: 4 },
    });
    expect((await stored()).classification).toEqual({ method: 'natural', classes: 4 });
    const list = (await t.app.inject('/api/indicators')).json<Indicator[]>();
    expect(list.find((i) => i.key === KEY)?.classification).toEqual({ method: 'natural', classes: 4 });

    expect((await patch({ classification: MSS }, t.admin)).statusCode).toBe(200);
    expect((await stored()).classification).toEqual(MSS);
    // publishing alone leaves the classification as it is
    expect((await patch({ published: true }, t.planner)).json()).toMatchObject({ classification: MSS });
    // null goes back to the app default
    expect((await patch({ classification: null }, t.planner)).json()).toMatchObject({ classification: null });
    expect((await stored()).classification).toBeNull();
  });

  it('rejects malformed specifications and empty changes with 400, unknown indicators with 404', async () => {
    for (const bad of [
      { classification: { method: 'fixed', classes: 5, breaks: [1, -1] } },
      { classification: { method: 'fixed', classes: 5 } },
      { classification: { method: 'jenks', classes: 5 } },
      { classification: { method: 'quantile', classes: 1 } },
      { classification: { method: 'quantile', classes: 11 } },
      {},
    ]) {
      const res = await patch(bad, t.planner);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'request.invalid' });
    }
    const missing = await patch(
      { classification: { method: 'quantile', classes: 5 } },
      t.planner,
      'gibt_es_nicht',
    );
    expect(missing.statusCode).toBe(404);
    expect((await stored()).classification).toBeNull();
  });

  it('refuses anonymous (401) and viewer (403) requests and stores nothing', async () => {
    await expectGuarded(
      t.app,
      { method: 'PATCH', url: `/api/indicators/${KEY}`, payload: { classification: MSS } },
      t.viewer,
    );
    expect((await stored()).classification).toBeNull();
  });
});
