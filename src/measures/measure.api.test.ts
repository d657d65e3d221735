/**
 * Measures over HTTP on the demo city, on every engine: planners build the tree, move a measure
 * through its workflow with the decision, set a goal whose baseline is read from the data; the
 * public sees decided measures only, with protected values; every change is in the history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import type { MeasureEffect } from './effect.schema.ts';
import type { HistoryEntry, Measure } from './measure.schema.ts';

describe.each(engines)('measures on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let area: string;
  const ids: Record<string, number> = {};
  const call = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    ctx.app.inject({ method, url, payload: payload as never, headers: { cookie: ctx.planner } });
  const values = async (date: string, cookie?: string) =>
    (
      await call(`/api/indicators/sgb2_quote/values?level=sozialraum&date=${date}`, cookie)
    ).json<IndicatorValues>();

  beforeAll(async () => {
    ctx = await demoApp(engine);
    area = (await values('2024-12-31', ctx.planner)).values[0]!.id;
  }, 300_000);
  afterAll(() => ctx?.close());

  it('lets planners build the tree: Programm → Handlungsfeld → Maßnahme', async () => {
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: '/api/measures', payload: { title: 'x' } },
      ctx.viewer,
    );
    const p = await send('POST', '/api/measures', { kind: 'programm', title: 'Sozialer Zusammenhalt Nord' });
    expect(p.statusCode, p.body).toBe(200);
    ids.p = p.json<Measure>().id;
    const h = await send('POST', '/api/measures', {
      kind: 'handlungsfeld',
      title: 'Bildung',
      parentId: ids.p,
    });
    ids.h = h.json<Measure>().id;
    const m = await send('POST', '/api/measures', {
      title: 'Familienzentrum',
      parentId: ids.h,
      organisation: 'Diakonie',
      funding: 'Sozialer Zusammenhalt',
      budgetPlanned: 250_000,
      startDate: '2021-01-01',
      output: '2 Beratungsstunden am Tag',
      areas: [{ level: 'sozialraum', key: area }],
    });
    expect(m.statusCode, m.body).toBe(200);
    const measure = m.json<Measure>();
    ids.m = measure.id;
    expect(measure).toMatchObject({
      kind: 'massnahme',
      status: 'idee',
      nextStatuses: ['vorschlag'],
      budgetPlanned: 250_000,
      areas: [{ level: 'sozialraum', key: area }],
      progress: null,
    });
    const wrong = await send('POST', '/api/measures', { kind: 'programm', title: 'x', parentId: ids.m });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'measures.bad_parent' });
    const unknown = await send('POST', '/api/measures', {
      title: 'x',
      areas: [{ level: 'sozialraum', key: 'nope' }],
    });
    expect(unknown.json()).toMatchObject({ code: 'measures.unknown_area' });
  });

  it('sets a goal with the baseline from the data and shows progress with the latest data', async () => {
    const res = await send('POST', `/api/measures/${ids.m}/goals`, {
      indicator: 'sgb2_quote',
      level: 'sozialraum',
      area,
      baselineDate: '2020-12-31',
      targetValue: 1,
      targetDate: '2030-12-31',
    });
    expect(res.statusCode, res.body).toBe(200);
    const [goal] = res.json<Measure>().goals;
    const before = (await values('2020-12-31', ctx.planner)).values.find((v) => v.id === area)!.value!;
    const now = (await values('2024-12-31', ctx.planner)).values.find((v) => v.id === area)!.value!;
    expect(goal).toMatchObject({
      baselineValue: before,
      targetValue: 1,
      current: { date: '2024-12-31', value: now },
    });
    expect(goal!.progress).toBeCloseTo((now - before) / (1 - before), 10);
    const bad = await send('POST', `/api/measures/${ids.m}/goals`, {
      indicator: 'sgb2_quote',
      level: 'sozialraum',
      area,
      baselineDate: '2020-12-31',
      baselineValue: 5,
      targetValue: 5,
      targetDate: '2030-12-31',
    });
    expect(bad.json()).toMatchObject({ code: 'measures.bad_goal' });
  });

  it('moves through the workflow only step by step, and the decision needs its body', async () => {
    expect(
      (await send('POST', `/api/measures/${ids.m}/status`, { status: 'beschlossen' })).json(),
    ).toMatchObject({
      code: 'measures.bad_status',
    });
    expect((await send('POST', `/api/measures/${ids.m}/status`, { status: 'vorschlag' })).statusCode).toBe(
      200,
    );
    expect(
      (await send('POST', `/api/measures/${ids.m}/status`, { status: 'beschlossen' })).json(),
    ).toMatchObject({
      code: 'measures.decision_required',
    });
    const decision = {
      body: 'Ausschuss für Soziales',
      meeting: 'Sitzung vom 12.03.2021, TOP 5',
      date: '2021-03-12',
    };
    const decided = await send('POST', `/api/measures/${ids.m}/status`, { status: 'beschlossen', decision });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json<Measure>()).toMatchObject({
      status: 'beschlossen',
      decision,
      nextStatuses: ['in_umsetzung'],
    });
  });

  it('shows the public decided measures only, with protected values and no workflow', async () => {
    for (const cookie of [undefined, ctx.viewer]) {
      const list = (await call('/api/measures', cookie)).json<Measure[]>();
      expect(list.map((m) => m.id)).toEqual([ids.m]);
      // its programme and field of action are still ideas: it hangs at the top
      expect(list[0]).toMatchObject({ parentId: null, nextStatuses: [] });
      const shown = (await values('2024-12-31', cookie)).values.find((v) => v.id === area)!;
      expect(list[0]!.goals[0]!.current).toMatchObject({ value: shown.value, status: shown.status });
      expect((await call(`/api/measures/${ids.p}`, cookie)).statusCode).toBe(404);
      // an area profile's „Maßnahmen im Gebiet“
      const here = (await call(`/api/measures?level=sozialraum&area=${area}`, cookie)).json<Measure[]>();
      expect(here.map((m) => m.id)).toEqual([ids.m]);
    }
    expect((await call('/api/measures?level=sozialraum')).statusCode).toBe(400);
  });

  it('estimates the effect on the goal against similar areas, for planners and the public', async () => {
    const measure = (await call(`/api/measures/${ids.m}`, ctx.planner)).json<Measure>();
    const goal = measure.goals[0]!;
    for (const cookie of [ctx.planner, undefined]) {
      const res = await call(`/api/measures/${ids.m}/goals/${goal.id}/effect`, cookie);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
      const effect = res.json<MeasureEffect>();
      expect(effect).toMatchObject({
        measure: ids.m,
        goal: goal.id,
        level: 'sozialraum',
        start: 2021,
        nTreated: 1,
      });
      expect(effect.periods.post[0]).toBe(2021);
      expect(effect.matching.rows.map((r) => r.key)).toEqual([area]);
      expect(effect.matching.rows[0]!.comparisons).toHaveLength(3);
      expect(effect.runs).toBeGreaterThan(100);
      expect(effect.estimate).toEqual(expect.any(Number));
      expect(effect.text.sentences.join(' ')).toMatch(/ähnlichen Gebieten/);
    }
    expect((await call(`/api/measures/${ids.m}/goals/999/effect`, ctx.planner)).statusCode).toBe(404);
  }, 120_000);

  it('rolls progress up the tree and keeps every change in the history', async () => {
    const patched = await send('PATCH', `/api/measures/${ids.m}`, { budgetSpent: 80_000, weight: 2 });
    expect(patched.json<Measure>()).toMatchObject({ budgetSpent: 80_000, weight: 2 });
    const list = (await call('/api/measures', ctx.planner)).json<Measure[]>();
    const of = (id: number) => list.find((m) => m.id === id)!;
    const own = Math.min(1, Math.max(0, of(ids.m!).goals[0]!.progress!));
    expect(of(ids.m!).progress).toBeCloseTo(own, 10);
    expect(of(ids.h!).progress).toBeCloseTo(own, 10);
    expect(of(ids.p!).progress).toBeCloseTo(own, 10);

    expect((await call(`/api/measures/${ids.m}/history`, ctx.viewer)).statusCode).toBe(403);
    const history = (await call(`/api/measures/${ids.m}/history`, ctx.planner)).json<HistoryEntry[]>();
    expect(history.map((h) => h.action)).toEqual(['created', 'goal_added', 'status', 'status', 'changed']);
    expect(history[4]).toMatchObject({
      before: { budgetSpent: null, weight: 1 },
      after: { budgetSpent: 80_000, weight: 2 },
    });
    expect(history.every((h) => h.by !== null)).toBe(true);
  });

  it('keeps decided measures and those with children, and deletes an idea', async () => {
    expect((await send('DELETE', `/api/measures/${ids.m}`)).json()).toMatchObject({
      code: 'measures.decided',
    });
    expect((await send('DELETE', `/api/measures/${ids.h}`)).json()).toMatchObject({
      code: 'measures.has_children',
    });
    const idea = (await send('POST', '/api/measures', { title: 'Nur eine Idee' })).json<Measure>();
    await expectGuarded(ctx.app, { method: 'DELETE', url: `/api/measures/${idea.id}` }, ctx.viewer);
    expect((await send('DELETE', `/api/measures/${idea.id}`)).statusCode).toBe(204);
    expect((await call(`/api/measures/${idea.id}`, ctx.planner)).statusCode).toBe(404);
  });
});
