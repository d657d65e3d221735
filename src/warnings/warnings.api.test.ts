/**
 * Frühwarnung and Zeitvergleich on the demo city, on every database engine: the default rules
 * produce entries with German reasons, the public never sees a secret value, filters narrow the
 * list, the changes endpoint agrees with the indicator values, and every write is guarded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import { withUnit } from '../core/format.ts';
import { DEFAULT_CATALOGUE } from '../indicators/catalogue.ts';
import { DEFAULT_RULES } from './default-rules.ts';
import type { Changes, WarningList, WarningRule } from './warning.schema.ts';
import { expectGoldenJson, goldenFile } from '../test/golden.ts';

const DATE = '2024-12-31';
const GOLDEN = goldenFile(import.meta.url, 'warnings-sozialraum-2024-12-31.golden.json');
const indicatorOf = (key: string) => DEFAULT_CATALOGUE.find((i) => i.key === key)!;

describe.each(engines)('Frühwarnung on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(() => t?.close());

  const get = async <T>(url: string, cookie?: string) => {
    const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const warnings = async (query: string, cookie?: string) => {
    const res = await get<WarningList>(`/api/monitoring/warnings?${query}`, cookie);
    expect(res.status, query).toBe(200);
    return res.body;
  };
  const publicValues = async (key: string) =>
    (await get<IndicatorValues>(`/api/indicators/${key}/values?level=sozialraum&date=${DATE}`)).body;

  it('has the default rules', async () => {
    const { body } = await get<WarningRule[]>('/api/monitoring/rules');
    expect(body.map((r) => r.key)).toEqual(DEFAULT_RULES.map((r) => r.key));
    expect(body.find((r) => r.key === 'kinderarmut_ueber_30')).toMatchObject({
      kind: 'threshold',
      name: 'Kinderarmut über 30 %',
      indicator: 'kinderarmut',
      value: 30,
    });
  });

  it('lists warnings for the demo city, each reason with its value (golden file)', async () => {
    const list = await warnings('level=sozialraum', t.planner);
    expect(list.date).toBe(DATE);
    expect(list.entries.length).toBeGreaterThan(5);
    const kinds = new Set(list.entries.map((e) => e.kind));
    for (const kind of ['threshold', 'rising', 'deviation', 'index_class'])
      expect(kinds, kind).toContain(kind);
    for (const e of list.entries) {
      expect(e.value, e.reason).not.toBeNull();
      const shown =
        e.indicator === null
          ? withUnit(e.value!, 2, '')
          : withUnit(e.value!, indicatorOf(e.indicator).decimals, indicatorOf(e.indicator).unit);
      expect(e.reason, `${e.rule} ${e.area}`).toContain(shown);
      expect(e.reason).toContain('31.12.2024');
      expect(e.reason).toMatch(/^[A-ZÄÖÜ].*\.$/);
    }
    // hoch before mittel
    const firstMittel = list.entries.findIndex((e) => e.severity === 'mittel');
    expect(list.entries.slice(firstMittel).every((e) => e.severity === 'mittel')).toBe(true);
    expectGoldenJson(GOLDEN, list);
  });

  it('evaluates on protected values for the public: a secret value never triggers or appears', async () => {
    const list = await warnings('level=sozialraum');
    expect(list.entries.length).toBeGreaterThan(0);
    const values = new Map<string, IndicatorValues>();
    let checked = 0;
    for (const e of list.entries) {
      if (e.indicator === null) continue;
      if (!values.has(e.indicator)) values.set(e.indicator, await publicValues(e.indicator));
      const v = values.get(e.indicator)!.values.find((x) => x.id === e.area)!;
      expect(v.status, `${e.rule} ${e.area}`).not.toBe('secret');
      expect(e.value).toBe(v.value);
      checked++;
    }
    expect(checked).toBeGreaterThan(0);
    // a rule that the planner's value of a publicly secret cell fulfils: it fires for the planner only
    const secret = (await publicValues('sgb2_quote')).values.find((v) => v.status === 'secret');
    expect(secret, 'the demo city has a secret SGB-II-Quote').toBeDefined();
    const planned = (
      await get<IndicatorValues>(`/api/indicators/sgb2_quote/values?level=sozialraum&date=${DATE}`, t.planner)
    ).body.values.find((v) => v.id === secret!.id)!;
    const rule = {
      key: 'test_geheim',
      name: 'Test Geheimhaltung',
      severity: 'hoch',
      kind: 'threshold',
      indicator: 'sgb2_quote',
      direction: 'above',
      value: Math.floor(planned.value!) - 1,
      crossing: false,
    };
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/monitoring/rules',
      payload: rule,
      headers: { cookie: t.planner },
    });
    expect(created.statusCode).toBe(201);
    const onSecret = (l: WarningList) =>
      l.entries.filter((e) => e.rule === rule.key && e.area === secret!.id);
    expect(onSecret(await warnings('level=sozialraum', t.planner))).toHaveLength(1);
    const anonymous = await warnings('level=sozialraum');
    expect(anonymous.entries.filter((e) => e.rule === rule.key).length).toBeGreaterThan(0);
    expect(onSecret(anonymous)).toEqual([]);
    expect(onSecret(await warnings('level=sozialraum', t.viewer))).toEqual([]);
    await t.app.inject({
      method: 'DELETE',
      url: `/api/monitoring/rules/${rule.key}`,
      headers: { cookie: t.planner },
    });
  });

  it('filters by theme and by area or parent area', async () => {
    const all = await warnings('level=sozialraum', t.planner);
    const arbeit = await warnings('level=sozialraum&theme=Arbeit', t.planner);
    expect(arbeit.entries.length).toBeGreaterThan(0);
    expect(arbeit.entries.length).toBeLessThan(all.entries.length);
    expect(arbeit.entries.every((e) => e.theme === 'Arbeit')).toBe(true);
    expect(arbeit.entries).toEqual(all.entries.filter((e) => e.theme === 'Arbeit'));

    const some = all.entries[0]!;
    const area = await warnings(`level=sozialraum&area=${some.area}`, t.planner);
    expect(area.entries).toEqual(all.entries.filter((e) => e.area === some.area));
    const district = await warnings(`level=sozialraum&area=${some.parent}`, t.planner);
    expect(district.entries).toEqual(all.entries.filter((e) => e.parent === some.parent));
    expect(district.entries.length).toBeGreaterThanOrEqual(area.entries.length);

    const earlier = await warnings('level=sozialraum&date=2020-12-31', t.planner);
    expect(earlier.date).toBe('2020-12-31');
    expect(earlier.entries.every((e) => e.date === '2020-12-31' && e.reason.includes('31.12.2020'))).toBe(
      true,
    );
  });

  it('answers unknown input with named errors', async () => {
    expect((await get('/api/monitoring/warnings?level=sozialraum&area=gibt_es_nicht')).body).toMatchObject({
      code: 'areas.not_found',
    });
    const date = await get('/api/monitoring/warnings?level=sozialraum&date=2030-12-31');
    expect(date.status).toBe(404);
    expect(date.body).toMatchObject({ code: 'monitoring.unknown_date' });
    expect((date.body as { message: string }).message).toContain('31.12.2030');
    expect((await get('/api/monitoring/warnings?level=nirgends')).status).toBe(404);
    expect((await get('/api/monitoring/warnings?level=sozialraum&date=2024-13-01')).status).toBe(400);
    expect((await get('/api/monitoring/warnings')).status).toBe(400);
  });

  it('compares an area with the previous period, with the city, and over n years', async () => {
    const { body: list } = await get<{ values: { id: string }[] }>(
      `/api/indicators/sgb2_quote/values?level=sozialraum&date=${DATE}`,
      t.planner,
    );
    const area = list.values[3]!.id;
    const res = await get<Changes>(`/api/monitoring/changes?level=sozialraum&area=${area}`, t.planner);
    expect(res.status).toBe(200);
    const c = res.body;
    expect(c).toMatchObject({ level: 'sozialraum', area, date: DATE, previousDate: '2023-12-31', years: 5 });
    const sgb2 = c.indicators.find((i) => i.indicator === 'sgb2_quote')!;
    const at = async (key: string, date: string) => {
      const v = (
        await get<IndicatorValues>(`/api/indicators/${key}/values?level=sozialraum&date=${date}`, t.planner)
      ).body;
      return { value: v.values.find((x) => x.id === area)!.value!, city: v.city.value! };
    };
    const now = await at('sgb2_quote', DATE);
    const before = await at('sgb2_quote', '2023-12-31');
    expect(sgb2.changeUnit).toBe('Pp.');
    expect(sgb2.change).toBeCloseTo(now.value - before.value, 10);
    expect(sgb2.cityChange).toBeCloseTo(now.city - before.city, 10);
    expect(sgb2.changeVsCity).toBeCloseTo(now.value - before.value - (now.city - before.city), 10);
    expect(sgb2.gapToCity).toBeCloseTo(now.value - now.city, 10);
    // the 5-year trend equals the catalogue's trend indicator (same least-squares slope)
    const trend = await at('sgb2_quote_trend_5j', DATE);
    expect(sgb2.trend).toMatchObject({ from: '2019-12-31', points: 6 });
    expect(sgb2.trend.slope).toBeCloseTo(trend.value, 10);
    expect(sgb2.trend.citySlope).toBeCloseTo(trend.city, 10);
    expect(sgb2.run.length).toBeGreaterThanOrEqual(sgb2.run.direction ? 1 : 0);

    const three = await get<Changes>(`/api/monitoring/changes?level=sozialraum&area=${area}&years=3`);
    expect(three.body.indicators.find((i) => i.indicator === 'sgb2_quote')!.trend.points).toBe(4);
    expect((await get(`/api/monitoring/changes?level=sozialraum&area=nix`)).status).toBe(404);
    expect((await get(`/api/monitoring/changes?level=sozialraum&area=${area}&years=1`)).status).toBe(400);
  });

  it('keeps rules as data: create, change, deactivate, delete, import — planners only', async () => {
    const rule: WarningRule = {
      key: 'test_sgb2_ueber_10',
      name: 'SGB-II-Quote über 10 %',
      description: '',
      severity: 'mittel',
      active: true,
      minPopulation: null,
      kind: 'threshold',
      indicator: 'sgb2_quote',
      direction: 'above',
      value: 10,
      crossing: false,
    };
    const url = '/api/monitoring/rules';
    await expectGuarded(t.app, { method: 'POST', url, payload: rule }, t.viewer);
    await expectGuarded(
      t.app,
      { method: 'PUT', url: `${url}/kinderarmut_ueber_30`, payload: rule },
      t.viewer,
    );
    await expectGuarded(t.app, { method: 'DELETE', url: `${url}/kinderarmut_ueber_30` }, t.viewer);
    await expectGuarded(t.app, { method: 'POST', url: `${url}/import`, payload: [rule] }, t.viewer);

    const send = (method: 'POST' | 'PUT' | 'DELETE', path: string, payload?: unknown) =>
      t.app.inject({
        method,
        url: `${url}${path}`,
        payload: payload as never,
        headers: { cookie: t.planner },
      });
    const created = await send('POST', '', rule);
    expect(created.statusCode).toBe(201);
    expect((await send('POST', '', rule)).json()).toMatchObject({ code: 'monitoring.duplicate_rule' });
    const unknown = await send('POST', '', { ...rule, key: 'test_unbekannt', indicator: 'gibt_es_nicht' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'monitoring.unknown_indicator' });
    const noIndex = await send('POST', '', {
      ...DEFAULT_RULES[5],
      key: 'test_index',
      index: 'gibt_es_nicht',
    });
    expect(noIndex.json()).toMatchObject({ code: 'monitoring.unknown_index' });
    expect(
      (await send('POST', '', { ...rule, key: 'test_bad', kind: 'rising', periods: 1 })).statusCode,
    ).toBe(400);
    expect((await send('PUT', '/andere', rule)).json()).toMatchObject({ code: 'monitoring.key_mismatch' });

    const mine = (list: WarningList) => list.entries.filter((e) => e.rule === rule.key);
    const fired = mine(await warnings('level=sozialraum', t.planner));
    expect(fired.length).toBeGreaterThan(0);
    expect(fired.every((e) => e.value! > 10)).toBe(true);

    expect((await send('PUT', `/${rule.key}`, { ...rule, active: false })).statusCode).toBe(200);
    expect((await get<WarningRule>(`${url}/${rule.key}`)).body.active).toBe(false);
    expect(mine(await warnings('level=sozialraum', t.planner))).toEqual([]);

    expect((await send('DELETE', `/${rule.key}`)).statusCode).toBe(204);
    expect((await get(`${url}/${rule.key}`)).status).toBe(404);
    expect((await send('DELETE', `/${rule.key}`)).statusCode).toBe(404);

    // JSON round trip: all or nothing
    const bad = await send('POST', '/import', [
      rule,
      { ...rule, key: 'test_zwei', indicator: 'gibt_es_nicht' },
    ]);
    expect(bad.statusCode).toBe(422);
    expect((await get(`${url}/${rule.key}`)).status).toBe(404);
    const imported = await send('POST', '/import', [rule]);
    expect(imported.json()).toEqual({ imported: 1 });
    expect((await get<WarningRule>(`${url}/${rule.key}`)).body).toEqual(rule);
    await send('DELETE', `/${rule.key}`);
  });
});
