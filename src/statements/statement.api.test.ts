/**
 * Statements on land-use plans on the demo city, on every engine: a planner creates, edits, reads,
 * computes and deletes them; the numbers of a plan with 100 detached houses and 200 flats checked
 * by hand against the default profile and the coverage API; the plan area in UTM; occupancy
 * profiles as versions; documents (HTML, Word) through the report machinery; and the guards (401 anonymous,
 * 403 viewers, 400/422 for bad input).
 */
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaGeometries } from '../areas/area.repository.ts';
import type { Coverage } from '../coverage/coverage.schema.ts';
import { resolveCrs } from '../geo/crs.ts';
import { bboxOf } from '../geo/stored-geometry.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import { DEFAULT_TYPES } from './occupancy.defaults.ts';
import type { OccupancyProfile } from './occupancy.schema.ts';
import type { Statement, StatementResult } from './statement.schema.ts';
import { square, squareInside } from './test-plans.ts';

const LEVEL = 'sozialraum';

const expectPeak = (peak: { year: number; need: number }, year: number, need: number) => {
  expect(peak.year).toBe(year);
  expect(peak.need).toBeCloseTo(need, 9);
};
const AREA = '101';

describe.each(engines)('statements API on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let plan: Polygon;
  let id: number;
  const send = (
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: unknown,
    cookie = ctx.planner,
  ) => ctx.app.inject({ method, url, payload: payload as never, headers: { cookie } });
  const ok = async <T>(res: Awaited<ReturnType<typeof send>>, status = 200) => {
    expect(res.statusCode, res.body.slice(0, 400)).toBe(status);
    return res.json<T>();
  };
  const body = () => ({
    name: 'Wohnen am Mühlenbach',
    planNumber: 'B-Plan Nr. 123',
    planArea: plan,
    dwellings: [
      { type: 'efh', count: 100, year: 2028 },
      { type: 'mfh', count: 200, year: 2028 },
    ],
    level: LEVEL,
  });

  beforeAll(async () => {
    ctx = await demoApp(engine);
    const geometry = (await areaGeometries(ctx.db, LEVEL, 'full')).find((a) => a.key === AREA)!.geometry;
    plan = squareInside(geometry, 0.0012);
  }, 180_000);
  afterAll(() => ctx.close());

  it('lists the default occupancy profile for planners only', async () => {
    const profiles = await ok<OccupancyProfile[]>(await send('GET', '/api/occupancy-profiles'));
    expect(profiles.map((p) => p.key)).toEqual(['neubau_standard']);
    expect(profiles[0]!.types.map((t) => [t.key, t.persons[0]])).toEqual([
      ['efh', 3.2],
      ['mfh', 2.1],
      ['gefoerdert', 2.5],
    ]);
    expect(profiles[0]!.source).toContain('Projekt-Check');
    expect((await ctx.app.inject({ url: '/api/occupancy-profiles' })).statusCode).toBe(401);
    expect((await send('GET', '/api/occupancy-profiles', undefined, ctx.viewer)).statusCode).toBe(403);
  });

  it('creates a statement from GeoJSON, reads it back and lists it', async () => {
    const s = await ok<Statement>(await send('POST', '/api/statements', body()), 201);
    id = s.id;
    expect(s).toMatchObject({
      name: 'Wohnen am Mühlenbach',
      planNumber: 'B-Plan Nr. 123',
      profile: 'neubau_standard',
    });
    expect(s.crs).toBe('EPSG:4326');
    expect(s.areaM2).toBeGreaterThan(20_000);
    expect(s.createdBy).toBe('Paula Planerin');
    expect(await ok<Statement>(await send('GET', `/api/statements/${id}`))).toEqual(s);
    const list = await ok<{ id: number; dwellings: number }[]>(await send('GET', '/api/statements'));
    expect(list).toContainEqual(expect.objectContaining({ id, dwellings: 300 }));
  });

  it('computes residents and need by hand: 100 detached houses and 200 flats first occupied in 2028', async () => {
    const r = await ok<StatementResult>(await send('GET', `/api/statements/${id}/result`));
    expect(r.areas).toEqual([expect.objectContaining({ key: AREA, share: 1 })]);
    expect(r.residents[0]!.year).toBe(2028);
    expect(r.residents).toHaveLength(10);
    // year 1: 100 × 3.2 + 200 × 2.1 persons; under 3: 9 % and 6 % of them
    expect(r.residents[0]!.groups.ew).toBeCloseTo(740, 9);
    expect(r.residents[0]!.groups.ew_u3).toBeCloseTo(28.8 + 25.2, 9);
    const need = new Map(r.needs.map((n) => [n.key, n]));
    // Kita norms first, school, playgrounds; whatever further Kita norms the city keeps
    const keys = [...need.keys()];
    expect(keys).toEqual(
      expect.arrayContaining(['kita_u3', 'kita_ue3', 'grundschule_schulpflicht', 'spielplatz_flaeche']),
    );
    expect(keys.slice(-3)).toEqual([
      'grundschule_schulpflicht',
      'spielplatz_flaeche',
      'pflegeheim_pflegequoten',
    ]);
    expectPeak(need.get('kita_u3')!.peak, 2028, 0.51 * 54);
    // 3 to 5: highest in year 4, 100 × 3.3 × 8.5 % + 200 × 2.0 × 5.3 %
    expectPeak(need.get('kita_ue3')!.peak, 2031, 0.97 * 49.25);
    // 6 to 9: year 7, 100 × 3.2 × 10.1 % + 200 × 2.0 × 5.4 %
    expectPeak(need.get('grundschule_schulpflicht')!.peak, 2034, 53.92);
    expect(need.get('grundschule_schulpflicht')!.coverage).toBeNull();
    // 1.5 m² per person, 750 persons in years 2 and 3: the first of them
    expectPeak(need.get('spielplatz_flaeche')!.peak, 2029, 1125);
    expect(r.skipped.map((s) => s.key)).toContain('spielplatz_din18034_u6');
    // a norm with weighted variables (Kita places for both age groups) weights the residents alike
    const gesamt = need.get('kita_gesamt');
    if (gesamt?.weights.length === 2) {
      const first = r.residents[0]!.groups;
      expect(gesamt.perYear[0]!.need).toBeCloseTo(
        gesamt.factor * (gesamt.weights[0]! * first.ew_u3! + gesamt.weights[1]! * first.ew_3_5!),
        9,
      );
    }
    // without a care norm: Pflegeheim places from the care rates, 19.9 % in homes at 95 % occupancy
    expect(r.care).toMatchObject({
      computed: true,
      note: 'Pflegebedarf berechnet: „Pflegeheimplätze (Pflegequoten)“.',
    });
    const care = need.get('pflegeheim_pflegequoten')!;
    expect(care.coverage).toBeNull();
    expect(care.notes[0]).toMatch(/kein Richtwert hinterlegt: gerechnet wird mit den Pflegeannahmen/);
    const first = r.residents[0]!.groups;
    const homes = 0.199 / 0.95;
    // at least every resident at the lowest rate, at most the old at the highest and the rest at 6 %
    expect(care.perYear[0]!.need).toBeGreaterThan(homes * 0.011 * first.ew!);
    expect(care.perYear[0]!.need).toBeLessThan(homes * (0.76 * first.ew_65plus! + 0.06 * first.ew!));
  });

  it('adds the peak need to the Bestand the coverage API shows for the area', async () => {
    const r = await ok<StatementResult>(await send('GET', `/api/statements/${id}/result`));
    const c = await ok<Coverage>(await send('GET', `/api/coverage?norm=kita_u3&level=${LEVEL}`));
    const today = c.rows.find((x) => x.area === AREA)!;
    const row = r.needs.find((n) => n.key === 'kita_u3')!.coverage!.rows[0]!;
    expect(row).toMatchObject({ area: AREA, supply: today.supply, demand: today.demand });
    expect(row.extra).toBeCloseTo(27.54, 9);
    expect(row.demandAfter).toBeCloseTo(today.demand! + 27.54, 9);
    expect(row.rateAfter).toBeCloseTo((today.supply! / (today.demand! + 27.54)) * 100, 9);
    expect(row.balanceAfter).toBeCloseTo(today.supply! - today.demand! - 27.54, 9);
    expect(r.populationDate).toBe('2024-12-31');
  });

  it('takes the plan area in UTM 32 and a second phase, and shares the need of a plan across two areas', async () => {
    const utm = resolveCrs({ crs: 'EPSG:25832', fileName: 'x' });
    const ring = plan.coordinates[0]!.map(([x, y]) => utm.fromWgs84(x!, y!));
    const changed = await ok<Statement>(
      await send('PATCH', `/api/statements/${id}`, {
        planArea: { type: 'Polygon', coordinates: [ring] },
        crs: 'EPSG:25832',
        dwellings: [...body().dwellings, { type: 'gefoerdert', count: 60, year: 2030 }],
      }),
    );
    expect(changed.crs).toBe('EPSG:25832');
    expect(changed.name).toBe('Wohnen am Mühlenbach');
    const r = await ok<StatementResult>(await send('GET', `/api/statements/${id}/result`));
    expect(r.residents).toHaveLength(12);
    expect(r.residents[2]!.groups.ew).toBeCloseTo(100 * 3.3 + 200 * 2.1 + 60 * 2.5, 9);

    // a large plan over the middle of the city lies in several Sozialräume
    const all = await areaGeometries(ctx.db, LEVEL, 'full');
    const boxes = all.map((a) => bboxOf(a.geometry));
    const [x0, y0] = [Math.min(...boxes.map((b) => b[0])), Math.min(...boxes.map((b) => b[1]))];
    const [x1, y1] = [Math.max(...boxes.map((b) => b[2])), Math.max(...boxes.map((b) => b[3]))];
    const wide = await ok<StatementResult>(
      await send('POST', '/api/statements/compute', {
        ...body(),
        planArea: square((x0 + x1) / 2, (y0 + y1) / 2, 0.01),
      }),
    );
    expect(wide.statement.id).toBeNull();
    expect(wide.areas.length).toBeGreaterThan(1);
    expect(wide.areas.reduce((s, a) => s + a.share, 0)).toBeCloseTo(1, 12);
    const u3 = wide.needs.find((n) => n.key === 'kita_u3')!;
    u3.coverage!.rows.forEach((row, i) =>
      expect(row.extra).toBeCloseTo(wide.areas[i]!.share * u3.peak.need, 9),
    );
    expect(u3.coverage!.total!.extra).toBeCloseTo(u3.peak.need, 9);
  });

  it('keeps occupancy profiles as versions and computes with the version valid today', async () => {
    const current = await ok<OccupancyProfile[]>(await send('GET', '/api/occupancy-profiles'));
    const types = current[0]!.types.map((t) =>
      t.key === 'efh' ? { ...t, persons: t.persons.map(() => 4) } : t,
    );
    const put = await send('PUT', '/api/occupancy-profiles/neubau_standard', {
      name: current[0]!.name,
      source: 'Melderegister der Stadt, Neubaugebiete 2015–2024',
      types,
      validFrom: '2020-01-01',
    });
    const v2 = await ok<OccupancyProfile>(put);
    expect(v2.validFrom).toBe('2020-01-01');
    const shown = await ok<{ history: OccupancyProfile[] }>(
      await send('GET', '/api/occupancy-profiles/neubau_standard'),
    );
    expect(shown.history.map((h) => [h.validFrom, h.validTo])).toEqual([
      [null, '2020-01-01'],
      ['2020-01-01', null],
    ]);
    const r = await ok<StatementResult>(await send('GET', `/api/statements/${id}/result`));
    expect(r.profile.source).toContain('Melderegister');
    expect(r.residents[0]!.groups.ew).toBeCloseTo(100 * 4 + 200 * 2.1, 9);
    const earlier = await send('PUT', '/api/occupancy-profiles/neubau_standard', {
      ...put.json<object>(),
      validFrom: '2019-01-01',
    });
    expect(earlier.statusCode).toBe(409);
    const bad = await send('PUT', '/api/occupancy-profiles/neubau_standard', {
      name: 'x',
      types: [{ ...types[0], ageShares: types[0]!.ageShares.map((s) => s.map((v) => v / 2)) }],
    });
    expect(bad.statusCode).toBe(400);
  });

  it('makes the Stellungnahme as HTML and Word through the report machinery', async () => {
    const html = await send('GET', `/api/statements/${id}/document?format=html`);
    expect(html.statusCode, html.body.slice(0, 300)).toBe(200);
    expect(html.headers['content-type']).toContain('text/html');
    expect(html.body).toContain(
      'Stellungnahme der Sozialplanung zum Bebauungsplan Nr. 123 „Wohnen am Mühlenbach“',
    );
    expect(html.body).toContain('Annahmen und Quellen');
    expect(html.body).toContain('Projekt-Check');
    const docx = await send('GET', `/api/statements/${id}/document?format=docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-disposition']).toMatch(/^attachment; filename=".*Stellungnahme.*\.docx"/);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const wrong = await send('GET', `/api/statements/${id}/document?template=steckbrief`);
    expect(wrong.statusCode).toBe(400);
    // the report API refuses the statement template, which needs a statement
    const viaReports = await send('GET', '/api/reports/render?template=stellungnahme&format=html');
    expect(viaReports.json()).toMatchObject({ code: 'reports.statement_template' });
  }, 120_000);

  it('refuses bad input with German messages', async () => {
    const unknown = await send('POST', '/api/statements', {
      ...body(),
      dwellings: [{ type: 'villa', count: 3, year: 2028 }],
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'statements.unknown_dwelling_type' });
    expect(unknown.json<{ message: string }>().message).toContain('„efh“');
    const line = await send('POST', '/api/statements', {
      ...body(),
      planArea: {
        type: 'Feature',
        properties: {},
        geometry: {
          type: 'LineString',
          coordinates: [
            [7, 51],
            [7.1, 51],
          ],
        },
      },
    });
    expect(line.statusCode).toBe(422);
    expect(line.json()).toMatchObject({ code: 'import.not_polygon' });
    const far = await send('POST', '/api/statements/compute', {
      ...body(),
      planArea: square(11.5, 48.1, 0.002),
    });
    expect(far.json()).toMatchObject({ code: 'statements.plan_outside' });
    const noDwellings = await send('POST', '/api/statements', { ...body(), dwellings: [] });
    expect(noDwellings.statusCode).toBe(400);
    expect((await send('GET', '/api/statements/999999')).statusCode).toBe(404);
  });

  it('guards every route: anonymous 401, viewers 403', async () => {
    await expectGuarded(ctx.app, { method: 'POST', url: '/api/statements', payload: body() }, ctx.viewer);
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: '/api/statements/compute', payload: body() },
      ctx.viewer,
    );
    await expectGuarded(
      ctx.app,
      { method: 'PATCH', url: `/api/statements/${id}`, payload: { name: 'x' } },
      ctx.viewer,
    );
    await expectGuarded(ctx.app, { method: 'DELETE', url: `/api/statements/${id}` }, ctx.viewer);
    await expectGuarded(
      ctx.app,
      {
        method: 'PUT',
        url: '/api/occupancy-profiles/neu',
        payload: { name: 'x', types: [DEFAULT_TYPES[0]] },
      },
      ctx.viewer,
    );
    for (const url of [
      `/api/statements/${id}`,
      `/api/statements/${id}/result`,
      `/api/statements/${id}/document`,
      '/api/statements',
    ]) {
      expect((await ctx.app.inject({ url })).statusCode, url).toBe(401);
      expect((await send('GET', url, undefined, ctx.viewer)).statusCode, url).toBe(403);
    }
  });

  it('deletes a statement', async () => {
    expect((await send('DELETE', `/api/statements/${id}`)).statusCode).toBe(204);
    expect((await send('GET', `/api/statements/${id}`)).statusCode).toBe(404);
    expect((await send('DELETE', `/api/statements/${id}`)).statusCode).toBe(404);
  });
});
