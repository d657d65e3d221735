/**
 * The Bedarfsplan's ranking over HTTP on the demo city, on every engine: planners rank from the
 * unprotected coverage and index; the public gets published norms only, and its ranking is
 * exactly what follows from the public coverage, the public index result and the public
 * facilities — recomputed here from those outputs alone. Braunschweig's rule for meeting places
 * (status class 3–4 without one within 1,000 m first) as the ranking without the gap.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Coverage } from '../coverage/coverage.schema.ts';
import type { Facility } from '../facilities/facility.schema.ts';
import type { IndexResult } from '../indices/index.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import { DEFAULT_RANKING_PARAMS, rankAreas } from './ranking-score.ts';
import type { Ranking } from './ranking.schema.ts';

const LATEST = '2024-12-31';
const URL = `/api/planning/ranking?norm=kita_u3&level=sozialraum&index=berlin_mss`;

describe.each(engines)('the Bedarfsplan ranking API on $name', (engine) => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  const call = (url: string, cookie?: string) => ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
  const get = async <T>(url: string, cookie?: string) => {
    const res = await call(url, cookie);
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    ctx = await demoApp(engine);
  }, 180_000);
  afterAll(() => ctx?.close());

  it('ranks every Sozialraum for planners from the coverage, the MSS class and the nearest Kita', async () => {
    const r = await get<Ranking>(URL, ctx.planner);
    const c = await get<Coverage>(`/api/coverage?norm=kita_u3&level=sozialraum`, ctx.planner);
    const idx = await get<IndexResult>(
      `/api/indices/berlin_mss/result?level=sozialraum&date=${LATEST}`,
      ctx.planner,
    );
    expect(r).toMatchObject({
      level: 'sozialraum',
      date: LATEST,
      populationDate: LATEST,
      norm: { key: 'kita_u3', facilityType: 'kita', supplyProperty: 'plaetze_u3' },
      index: { key: 'berlin_mss', part: 'status', date: LATEST },
      parameters: { radius: 1000, weights: { gap: 1, class: 1, distance: 1 }, minSeverity: 0.5 },
    });
    expect(r.rule).toContain('Statusklasse 3 (niedrig) oder 4 (sehr niedrig)');
    expect(r.rows).toHaveLength(c.rows.length);
    const rows = new Map(r.rows.map((x) => [x.area, x]));
    for (const cov of c.rows) {
      const x = rows.get(cov.area)!;
      expect(x.coverage).toMatchObject({ supply: cov.supply, demand: cov.demand, rate: cov.rate });
      const a = idx.areas.find((i) => i.id === cov.area)!;
      expect(x.socialClass?.code ?? null).toBe(a.valid ? a.parts.status!.class : null);
      expect(x.reason).toMatch(/(Statusklasse|nächste Kita|keine Kita)/);
    }
    // the distance to the nearest Kita offering places for under-3s, straight line
    const kitas = await get<Facility[]>(`/api/facilities?type=kita&date=${LATEST}`);
    const within = r.rows.filter((x) => x.distance !== null);
    expect(within.length).toBe(r.rows.length);
    for (const x of within) {
      const k = kitas.find((f) => f.key === x.nearest!.key)!;
      expect(x.nearest!.name).toBe(k.name);
      expect(x.reason).toContain(x.distance! > 1000 ? 'keine Kita innerhalb von 1.000 m' : 'nächste Kita in');
    }
    const ranked = r.rows.filter((x) => x.rank !== null);
    expect(ranked.map((x) => x.rank)).toEqual(ranked.map((_, i) => i + 1));
    expect(ranked[0]!.needs).toBeGreaterThanOrEqual(ranked.at(-1)!.needs);
    // only Kitas with places for under-3s count: a Kindergarten (plaetze_u3 = 0) is never the nearest
    const noU3 = new Set(
      (
        await ctx.db.query<{ key: string }>(
          "SELECT key FROM facility WHERE type = 'kita' AND (properties->>'plaetze_u3')::float8 = 0",
        )
      ).map((x) => x.key),
    );
    expect(noU3.size).toBeGreaterThan(0);
    for (const x of r.rows) expect(noU3.has(x.nearest!.key), x.area).toBe(false);
    const all = await get<Ranking>(URL.replace('kita_u3', 'kita_gesamt'), ctx.planner);
    expect(all.rows.some((x) => noU3.has(x.nearest!.key))).toBe(true);
  });

  it('gives the public exactly what follows from public outputs, and no unpublished norm', async () => {
    const pub = await get<Ranking>(URL);
    const c = await get<Coverage>(`/api/coverage?norm=kita_u3&level=sozialraum`);
    const idx = await get<IndexResult>(`/api/indices/berlin_mss/result?level=sozialraum&date=${LATEST}`);
    const planner = await get<Ranking>(URL, ctx.planner);
    const secret = c.rows.filter((x) => x.status === 'secret');
    expect(secret.length).toBeGreaterThan(0);
    for (const s of secret) {
      const x = pub.rows.find((y) => y.area === s.area)!;
      expect(x.coverage).toMatchObject({ demand: null, rate: null, balance: null, status: 'secret' });
      expect(x.points.gap).toBeNull();
      expect(x.need.gap).toBe(false);
      expect(x.reason).toContain('Versorgungsquote geheim');
    }
    // recomputed from the public coverage, the public index and the (public) distances
    const distance = new Map(planner.rows.map((x) => [x.area, x.distance]));
    const again = rankAreas(
      c.rows.map((row) => {
        const a = idx.areas.find((i) => i.id === row.area)!;
        const code = a.valid ? a.parts.status!.class : null;
        const cls = idx.parts[0]!.classes.find((k) => k.code === code);
        return {
          ...row,
          socialClass: cls ? { code: cls.code, label: cls.label, severity: cls.severity } : null,
          distance: distance.get(row.area) ?? null,
        };
      }),
      DEFAULT_RANKING_PARAMS,
    );
    expect(pub.rows.map((x) => [x.area, x.rank, x.needs])).toEqual(
      again.map((x) => [x.area, x.rank, x.needs]),
    );
    // the distances shown are rounded to the metre
    pub.rows.forEach((x, i) => expect(Math.abs(x.score - again[i]!.score)).toBeLessThan(0.1));
    expect(pub.rows.map((x) => x.area)).not.toEqual(planner.rows.map((x) => x.area));

    const intern = await ctx.app.inject({
      method: 'POST',
      url: '/api/norms',
      payload: {
        key: 'kita_intern',
        facilityType: 'kita',
        name: 'Kita intern',
        demand: ['ew_u3'],
        factor: 0.6,
        published: false,
      },
      headers: { cookie: ctx.planner },
    });
    expect(intern.statusCode, intern.body).toBe(201);
    const hidden = `/api/planning/ranking?norm=kita_intern&level=sozialraum`;
    expect((await call(hidden)).statusCode).toBe(404);
    expect((await call(hidden, ctx.viewer)).statusCode).toBe(404);
    expect((await call(hidden, ctx.planner)).statusCode).toBe(200);
  });

  it('ranks meeting places as Braunschweig does: status class 3–4 without one within 1,000 m first', async () => {
    const norm = await ctx.app.inject({
      method: 'POST',
      url: '/api/norms',
      payload: {
        key: 'begegnung_65',
        facilityType: 'begegnungsstaette',
        name: 'Begegnungsstätten für Ältere',
        demand: ['ew_65plus'],
        factor: 0.05,
      },
      headers: { cookie: ctx.planner },
    });
    expect(norm.statusCode, norm.body).toBe(201);
    const r = await get<Ranking>(
      '/api/planning/ranking?norm=begegnung_65&level=sozialraum&index=berlin_mss&weightGap=0',
      ctx.planner,
    );
    const first = r.rows.filter((x) => x.need.class && x.need.distance);
    expect(first.length).toBeGreaterThan(0);
    expect(r.rows.slice(0, first.length).map((x) => x.area)).toEqual(first.map((x) => x.area));
    for (const x of first) {
      expect(['3', '4']).toContain(x.socialClass!.code);
      expect(x.distance).toBeGreaterThan(1000);
      expect(x.reason).toMatch(
        /^Statusklasse [34] \((niedrig|sehr niedrig)\), keine Begegnungsstätte innerhalb von 1\.000 m \(nächste in [\d.]+ m\)$/,
      );
      expect(x.points.gap).toBeNull();
    }
    expect(r.rule).not.toContain('fehlender Platz');
    // a wider radius: fewer areas lack a meeting place
    const wide = await get<Ranking>(
      '/api/planning/ranking?norm=begegnung_65&level=sozialraum&index=berlin_mss&weightGap=0&radius=2000',
      ctx.planner,
    );
    expect(wide.rows.filter((x) => x.need.distance).length).toBeLessThan(
      r.rows.filter((x) => x.need.distance).length,
    );
  });

  it('exports the ranking as German CSV and XLSX, the public with the route’s protected values', async () => {
    const exportUrl = URL.replace('/ranking?', '/ranking/export?');
    const planner = await get<Ranking>(URL, ctx.planner);
    const csv = await call(exportUrl, ctx.planner);
    expect(csv.statusCode, csv.body.slice(0, 300)).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain(`bedarfsplan_kita_u3_sozialraum_${LATEST}.csv`);
    const [head, ...lines] = csv.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(head).toBe(
      'Rang;Gebietsschlüssel;Gebiet;Übergeordnetes Gebiet;Stichtag;Punkte (0–100);Bedarfsmerkmale (0–3);' +
        'Versorgung (Plätze);Bedarf (Plätze);Versorgungsquote (%);Saldo (Plätze);Fehlend (Plätze);Status;' +
        'Klasse Status-Index;Entfernung zur nächsten Einrichtung (m);' +
        'Nächste Einrichtung;Begründung;Richtwert;Quelle',
    );
    expect(lines).toHaveLength(planner.rows.length);
    const cells = lines.map((l) => l.split(';'));
    expect(cells.map((c) => c[1])).toEqual(planner.rows.map((r) => r.area));
    const first = planner.rows[0]!;
    expect(cells[0]!.slice(0, 3)).toEqual(['1', first.area, first.name]);
    expect(cells[0]![7]).toBe(first.coverage.supply!.toFixed(2).replace('.', ','));
    expect(cells[0]![16]).toBe(first.reason.includes(';') ? `"${first.reason}"` : first.reason);

    // the public file: the secret demands are „·“, as the route hides them
    const pub = await get<Ranking>(URL);
    const pubCsv = (await call(exportUrl)).body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .slice(1);
    expect(pubCsv.map((l) => l.split(';')[1])).toEqual(pub.rows.map((r) => r.area));
    pub.rows.forEach((r, i) => {
      const c = pubCsv[i]!.split(';');
      if (r.coverage.status === 'secret')
        expect([c[8], c[9], c[10], c[12]]).toEqual(['·', '·', '·', 'geheim']);
      else expect(c[8]).toBe(r.coverage.demand!.toFixed(1).replace('.', ','));
    });
    expect(pub.rows.some((r) => r.coverage.status === 'secret')).toBe(true);

    const xlsx = await call(`${exportUrl}&format=xlsx`, ctx.planner);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual([expect.stringMatching(/^Bedarfsplan /), 'Quelle']);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(planner.rows.length + 1);
    expect(sheet.getRow(2).getCell(1).value).toBe(1);
    expect(sheet.getRow(2).getCell(2).value).toBe(first.area);
    expect(sheet.getRow(2).getCell(8).value).toBe(first.coverage.supply);
    const source = wb.getWorksheet('Quelle')!;
    const facts = new Map<string, unknown>();
    source.eachRow((row) => facts.set(row.getCell(1).text, row.getCell(2).value));
    expect(String(facts.get('Regel'))).toContain('Statusklasse 3 (niedrig) oder 4 (sehr niedrig)');
    expect((await call(exportUrl.replace('kita_u3', 'kita_intern'))).statusCode).toBe(404);
    expect((await call(`${exportUrl}&format=pdf`, ctx.planner)).statusCode).toBe(400);
  });

  it('refuses bad parameters with 400 and unknown norms, levels and indices with 404', async () => {
    const bad = async (query: string, status: number, code?: string) => {
      const res = await call(`/api/planning/ranking?${query}`, ctx.planner);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(status);
      if (code) expect(res.json()).toMatchObject({ code });
    };
    await bad('level=sozialraum', 400);
    await bad('norm=kita_u3&level=sozialraum&date=morgen', 400);
    await bad('norm=kita_u3&level=sozialraum&radius=-5', 400);
    await bad('norm=kita_u3&level=sozialraum&minSeverity=2', 400);
    await bad(
      'norm=kita_u3&level=sozialraum&weightGap=0&weightClass=0&weightDistance=0',
      400,
      'planning.no_weights',
    );
    await bad('norm=kita_u3&level=sozialraum&index=berlin_mss&part=lage', 400, 'planning.unknown_part');
    await bad('norm=pflege&level=sozialraum', 404, 'coverage.unknown_norm');
    await bad('norm=kita_u3&level=ortsteil', 404, 'coverage.unknown_level');
    await bad('norm=kita_u3&level=sozialraum&index=gibtsnicht', 404, 'indices.not_found');
    await bad(
      'norm=kita_u3&level=sozialraum&index=berlin_mss&indexDate=2001-12-31',
      404,
      'data.unknown_date',
    );
  });
});
