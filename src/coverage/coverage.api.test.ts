/**
 * Coverage on the demo city, on every engine: rows for every area with the facilities count's
 * capacity as supply, districts and the city from their own counts, the public protected (secret
 * demand hides rate and balance), scenarios beside the Bestand, norms changed as versions, travel-
 * cost matrices, exports, and the guards (401 anonymous, 403 viewers).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Facility, FacilityCount } from '../facilities/facility.schema.ts';
import { loadTotals } from '../observations/observation.repository.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import type { Coverage, CoverageRow, ImportMatrixResult } from './coverage.schema.ts';
import type { Norm } from './norm.schema.ts';

const LATEST = '2024-12-31';

function upload(name: string, text: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
}

describe.each(engines)('coverage API on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  const get = async <T>(url: string, cookie?: string) => {
    const res = await ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json<T>();
  };
  const send = (method: 'POST' | 'PATCH' | 'DELETE', url: string, payload: unknown, cookie = ctx.planner) =>
    ctx.app.inject({ method, url, payload: payload as never, headers: { cookie } });
  /** ew_u3 of every area id at a Stichtag, unprotected (the truth the planner sees). */
  const u3At = async (date: string) => (await loadTotals(ctx.db, ['ew_u3'])).get('ew_u3')!.get(date)!;

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 180_000);
  afterAll(() => ctx.close());

  it('lists the built-in norms for everyone, each with its source and history', async () => {
    const norms = await get<Norm[]>('/api/norms');
    expect(norms.map((n) => n.key)).toEqual([
      'kita_gesamt',
      'kita_u3',
      'kita_ue3',
      'spielplatz_din18034_u6',
      'spielplatz_flaeche',
    ]);
    const [gesamt, u3, ue3] = norms;
    expect(gesamt).toMatchObject({
      facilityType: 'kita',
      demand: ['ew_u3', 'ew_3_5'],
      weights: [0.51, 0.97],
      factor: 1,
      supplyProperty: null,
    });
    expect(u3).toMatchObject({
      facilityType: 'kita',
      demand: ['ew_u3'],
      weights: [1],
      factor: 0.51,
      supplyProperty: 'plaetze_u3',
      published: true,
    });
    expect(ue3).toMatchObject({ demand: ['ew_3_5'], factor: 0.97, supplyProperty: 'plaetze_ue3' });
    expect(u3!.source).toContain('BMFSFJ');
    expect(norms[3]!.catchment).toEqual({ kind: 'walking', maxDistance: 200, detour: 1.3 });
    const unknown = await ctx.app.inject({ url: '/api/norms/pflege' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'coverage.unknown_norm' });
  });

  it('gives every area a row: supply = capacity counted in it, demand = 0.51 × U3 + 0.97 × 3 to 5', async () => {
    const c = await get<Coverage>(
      `/api/coverage?norm=kita_gesamt&level=sozialraum&date=${LATEST}`,
      ctx.planner,
    );
    const count = await get<FacilityCount>(`/api/facilities/count?type=kita&level=sozialraum&date=${LATEST}`);
    expect(c.rows.map((r) => r.area)).toEqual(count.areas.map((a) => a.area));
    expect(c.rows.map((r) => r.supply)).toEqual(count.areas.map((a) => a.capacity));
    expect(c.rows.some((r) => r.supply === 0)).toBe(true);
    const areas = await get<{ id: string }[]>('/api/areas?level=sozialraum');
    expect(c.rows).toHaveLength(areas.length);
    const u3 = await u3At(LATEST);
    const from3 = (await loadTotals(ctx.db, ['ew_3_5'])).get('ew_3_5')!.get(LATEST)!;
    const ids = new Map(c.rows.map((r) => [r.area, r]));
    const tree = await ctx.db.query<{ id: number; key: string }>(
      "SELECT a.id, a.key FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'sozialraum' AND a.valid_to IS NULL",
    );
    for (const a of tree) {
      const row = ids.get(a.key)!;
      expect(row.demand).toBeCloseTo(0.51 * u3.get(a.id)!.value! + 0.97 * from3.get(a.id)!.value!, 9);
      if (row.demand! > 0) expect(row.rate).toBeCloseTo((row.supply! / row.demand!) * 100, 9);
      expect(row.balance).toBeCloseTo(row.supply! - row.demand!, 9);
    }
    expect(c.stichtage).toHaveLength(1);
    expect(c.stichtage[0]).toMatchObject({
      date: LATEST,
      populationDate: LATEST,
      version: { factor: 1, demand: ['ew_u3', 'ew_3_5'], weights: [0.51, 0.97], supplyProperty: null },
    });
    // every Kita of the demo city has places for both age groups that add up to its capacity
    expect(c.city[0]!.rate).toBeGreaterThan(90);
    expect(c.city[0]!.rate).toBeLessThan(115);
  });

  it('counts the places for each age group where the Kitas name them (plaetze_u3, plaetze_ue3)', async () => {
    const places = await ctx.db.query<{ area: string; capacity: number; u3: number; ue3: number }>(
      `SELECT a.key AS area, f.capacity, (f.properties->>'plaetze_u3')::float8 AS u3,
              (f.properties->>'plaetze_ue3')::float8 AS ue3
         FROM facility f JOIN area a ON a.id = f.area_id WHERE f.type = 'kita'`,
    );
    expect(places.length).toBeGreaterThan(100);
    for (const p of places) expect(p.u3 + p.ue3).toBe(p.capacity);
    const sum = (key: 'u3' | 'ue3', area?: string) =>
      places.filter((p) => area === undefined || p.area === area).reduce((s, p) => s + p[key], 0);
    for (const [norm, key] of [
      ['kita_u3', 'u3'],
      ['kita_ue3', 'ue3'],
    ] as const) {
      const c = await get<Coverage>(
        `/api/coverage?norm=${norm}&level=sozialraum&date=${LATEST}`,
        ctx.planner,
      );
      for (const r of c.rows) expect(r.supply, `${norm} ${r.area}`).toBe(sum(key, r.area));
      expect(c.city[0]!.supply).toBe(sum(key));
      expect(c.stichtage[0]!.version?.supplyProperty).toBe(`plaetze_${key}`);
      expect(c.notes).toEqual([]);
      // plausible on the demo city, not the 330 % of counting every place against one age group
      expect(c.city[0]!.rate).toBeGreaterThan(60);
      expect(c.city[0]!.rate).toBeLessThan(115);
    }
  });

  it('computes districts and the city from their own counts, not by averaging rates', async () => {
    const c = await get<Coverage>(
      `/api/coverage?norm=kita_gesamt&level=sozialraum&date=${LATEST}`,
      ctx.planner,
    );
    expect(c.parentLevel).toBe('stadtbezirk');
    const districts = await get<FacilityCount>(
      `/api/facilities/count?type=kita&level=stadtbezirk&date=${LATEST}`,
    );
    expect(c.parents.map((p) => [p.area, p.supply])).toEqual(
      districts.areas.map((a) => [a.area, a.capacity]),
    );
    const byParent = new Map<string, CoverageRow[]>();
    const parentOf = new Map(
      (await get<{ id: string; parent: string }[]>('/api/areas?level=sozialraum')).map((a) => [
        a.id,
        a.parent,
      ]),
    );
    for (const r of c.rows)
      byParent.set(parentOf.get(r.area)!, [...(byParent.get(parentOf.get(r.area)!) ?? []), r]);
    for (const p of c.parents) {
      const kids = byParent.get(p.area)!;
      const demand = kids.reduce((s, r) => s + r.demand!, 0);
      expect(p.demand).toBeCloseTo(demand, 6);
      expect(p.rate).toBeCloseTo((p.supply! / demand) * 100, 6);
    }
    const meanOfRates = c.rows.reduce((s, r) => s + (r.rate ?? 0), 0) / c.rows.length;
    const city = c.city[0]!;
    expect(city.supply).toBe(districts.total.capacity);
    expect(city.demand).toBeCloseTo(
      c.rows.reduce((s, r) => s + r.demand!, 0),
      6,
    );
    expect(city.rate).toBeCloseTo((city.supply! / city.demand!) * 100, 9);
    expect(Math.abs(city.rate! - meanOfRates)).toBeGreaterThan(1);
  });

  it('shows the public only protected demand: a secret count hides demand, rate and balance, not the capacity', async () => {
    const planner = await get<Coverage>(`/api/coverage?norm=kita_ue3&level=sozialraum&series=1`, ctx.planner);
    const pub = await get<Coverage>(`/api/coverage?norm=kita_ue3&level=sozialraum&series=1`);
    expect(pub.rows).toHaveLength(planner.rows.length);
    const secret = pub.rows.filter((r) => r.status === 'secret');
    expect(secret.length).toBeGreaterThan(0);
    for (const r of secret) {
      expect(r).toMatchObject({ demand: null, rate: null, balance: null });
      expect(r.supply).not.toBeNull();
    }
    pub.rows.forEach((r, i) => {
      const p = planner.rows[i]!;
      expect([r.area, r.date]).toEqual([p.area, p.date]);
      expect(r.supply).toBe(p.supply);
      if (r.status === 'value') {
        expect(r.demand).toBe(Math.round(p.demand! * 10) / 10);
        expect(r.rate).toBe(p.rate === null ? null : Math.round(p.rate * 10) / 10);
      }
    });
    expect(planner.rows.every((r) => r.status !== 'secret')).toBe(true);
  });

  it('keeps walking-distance shares between 0 and 100 and hides reached supply beside a secret demand', async () => {
    const c = await get<Coverage>(`/api/coverage?norm=spielplatz_din18034_u6&level=sozialraum`);
    expect(c.rows.length).toBeGreaterThan(10);
    for (const r of c.rows) {
      if (r.status === 'secret') expect(r.supply).toBeNull();
      else {
        expect(r.rate).toBeGreaterThanOrEqual(0);
        expect(r.rate).toBeLessThanOrEqual(100);
      }
    }
    expect(c.city[0]!.rate).toBeGreaterThan(0);
  });

  it('guards norms, scenarios and matrices: 401 anonymous, 403 for viewers', async () => {
    const norm = { key: 'x', facilityType: 'kita', name: 'X', demand: ['ew_u3'], factor: 1 };
    await expectGuarded(ctx.app, { method: 'POST', url: '/api/norms', payload: norm }, ctx.viewer);
    await expectGuarded(
      ctx.app,
      { method: 'PATCH', url: '/api/norms/kita_u3', payload: { factor: 1 } },
      ctx.viewer,
    );
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: '/api/scenarios', payload: { name: 'x' } },
      ctx.viewer,
    );
    await expectGuarded(
      ctx.app,
      { method: 'DELETE', url: '/api/scenarios/x', payload: undefined },
      ctx.viewer,
    );
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: '/api/travel-matrices/import', payload: upload('m.csv', 'x', { name: 'm' }) },
      ctx.viewer,
    );
    for (const url of ['/api/scenarios', '/api/travel-matrices']) {
      expect((await ctx.app.inject({ url })).statusCode, url).toBe(401);
      expect((await ctx.app.inject({ url, headers: { cookie: ctx.viewer } })).statusCode, url).toBe(403);
    }
    const withScenario = `/api/coverage?norm=kita_u3&level=sozialraum&date=2030-12-31&scenario=x`;
    expect((await ctx.app.inject({ url: withScenario })).statusCode).toBe(401);
    expect((await ctx.app.inject({ url: withScenario, headers: { cookie: ctx.viewer } })).statusCode).toBe(
      403,
    );
    const bad = await ctx.app.inject({ url: '/api/coverage?norm=kita_u3&level=sozialraum&date=morgen' });
    expect(bad.statusCode).toBe(400);
    const level = await ctx.app.inject({ url: '/api/coverage?norm=kita_u3&level=ortsteil' });
    expect(level.statusCode).toBe(404);
    expect(level.json()).toMatchObject({ code: 'coverage.unknown_level' });
  });

  it('shows a scenario beside the Bestand: a new Kita raises its area’s rate by capacity / demand', async () => {
    const kitas = await get<Facility[]>('/api/facilities?type=kita');
    const c0 = await get<Coverage>(
      `/api/coverage?norm=kita_gesamt&level=sozialraum&date=2030-12-31`,
      ctx.planner,
    );
    const target = c0.rows.find((r) => r.demand! > 20 && kitas.some((k) => k.area === r.area))!;
    const site = kitas.find((k) => k.area === target.area)!;
    const created = await send('POST', '/api/scenarios', {
      name: 'Ausbau 2030',
      description: 'Neue Kita',
      changes: [
        {
          kind: 'opening',
          type: 'kita',
          name: 'Kita Neubau',
          capacity: 80,
          lon: site.lon,
          lat: site.lat,
          validFrom: '2027-08-01',
        },
        { kind: 'quarter', level: 'sozialraum', area: target.area, population: { ew_u3: 0 } },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = await get<Coverage>(
      `/api/coverage?norm=kita_gesamt&level=sozialraum&date=2030-12-31&scenario=${encodeURIComponent('Ausbau 2030')}`,
      ctx.planner,
    );
    expect(c.stichtage[0]!.populationDate).toBe(LATEST);
    const s = c.scenarios[0]!;
    expect(s.name).toBe('Ausbau 2030');
    const i = c.rows.findIndex((r) => r.area === target.area);
    expect(s.rows[i]!.supply).toBe(c.rows[i]!.supply! + 80);
    expect(s.rows[i]!.rate! - c.rows[i]!.rate!).toBeCloseTo((80 / c.rows[i]!.demand!) * 100, 9);
    s.rows.forEach((r, j) => j !== i && expect(r).toEqual(c.rows[j]));
    expect(s.city[0]!.supply).toBe(c.city[0]!.supply! + 80);
    // before the opening the scenario equals the Bestand
    const before = await get<Coverage>(
      `/api/coverage?norm=kita_gesamt&level=sozialraum&date=2026-12-31&scenario=${encodeURIComponent('Ausbau 2030')}`,
      ctx.planner,
    );
    expect(before.scenarios[0]!.rows).toEqual(before.rows);

    // a residential quarter adds demand to its area and every area above it
    const withQuarter = await send('POST', `/api/scenarios/${encodeURIComponent('Ausbau 2030')}/changes`, [
      { kind: 'quarter', level: 'sozialraum', area: target.area, population: { ew_u3: 100, ew: 2000 } },
    ]);
    expect(withQuarter.statusCode, withQuarter.body).toBe(200);
    const q = await get<Coverage>(
      `/api/coverage?norm=kita_gesamt&level=sozialraum&date=2030-12-31&scenario=${encodeURIComponent('Ausbau 2030')}`,
      ctx.planner,
    );
    expect(q.scenarios[0]!.rows[i]!.demand).toBeCloseTo(q.rows[i]!.demand! + 51, 9);
    expect(q.scenarios[0]!.city[0]!.demand).toBeCloseTo(q.city[0]!.demand! + 51, 9);
    const unknown = await send('POST', '/api/scenarios/nix/changes', [
      { kind: 'closure', type: 'kita', facility: site.key },
    ]);
    expect(unknown.statusCode).toBe(404);
    const noKita = await send('POST', `/api/scenarios/${encodeURIComponent('Ausbau 2030')}/changes`, [
      { kind: 'closure', type: 'kita', facility: 'gibt-es-nicht' },
    ]);
    expect(noKita.json()).toMatchObject({ code: 'coverage.unknown_facility' });
  });

  it('changes a norm from a day as a new version: older Stichtage keep the old factor', async () => {
    const changed = await send('PATCH', '/api/norms/kita_u3', { factor: 0.6, validFrom: '2020-01-01' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json<Norm>()).toMatchObject({ factor: 0.6, validFrom: '2020-01-01', validTo: null });
    const shown = await get<Norm & { history: Norm[] }>('/api/norms/kita_u3');
    expect(shown.history.map((v) => [v.factor, v.validFrom, v.validTo])).toEqual([
      [0.51, null, '2020-01-01'],
      [0.6, '2020-01-01', null],
    ]);
    const c = await get<Coverage>('/api/coverage?norm=kita_u3&level=sozialraum&series=1', ctx.planner);
    expect(c.stichtage.map((s) => s.version?.factor)).toEqual([
      0.51, 0.51, 0.51, 0.51, 0.51, 0.6, 0.6, 0.6, 0.6, 0.6,
    ]);
    const u3 = await u3At('2019-12-31');
    const first = c.rows.find((r) => r.date === '2019-12-31')!;
    const id = (
      await ctx.db.query<{ id: number }>('SELECT id FROM area WHERE key = $1 AND valid_to IS NULL', [
        first.area,
      ])
    )[0]!.id;
    expect(first.demand).toBeCloseTo(0.51 * u3.get(id)!.value!, 9);
    const later = c.rows.find((r) => r.date === '2020-12-31' && r.area === first.area)!;
    expect(later.demand! / (await u3At('2020-12-31')).get(id)!.value!).toBeCloseTo(0.6, 9);
    const again = await send('PATCH', '/api/norms/kita_u3', { factor: 0.5, validFrom: '2019-06-30' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'coverage.norm_start_taken' });
    const missingVar = await send('PATCH', '/api/norms/kita_u3', { demand: ['kinder'] });
    expect(missingVar.json()).toMatchObject({ code: 'coverage.unknown_variables' });
  });

  it('creates norms with district and floating catchments; 2SFCA keeps the supply', async () => {
    const district = await send('POST', '/api/norms', {
      key: 'kita_bezirk',
      facilityType: 'kita',
      name: 'Kita U6 im Stadtbezirk',
      demand: ['ew_u3', 'ew_3_5'],
      factor: 0.75,
      catchment: { kind: 'district', level: 'stadtbezirk' },
      published: false,
    });
    expect(district.statusCode, district.body).toBe(201);
    const c = await get<Coverage>(
      `/api/coverage?norm=kita_bezirk&level=sozialraum&date=${LATEST}`,
      ctx.planner,
    );
    const parents = new Map(c.parents.map((p) => [p.area, p]));
    const parentOf = new Map(
      (await get<{ id: string; parent: string }[]>('/api/areas?level=sozialraum')).map((a) => [
        a.id,
        a.parent,
      ]),
    );
    for (const r of c.rows) {
      const p = parents.get(parentOf.get(r.area)!)!;
      expect([r.supply, r.demand, r.rate]).toEqual([p.supply, p.demand, p.rate]);
    }
    // unpublished: the public does not see it
    expect(
      (await ctx.app.inject({ url: '/api/coverage?norm=kita_bezirk&level=sozialraum' })).statusCode,
    ).toBe(404);

    const fca = await send('POST', '/api/norms', {
      key: 'kita_2sfca',
      facilityType: 'kita',
      name: 'Kita U6, 2SFCA 1,5 km',
      demand: ['ew_u3', 'ew_3_5'],
      factor: 0.75,
      catchment: {
        kind: 'fca',
        maxCost: 1500,
        detour: 1.3,
        decay: { kind: 'gaussian' },
        method: '2sfca',
        cellSize: 200,
      },
    });
    expect(fca.statusCode, fca.body).toBe(201);
    const f = await get<Coverage>(
      `/api/coverage?norm=kita_2sfca&level=sozialraum&date=${LATEST}`,
      ctx.planner,
    );
    const capacity = (await get<FacilityCount>(`/api/facilities/count?type=kita&level=stadt&date=${LATEST}`))
      .total.capacity;
    const reached = f.rows.reduce((s, r) => s + r.supply!, 0);
    expect(reached).toBeLessThanOrEqual(capacity + 1e-6);
    expect(reached).toBeGreaterThan(0.95 * capacity);
    expect(f.city[0]!.supply).toBeCloseTo(reached, 6);
    expect(f.parents.reduce((s, p) => s + p.supply!, 0)).toBeCloseTo(reached, 6);

    // a Kita 150 m beyond the city's westernmost point lies outside every area, yet children reach it
    const outline = JSON.parse(
      (await ctx.app.inject({ url: '/api/areas/geojson?level=stadt&detail=full' })).body,
    ) as { features: { geometry: { coordinates: unknown } }[] };
    const points = (
      JSON.stringify(outline.features[0]!.geometry.coordinates).match(/-?\d+\.?\d*,-?\d+\.?\d*/g) ?? []
    )
      .map((p) => p.split(',').map(Number) as [number, number])
      .sort((a, b) => a[0] - b[0]);
    const [west, lat] = points[0]!;
    const created = await send('POST', '/api/scenarios', {
      name: 'Nachbargemeinde',
      changes: [
        {
          kind: 'opening',
          type: 'kita',
          name: 'Kita jenseits der Grenze',
          capacity: 50,
          lon: west - 0.002,
          lat,
        },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const beside = await get<Coverage>(
      `/api/coverage?norm=kita_2sfca&level=sozialraum&date=2030-12-31&scenario=Nachbargemeinde`,
      ctx.planner,
    );
    expect(beside.scenarios[0]!.city[0]!.supply! - beside.city[0]!.supply!).toBeCloseTo(50, 6);
    const ownArea = await get<Coverage>(
      `/api/coverage?norm=kita_ue3&level=sozialraum&date=2030-12-31&scenario=Nachbargemeinde`,
      ctx.planner,
    );
    expect(ownArea.scenarios[0]!.city[0]!.supply).toBe(ownArea.city[0]!.supply);
  });

  it('imports a travel-cost matrix and uses it instead of straight lines', async () => {
    const kitas = await get<Facility[]>('/api/facilities?type=kita');
    const areas = await get<{ id: string }[]>('/api/areas?level=sozialraum');
    // each area reaches only its own Kitas: 2SFCA then gives each area its own capacity
    const lines = ['InputID,TargetID,Distance'];
    for (const a of areas)
      for (const k of kitas) lines.push(`${a.id},${k.key},${k.area === a.id ? 300 : 5000}`);
    lines.push(`${areas[0]!.id},unbekannt,10`);
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/travel-matrices/import',
      payload: upload('qgis.csv', lines.join('\n'), { name: 'Fußwege', level: 'sozialraum', type: 'kita' }),
      headers: { cookie: ctx.planner },
    });
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json<ImportMatrixResult>();
    expect(m).toMatchObject({ name: 'Fußwege', pairs: areas.length * kitas.length, unit: 'm' });
    expect(m.warnings[0]).toContain('„unbekannt“');
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/travel-matrices/import',
      payload: upload('x.csv', 'InputID,TargetID,Distance\n999,K,1\n', {
        name: 'x',
        level: 'sozialraum',
        type: 'kita',
      }),
      headers: { cookie: ctx.planner },
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'import.matrix_unknown_origins' });

    const norm = await send('POST', '/api/norms', {
      key: 'kita_matrix',
      facilityType: 'kita',
      name: 'Kita U3 mit Fußwegen',
      demand: ['ew_u3'],
      factor: 0.51,
      catchment: { kind: 'fca', maxCost: 1000, costs: { matrix: m.id } },
    });
    expect(norm.statusCode, norm.body).toBe(201);
    const withMatrix = await get<Coverage>(
      `/api/coverage?norm=kita_matrix&level=sozialraum&date=${LATEST}`,
      ctx.planner,
    );
    const own = await get<Coverage>(
      `/api/coverage?norm=kita_gesamt&level=sozialraum&date=${LATEST}`,
      ctx.planner,
    );
    withMatrix.rows.forEach((r, i) => {
      const o = own.rows[i]!;
      if (r.demand! > 0) expect(r.supply).toBeCloseTo(o.supply!, 6);
    });
    const inUse = await send('DELETE', `/api/travel-matrices/${m.id}`, undefined);
    expect(inUse.statusCode).toBe(409);
    const other = await ctx.app.inject({
      url: `/api/coverage?norm=kita_matrix&level=stadtbezirk&date=${LATEST}`,
      headers: { cookie: ctx.planner },
    });
    expect(other.statusCode).toBe(400);
    expect(other.json()).toMatchObject({ code: 'coverage.matrix_level' });
  });

  it('exports the public table as German CSV and XLSX, secret values as ·', async () => {
    const csv = await ctx.app.inject({ url: '/api/coverage/export?norm=kita_ue3&level=sozialraum&series=1' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('versorgung_kita_ue3_sozialraum_zeitreihe.csv');
    const lines = csv.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFGebietsschlüssel;Gebiet;Ebene;Stichtag;Versorgung (Plätze);Bedarf (Plätze);Versorgungsquote (%);Saldo (Plätze);Status;Richtwert;Quelle',
    );
    const c = await get<Coverage>('/api/coverage?norm=kita_ue3&level=sozialraum&series=1');
    expect(lines).toHaveLength(1 + c.rows.length + c.parents.length + c.city.length);
    expect(lines.some((l) => /;·;·;·;geheim;/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/;Gesamtstadt;2024-12-31;\d+,0;\d+,\d;\d+,\d;-?\d+,\d;Wert;/);
    const xlsx = await ctx.app.inject({
      url: `/api/coverage/export?norm=kita_ue3&level=sozialraum&date=${LATEST}&format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('counts planned places per age group and says which Kitas lack them', async () => {
    const kitas = await get<Facility[]>('/api/facilities?type=kita');
    const site = kitas[0]!;
    const opening = { kind: 'opening', type: 'kita', lon: site.lon, lat: site.lat };
    const created = await send('POST', '/api/scenarios', {
      name: 'Krippe',
      changes: [
        { ...opening, name: 'Krippe am Markt', capacity: 30, properties: { plaetze_u3: 30, plaetze_ue3: 0 } },
        { ...opening, name: 'Kita ohne Angaben', capacity: 60 },
        { kind: 'capacity', type: 'kita', facility: site.key, capacity: 999 },
      ],
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = await get<Coverage>(
      `/api/coverage?norm=kita_u3&level=sozialraum&date=2030-12-31&scenario=Krippe`,
      ctx.planner,
    );
    // the opening counts its places for under-3s; the capacity change names none: the places stay
    expect(c.scenarios[0]!.city[0]!.supply! - c.city[0]!.supply!).toBe(30);
    expect(c.scenarios[0]!.notes.join(' ')).toContain('„Kita ohne Angaben“ hat keine Angabe „plaetze_u3“');
    const total = await get<Coverage>(
      `/api/coverage?norm=kita_gesamt&level=sozialraum&date=2030-12-31&scenario=Krippe`,
      ctx.planner,
    );
    expect(total.scenarios[0]!.city[0]!.supply! - total.city[0]!.supply!).toBe(
      30 + 60 + 999 - site.capacity!,
    );

    // a Kita delivered without places per age group counts 0 for them, and the coverage says so
    const added = await send('POST', '/api/facilities', {
      type: 'kita',
      name: 'Kita Neubau',
      capacity: 40,
      lon: site.lon,
      lat: site.lat,
      validFrom: '2031-01-01',
    });
    expect(added.statusCode, added.body).toBe(201);
    const later = await get<Coverage>(
      `/api/coverage?norm=kita_u3&level=sozialraum&date=2031-12-31`,
      ctx.planner,
    );
    expect(later.city[0]!.supply).toBe(c.city[0]!.supply);
    expect(later.notes).toEqual([
      `1 von ${kitas.length + 1} Einrichtungen hat keine Angabe „plaetze_u3“ und zählt mit 0.`,
    ]);
  });

  it('weights the demand variables and refuses weights that do not match them', async () => {
    const wrong = await send('POST', '/api/norms', {
      key: 'kita_gewichtet',
      facilityType: 'kita',
      name: 'Kita gewichtet',
      demand: ['ew_u3', 'ew_3_5'],
      weights: [0.5],
      factor: 1,
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({ code: 'coverage.weights_length' });
    const ok = await send('POST', '/api/norms', {
      key: 'kita_gewichtet',
      facilityType: 'kita',
      name: 'Kita gewichtet',
      demand: ['ew_u3', 'ew_3_5'],
      weights: [0.5, 1],
      factor: 2,
      published: false,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json<Norm>()).toMatchObject({ weights: [0.5, 1], factor: 2, supplyProperty: null });
    const w = await get<Coverage>(
      `/api/coverage?norm=kita_gewichtet&level=sozialraum&date=${LATEST}`,
      ctx.planner,
    );
    const u3 = await u3At(LATEST);
    const from3 = (await loadTotals(ctx.db, ['ew_3_5'])).get('ew_3_5')!.get(LATEST)!;
    const ids = new Map(
      (
        await ctx.db.query<{ id: number; key: string }>(
          "SELECT a.id, a.key FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = 'sozialraum' AND a.valid_to IS NULL",
        )
      ).map((a) => [a.key, a.id]),
    );
    // 2 × (0.5 × U3 + 1 × 3 to 5)
    for (const r of w.rows) {
      const id = ids.get(r.area)!;
      expect(r.demand).toBeCloseTo(u3.get(id)!.value! + 2 * from3.get(id)!.value!, 9);
    }
    // a new list of variables without weights counts each once
    const changed = await send('PATCH', '/api/norms/kita_gewichtet', {
      demand: ['ew_u6'],
      validFrom: '2030-01-01',
    });
    expect(changed.json<Norm>()).toMatchObject({ demand: ['ew_u6'], weights: [1] });
    const gone = await send('PATCH', '/api/norms/kita_gewichtet', {
      weights: [1, 2],
      validFrom: '2030-01-01',
    });
    expect(gone.json()).toMatchObject({ code: 'coverage.weights_length' });
  });
});
