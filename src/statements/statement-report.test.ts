/**
 * The Stellungnahme on the demo city: a plan across two Sozialräume with three dwelling types in
 * two phases, under two fixed norms (a Kita norm on the own area, a playground norm shared by the
 * Stadtbezirk) so that the document does not change with the city's other norms. The HTML is a
 * golden file (`REGEN=1` rewrites it); the PDF and the Word file carry the same numbers and the
 * assumptions with their sources, as a reader sees them (poppler, the .docx's XML).
 */
import { strFromU8, unzipSync } from 'fflate';
import type { Polygon } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaGeometries } from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { readPlanAreaJson } from './plan-area.ts';
import { planOverlap } from './overlap.ts';
import { computeStatement } from './statement.compute.ts';
import type { StatementResult } from './statement.schema.ts';
import { square } from './test-plans.ts';
import { engines } from '../test/databases.ts';
import { expectGolden, goldenFile } from '../test/golden.ts';
import { pdfFile } from '../test/poppler.ts';
import { assembleStatementReport } from './statement-report.ts';
import { closePdfBrowser } from '../reports/pdf.ts';
import { renderDocx } from '../reports/render-docx.ts';
import { renderHtml } from '../reports/render-html.ts';
import { renderReportPdf } from '../reports/render-pdf.ts';
import type { ReportModel, ReportTable } from '../reports/report-model.ts';
import { STELLUNGNAHME } from '../reports/templates.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };
const DAY = '2025-06-30';

/** A square on a border of Sozialraum 101 that lies in exactly two Sozialräume, both substantially. */
async function planAcrossTwo(db: Db): Promise<Polygon> {
  const areas = await areaGeometries(db, 'sozialraum', 'full');
  const own = areas.find((a) => a.key === '101')!.geometry;
  const ring = own.type === 'Polygon' ? own.coordinates[0]! : own.coordinates[0]![0]!;
  for (let i = 0; i + 1 < ring.length; i++) {
    // the middle of a border edge: the square lies on both sides of it
    const [x, y] = [(ring[i]![0]! + ring[i + 1]![0]!) / 2, (ring[i]![1]! + ring[i + 1]![1]!) / 2];
    const plan = square(x, y, 0.0015);
    const shares = planOverlap(plan, areas).areas.map((a) => a.share);
    if (shares.length === 2 && Math.min(...shares) > 0.3) return plan;
  }
  throw new Error('no border of 101 between exactly two Sozialräume');
}

describe('Stellungnahme zur Bauleitplanung on the demo city', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let result: StatementResult;
  let model: ReportModel;

  beforeAll(async () => {
    ({ db, drop } = await engines[0]!.create());
    await loadDemo(db, { seed: 1 });
    // the document shows every norm the city keeps: fixed ones keep it independent of the defaults
    await db.query('DELETE FROM norm');
    await db.query(
      `INSERT INTO norm (key, facility_type, name, demand, factor, catchment, source, description) VALUES
       ('kita_test', 'kita', 'Kita-Plätze bis zum Schuleintritt', '{ew_u6}', 0.8, '{"kind":"area"}',
        'Testrichtwert: 80 % der Kinder unter 6 Jahren', ''),
       ('spielplatz_test', 'spielplatz', 'Spielfläche je Einwohner', '{ew}', 1.5,
        '{"kind":"district","level":"stadtbezirk"}', 'Testrichtwert: 1,5 m² je Einwohner', '')`,
    );
    const plan = readPlanAreaJson(await planAcrossTwo(db));
    result = await computeStatement(
      db,
      PLANNER,
      {
        id: 7,
        name: 'Wohnen am Mühlenbach',
        planNumber: 'B-Plan Nr. 123',
        geometry: plan.geometry,
        areaM2: plan.areaM2,
        crs: 'EPSG:25832',
        dwellings: [
          { type: 'efh', count: 40, year: 2028 },
          { type: 'mfh', count: 120, year: 2028 },
          { type: 'gefoerdert', count: 60, year: 2030 },
        ],
        level: 'sozialraum',
        notes: '',
      },
      { date: DAY },
    );
    model = await assembleStatementReport(db, STELLUNGNAHME, result);
  }, 300_000);
  afterAll(async () => {
    await closePdfBrowser();
    await drop?.();
  });

  it('computes the plan across two Sozialräume with both norms, the school rule and the care rates', () => {
    expect(result.areas).toHaveLength(2);
    expect(result.needs.map((n) => n.key)).toEqual([
      'kita_test',
      'grundschule_schulpflicht',
      'spielplatz_test',
      'pflegeheim_pflegequoten',
    ]);
    const play = result.needs.find((n) => n.key === 'spielplatz_test')!.coverage!;
    // both Sozialräume show their Stadtbezirk's supply; a shared district gets the whole need
    const districts = new Set(play.rows.map((r) => `${r.supply}|${r.demand}`));
    if (districts.size === 1)
      expect(play.rows.every((r) => Math.abs(r.extra - result.needs[2]!.peak.need) < 1e-9)).toBe(true);
    const kita = result.needs[0]!.coverage!;
    expect(kita.total!.extra).toBeCloseTo(result.needs[0]!.peak.need, 9);
  });

  it('makes the document in formal German with the numbers and the assumptions (golden HTML)', () => {
    expect(model.title).toBe(
      'Stellungnahme der Sozialplanung zum Bebauungsplan Nr. 123 „Wohnen am Mühlenbach“',
    );
    expect(model.internal).toBe(true);
    expect(model.sections.map((s) => s.title)).toEqual([
      'Anlass und Gegenstand',
      'Zu erwartende Einwohnerinnen und Einwohner',
      'Zusätzlicher Bedarf an sozialer Infrastruktur',
      'Versorgung in den betroffenen Gebieten',
      'Bewertung und Empfehlung',
      'Annahmen und Quellen',
    ]);
    const html = renderHtml(model);
    expect(html).not.toMatch(/\{statement\.|\{city\./);
    expect(html).toContain('in den Sozialräumen');
    expectGolden(goldenFile(import.meta.url, 'stellungnahme-demo.golden.html'), html);
  });

  it('prints the same numbers and sources as PDF', async () => {
    const file = pdfFile(await renderReportPdf(model));
    let text: string;
    try {
      text = file.pageTexts().join('\n');
    } finally {
      file.dispose();
    }
    expect(text).toContain('Stellungnahme der Sozialplanung zum');
    const residents = model.sections[1]!.blocks.find((b): b is ReportTable => b.kind === 'table')!;
    for (const cell of residents.rows.at(-1)!) expect(text).toContain(cell);
    expect(text).toContain('Projekt-Check');
    expect(text).toContain('Testrichtwert: 80 % der Kinder unter 6 Jahren');
    expect(text).toContain('Pflegeheimplätze (Pflegequoten)');
  }, 120_000);

  it('writes a Word file with real headings, the tables and the map', async () => {
    const files = unzipSync(await renderDocx(model));
    const xml = strFromU8(files['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(xml).toContain('w:val="Heading1"');
    expect(text).toContain('Annahmen und Quellen');
    const need = model.sections[2]!.blocks.find((b): b is ReportTable => b.kind === 'table')!;
    for (const row of need.rows) expect(text).toContain(row[2]!);
    expect(Object.keys(files).filter((f) => /^word\/media\/.*\.png$/.test(f))).toHaveLength(1);
  }, 120_000);
});
