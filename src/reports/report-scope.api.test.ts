/**
 * Reports of a planner bound to one municipality of the demo Kreis: a Steckbrief of an own
 * Wohnplatz carries its unprotected values and is internal to Musterhausen (its planners and the
 * Kreis's see it, nobody else); of another Gemeinde's Wohnplatz it is the public one. On every engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KREIS_SCOPED } from '../demo/kreis/kreis-users.ts';
import { engines } from '../test/databases.ts';
import { demoKreisApp, type DemoKreisApp } from '../test/demo-kreis-app.ts';
import { INTERNAL_MARK } from './render-html.ts';
import type { ReportModel, ReportTable } from './report-model.ts';
import { waitForReport } from './report.jobs.ts';
import type { ReportList, ReportMeta } from './report-store.schema.ts';

const OWN = KREIS_SCOPED.mittelzentrum.gemeindeKey;
const OTHER = KREIS_SCOPED.rural.gemeindeKey;
const SCOPE = { level: 'gemeinde', key: OWN };

describe.each(engines)('reports of a planner bound to one municipality ($name)', (engine) => {
  let t: DemoKreisApp;
  /** A Wohnplatz of Musterhausen whose inhabitants the public does not see. */
  let small: string;
  let mine: ReportMeta;

  const send = (
    method: 'GET' | 'POST' | 'DELETE' | 'PATCH',
    url: string,
    cookie?: string,
    payload?: unknown,
  ) => t.app.inject({ method, url, headers: cookie ? { cookie } : {}, ...(payload ? { payload } : {}) });
  /** Stores a Steckbrief of `area` as `cookie` asks for it and waits until it is made. */
  async function steckbrief(cookie: string, area: string, asPublic = false): Promise<ReportMeta> {
    const res = await send('POST', '/api/reports', cookie, {
      template: 'steckbrief',
      level: 'wohnplatz',
      area,
      date: t.date,
      format: 'html',
      public: asPublic,
    });
    expect(res.statusCode, res.body).toBe(202);
    await waitForReport(t.db, res.json<ReportMeta>().id);
    const meta = await send('GET', `/api/reports/${res.json<ReportMeta>().id}`, cookie);
    expect(meta.statusCode, meta.body).toBe(200);
    expect(meta.json<ReportMeta>().status).toBe('done');
    return meta.json<ReportMeta>();
  }
  /** The indicator table of a stored report's model (area, district, Kreis, rank, change). */
  async function table(id: number): Promise<ReportTable> {
    const [row] = await t.db.query<{ model: string }>(
      'SELECT model::text AS model FROM report WHERE id = $1',
      [id],
    );
    const model = JSON.parse(row!.model) as ReportModel;
    const found = model.sections
      .flatMap((s) => s.blocks)
      .find((b): b is ReportTable => b.kind === 'table' && b.columns[0] === 'Indikator');
    expect(found, 'indicator table').toBeDefined();
    return found!;
  }
  const column = (tbl: ReportTable, k: number) => tbl.rows.map((r) => r[k]);
  const listed = async (cookie: string | undefined) =>
    (await send('GET', '/api/reports', cookie)).json<ReportList>().reports.map((r) => r.id);

  beforeAll(async () => {
    t = await demoKreisApp(engine);
    const res = await send(
      'GET',
      `/api/indicators/einwohner/values?level=wohnplatz&date=${t.date}`,
      undefined,
    );
    const hidden = new Set(
      res
        .json<{ values: { id: string; status: string }[] }>()
        .values.filter((v) => v.status !== 'value')
        .map((v) => v.id),
    );
    small = t.wohnplaetze.get(OWN)!.find((k) => hidden.has(k))!;
    expect(small, 'a small Wohnplatz of Musterhausen').toBeDefined();
    mine = await steckbrief(t.cookies.own, small);
  }, 600_000);
  afterAll(() => t?.close());

  it('gives a planner of Musterhausen a Steckbrief of an own Wohnplatz with its values unprotected, the Kreis protected', async () => {
    expect(mine).toMatchObject({ internal: true, scope: SCOPE });
    expect(mine.scope?.name).toMatch(/Musterhausen/);
    const published = await steckbrief(t.cookies.kreis, small, true);
    const whole = await steckbrief(t.cookies.kreis, small);
    expect([published.internal, published.scope, whole.internal, whole.scope]).toEqual([
      false,
      null,
      true,
      null,
    ]);
    const [own, pub, all] = [await table(mine.id), await table(published.id), await table(whole.id)];
    expect(own.columns).toEqual(pub.columns);
    const kreisColumn = own.columns.length - 3;
    // the Wohnplatz and its Sozialraum as the Kreis's planner sees them, the Kreis as the public does
    expect(column(own, 1)).toEqual(column(all, 1));
    expect(column(own, 2)).toEqual(column(all, 2));
    expect(column(own, kreisColumn)).toEqual(column(pub, kreisColumn));
    // a value the public report keeps secret
    const secret = own.rows.filter((r, k) => pub.rows[k]![1] !== r[1]);
    expect(secret.length).toBeGreaterThan(0);
    expect(secret.every((r) => !r[1]!.includes('·'))).toBe(true);
    const file = await send('GET', `/api/reports/${mine.id}/file`, t.cookies.own);
    expect(file.statusCode).toBe(200);
    expect(file.body).toContain(INTERNAL_MARK);
  });

  it('shows the report to the planners of Musterhausen and of the Kreis only', async () => {
    for (const [who, cookie] of [
      ['own', t.cookies.own],
      ['kreis', t.cookies.kreis],
      ['admin', t.cookies.admin],
    ] as const) {
      expect(await listed(cookie), who).toContain(mine.id);
      expect((await send('GET', `/api/reports/${mine.id}`, cookie)).statusCode, who).toBe(200);
      expect((await send('GET', `/api/reports/${mine.id}/file`, cookie)).statusCode, who).toBe(200);
    }
    for (const [who, cookie, status] of [
      ['other Gemeinde', t.cookies.other, 403],
      ['viewer', t.cookies.viewer, 403],
      ['anonymous', undefined, 401],
    ] as const) {
      expect(await listed(cookie), who).not.toContain(mine.id);
      for (const url of [`/api/reports/${mine.id}`, `/api/reports/${mine.id}/file`])
        expect((await send('GET', url, cookie)).statusCode, `${who} ${url}`).toBe(status);
    }
    // another planner of Musterhausen sees it; a viewer bound to Musterhausen does not
    const bind = (body: unknown) => send('PATCH', '/api/users/gast', t.cookies.admin, body);
    expect((await bind({ role: 'planner', scope: SCOPE })).statusCode).toBe(200);
    try {
      expect(await listed(t.cookies.viewer)).toContain(mine.id);
      expect((await send('GET', `/api/reports/${mine.id}/file`, t.cookies.viewer)).statusCode).toBe(200);
      expect((await bind({ role: 'viewer' })).statusCode).toBe(200);
      expect(await listed(t.cookies.viewer)).not.toContain(mine.id);
      expect((await send('GET', `/api/reports/${mine.id}`, t.cookies.viewer)).statusCode).toBe(403);
    } finally {
      expect((await bind({ role: 'viewer', scope: null })).statusCode).toBe(200);
    }
  });

  it('keeps the scope when the Kreis regenerates or verifies it, and refuses them to other Gemeinden', async () => {
    const verified = await send('POST', `/api/reports/${mine.id}/verify`, t.cookies.kreis);
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ sameDataVersion: true, sameContent: true });
    const again = await send('POST', `/api/reports/${mine.id}/regenerate`, t.cookies.kreis, {
      format: 'html',
    });
    expect(again.statusCode, again.body).toBe(202);
    await waitForReport(t.db, again.json<ReportMeta>().id);
    const copy = (
      await send('GET', `/api/reports/${again.json<ReportMeta>().id}`, t.cookies.own)
    ).json<ReportMeta>();
    expect(copy).toMatchObject({ internal: true, scope: mine.scope, contentHash: mine.contentHash });
    expect(await listed(t.cookies.other)).not.toContain(copy.id);
    for (const action of ['verify', 'regenerate'])
      expect((await send('POST', `/api/reports/${mine.id}/${action}`, t.cookies.other)).statusCode).toBe(403);
    expect((await send('DELETE', `/api/reports/${copy.id}`, t.cookies.other)).statusCode).toBe(403);
  });

  it('gives a planner of Musterhausen the published Steckbrief of another Gemeinde’s Wohnplatz', async () => {
    const area = t.wohnplaetze.get(OTHER)![0]!;
    const theirs = await steckbrief(t.cookies.own, area);
    const published = await steckbrief(t.cookies.kreis, area, true);
    expect([theirs.internal, theirs.scope]).toEqual([false, null]);
    expect(theirs.contentHash).toBe(published.contentHash);
    expect(await listed(t.cookies.other)).toContain(theirs.id);
    expect(await listed(undefined)).toContain(theirs.id);
  });

  it('renders the internal document of an own Wohnplatz directly, and the public one when asked', async () => {
    const render = (area: string, extra = '') =>
      send(
        'GET',
        `/api/reports/render?template=steckbrief&level=wohnplatz&area=${area}&date=${t.date}&format=html${extra}`,
        t.cookies.own,
      );
    const own = await render(small);
    expect(own.statusCode).toBe(200);
    expect(own.body).toContain(INTERNAL_MARK);
    expect((await render(small, '&public=1')).body).not.toContain(INTERNAL_MARK);
    expect((await render(t.wohnplaetze.get(OTHER)![0]!)).body).not.toContain(INTERNAL_MARK);
  });

  it('lets the planner of Musterhausen delete their own report', async () => {
    expect((await send('DELETE', `/api/reports/${mine.id}`, t.cookies.own)).statusCode).toBe(204);
    expect((await send('GET', `/api/reports/${mine.id}`, t.cookies.kreis)).statusCode).toBe(404);
  });
});
