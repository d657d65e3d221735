/**
 * The Pflegebedarfsplan template on the demo city (Musterstadt, seed 1): its chapters, numbers equal
 * to `carePlan`'s, the scenario of rising rates, the note a public report gets instead of numbers,
 * the golden HTML, and Word and PDF read back once.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import { carePlan, type CarePlan } from '../care/care-plan.service.ts';
import { PFLEGESTATISTIK_2019 } from '../care/care.defaults.ts';
import { formatNumber } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { engines } from '../test/databases.ts';
import { expectGolden, goldenFile } from '../test/golden.ts';
import { pdfFile } from '../test/poppler.ts';
import { assembleReport } from './assemble-report.ts';
import { CARE_PLAN_INTERNAL_NOTE } from './care-blocks.ts';
import { gapOrder } from './care-gap.ts';
import { closePdfBrowser } from './pdf.ts';
import { renderDocx } from './render-docx.ts';
import { renderHtml } from './render-html.ts';
import { renderReportPdfWithLayout } from './render-pdf.ts';
import type { ReportBlock, ReportMap, ReportModel, ReportTable } from './report-model.ts';
import { ReportTemplate } from './report.schema.ts';
import { ALTENHILFEPLAN_CHAPTER, PFLEGEBEDARFSPLAN, SOZIALBERICHT } from './templates.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };
const BASE = '2024-12-31';

const blocksOf = (m: ReportModel, title: string): ReportBlock[] =>
  m.sections.find((s) => s.title === title)?.blocks ?? [];
const tablesOf = (blocks: ReportBlock[]) => blocks.filter((b): b is ReportTable => b.kind === 'table');
const whole = (n: number) => formatNumber(n, 0);
const missing = (balance: number) => whole(Math.max(0, -balance));

describe('Pflegebedarfsplan on the demo city', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let model: ReportModel;
  let plan: CarePlan;

  beforeAll(async () => {
    ({ db, drop } = await engines[0]!.create());
    await loadDemo(db, { seed: 1 });
    model = await assembleReport(db, PLANNER, PFLEGEBEDARFSPLAN, { level: 'sozialraum' });
    plan = await carePlan(db, { level: 'sozialraum', base: BASE, to: '2040-12-31' });
  }, 600_000);
  afterAll(async () => {
    await closePdfBrowser();
    await drop?.();
  });

  it('has the chapters, is internal, and every table carries the source line', () => {
    expect(model.title).toBe('Pflegebedarfsplan Musterstadt');
    expect(model.internal).toBe(true);
    expect(model.date).toBe(BASE);
    expect(model.sections.map((s) => s.title)).toEqual([
      'Demografie der Älteren',
      'Pflegebedürftige heute und 2030/2035/2040',
      'Bestand',
      'Bedarf',
      'Lücke nach Sozialraum',
      'Szenarien',
      'Handlungsempfehlungen',
    ]);
    let tables = 0;
    for (const s of model.sections)
      for (const b of s.blocks)
        if (b.kind === 'table' || b.kind === 'map') {
          tables++;
          expect(b.source).toContain('Pflegestatistik 2019');
          expect(b.source).toContain('Prognose: gerundet, mit Unsicherheit');
          expect(b.source).toMatch(/; Stichtag 31\.12\.2024$/);
        }
    expect(tables).toBeGreaterThan(8);
    const advice = blocksOf(model, 'Handlungsempfehlungen');
    expect(advice[0]).toMatchObject({ kind: 'paragraph' });
    expect((advice[0] as { text: string }).text).toContain('[');
  });

  it('shows the first projected year and 2030, 2035, 2040 with carePlan’s numbers', () => {
    const [city, districts] = tablesOf(blocksOf(model, 'Pflegebedürftige heute und 2030/2035/2040'));
    expect(city!.rows.map((r) => r[0])).toEqual(['2025', '2030', '2035', '2040']);
    for (const row of city!.rows) {
      const r = plan.city.find((x) => x.date === `${row[0]}-12-31`)!;
      expect(row.slice(1)).toEqual([
        whole(r.need),
        whole(r.persons.angehoerige),
        whole(r.persons.ambulant),
        whole(r.persons.tagespflege),
        whole(r.persons.stationaer),
      ]);
    }
    // districts, then the city
    const names = [...new Set(plan.parents.map((r) => r.name))];
    expect(districts!.rows.map((r) => r[0])).toEqual([...names, 'Musterstadt']);
    const d0 = plan.parents.find((r) => r.name === names[0] && r.date === '2040-12-31')!;
    expect(districts!.rows[0]![4]).toBe(whole(d0.need));

    const [, ...ages] = tablesOf(blocksOf(model, 'Demografie der Älteren'))[0]!.rows;
    expect(ages.at(-1)![1]).toBe(whole(plan.city.at(-1)!.ew65plus));
  });

  it('places in operation, needed and missing as carePlan has them', () => {
    const [stock] = tablesOf(blocksOf(model, 'Bestand'));
    const city2025 = plan.city[0]!;
    const city2040 = plan.city.at(-1)!;
    expect(stock!.rows.at(-1)).toEqual([
      'Musterstadt',
      whole(city2025.places.stationaer.capacity),
      whole(city2040.places.stationaer.capacity),
      whole(city2025.places.tagespflege.capacity),
      whole(city2040.places.tagespflege.capacity),
    ]);
    const [balance] = tablesOf(blocksOf(model, 'Bedarf'));
    expect(balance!.rows.at(-1)).toEqual([
      '2040',
      whole(city2040.places.stationaer.required),
      whole(city2040.places.stationaer.capacity),
      missing(city2040.places.stationaer.balance),
      whole(city2040.places.tagespflege.required),
      whole(city2040.places.tagespflege.capacity),
      missing(city2040.places.tagespflege.balance),
    ]);
  });

  it('ranks the areas by missing places in 2040, with a map of the first', () => {
    const blocks = blocksOf(model, 'Lücke nach Sozialraum');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'map', 'table']);
    const table = tablesOf(blocks)[0]!;
    const order = gapOrder(plan);
    expect(table.rows).toHaveLength(15);
    expect(table.rows.map((r) => r[1])).toEqual(order.slice(0, 15).map((r) => r.name));
    const first = order[0]!;
    expect(table.rows[0]!.slice(-2)).toEqual([
      missing(first.places.stationaer.balance),
      missing(first.places.tagespflege.balance),
    ]);
    const gaps = table.rows.map(
      (r) => Number(r.at(-2)!.replace('.', '')) + Number(r.at(-1)!.replace('.', '')),
    );
    expect(gaps).toEqual([...gaps].sort((a, b) => b - a));
    const map = blocks.find((b): b is ReportMap => b.kind === 'map')!;
    expect(map.shapes.filter((s) => s.highlight).length).toBeGreaterThan(0);
    expect(map.shapes.filter((s) => s.highlight).length).toBeLessThanOrEqual(15);
  });

  it('scenarios: constant rates against rates rising 1 % a year, city totals', async () => {
    const rising = await carePlan(db, {
      level: 'sozialraum',
      base: BASE,
      to: '2040-12-31',
      assumptions: { ...PFLEGESTATISTIK_2019, trend: 1.01 },
    });
    const [table] = tablesOf(blocksOf(model, 'Szenarien'));
    expect(table!.columns[2]).toBe('Pflegebedürftige: Quoten +1,0 % je Jahr');
    const last = table!.rows.at(-1)!;
    expect(last[1]).toBe(whole(plan.city.at(-1)!.need));
    expect(last[2]).toBe(whole(rising.city.at(-1)!.need));
    expect(rising.city.at(-1)!.need).toBeGreaterThan(plan.city.at(-1)!.need);
  }, 300_000);

  it('a public report gets one note instead of numbers', async () => {
    const pub = await assembleReport(db, null, PFLEGEBEDARFSPLAN, { level: 'sozialraum' });
    expect(pub.internal).toBe(false);
    const blocks = pub.sections.flatMap((s) => s.blocks).filter((b) => b.kind !== 'paragraph');
    expect(blocks.filter((b) => b.kind !== 'note')).toEqual([]);
    expect(blocks[0]).toEqual({ kind: 'note', text: CARE_PLAN_INTERNAL_NOTE });
    expect(blocks.filter((b) => b.kind === 'note' && b.text === CARE_PLAN_INTERNAL_NOTE)).toHaveLength(1);
  }, 120_000);

  it('the Altenhilfeplan chapter added to a Sozialbericht: sentences and the city’s numbers', async () => {
    // the Sozialbericht without its appendix of Steckbriefe, the chapter after „Alter und Pflege“
    const chapters = SOZIALBERICHT.chapters.filter((c) => c.title !== 'Steckbriefe der Gebiete');
    const k = chapters.findIndex((c) => c.title === 'Alter und Pflege') + 1;
    const template = ReportTemplate.parse({
      ...SOZIALBERICHT,
      chapters: [...chapters.slice(0, k), ALTENHILFEPLAN_CHAPTER, ...chapters.slice(k)],
    });
    const draft = await assembleReport(db, PLANNER, template, { level: 'sozialraum' });
    expect(draft.sections.map((s) => s.title)).toContain('Altenhilfeplan');
    const blocks = blocksOf(draft, 'Altenhilfeplan');
    expect(blocks.map((b) => b.kind)).toEqual(['paragraph', 'paragraph', 'table', 'table']);
    const last = plan.city.at(-1)!;
    expect((blocks[1] as { text: string }).text).toContain(`2040 rund ${whole(last.need)} Menschen`);
    const [need, places] = tablesOf(blocks);
    expect(need!.rows.at(-1)![1]).toBe(whole(last.need));
    expect(places!.rows.at(-1)![3]).toBe(missing(last.places.stationaer.balance));

    const pub = await assembleReport(db, null, template, { level: 'sozialraum' });
    expect(blocksOf(pub, 'Altenhilfeplan').at(-1)).toEqual({ kind: 'note', text: CARE_PLAN_INTERNAL_NOTE });
  }, 300_000);

  it('HTML matches the golden file', () => {
    const html = renderHtml(model);
    expect(html).toContain('Intern');
    expectGolden(goldenFile(import.meta.url, 'pflegebedarfsplan-intern.golden.html'), html);
  });

  it('as Word: chapters, the gap table and the map', async () => {
    const files = unzipSync(await renderDocx(model));
    const xml = strFromU8(files['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    for (const s of model.sections) expect(text).toContain(s.title);
    expect(text).toContain(gapOrder(plan)[0]!.name);
    expect(Object.keys(files).filter((f) => f.startsWith('word/media/') && f.endsWith('.svg'))).toHaveLength(
      1,
    );
  }, 60_000);

  it('as PDF: every chapter and the first area of the gap, read back with poppler', async () => {
    const r = await renderReportPdfWithLayout(model);
    const file = pdfFile(r.pdf);
    let text: string;
    try {
      text = file.pageTexts().join('\n');
    } finally {
      file.dispose();
    }
    for (const s of model.sections) expect(text).toContain(s.title);
    expect(text).toContain(gapOrder(plan)[0]!.name);
    expect(text).toContain('Intern');
  }, 180_000);
});
