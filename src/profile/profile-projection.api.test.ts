/**
 * The Prognose in the Steckbrief over HTTP on the demo city, on every engine: none while no run is
 * published; once one is, planners read the run's exact values for the area, its district and the
 * city, the public the same cells the atlas publishes (rounded to tens, small areas only within
 * their district); none on a level finer than the run's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunValues, StoredProjection } from '../projection/projection-series.schema.ts';
import { assembleAreaReport } from '../reports/assemble-area.ts';
import { renderHtml } from '../reports/render-html.ts';
import type { ReportTable } from '../reports/report-model.ts';
import { STECKBRIEF } from '../reports/templates.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { Steckbrief } from './profile.schema.ts';

const BODY = {
  name: 'Prognose 2024–2032',
  level: 'sozialraum',
  base: '2024-12-31',
  to: '2032-12-31',
  variables: ['ew_u3', 'ew_65plus'],
};
const SHOWN = ['2029-12-31', '2032-12-31'];

describe.each(engines)('Prognose in the Steckbrief on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let run: StoredProjection;
  /** The run's exact values, `area|date|variable` → persons (planners' view). */
  const exact = new Map<string, number>();
  /** A Sozialraum below the minimum population, and one well above it. */
  let small: string;
  let large: string;
  const call = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const steckbrief = async (url: string, cookie?: string) => {
    const res = await call(url, cookie);
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    return res.json<Steckbrief>();
  };
  const row = (p: Steckbrief, key: string) => p.projection!.indicators.find((i) => i.key === key)!;

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 300_000);
  afterAll(() => ctx?.close());

  it('has no Prognose while no run is published', async () => {
    for (const cookie of [undefined, ctx.planner])
      expect((await steckbrief('/api/profiles/sozialraum/101', cookie)).projection).toBeNull();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/projection/runs',
      payload: BODY,
      headers: { cookie: ctx.planner },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const unpublished = res.json<StoredProjection>();
    // stored, not published: still none, not even for planners
    expect((await steckbrief('/api/profiles/sozialraum/101', ctx.planner)).projection).toBeNull();
    const values = (
      await call(`/api/projection/runs/${unpublished.id}/values`, ctx.planner)
    ).json<RunValues>();
    const sizes = new Map<string, number>();
    for (const v of values.values)
      if (v.variable === 'ew') sizes.set(v.area, Math.min(sizes.get(v.area) ?? Infinity, v.value!));
    const sorted = [...sizes].sort((a, b) => a[1] - b[1]);
    small = sorted[0]![0];
    large = sorted.at(-1)![0];
    // published with a threshold above the three smallest areas, so that the rule bites
    const second = await ctx.app.inject({
      method: 'POST',
      url: '/api/projection/runs',
      payload: { ...BODY, minPopulation: sorted[2]![1] + 1, published: true },
      headers: { cookie: ctx.planner },
    });
    expect(second.statusCode, second.body.slice(0, 300)).toBe(200);
    run = second.json<StoredProjection>();
    for (const v of values.values) exact.set(`${v.area}|${v.date}|${v.variable}`, v.value!);
  }, 300_000);

  it('gives planners the run’s exact values for area, district and city', async () => {
    const p = await steckbrief(`/api/profiles/sozialraum/${small}`, ctx.planner);
    expect(p.projection).toMatchObject({
      id: run.id,
      name: BODY.name,
      level: 'sozialraum',
      base: '2024-12-31',
      method: 'hamilton-perry',
      variant: 'main',
      minPopulation: run.minPopulation,
      rounded: false,
      dates: [p.dates.at(-1), ...SHOWN],
    });
    const keys = p.projection!.indicators.map((i) => i.key);
    expect(keys).toEqual(expect.arrayContaining(['einwohner', 'kinder_u3']));
    // only indicators of one Stichtag: no changes over years, none of variables not projected
    expect(keys).not.toContain('bevoelkerungsentwicklung_5j');
    expect(keys).not.toContain('sgb2_quote');
    const ew = row(p, 'einwohner');
    const observed = p.themes.flatMap((t) => t.indicators).find((i) => i.key === 'einwohner')!;
    const last = observed.series.at(-1)!;
    expect(ew.values[0]).toEqual({
      date: last.date,
      projected: false,
      value: { value: last.value, status: last.status },
      district: { value: last.districtValue, status: last.districtStatus },
      city: { value: last.cityValue, status: last.cityStatus },
    });
    for (const [k, date] of SHOWN.entries()) {
      const v = ew.values[k + 1]!;
      expect(v).toMatchObject({
        date,
        projected: true,
        value: { value: exact.get(`${small}|${date}|ew`), status: 'estimated' },
      });
      expect(v.district?.status).toBe('estimated');
      expect(v.city.value).toBeGreaterThan(v.district!.value!);
    }
    const u3 = row(p, 'kinder_u3').values.at(-1)!;
    expect(u3.value.value).toBe(exact.get(`${small}|2032-12-31|ew_u3`));
  });

  it('shows the public rounded values and small areas only within their district', async () => {
    for (const cookie of [undefined, ctx.viewer]) {
      const hidden = await steckbrief(`/api/profiles/sozialraum/${small}`, cookie);
      expect(hidden.projection).toMatchObject({ id: run.id, rounded: true });
      for (const i of hidden.projection!.indicators)
        for (const v of i.values.filter((x) => x.projected)) {
          expect(v.value, `${i.key} ${v.date}`).toEqual({ value: null, status: 'secret' });
          expect(v.city.status).toBe('estimated');
        }
      const shown = await steckbrief(`/api/profiles/sozialraum/${large}`, cookie);
      const public_ = (await call(`/api/projection/runs/${run.id}/values`, cookie)).json<RunValues>();
      for (const v of row(shown, 'einwohner').values.filter((x) => x.projected)) {
        const cell = public_.values.find(
          (c) => c.area === large && c.date === v.date && c.variable === 'ew',
        )!;
        expect(v.value).toEqual({ value: cell.value, status: 'estimated' });
        expect(v.value.value! % 10).toBe(0);
        expect(Math.abs(v.value.value! - exact.get(`${large}|${v.date}|ew`)!)).toBeLessThanOrEqual(5);
        expect(v.district!.value! % 10).toBe(0);
        expect(v.city.value! % 10).toBe(0);
      }
      // the same as the atlas shows for the Stichtag
      const atlas = (
        await call(`/api/indicators/kinder_u3/values?level=sozialraum&date=2032-12-31`, cookie)
      ).json<{ values: { id: string; value: number | null; status: string }[] }>();
      const own = atlas.values.find((v) => v.id === large)!;
      expect(row(shown, 'kinder_u3').values.at(-1)!.value).toEqual({ value: own.value, status: own.status });
    }
  });

  it('puts the Prognose table after the indicator table of a Steckbrief report', async () => {
    const report = await assembleAreaReport(ctx.db, null, STECKBRIEF, { level: 'sozialraum', area: small });
    const blocks = report.sections.flatMap((s) => s.blocks);
    const at = blocks.findIndex((b) => b.kind === 'table' && b.title.startsWith('Prognose für'));
    expect(at).toBeGreaterThan(0);
    expect(blocks[at - 1]).toMatchObject({
      kind: 'table',
      columns: expect.arrayContaining(['Rang']) as string[],
    });
    const table = blocks[at] as ReportTable;
    expect(table.title).toContain('gerundet, unsicher');
    expect(table.rows[0]!.slice(-2)).toEqual(['nur im Bezirk ausgewiesen', 'nur im Bezirk ausgewiesen']);
    expect(renderHtml(report)).toContain('nur im Bezirk ausgewiesen');
  });

  it('gives a Stadtbezirk its sums without a district, and nothing on a level finer than the run’s', async () => {
    const district = await steckbrief('/api/profiles/stadtbezirk/1');
    expect(district.projection?.dates.slice(1)).toEqual(SHOWN);
    const v = row(district, 'einwohner').values.at(-1)!;
    expect(v.district).toBeNull();
    expect(v.value.value! % 10).toBe(0);

    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/projection/runs',
      payload: { ...BODY, level: 'stadtbezirk', published: true },
      headers: { cookie: ctx.planner },
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    for (const cookie of [undefined, ctx.planner])
      expect((await steckbrief(`/api/profiles/sozialraum/${large}`, cookie)).projection).toBeNull();
    expect((await steckbrief('/api/profiles/stadtbezirk/1')).projection).toMatchObject({
      id: res.json<StoredProjection>().id,
      level: 'stadtbezirk',
    });
  }, 300_000);
});
