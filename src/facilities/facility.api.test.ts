/**
 * The facility routes on the demo city, on every engine: public reads (types, facilities at a
 * date, counts, exports), guarded writes (401 anonymous, 403 viewers), and single edits that
 * write versions instead of overwriting.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import { engines } from '../test/databases.ts';
import type { Facility, FacilityCount, FacilityType } from './facility.schema.ts';

function upload(name: string, text: string, fields: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', new Blob([text], { type: 'text/csv' }), name);
  return form;
}

describe.each(engines)('facility API on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let kita: Facility;

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 180_000);
  afterAll(() => ctx.close());

  it('lists the built-in types publicly', async () => {
    const res = await ctx.app.inject({ url: '/api/facility-types' });
    expect(res.statusCode).toBe(200);
    const types = res.json<FacilityType[]>();
    expect(types.map((t) => t.key)).toEqual([
      'kita',
      'kindertagespflege',
      'grundschule',
      'ogs',
      'jugendeinrichtung',
      'spielplatz',
      'pflegeheim',
      'tagespflege',
      'ambulanter_dienst',
      'begegnungsstaette',
      'nachbarschaftszentrum',
      'beratungsstelle',
    ]);
    expect(types[0]).toMatchObject({ name: 'Kindertageseinrichtung', capacityUnit: 'Plätze' });
  });

  it('lists the demo city’s Kitas for everyone, in operation since an unknown date', async () => {
    const res = await ctx.app.inject({ url: '/api/facilities?type=kita' });
    expect(res.statusCode).toBe(200);
    const kitas = res.json<Facility[]>();
    expect(kitas).toHaveLength(150);
    expect(kitas.every((k) => k.status === 'in Betrieb' && k.validFrom === null && k.area !== null)).toBe(
      true,
    );
    expect(kitas.filter((k) => k.carrier !== null).length).toBeGreaterThan(100);
    kita = kitas[0]!;
    const unknown = await ctx.app.inject({ url: '/api/facilities?type=kitas' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'facilities.unknown_type' });
    const bad = await ctx.app.inject({ url: '/api/facilities?type=kita&date=gestern' });
    expect(bad.statusCode).toBe(400);
  });

  it('counts per area of any level, every area with its zeros', async () => {
    const res = await ctx.app.inject({ url: '/api/facilities/count?type=pflegeheim&level=sozialraum' });
    expect(res.statusCode).toBe(200);
    const counted = res.json<FacilityCount>();
    const areas = await ctx.app.inject({ url: '/api/areas?level=sozialraum' });
    expect(counted.areas.map((a) => a.area)).toEqual(
      areas
        .json<{ id: string }[]>()
        .map((a) => a.id)
        .sort(),
    );
    expect(counted.total.count).toBe(25);
    expect(counted.outside.count).toBe(0);
    expect(counted.areas.some((a) => a.count === 0)).toBe(true);
    const city = await ctx.app.inject({ url: '/api/facilities/count?type=pflegeheim&level=stadt' });
    expect(city.json<FacilityCount>().areas).toEqual([
      expect.objectContaining({ count: 25, capacity: counted.total.capacity }),
    ]);
    const level = await ctx.app.inject({ url: '/api/facilities/count?type=kita&level=ortsteil' });
    expect(level.statusCode).toBe(404);
    expect(level.json()).toMatchObject({ code: 'areas.unknown_level' });
  });

  it('exports GeoJSON and German CSV', async () => {
    const geo = await ctx.app.inject({ url: '/api/facilities/export?type=tagespflege' });
    expect(geo.statusCode).toBe(200);
    expect(geo.headers['content-type']).toContain('application/geo+json');
    expect(geo.headers['content-disposition']).toMatch(
      /einrichtungen-tagespflege-\d{4}-\d{2}-\d{2}\.geojson/,
    );
    const fc = geo.json<{
      features: { geometry: { type: string }; properties: Record<string, unknown> }[];
    }>();
    expect(fc.features).toHaveLength(15);
    expect(fc.features[0]!.geometry.type).toBe('Point');
    expect(fc.features[0]!.properties).toMatchObject({
      Art: 'Tagespflege',
      Einheit: 'Plätze',
      Status: 'in Betrieb',
    });
    const csv = await ctx.app.inject({ url: '/api/facilities/export?type=tagespflege&format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFNummer;Name;Art;Kapazität;Einheit;Träger;Adresse;lon;lat;Gebiet;Status;gültig ab;gültig bis',
    );
    expect(lines).toHaveLength(17);
    expect(lines[1]).toMatch(
      /^tp-\d{3};Tagespflege [^;]+;Tagespflege;\d+;Plätze;;[^;]+;\d+,\d+;\d+,\d+;\w+;in Betrieb;;$/,
    );
  });

  it('guards every write: 401 anonymous, 403 for viewers', async () => {
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: '/api/facilities/import', payload: upload('a.csv', 'x', { type: 'kita' }) },
      ctx.viewer,
    );
    const body = { type: 'kita', name: 'Kita Neu', lon: kita.lon, lat: kita.lat };
    await expectGuarded(ctx.app, { method: 'POST', url: '/api/facilities', payload: body }, ctx.viewer);
    await expectGuarded(
      ctx.app,
      { method: 'PATCH', url: `/api/facilities/${kita.id}`, payload: { capacity: 1 } },
      ctx.viewer,
    );
    await expectGuarded(
      ctx.app,
      { method: 'POST', url: `/api/facilities/${kita.id}/close`, payload: {} },
      ctx.viewer,
    );
  });

  it('creates a planned Kita, changes it as a new version and closes it', async () => {
    const as = { cookie: ctx.planner };
    const invalid = await ctx.app.inject({
      method: 'POST',
      url: '/api/facilities',
      payload: { type: 'kita', name: 'Kita Neu', capacity: -3, lon: kita.lon, lat: kita.lat },
      headers: as,
    });
    expect(invalid.statusCode).toBe(400);
    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/facilities',
      payload: {
        type: 'kita',
        name: 'Kita Am Neubaugebiet',
        capacity: 60,
        lon: kita.lon,
        lat: kita.lat,
        validFrom: '2031-08-01',
      },
      headers: as,
    });
    expect(created.statusCode).toBe(201);
    const planned = created.json<Facility>();
    expect(planned).toMatchObject({ key: 'N1', status: 'geplant', area: kita.area, validFrom: '2031-08-01' });

    // before it opens, a change corrects the plan itself
    const replanned = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/facilities/${planned.id}`,
      payload: { capacity: 75 },
      headers: as,
    });
    expect(replanned.json<Facility>()).toMatchObject({
      id: planned.id,
      capacity: 75,
      validFrom: '2031-08-01',
    });

    const grown = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/facilities/${planned.id}`,
      payload: { capacity: 90, validFrom: '2033-08-01' },
      headers: as,
    });
    expect(grown.statusCode).toBe(200);
    const next = grown.json<Facility>();
    expect(next).toMatchObject({ capacity: 90, validFrom: '2033-08-01', validTo: null });
    expect(next.id).not.toBe(planned.id);
    const stale = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/facilities/${planned.id}`,
      payload: { capacity: 10 },
      headers: as,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ code: 'facilities.not_open' });
    const at = async (date: string) =>
      (await ctx.app.inject({ url: `/api/facilities?type=kita&date=${date}` }))
        .json<Facility[]>()
        .find((f) => f.key === 'N1');
    expect(await at('2032-01-01')).toMatchObject({ capacity: 75, status: 'in Betrieb' });
    expect(await at('2034-01-01')).toMatchObject({ capacity: 90, status: 'in Betrieb' });

    const early = await ctx.app.inject({
      method: 'POST',
      url: `/api/facilities/${next.id}/close`,
      payload: { validTo: '2033-08-01' },
      headers: as,
    });
    expect(early.statusCode).toBe(400);
    expect(early.json()).toMatchObject({ code: 'facilities.close_before_open' });
    const closed = await ctx.app.inject({
      method: 'POST',
      url: `/api/facilities/${next.id}/close`,
      payload: { validTo: '2040-07-31' },
      headers: { cookie: ctx.admin },
    });
    expect(closed.json<Facility>()).toMatchObject({ validTo: '2040-07-31' });
    expect(await at('2040-07-31')).toMatchObject({ capacity: 90, status: 'geschlossen' });
    const history = await ctx.db.query(
      "SELECT count(*)::int AS n FROM facility WHERE type = 'kita' AND key = 'N1'",
    );
    expect(history).toEqual([{ n: 2 }]);
  });

  it('lists every version of a facility publicly, oldest first, from any of its version ids', async () => {
    const current = (await ctx.app.inject({ url: '/api/facilities?type=kita&date=2034-01-01' }))
      .json<Facility[]>()
      .find((f) => f.key === 'N1')!;
    const res = await ctx.app.inject({ url: `/api/facilities/${current.id}/versions` });
    expect(res.statusCode).toBe(200);
    const versions = res.json<Facility[]>();
    expect(versions.map((v) => [v.capacity, v.validFrom, v.validTo])).toEqual([
      [75, '2031-08-01', '2033-08-01'],
      [90, '2033-08-01', '2040-07-31'],
    ]);
    expect(versions.every((v) => v.key === 'N1' && v.status === 'geplant')).toBe(true);
    const older = await ctx.app.inject({ url: `/api/facilities/${versions[0]!.id}/versions` });
    expect(older.json<Facility[]>()).toEqual(versions);
    const missing = await ctx.app.inject({ url: '/api/facilities/999999/versions' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'facilities.not_found' });
    expect((await ctx.app.inject({ url: '/api/facilities/x/versions' })).statusCode).toBe(400);
  });

  it('sets a Kita’s capacity parts as a new version, and the Kita norms count them', async () => {
    const as = { cookie: ctx.planner };
    const types = (await ctx.app.inject({ url: '/api/facility-types' })).json<FacilityType[]>();
    expect(types.find((t) => t.key === 'kita')!.capacityParts.map((p) => p.key)).toEqual([
      'plaetze_u3',
      'plaetze_ue3',
    ]);
    expect(types.find((t) => t.key === 'spielplatz')!.capacityParts).toEqual([]);
    const u3 = kita.parts.plaetze_u3!;
    expect(u3 + kita.parts.plaetze_ue3!).toBe(kita.capacity);
    const supplyU3 = async () =>
      (await ctx.app.inject({ url: '/api/coverage?norm=kita_u3&level=sozialraum' }))
        .json<{ rows: { area: string; supply: number }[] }>()
        .rows.find((r) => r.area === kita.area)!.supply;
    const before = await supplyU3();

    const unknown = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/facilities/${kita.id}`,
      payload: { parts: { plaetze_u2: 4 } },
      headers: as,
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({
      code: 'facilities.unknown_part',
      details: { parts: ['plaetze_u2'] },
    });
    expect(unknown.json<{ message: string }>().message).toContain('„plaetze_u3“, „plaetze_ue3“');
    const negative = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/facilities/${kita.id}`,
      payload: { parts: { plaetze_u3: -1 } },
      headers: as,
    });
    expect(negative.statusCode).toBe(400);

    const same = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/facilities/${kita.id}`,
      payload: { parts: { plaetze_u3: u3 } },
      headers: as,
    });
    expect(same.json<Facility>().id).toBe(kita.id);
    const changed = await ctx.app.inject({
      method: 'PATCH',
      url: `/api/facilities/${kita.id}`,
      payload: { parts: { plaetze_u3: u3 + 10 }, validFrom: '2020-01-01' },
      headers: as,
    });
    expect(changed.statusCode).toBe(200);
    const next = changed.json<Facility>();
    expect(next.parts).toEqual({ plaetze_u3: u3 + 10, plaetze_ue3: kita.parts.plaetze_ue3 });
    expect(next.capacity).toBe(kita.capacity);
    const versions = (await ctx.app.inject({ url: `/api/facilities/${next.id}/versions` })).json<
      Facility[]
    >();
    expect(versions.map((v) => [v.parts.plaetze_u3, v.validFrom, v.validTo])).toEqual([
      [u3, null, '2020-01-01'],
      [u3 + 10, '2020-01-01', null],
    ]);
    expect(await supplyU3()).toBe(before + 10);
    const csv = await ctx.app.inject({ url: '/api/facilities/export?type=kita&format=csv' });
    const [header, ...rows] = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(header).toBe(
      'Nummer;Name;Art;Kapazität;Einheit;plaetze_u3;plaetze_ue3;Träger;Adresse;lon;lat;Gebiet;Status;gültig ab;gültig bis',
    );
    expect(rows.find((r) => r.startsWith(`${kita.key};`))!.split(';')[5]).toBe(String(u3 + 10));

    const created = await ctx.app.inject({
      method: 'POST',
      url: '/api/facilities',
      payload: {
        type: 'kita',
        name: 'Kita Teilplätze',
        parts: { plaetze_u3: 12 },
        lon: kita.lon,
        lat: kita.lat,
      },
      headers: as,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json<Facility>().parts).toEqual({ plaetze_u3: 12, plaetze_ue3: null });
    const playground = await ctx.app.inject({
      method: 'POST',
      url: '/api/facilities',
      payload: {
        type: 'spielplatz',
        name: 'Spielplatz',
        parts: { plaetze_u3: 12 },
        lon: kita.lon,
        lat: kita.lat,
      },
      headers: as,
    });
    expect(playground.statusCode).toBe(400);
    expect(playground.json()).toMatchObject({ code: 'facilities.unknown_part' });
  });

  it('imports an upload for planners, and refuses a bad one with every problem', async () => {
    const line = (key: string, capacity: string) =>
      `${key};Kita ${key};${capacity};${String(kita.lon).replace('.', ',')};${String(kita.lat).replace('.', ',')}`;
    const ok = await ctx.app.inject({
      method: 'POST',
      url: '/api/facilities/import',
      payload: upload('tagespflege.csv', `Nr;Name;Plätze;lon;lat\n${line('T1', '12')}\n`, {
        type: 'kindertagespflege',
        validFrom: '2025-01-01',
      }),
      headers: { cookie: ctx.planner },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ type: 'kindertagespflege', read: 1, new: 1, outside: 0 });
    const bad = await ctx.app.inject({
      method: 'POST',
      url: '/api/facilities/import',
      payload: upload(
        'tagespflege.csv',
        `Nr;Name;Plätze;lon;lat\n${line('T1', 'zwölf')}\n${line('T2', '5')}\n`,
        {
          type: 'kindertagespflege',
          validFrom: '2026-01-01',
          closeMissing: '1',
        },
      ),
      headers: { cookie: ctx.planner },
    });
    expect(bad.statusCode).toBe(422);
    const body = bad.json<{ code: string; message: string; details: { problems: unknown[] } }>();
    expect(body.code).toBe('import.capacity_not_number');
    expect(body.message).toContain('Zeile 2 (Nr. „T1“), Feld „Plätze“');
    expect(body.details.problems).toHaveLength(1);
    const stored = await ctx.db.query(
      "SELECT key, capacity, valid_to FROM facility WHERE type = 'kindertagespflege'",
    );
    expect(stored).toEqual([{ key: 'T1', capacity: 12, valid_to: null }]);
  });
});
