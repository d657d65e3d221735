/**
 * Stored reports through the API on every engine (demo city, seed 1): a Steckbrief is generated in
 * the background (202 → done), downloaded with a German file name and holds the area's numbers
 * (HTML text, PDF via pdftotext); internal drafts stay with planners, public reports carry no
 * „Intern“ mark; regeneration keeps the content hash; verification notices an import; a report
 * left running by a stopped server is marked failed on the next start; direct rendering.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatValue } from '../core/format.ts';
import { importTable } from '../imports/table-import.service.ts';
import { areaSteckbrief } from '../profile/profile.service.ts';
import { buildApp } from '../server/app.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import { INTERNAL_MARK } from './render-html.ts';
import type { ReportMeta } from './report-store.schema.ts';
import { INTERRUPTED, waitForReport } from './report.jobs.ts';

const AREA = { level: 'sozialraum', area: '101' };

function pdfToText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-report-api-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(engines)('stored reports API on $name', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  /** The Steckbrief numbers of the area as planners and as the public see them. */
  let areaName: string;
  let value: (audience: 'planner' | 'public', key: string) => Promise<string>;
  beforeAll(async () => {
    t = await demoApp(engine);
    const profile = async (planner: boolean) =>
      areaSteckbrief(
        t.db,
        planner ? { id: 0, username: 'p', displayName: 'P', role: 'planner' } : null,
        AREA.level,
        AREA.area,
        {
          years: 5,
        },
      );
    areaName = (await profile(false)).area.name;
    value = async (audience, key) => {
      const i = (await profile(audience === 'planner')).themes
        .flatMap((x) => x.indicators)
        .find((x) => x.key === key)!;
      return formatValue(i.value.value, i.value.status, i.decimals, i.unit, { unit: false });
    };
  });
  afterAll(() => t?.close());

  const post = (url: string, payload: unknown, cookie?: string) =>
    t.app.inject({
      method: 'POST',
      url,
      payload: payload as never,
      headers: cookie ? { cookie } : {},
    });
  const get = (url: string, cookie?: string) => t.app.inject({ url, headers: cookie ? { cookie } : {} });
  /** Starts a report, waits for the background job and returns the finished meta data. */
  async function generate(body: Record<string, unknown>, cookie = t.planner): Promise<ReportMeta> {
    const res = await post('/api/reports', body, cookie);
    expect(res.statusCode, res.body).toBe(202);
    const started = res.json<ReportMeta>();
    expect(started.status).toBe('running');
    await waitForReport(t.db, started.id);
    return (await get(`/api/reports/${started.id}`, cookie)).json<ReportMeta>();
  }
  const bytes = (res: LightMyRequestResponse) => new Uint8Array(res.rawPayload);

  let internalHtml: ReportMeta;
  let publicPdf: ReportMeta;

  it('401 for anonymous requests on every changing route', async () => {
    for (const [method, url, payload] of [
      ['POST', '/api/reports', { template: 'steckbrief', ...AREA, format: 'html' }],
      ['DELETE', '/api/reports/1', undefined],
      ['POST', '/api/reports/1/regenerate', {}],
      ['POST', '/api/reports/1/verify', undefined],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: payload as never });
      expect(res.statusCode, `${method} ${url}`).toBe(401);
      expect(res.json()).toMatchObject({ code: 'auth.unauthenticated' });
    }
  });

  it('refuses unknown templates, areas, Stichtage and statement templates at once, in German', async () => {
    const unknown = await post('/api/reports', { template: 'gibt_es_nicht', format: 'pdf' }, t.planner);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'reports.unknown_template' });
    const noArea = await post('/api/reports', { template: 'steckbrief', format: 'pdf' }, t.planner);
    expect(noArea.statusCode).toBe(400);
    expect(noArea.json()).toMatchObject({ code: 'reports.area_required' });
    const badArea = await post(
      '/api/reports',
      { template: 'steckbrief', level: 'sozialraum', area: '999', format: 'pdf' },
      t.planner,
    );
    expect(badArea.statusCode).toBe(404);
    expect(badArea.json<{ message: string }>().message).toContain('„999“');
    const badDate = await post(
      '/api/reports',
      { template: 'steckbrief', ...AREA, date: '1999-12-31', format: 'pdf' },
      t.planner,
    );
    expect(badDate.statusCode).toBe(404);
    expect(badDate.json()).toMatchObject({ code: 'reports.unknown_date' });
    const badFormat = await post(
      '/api/reports',
      { template: 'steckbrief', ...AREA, format: 'odt' },
      t.planner,
    );
    expect(badFormat.statusCode).toBe(400);
    const statement = await post('/api/reports', { template: 'stellungnahme', format: 'pdf' }, t.planner);
    expect(statement.statusCode).toBe(400);
    expect(statement.json()).toMatchObject({ code: 'reports.statement_template' });
    expect((await get('/api/reports', t.planner)).json<{ reports: unknown[] }>().reports).toEqual([]);
  });

  it('generates an internal Steckbrief as HTML with the area numbers and a German file name', async () => {
    internalHtml = await generate({ template: 'steckbrief', ...AREA, format: 'html' });
    expect(internalHtml).toMatchObject({
      title: `Steckbrief ${areaName}`,
      template: 'steckbrief',
      templateName: 'Steckbrief',
      level: 'sozialraum',
      area: '101',
      date: expect.stringMatching(/^\d{4}-12-31$/) as unknown,
      format: 'html',
      internal: true,
      status: 'done',
      error: null,
      dataVersion: expect.stringMatching(/^\d+$/) as unknown,
      contentHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      createdBy: expect.any(String) as unknown,
    });
    expect(internalHtml.finishedAt! >= internalHtml.createdAt).toBe(true);

    const file = await get(`/api/reports/${internalHtml.id}/file`, t.planner);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(file.headers['content-security-policy']).toContain("default-src 'none'");
    const name = `Steckbrief-${areaName}-${internalHtml.date}.html`;
    expect(file.headers['content-disposition']).toBe(
      `inline; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`,
    );
    expect(Number(file.headers['content-length'] ?? file.rawPayload.length)).toBe(internalHtml.size);
    expect(file.body).toContain(`Steckbrief ${areaName}`);
    expect(file.body).toContain(await value('planner', 'sgb2_quote'));
    expect(file.body).toContain(await value('planner', 'kinderarmut'));
    expect(file.body).toContain(INTERNAL_MARK);
    expect(
      (await get(`/api/reports/${internalHtml.id}/file?download=1`, t.planner)).headers[
        'content-disposition'
      ],
    ).toMatch(/^attachment; /);
  });

  it('generates a public Steckbrief PDF for anyone: protected numbers, no „Intern“ mark', async () => {
    publicPdf = await generate({ template: 'steckbrief', ...AREA, format: 'pdf', public: true });
    expect(publicPdf).toMatchObject({ status: 'done', internal: false, format: 'pdf' });
    const file = await get(`/api/reports/${publicPdf.id}/file`); // anonymous
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^inline; filename=".*\.pdf"/);
    const text = pdfToText(bytes(file));
    expect(text).toContain(`Steckbrief ${areaName}`);
    expect(text).toContain(await value('public', 'sgb2_quote'));
    expect(text).toContain(await value('public', 'kinderarmut'));
    expect(text).not.toMatch(/Intern\b/);
  });

  it('never shows an internal report to anonymous visitors or viewers', async () => {
    const anon = (await get('/api/reports')).json<{ reports: ReportMeta[] }>().reports.map((r) => r.id);
    expect(anon).toEqual([publicPdf.id]);
    const planner = (await get('/api/reports', t.planner)).json<{ reports: ReportMeta[] }>().reports;
    expect(planner.map((r) => r.id)).toEqual([publicPdf.id, internalHtml.id]); // newest first
    expect(
      (await get('/api/reports', t.viewer)).json<{ reports: ReportMeta[] }>().reports.map((r) => r.id),
    ).toEqual([publicPdf.id]);
    for (const url of [`/api/reports/${internalHtml.id}`, `/api/reports/${internalHtml.id}/file`]) {
      expect((await get(url)).statusCode, url).toBe(401);
      expect((await get(url, t.viewer)).statusCode, url).toBe(403);
    }
    for (const action of ['regenerate', 'verify']) {
      const res = await post(`/api/reports/${internalHtml.id}/${action}`, {}, t.viewer);
      expect(res.statusCode, action).toBe(403);
    }
    expect((await get('/api/reports/999999')).json()).toMatchObject({ code: 'reports.not_found' });
    expect((await get('/api/reports/abc')).json()).toMatchObject({ code: 'request.invalid' });
  });

  it('regenerates from the stored model in another format: same content hash and data version', async () => {
    const bad = await post(`/api/reports/${internalHtml.id}/regenerate`, { format: 'odt' }, t.planner);
    expect(bad.statusCode).toBe(400);
    const res = await post(`/api/reports/${internalHtml.id}/regenerate`, { format: 'docx' }, t.planner);
    expect(res.statusCode).toBe(202);
    await waitForReport(t.db, res.json<ReportMeta>().id);
    const again = (await get(`/api/reports/${res.json<ReportMeta>().id}`, t.planner)).json<ReportMeta>();
    expect(again.id).not.toBe(internalHtml.id);
    expect(again).toMatchObject({
      status: 'done',
      format: 'docx',
      internal: true,
      title: internalHtml.title,
      contentHash: internalHtml.contentHash,
      dataVersion: internalHtml.dataVersion,
      date: internalHtml.date,
    });
    const file = await get(`/api/reports/${again.id}/file`, t.planner);
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="Steckbrief-.*\.docx"/);
    const xml = strFromU8(unzipSync(bytes(file))['word/document.xml']!);
    expect(xml).toContain(await value('planner', 'sgb2_quote'));
    // without a body: the original format
    const same = await t.app.inject({
      method: 'POST',
      url: `/api/reports/${publicPdf.id}/regenerate`,
      headers: { cookie: t.planner },
    });
    expect(same.statusCode, same.body).toBe(202);
    expect(same.json()).toMatchObject({ format: 'pdf', internal: false, contentHash: publicPdf.contentHash });
    await waitForReport(t.db, same.json<ReportMeta>().id);
  });

  it('viewers cannot store reports: a viewer’s report would be published', async () => {
    for (const visibility of [{}, { public: true }]) {
      const res = await post(
        '/api/reports',
        { template: 'steckbrief', ...AREA, format: 'html', ...visibility },
        t.viewer,
      );
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'auth.forbidden' });
    }
    const regenerate = await post(`/api/reports/${publicPdf.id}/regenerate`, {}, t.viewer);
    expect(regenerate.statusCode).toBe(403);
    // they still render one to read or download (protected values only)
    const render = await get(
      `/api/reports/render?template=steckbrief&level=${AREA.level}&area=${AREA.area}`,
      t.viewer,
    );
    expect(render.statusCode).toBe(200);
    expect(render.body).not.toContain(INTERNAL_MARK);
    expect(render.body).toContain(await value('public', 'sgb2_quote'));
  });

  it('a public report is protected; only its creator or an admin deletes it', async () => {
    const own = await generate({ template: 'steckbrief', ...AREA, format: 'html', public: true });
    expect(own).toMatchObject({ internal: false, status: 'done' });
    const html = (await get(`/api/reports/${own.id}/file`)).body;
    expect(html).not.toContain(INTERNAL_MARK);
    expect(html).toContain(await value('public', 'sgb2_quote'));
    const del = (id: number, cookie: string) =>
      t.app.inject({ method: 'DELETE', url: `/api/reports/${id}`, headers: { cookie } });
    const others = await generate({ template: 'steckbrief', ...AREA, format: 'html', public: true }, t.admin);
    expect((await del(others.id, t.planner)).statusCode).toBe(403);
    expect((await del(own.id, t.viewer)).statusCode).toBe(403);
    expect((await del(own.id, t.planner)).statusCode).toBe(204);
    expect((await get(`/api/reports/${own.id}`)).statusCode).toBe(404);
    expect((await del(others.id, t.admin)).statusCode).toBe(204);
  });

  it('records a failure in the background with its German message; the file is 409', async () => {
    const template = {
      key: 'fehlerhaft',
      name: 'Fehlerhaft',
      scope: 'area',
      title: '{area.name}',
      chapters: [{ title: 'X', blocks: [{ type: 'chart', indicator: 'gibt_es_nicht' }] }],
    };
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/reports/templates/fehlerhaft',
      payload: template,
      headers: { cookie: t.planner },
    });
    expect(put.statusCode).toBe(200);
    const failed = await generate({ template: 'fehlerhaft', ...AREA, format: 'html' });
    expect(failed.status).toBe('failed');
    expect(failed.error).toContain('„gibt_es_nicht“');
    const file = await get(`/api/reports/${failed.id}/file`, t.planner);
    expect(file.statusCode).toBe(409);
    expect(file.json()).toMatchObject({ code: 'reports.failed' });
  });

  it('verifies: same data version → same content; after an import the data version differs', async () => {
    // made now: the template saved by an earlier test is data behind reports too
    const made = await generate({ template: 'steckbrief', ...AREA, format: 'html' });
    const verify = async () => {
      const res = await post(`/api/reports/${made.id}/verify`, undefined, t.admin);
      expect(res.statusCode, res.body).toBe(200);
      return res.json<{
        dataVersion: string;
        currentDataVersion: string;
        sameDataVersion: boolean;
        sameContent: boolean;
      }>();
    };
    expect(await verify()).toEqual({
      dataVersion: made.dataVersion,
      currentDataVersion: made.dataVersion,
      sameDataVersion: true,
      sameContent: true,
    });
    const csv = ['Sozialraum;Spielplätze', '101;3', '102;1'].join('\n');
    await importTable(
      t.db,
      { name: 'spielplaetze.csv', data: new TextEncoder().encode(csv) },
      {
        level: 'sozialraum',
        date: made.date,
      },
    );
    const after = await verify();
    expect(after.dataVersion).toBe(made.dataVersion);
    expect(after.currentDataVersion).not.toBe(made.dataVersion);
    expect(after.sameDataVersion).toBe(false);
    // the stored report itself is unchanged and still downloadable
    expect((await get(`/api/reports/${made.id}`, t.planner)).json()).toMatchObject({
      dataVersion: made.dataVersion,
      contentHash: made.contentHash,
    });
  });

  it('marks reports a stopped server left running as failed when the next one starts', async () => {
    const [row] = await t.db.query<{ id: number }>(
      `INSERT INTO report (title, template_key, template, level, area, ref_date, format, internal, status, created_by)
       VALUES ('Steckbrief X', 'steckbrief', '{"name":"Steckbrief"}', 'sozialraum', '101', $1, 'pdf', true, 'running',
               (SELECT id FROM app_user WHERE username = 'planer')) RETURNING id`,
      [internalHtml.date],
    );
    const restarted = await buildApp({ db: t.db, webDir: '/nonexistent' });
    try {
      await restarted.ready();
      const meta = (await get(`/api/reports/${row!.id}`, t.planner)).json<ReportMeta>();
      expect(meta).toMatchObject({ status: 'failed', error: INTERRUPTED });
      expect(meta.finishedAt).not.toBeNull();
    } finally {
      await restarted.close();
    }
  });

  it('renders without storing: anonymous get protected values, planners a marked draft', async () => {
    const url = `/api/reports/render?template=steckbrief&level=${AREA.level}&area=${AREA.area}`;
    const anon = await get(`${url}&format=html`);
    expect(anon.statusCode).toBe(200);
    expect(anon.body).toContain(await value('public', 'sgb2_quote'));
    expect(anon.body).not.toContain(INTERNAL_MARK);
    expect(anon.headers['content-disposition']).toMatch(
      /^inline; filename="Steckbrief-.*-\d{4}-12-31\.html"/,
    );
    expect((await get(`${url}&format=html`, t.planner)).body).toContain(INTERNAL_MARK);
    expect((await get(`${url}&format=html&public=1`, t.planner)).body).not.toContain(INTERNAL_MARK);
    const docx = await get(`${url}&format=docx`);
    expect(docx.headers['content-disposition']).toMatch(/^attachment; /);
    expect(Object.keys(unzipSync(bytes(docx)))).toContain('word/document.xml');

    expect((await get('/api/reports/render?template=steckbrief')).json()).toMatchObject({
      code: 'reports.area_required',
    });
    expect((await get('/api/reports/render?template=gibt_es_nicht')).statusCode).toBe(404);
    // the Sozialbericht with its Steckbriefe renders directly too (here for the 6 Stadtbezirke)
    const bericht = await get('/api/reports/render?template=sozialbericht&level=stadtbezirk&format=html');
    expect(bericht.statusCode).toBe(200);
    expect(bericht.body).toContain('<h1>Sozialbericht Musterstadt</h1>');
    expect(bericht.body.match(/id="gebiet-/g)).toHaveLength(6);
    expect(bericht.body).not.toContain(INTERNAL_MARK);
    expect(JSON.stringify(await t.app.inject('/api/docs/json').then((r) => r.json<unknown>()))).toContain(
      '/api/reports/{id}/regenerate',
    );
  });

  it('limits direct renders per client address (429)', async () => {
    let status = 0;
    for (let i = 0; i < 40 && status !== 429; i++)
      status = (await get('/api/reports/render?template=gibt_es_nicht')).statusCode;
    expect(status).toBe(429);
  });
});
