/**
 * The Bedarfsplan templates on the demo city (Musterstadt, seed 1): the Kita plan's chapters, its
 * ranking table and coverage exactly as the public ranking and coverage routes give them (so the
 * public report holds protected values only), the golden HTML, Word and PDF; the plan for
 * Nachbarschaftszentren says in German that the city lacks the norm, and once a planner has
 * created one ranks status class 3–4 without a centre within 1,000 m first.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import { formatNumber } from '../core/format.ts';
import type { Coverage } from '../coverage/coverage.schema.ts';
import type { Ranking } from '../planning/ranking.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import { expectGolden } from '../test/golden.ts';
import { pdfFile } from '../test/poppler.ts';
import { assembleReport } from './assemble-report.ts';
import { closePdfBrowser } from './pdf.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderReportPdfWithLayout } from './render-pdf.ts';
import type { ReportBlock, ReportMap, ReportModel, ReportTable } from './report-model.ts';
import { BEDARFSPLAN_KITA, BEDARFSPLAN_NBZ } from './templates.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };
const RANKING = '/api/planning/ranking?norm=kita_gesamt&level=sozialraum&index=berlin_mss&date=2024-12-31';
const COVERAGE = '/api/coverage?norm=kita_gesamt&level=sozialraum&date=2024-12-31';

const blocksOf = (m: ReportModel, title: string): ReportBlock[] =>
  m.sections.find((s) => s.title === title)?.blocks ?? [];
const tablesOf = (blocks: ReportBlock[]) => blocks.filter((b): b is ReportTable => b.kind === 'table');
const textOf = (blocks: ReportBlock[]) =>
  blocks
    .map((b) =>
      b.kind === 'paragraph' || b.kind === 'note' ? b.text : b.kind === 'list' ? b.items.join(' ') : '',
    )
    .join(' ');
const rate = (x: { status: string; rate: number | null }) =>
  x.status === 'secret' ? '·' : x.rate === null ? '–' : formatNumber(x.rate, 1);

describe('Bedarfsplan reports on the demo city', () => {
  let ctx: Awaited<ReturnType<typeof demoApp>>;
  let pub: ReportModel;
  const get = async <T>(url: string, cookie?: string) => {
    const res = await ctx.app.inject({ url, headers: cookie ? { cookie } : {} });
    expect(res.statusCode, `${url}: ${res.body.slice(0, 300)}`).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    ctx = await demoApp(engines[0]!);
    pub = await assembleReport(ctx.db, null, BEDARFSPLAN_KITA, { level: 'sozialraum' });
  }, 180_000);
  afterAll(async () => {
    await closePdfBrowser();
    await ctx?.close();
  });

  it('Kita: coverage, ranking, assumptions and a marked gap for the recommendation', () => {
    expect(pub.title).toBe('Bedarfsplan Kindertagesbetreuung Musterstadt');
    expect(pub.sections.map((s) => s.title)).toEqual([
      'Ausgangslage',
      'Rangfolge der Gebiete nach Bedarf',
      'Annahmen und Quellen',
      'Handlungsempfehlung',
    ]);
    expect(pub.internal).toBe(false);
    const ranking = blocksOf(pub, 'Rangfolge der Gebiete nach Bedarf');
    expect(ranking.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'map', 'table']);
    const map = ranking.find((b): b is ReportMap => b.kind === 'map')!;
    expect(map.shapes.filter((s) => s.highlight)).toHaveLength(10);
    expect(map.shapes.filter((s) => s.cls === 4)).toHaveLength(10);
    const [assumptions] = tablesOf(blocksOf(pub, 'Annahmen und Quellen'));
    const rows = new Map(assumptions!.rows.map((r) => [r[0], r[1]]));
    expect(rows.get('Bedarf (Plätze)')).toBe(
      '0,51 × Einwohner unter 3 Jahren + 0,97 × Einwohner von 3 bis 5 Jahren',
    );
    expect(rows.get('Quelle des Richtwerts')).toContain('BMFSFJ');
    expect(rows.get('Sozialindex')).toMatch(/Status/);
    expect(textOf(blocksOf(pub, 'Handlungsempfehlung'))).toContain('[');
    for (const s of pub.sections)
      for (const b of s.blocks)
        if (b.kind === 'table' || b.kind === 'map')
          expect(b.source).toMatch(/^Quelle: .+; Stichtag 31\.12\.2024/);
  });

  it('the public report holds exactly the public ranking and coverage, the planner draft more', async () => {
    const r = await get<Ranking>(RANKING);
    const c = await get<Coverage>(COVERAGE);
    const blocks = blocksOf(pub, 'Rangfolge der Gebiete nach Bedarf');
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: r.rule });
    const table = tablesOf(blocks)[0]!;
    expect(table.columns).toEqual([
      'Rang',
      'Sozialraum',
      'Stadtbezirk',
      'Versorgungsquote (%)',
      'fehlende Plätze',
      'Klasse (Status-Index)',
      'Entfernung zur nächsten Einrichtung (m)',
      'Begründung',
    ]);
    const top = r.rows.filter((x) => x.rank !== null && x.rank <= 10);
    expect(table.rows.map((row) => [row[0], row[1], row[3], row[7]])).toEqual(
      top.map((x) => [String(x.rank), x.name, rate(x.coverage), x.reason]),
    );
    // the coverage table: every area as the public coverage route gives it, the city last
    const [coverage] = tablesOf(blocksOf(pub, 'Ausgangslage'));
    expect(coverage!.rows.slice(0, -1).map((row) => [row[0], row[3]])).toEqual(
      c.rows.map((x) => [x.name, rate(x)]),
    );
    const secret = c.rows.filter((x) => x.status === 'secret');
    expect(secret.length).toBeGreaterThan(0);
    for (const s of secret) expect(coverage!.rows.find((row) => row[0] === s.name)![2]).toBe('·');

    const draft = await assembleReport(ctx.db, PLANNER, BEDARFSPLAN_KITA, { level: 'sozialraum' });
    expect(draft.internal).toBe(true);
    const planner = await get<Ranking>(RANKING, ctx.planner);
    const draftTable = tablesOf(blocksOf(draft, 'Rangfolge der Gebiete nach Bedarf'))[0]!;
    expect(draftTable.rows.map((row) => row[1])).toEqual(
      planner.rows.filter((x) => x.rank !== null && x.rank <= 10).map((x) => x.name),
    );
    const [draftCoverage] = tablesOf(blocksOf(draft, 'Ausgangslage'));
    expect(draftCoverage!.rows.some((row) => row.includes('·'))).toBe(false);
  });

  it('HTML of the public Kita plan matches the golden file', () => {
    const html = renderHtml(pub);
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expectGolden(new URL('./golden/bedarfsplan-kita-public.golden.html', import.meta.url), html);
  });

  it('as Word: headings, the ranking table and the map', async () => {
    const files = unzipSync(await renderDocx(pub));
    const xml = strFromU8(files['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(text).toContain('Rangfolge der Gebiete nach Bedarf');
    expect(text).toContain('Begründung');
    const first = tablesOf(blocksOf(pub, 'Rangfolge der Gebiete nach Bedarf'))[0]!.rows[0]!;
    expect(text).toContain(first[7]);
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.svg'))).toHaveLength(
      1,
    );
  }, 60_000);

  it('as PDF: every chapter and the first area of the ranking, read back with poppler', async () => {
    const r = await renderReportPdfWithLayout(pub);
    const file = pdfFile(r.pdf);
    let text: string;
    try {
      text = file.pageTexts().join('\n');
    } finally {
      file.dispose();
    }
    for (const s of pub.sections) expect(text).toContain(s.title);
    const first = tablesOf(blocksOf(pub, 'Rangfolge der Gebiete nach Bedarf'))[0]!.rows[0]!;
    expect(text).toContain(first[1]);
    expect(text).toContain('Versorgungsquote');
  }, 120_000);

  it('Nachbarschaftszentren: without the norm each chapter says so; with it Braunschweig’s rule', async () => {
    const without = await assembleReport(ctx.db, null, BEDARFSPLAN_NBZ, { level: 'sozialraum' });
    expect(textOf(blocksOf(without, 'Rangfolge der Gebiete nach Bedarf'))).toMatch(
      /^Zum Richtwert „nachbarschaftszentrum“ liegen in dieser Stadt keine \(veröffentlichten\) Angaben vor/,
    );
    expect(textOf(blocksOf(without, 'Annahmen und Quellen'))).toContain('nachbarschaftszentrum');

    const norm = await ctx.app.inject({
      method: 'POST',
      url: '/api/norms',
      payload: {
        key: 'nachbarschaftszentrum',
        facilityType: 'nachbarschaftszentrum',
        name: 'Nachbarschaftszentren',
        demand: ['ew'],
        factor: 0.0001,
        source: 'Richtwert der Stadt (Probe)',
      },
      headers: { cookie: ctx.planner },
    });
    expect(norm.statusCode, norm.body).toBe(201);
    const m = await assembleReport(ctx.db, PLANNER, BEDARFSPLAN_NBZ, { level: 'sozialraum' });
    const blocks = blocksOf(m, 'Rangfolge der Gebiete nach Bedarf');
    expect(textOf(blocks)).not.toContain('fehlender Platz');
    const table = tablesOf(blocks)[0]!;
    const r = await get<Ranking>(
      '/api/planning/ranking?norm=nachbarschaftszentrum&level=sozialraum&index=berlin_mss&weightGap=0&radius=1000',
      ctx.planner,
    );
    expect(table.rows.map((row) => row[1])).toEqual(
      r.rows.filter((x) => x.rank !== null && x.rank <= 10).map((x) => x.name),
    );
    // no centre in the demo city: the areas of status class 3–4 come first
    const first = r.rows.filter((x) => x.need.class && x.need.distance).length;
    expect(first).toBeGreaterThan(0);
    for (const row of table.rows.slice(0, Math.min(first, 10))) {
      expect(row[5]).toMatch(/^[34] /);
      expect(row[6]).toBe('keine in Betrieb');
      expect(row[7]).toMatch(/^Statusklasse [34] \((niedrig|sehr niedrig)\), kein Nachbarschaftszentrum/);
    }
    const [assumptions] = tablesOf(blocksOf(m, 'Annahmen und Quellen'));
    expect(assumptions!.rows.find((r) => r[0] === 'Gewichte der Merkmale')![1]).toMatch(
      /^Versorgungslücke 0,/,
    );
    expect(assumptions!.rows.find((r) => r[0] === 'Entfernung')![1]).toMatch(/innerhalb von 1\.000 m/);
  }, 120_000);
});
