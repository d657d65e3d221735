/**
 * Sozialraumtypen, vergleichbare Gebiete and comparisons on the demo city, on every database
 * engine: deterministic types, the criterion for every k, bands that hold, comparisons that agree
 * with the indicator values, protected values for the public, and the error cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { ClustersResult, CompareResult, SimilarResult } from './typology.schema.ts';

const date = '2024-12-31';
const indicators = 'sgb2_quote,kinderarmut,alleinerziehende,anteil_u18,anteil_65plus,auslaenderanteil';

describe.each(engines)('typology API on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(() => t?.close());

  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  const json = async <T>(url: string, cookie?: string) => {
    const res = await get(url, cookie);
    expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
    return res.json<T>();
  };
  const values = (key: string, cookie?: string, level = 'sozialraum') =>
    json<IndicatorValues>(`/api/indicators/${key}/values?level=${level}&date=${date}`, cookie);

  it('builds the same types for the same request, with the criterion for every k', async () => {
    const url = `/api/typology/clusters?level=sozialraum&date=${date}&indicators=${indicators}&k=auto`;
    const first = await json<ClustersResult>(url, t.planner);
    const second = await json<ClustersResult>(url, t.planner);
    expect(second).toEqual(first);
    expect(first.criterion.map((c) => c.k)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const best = Math.max(...first.criterion.map((c) => c.silhouette));
    expect(first.criterion.find((c) => c.k === first.k)!.silhouette).toBe(best);
    expect(first.silhouette).toBe(best);
    expect(first.types).toHaveLength(first.k);
    expect(first.types.map((x) => x.number)).toEqual([...Array(first.k).keys()].map((i) => i + 1));
    for (const type of first.types) expect(type.label).toMatch(new RegExp(`^Typ ${type.number}: \\S`));
    // burden falls from Typ 1 on
    const burdens = first.types.map((x) => x.burden!);
    expect([...burdens].sort((a, b) => b - a)).toEqual(burdens);
    // every area once: assigned to one type or listed as not assigned (planners see all values)
    expect(first.areas.length + first.unassigned.length).toBe(62);
    expect(first.unassigned).toEqual([]);
    const members = first.types.flatMap((x) => x.members).sort();
    expect(members).toEqual(first.areas.map((a) => a.key).sort());
  });

  it('gives type centres in the units of the indicators: the means of the members', async () => {
    const r = await json<ClustersResult>(
      `/api/typology/clusters?level=sozialraum&date=${date}&indicators=${indicators}&k=4`,
      t.planner,
    );
    expect(r.k).toBe(4);
    expect(r.kRequested).toBe('4');
    const sgb2 = new Map((await values('sgb2_quote', t.planner)).values.map((v) => [v.id, v.value!]));
    for (const type of r.types) {
      const mean = type.members.reduce((s, k) => s + sgb2.get(k)!, 0) / type.members.length;
      expect(type.centre[0]!.indicator).toBe('sgb2_quote');
      expect(type.centre[0]!.value).toBeCloseTo(mean, 9);
      expect(type.size).toBe(type.members.length);
    }
    expect(r.indicators[0]!.city.status).toBe('value');
  });

  it('leaves areas with secret values out for the public and says why', async () => {
    const r = await json<ClustersResult>(
      `/api/typology/clusters?level=sozialraum&date=${date}&indicators=${indicators}`,
    );
    expect(r.unassigned.length).toBeGreaterThan(0);
    const secret = new Set<string>();
    for (const key of indicators.split(','))
      for (const v of (await values(key)).values) if (v.status === 'secret') secret.add(v.id);
    expect(new Set(r.unassigned.map((u) => u.key))).toEqual(secret);
    for (const u of r.unassigned) {
      expect(u.reason).toMatch(/geheim gehalten/);
      expect(u.missing.every((m) => m.status === 'secret')).toBe(true);
    }
    expect(r.areas.some((a) => secret.has(a.key))).toBe(false);
    expect(JSON.stringify(r)).not.toMatch(/population|einwohner/i);
  });

  it('finds comparable areas that lie within the band on every indicator', async () => {
    for (const [band, tolerance] of [
      ['sd', 0.75],
      ['percent', 30],
    ] as const) {
      const r = await json<SimilarResult>(
        `/api/typology/similar?level=sozialraum&date=${date}&area=101&indicators=${indicators}&band=${band}&tolerance=${tolerance}`,
        t.planner,
      );
      expect(r.reference.key).toBe('101');
      expect(r.similar.some((s) => s.key === '101')).toBe(false);
      r.indicators.forEach((ind, j) => {
        const ref = r.reference.values[j]!;
        const half = band === 'sd' ? tolerance * ind.sd! : (Math.abs(ref) * tolerance) / 100;
        expect(ind.low).toBeCloseTo(ref - half, 9);
        expect(ind.high).toBeCloseTo(ref + half, 9);
      });
      for (const s of r.similar)
        s.values.forEach((v, j) => {
          expect(v).toBeGreaterThanOrEqual(r.indicators[j]!.low - 1e-9);
          expect(v).toBeLessThanOrEqual(r.indicators[j]!.high + 1e-9);
        });
      for (let i = 1; i < r.similar.length; i++)
        expect(r.similar[i]!.distance).toBeGreaterThanOrEqual(r.similar[i - 1]!.distance);
    }
    const wide = await json<SimilarResult>(
      `/api/typology/similar?level=sozialraum&date=${date}&area=101&indicators=${indicators}&tolerance=100`,
      t.planner,
    );
    expect(wide.similar).toHaveLength(61);
  });

  it('compares two areas and an area with the city and its district', async () => {
    const sgb2 = await values('sgb2_quote', t.planner);
    const [a, b] = [sgb2.values[0]!, sgb2.values[5]!];
    const pair = await json<CompareResult>(
      `/api/typology/compare?level=sozialraum&date=${date}&a=${a.id}&b=${b.id}&indicators=sgb2_quote,anteil_65plus`,
      t.planner,
    );
    const row = pair.rows[0]!;
    expect(row.a.value).toBe(a.value);
    expect(row.b.value).toBe(b.value);
    expect(row.difference).toBeCloseTo(a.value! - b.value!, 12);
    expect(row.differenceUnit).toBe('Pp.');
    const higher = sgb2.values.filter((v) => v.value! > a.value!).length;
    expect(row.rankA).toBe(higher + 1);
    expect(row.ranked).toBe(62);
    expect(row.city.value).toBe(sgb2.city.value);

    const city = await json<CompareResult>(
      `/api/typology/compare?level=sozialraum&date=${date}&a=${a.id}&b=city&indicators=sgb2_quote`,
      t.planner,
    );
    expect(city.b).toEqual({ kind: 'city', key: null, name: 'Stadt' });
    expect(city.rows[0]!.b.value).toBe(sgb2.city.value);

    const district = await json<CompareResult>(
      `/api/typology/compare?level=sozialraum&date=${date}&a=${a.id}&b=district&indicators=sgb2_quote`,
      t.planner,
    );
    const districts = await values('sgb2_quote', t.planner, 'stadtbezirk');
    const parent = districts.values.find((d) => d.id === district.b.key)!;
    expect(district.b.kind).toBe('district');
    // recomputed from the district's counts, as the district level shows it
    expect(district.rows[0]!.b.value).toBeCloseTo(parent.value!, 12);
    expect(district.rows[0]!.district!.value).toBeCloseTo(parent.value!, 12);
  });

  it('shows secret values as secret in a public comparison, without rank or z', async () => {
    const secret = (await values('alleinerziehende')).values.find((v) => v.status === 'secret')!;
    const r = await json<CompareResult>(
      `/api/typology/compare?level=sozialraum&date=${date}&a=${secret.id}&b=city&indicators=alleinerziehende`,
    );
    expect(r.rows[0]).toMatchObject({
      a: { value: null, status: 'secret' },
      rankA: null,
      zA: null,
      difference: null,
    });
  });

  it('answers wrong requests with named errors', async () => {
    const cases: [string, number, string][] = [
      [`/api/typology/clusters?level=gibtsnicht&date=${date}`, 404, 'areas.unknown_level'],
      [`/api/typology/clusters?level=sozialraum&date=1999-12-31`, 404, 'typology.unknown_date'],
      [`/api/typology/clusters?level=sozialraum&date=2024-13-45`, 400, 'validation'],
      [`/api/typology/clusters?level=sozialraum&k=9`, 400, 'validation'],
      [`/api/typology/clusters?level=sozialraum&indicators=Bad-Key`, 400, 'validation'],
      [`/api/typology/clusters?level=sozialraum&indicators=gibt_es_nicht`, 404, 'indicators.not_found'],
      [`/api/typology/clusters?level=stadtbezirk&k=8`, 422, 'typology.k_too_large'],
      [`/api/typology/similar?level=sozialraum&area=999`, 404, 'areas.not_found'],
      [`/api/typology/similar?level=sozialraum&area=101&tolerance=-1`, 400, 'validation'],
      [`/api/typology/compare?level=sozialraum&a=101&b=101`, 400, 'typology.same_area'],
      [`/api/typology/compare?level=sozialraum&a=101&b=999`, 404, 'areas.not_found'],
    ];
    for (const [url, status, code] of cases) {
      const res = await get(url, t.planner);
      expect(res.statusCode, url).toBe(status);
      const body = res.json<{ code: string; message: string }>();
      if (code !== 'validation') expect(body.code, url).toBe(code);
      expect(body.message, url).toBeTruthy();
    }
  });

  it('documents the routes in the OpenAPI spec', async () => {
    const spec = (await get('/api/docs/json')).json<{ paths: Record<string, unknown> }>();
    for (const p of ['clusters', 'similar', 'compare'])
      expect(spec.paths).toHaveProperty(`/api/typology/${p}`);
  });
});
