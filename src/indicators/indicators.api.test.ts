/**
 * The indicator catalogue on the demo city, on every database engine: every default indicator
 * computes, definitions are data (create, change, delete, JSON round trip), and every write
 * route is guarded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import { DEFAULT_CATALOGUE } from './catalogue.ts';
import type { Indicator, IndicatorValues } from './indicator.schema.ts';

const date = '2024-12-31';

describe.each(engines)('indicators on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(() => t?.close());

  const values = async (key: string, level = 'sozialraum', cookie?: string) =>
    (
      await t.app.inject({
        url: `/api/indicators/${key}/values?level=${level}&date=${date}`,
        headers: cookie ? { cookie } : {},
      })
    ).json<IndicatorValues>();

  it('has at least 30 default indicators, each computed for every Sozialraum of the demo city', async () => {
    expect(DEFAULT_CATALOGUE.length).toBeGreaterThanOrEqual(30);
    for (const ind of DEFAULT_CATALOGUE) {
      const v = await values(ind.key, 'sozialraum', t.planner);
      const computed = v.values.filter((x) => x.status === 'value' && Number.isFinite(x.value));
      // the new housing area has no value five years back for some changes; all others must compute
      expect(computed.length, ind.key).toBeGreaterThanOrEqual(v.values.length - 2);
      expect(v.city.status, ind.key).toBe('value');
    }
  });

  it('computes changes in percentage points from the shares n years apart', async () => {
    const now = await values('sgb2_quote', 'stadtbezirk', t.planner);
    const change = await values('sgb2_quote_veraenderung_2j', 'stadtbezirk', t.planner);
    const before = (
      await t.app.inject({
        url: `/api/indicators/sgb2_quote/values?level=stadtbezirk&date=2022-12-31`,
        headers: { cookie: t.planner },
      })
    ).json<IndicatorValues>();
    for (const c of change.values) {
      const a = now.values.find((x) => x.id === c.id)!.value!;
      const b = before.values.find((x) => x.id === c.id)!.value!;
      expect(c.value).toBeCloseTo(a - b, 10);
    }
  });

  it('keeps definitions as data: create, change, delete, export and import', async () => {
    const def: Indicator = {
      ...DEFAULT_CATALOGUE.find((d) => d.key === 'kinderarmut')!,
      key: 'kinderarmut_test',
      name: 'Kinderarmut (Test)',
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/indicators',
      payload: def,
      headers: { cookie: t.planner },
    });
    expect(created.statusCode).toBe(201);
    expect((await values('kinderarmut_test', 'sozialraum', t.planner)).values.length).toBeGreaterThan(50);
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/indicators',
      payload: { ...def, key: 'unbekannt', numerator: 'gibt_es_nicht' },
      headers: { cookie: t.planner },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'indicators.unknown_variable' });
    const noPeriod = await t.app.inject({
      method: 'POST',
      url: '/api/indicators',
      payload: { ...def, key: 'ohne_jahre', formula: 'change_pp', periodYears: null },
      headers: { cookie: t.planner },
    });
    expect(noPeriod.statusCode).toBe(400);
    const changed = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/kinderarmut_test',
      payload: { ...def, name: 'Kinderarmut geändert' },
      headers: { cookie: t.planner },
    });
    expect(changed.json()).toMatchObject({ name: 'Kinderarmut geändert' });
    const exported = (
      await t.app.inject({ url: '/api/indicators/export', headers: { cookie: t.planner } })
    ).json<Indicator[]>();
    expect(exported.map((i) => i.key)).toContain('kinderarmut_test');
    const del = await t.app.inject({
      method: 'DELETE',
      url: '/api/indicators/kinderarmut_test',
      headers: { cookie: t.planner },
    });
    expect(del.statusCode).toBe(204);
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/indicators/import',
      payload: exported,
      headers: { cookie: t.planner },
    });
    expect(imported.json()).toEqual({ imported: exported.length });
    expect((await t.app.inject({ url: '/api/indicators/kinderarmut_test' })).json()).toMatchObject({
      name: 'Kinderarmut geändert',
    });
  });

  it('guards every write route (401 anonymous, 403 viewer)', async () => {
    const def = DEFAULT_CATALOGUE[0]!;
    await expectGuarded(
      t.app,
      { method: 'POST', url: '/api/indicators', payload: { ...def, key: 'neu_x' } },
      t.viewer,
    );
    await expectGuarded(t.app, { method: 'PUT', url: `/api/indicators/${def.key}`, payload: def }, t.viewer);
    await expectGuarded(t.app, { method: 'DELETE', url: `/api/indicators/${def.key}` }, t.viewer);
    await expectGuarded(t.app, { method: 'POST', url: '/api/indicators/import', payload: [def] }, t.viewer);
    const exp = await t.app.inject({ url: '/api/indicators/export' });
    expect(exp.statusCode).toBe(401);
  });
});
