/**
 * Composite indices over HTTP on the demo city, on every database engine: built-in definitions,
 * results (planners unprotected, the public only from protected values), robustness, history,
 * definitions as data (create, change, delete, JSON round trip) and guards on every write.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import type { IndexDefinition, IndexHistory, IndexResult, RobustnessResult } from './index.schema.ts';
import { ensureIndices } from './index.setup.ts';
import { BUILTIN_INDICES } from './presets.ts';

const date = '2024-12-31';
const mss = BUILTIN_INDICES[0]!;
const mssKeys = mss.parts.flatMap((p) => p.indicators.map((i) => i.indicator));

describe.each(engines)('indices on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(() => t?.close());

  const get = async <T>(url: string, cookie?: string) => {
    const res = await t.app.inject({ url, headers: cookie ? { cookie } : {} });
    return { status: res.statusCode, body: res.json<T>() };
  };
  const send = (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, cookie?: string) =>
    t.app.inject({ method, url, payload: payload as never, headers: cookie ? { cookie } : {} });
  const result = async (cookie?: string, key = 'berlin_mss', level = 'sozialraum') =>
    (await get<IndexResult>(`/api/indices/${key}/result?level=${level}&date=${date}`, cookie)).body;

  it('lists the three built-in indices to everyone', async () => {
    const { status, body } = await get<IndexDefinition[]>('/api/indices');
    expect(status).toBe(200);
    expect(body.map((d) => d.key)).toEqual(['berlin_mss', 'hamburg_sozialmonitoring', 'muenster_status']);
    expect((await get<IndexDefinition>('/api/indices/berlin_mss')).body).toEqual(mss);
  });

  it('computes the MSS for the Sozialräume of the demo city from the planner’s values', async () => {
    const r = await result(t.planner);
    expect(r.areas.length).toBe(62);
    expect(r.parts.map((p) => p.key)).toEqual(['status', 'dynamics']);
    const valid = r.areas.filter((a) => a.valid);
    expect(valid.length).toBeGreaterThan(55);
    const si = valid.map((a) => a.parts.status!.index!);
    const mean = si.reduce((s, v) => s + v, 0) / si.length;
    const sd = Math.sqrt(si.reduce((s, v) => s + (v - mean) ** 2, 0) / si.length);
    expect(mean).toBeCloseTo(0, 10);
    expect(sd).toBeCloseTo(1, 10);
    for (const a of valid) {
      expect(a.code).toBe(`${a.parts.status!.class}${a.parts.dynamics!.class}`);
      expect(a.parent).not.toBeNull();
      expect(a.parts.status!.sum).toBeCloseTo(
        a.z.arbeitslosenanteil! + a.z.sgb2_quote! + a.z.kinderarmut!,
        10,
      );
    }
    // the inputs are the indicator values the planner sees
    for (const key of mssKeys) {
      const v = (
        await get<IndicatorValues>(`/api/indicators/${key}/values?level=sozialraum&date=${date}`, t.planner)
      ).body;
      for (const a of r.areas)
        expect(a.values[key], `${key} ${a.id}`).toBe(v.values.find((x) => x.id === a.id)!.value);
    }
    for (const a of r.areas.filter((x) => !x.valid)) expect(a.invalidReason).toMatch(/\S/);
    // districts: population summed from their Sozialräume for the validity rule
    expect((await result(t.planner, 'berlin_mss', 'stadtbezirk')).areas.every((a) => a.valid)).toBe(true);
    expect(
      (await result(t.planner, 'hamburg_sozialmonitoring')).areas.filter((a) => a.valid).length,
    ).toBeGreaterThan(50);
  });

  it('gives the public a result from protected values only: no value of a secret cell', async () => {
    const r = await result();
    let secretCells = 0;
    let secretReasons = 0;
    for (const key of mssKeys) {
      const pub = (await get<IndicatorValues>(`/api/indicators/${key}/values?level=sozialraum&date=${date}`))
        .body;
      for (const a of r.areas) {
        const cell = pub.values.find((x) => x.id === a.id)!;
        expect(a.values[key], `${key} ${a.id}`).toBe(cell.value);
        if (cell.status === 'secret') {
          secretCells++;
          expect(a.values[key]).toBeNull();
          expect(a.valid).toBe(false);
          // left out for its size first (small areas have the small, secret counts), else as secret
          expect(a.invalidReason).toMatch(/\(geheim\)|Weniger als 300 Einwohner/);
          if (a.invalidReason!.includes('(geheim)')) secretReasons++;
          expect(a.z[key]).toBeNull();
          expect(a.parts.status!.index).toBeNull();
        }
      }
    }
    expect(secretCells).toBeGreaterThan(0);
    expect(secretReasons).toBeGreaterThan(0);
    // the public result differs from the planner's where cells are secret, never the other way round
    const planner = await result(t.planner);
    expect(r.areas.filter((a) => a.valid).length).toBeLessThan(planner.areas.filter((a) => a.valid).length);
  });

  it('reports robustness deterministically per seed', async () => {
    const url = `/api/indices/berlin_mss/robustness?level=sozialraum&date=${date}&runs=300&seed=5`;
    const a = await get<RobustnessResult>(url, t.planner);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ index: 'berlin_mss', runs: 300, seed: 5 });
    const valid = (await result(t.planner)).areas.filter((x) => x.valid);
    expect(a.body.areas.map((x) => x.id)).toEqual(valid.map((x) => x.id));
    for (const x of a.body.areas) {
      expect(x.rankLow).toBeLessThanOrEqual(x.medianRank);
      expect(x.medianRank).toBeLessThanOrEqual(x.rankHigh);
      for (const s of Object.values(x.classStability)) expect(s >= 0 && s <= 1).toBe(true);
    }
    expect(a.body.areas.map((x) => x.baseRank).sort((p, q) => p - q)[0]).toBe(1);
    expect((await get<RobustnessResult>(url, t.planner)).body).toEqual(a.body);
  });

  it('gives the class history of an area for every Stichtag the index can be computed', async () => {
    const area = (await result(t.planner)).areas.find((a) => a.valid)!;
    const { status, body } = await get<IndexHistory>(
      `/api/indices/berlin_mss/history?level=sozialraum&area=${area.id}`,
      t.planner,
    );
    expect(status).toBe(200);
    // ten yearly Stichtage; the two-year changes exist from the third on
    expect(body.points.map((p) => p.date.slice(0, 4))).toEqual([
      '2017',
      '2018',
      '2019',
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
    ]);
    expect(body.points.at(-1)).toEqual({
      date,
      code: area.code,
      parts: {
        status: { index: area.parts.status!.index, class: area.parts.status!.class },
        dynamics: { index: area.parts.dynamics!.index, class: area.parts.dynamics!.class },
      },
    });
  });

  it('answers bad requests in German', async () => {
    const noLevel = await get<{ code: string; message: string }>(
      `/api/indices/berlin_mss/result?date=${date}`,
    );
    expect(noLevel.status).toBe(400);
    expect(noLevel.body.message).toMatch(/^Ungültige Anfrage/);
    const badDate = await get<{ code: string; message: string }>(
      `/api/indices/berlin_mss/result?level=sozialraum&date=2024-12-30`,
    );
    expect(badDate).toMatchObject({ status: 404, body: { code: 'data.unknown_date' } });
    expect(badDate.body.message).toContain('Für den Stichtag 2024-12-30 gibt es keine Daten');
    const unknown = await get<{ message: string }>(`/api/indices/nix/result?level=sozialraum&date=${date}`);
    expect(unknown).toMatchObject({ status: 404, body: { message: 'Den Index „nix“ gibt es nicht.' } });
    const tooMany = await get(`/api/indices/berlin_mss/robustness?level=sozialraum&date=${date}&runs=999999`);
    expect(tooMany.status).toBe(400);
  });

  it('keeps definitions as data: create, change, delete, export and import (all or nothing)', async () => {
    const def: IndexDefinition = {
      ...structuredClone(BUILTIN_INDICES[2]!),
      key: 'eigener_index',
      name: 'Eigener Index',
    };
    const created = await send('POST', '/api/indices', def, t.planner);
    expect(created.statusCode).toBe(201);
    expect((await result(t.planner, 'eigener_index')).parts.map((p) => p.key)).toEqual(['status']);
    expect((await send('POST', '/api/indices', def, t.planner)).statusCode).toBe(409);
    const unknownIndicator = structuredClone(def);
    unknownIndicator.key = 'kaputt';
    unknownIndicator.parts[0]!.indicators[0]!.indicator = 'gibt_es_nicht';
    const bad = await send('POST', '/api/indices', unknownIndicator, t.planner);
    expect(bad.statusCode).toBe(422);
    expect(bad.json()).toMatchObject({ code: 'indices.unknown_indicator' });
    const overlapping = structuredClone(def);
    overlapping.parts[0]!.classes[0]!.max = 0; // 'hoch' up to 0 overlaps 'mittel' from −0.5
    const invalid = await send('POST', '/api/indices', overlapping, t.planner);
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json<{ message: string }>().message).toContain(
      'Die Klassen „hoch“ und „mittel“ überschneiden sich.',
    );
    const badKey = await send('POST', '/api/indices', { ...def, key: 'Großer Index', name: '' }, t.planner);
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json<{ message: string }>().message).toContain('Schlüssel: 2 bis 63 Zeichen');
    expect(badKey.json<{ message: string }>().message).toContain('Bitte einen Namen angeben.');
    const changed = await send('PUT', '/api/indices/eigener_index', { ...def, name: 'Umbenannt' }, t.planner);
    expect(changed.json()).toMatchObject({ name: 'Umbenannt' });
    expect(
      (await send('PUT', '/api/indices/eigener_index', { ...def, key: 'anders' }, t.planner)).statusCode,
    ).toBe(400);
    expect((await send('PUT', '/api/indices/fehlt', { ...def, key: 'fehlt' }, t.planner)).statusCode).toBe(
      404,
    );

    const exported = (await get<IndexDefinition[]>('/api/indices/export', t.planner)).body;
    expect(exported.map((d) => d.key)).toContain('eigener_index');
    expect((await send('DELETE', '/api/indices/eigener_index', undefined, t.planner)).statusCode).toBe(204);
    expect((await get('/api/indices/eigener_index')).status).toBe(404);
    const builtin = await send('DELETE', '/api/indices/berlin_mss', undefined, t.admin);
    expect(builtin.statusCode).toBe(409);
    expect(builtin.json()).toMatchObject({ code: 'indices.builtin' });

    // all or nothing: one unknown indicator stops the whole file
    const rejected = await send('POST', '/api/indices/import', [...exported, unknownIndicator], t.planner);
    expect(rejected.statusCode).toBe(422);
    expect((await get('/api/indices/eigener_index')).status).toBe(404);
    const dup = await send('POST', '/api/indices/import', [def, def], t.planner);
    expect(dup.json()).toMatchObject({ code: 'indices.duplicate' });
    const imported = await send('POST', '/api/indices/import', exported, t.planner);
    expect(imported.json()).toEqual({ imported: exported.length });
    expect((await get<IndexDefinition>('/api/indices/eigener_index')).body.name).toBe('Umbenannt');
  });

  it('never overwrites a changed built-in when seeding again', async () => {
    const changed = { ...mss, name: 'MSS (angepasst)' };
    expect((await send('PUT', '/api/indices/berlin_mss', changed, t.planner)).statusCode).toBe(200);
    expect(await ensureIndices(t.db)).toBe(0);
    expect((await get<IndexDefinition>('/api/indices/berlin_mss')).body.name).toBe('MSS (angepasst)');
    expect((await send('PUT', '/api/indices/berlin_mss', mss, t.planner)).statusCode).toBe(200);
  });

  it('guards every write route (401 anonymous, 403 viewer)', async () => {
    const def = { ...BUILTIN_INDICES[2]!, key: 'neu_x' };
    await expectGuarded(t.app, { method: 'POST', url: '/api/indices', payload: def }, t.viewer);
    await expectGuarded(
      t.app,
      { method: 'PUT', url: '/api/indices/muenster_status', payload: BUILTIN_INDICES[2] },
      t.viewer,
    );
    await expectGuarded(t.app, { method: 'DELETE', url: '/api/indices/muenster_status' }, t.viewer);
    await expectGuarded(t.app, { method: 'POST', url: '/api/indices/import', payload: [def] }, t.viewer);
    expect((await get('/api/indices/export')).status).toBe(401);
    expect((await get('/api/indices/export', t.viewer)).status).toBe(403);
    expect((await get('/api/indices/neu_x')).status).toBe(404);
  });
});
