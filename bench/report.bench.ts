/**
 * Reports: one Steckbrief of a demo Sozialraum (62 areas, 34 indicators, 10 Stichtage)
 * from the database to the finished document — PDF (target ≤ 2 s), HTML and Word — for a planner
 * (internal draft). The PDF is measured warm (browser running), as on the server, and cold.
 * Then the full Sozialbericht of the demo city with a Steckbrief per Sozialraum (target ≤ 60 s as
 * PDF, from the database to the bytes), public (protected values, as published), also as HTML and
 * Word. Berlin's Sozialbericht (542 Planungsräume) is in `report-berlin.bench.ts`.
 */
import type { User } from '../src/auth/auth.schema.ts';
import { openDb, type Db } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { seedDefaults } from '../src/setup/seed.ts';
import { assembleAreaReport } from '../src/reports/assemble-area.ts';
import { assembleReport } from '../src/reports/assemble-report.ts';
import { closePdfBrowser } from '../src/reports/pdf.ts';
import { renderReport } from '../src/reports/render.ts';
import { BUILTIN_TEMPLATES, STECKBRIEF } from '../src/reports/templates.ts';
import { PDFDocument } from 'pdf-lib';
import { timeMedian, type Measurement } from './harness.ts';

const PLANNER: User = { id: 0, username: 'bench', displayName: 'Bench', role: 'planner' };
const AREA = { level: 'sozialraum', area: '101' };

export async function benchReport(record: (m: Measurement) => void): Promise<void> {
  const db = await openDb('memory://');
  try {
    await migrate(db);
    await seedDefaults(db);
    await loadDemo(db, { seed: 1 });
    const steckbrief = async (format: 'pdf' | 'html' | 'docx') =>
      renderReport(await assembleAreaReport(db, PLANNER, STECKBRIEF, AREA), format);

    let t0 = performance.now();
    await steckbrief('pdf');
    record({
      name: 'Steckbrief PDF, one Sozialraum: first report (cold: level tables, Chromium start)',
      value: performance.now() - t0,
      unit: 'ms',
    });
    record({
      name: 'Steckbrief PDF, one Sozialraum (data → assembled model → HTML → Chromium PDF)',
      value: await timeMedian(5, () => steckbrief('pdf')),
      unit: 'ms',
      target: 2000,
      note: 'median of 5, PGlite, browser running',
    });
    record({
      name: 'Steckbrief HTML, one Sozialraum (self-contained, inline SVG)',
      value: await timeMedian(5, () => steckbrief('html')),
      unit: 'ms',
      note: 'median of 5',
    });
    t0 = performance.now();
    await steckbrief('docx');
    record({
      name: 'Steckbrief Word (.docx), one Sozialraum, figures SVG + PNG fallback (Chromium per document)',
      value: performance.now() - t0,
      unit: 'ms',
    });
    await sozialbericht(db, record);
  } finally {
    await closePdfBrowser();
    await db.close();
  }
}

const seconds = (t0: number) => (performance.now() - t0) / 1000;

/** The demo city's Sozialbericht, public, with the two-page Steckbrief of all 62 Sozialräume. */
async function sozialbericht(db: Db, record: (m: Measurement) => void): Promise<void> {
  let t0 = performance.now();
  const model = await assembleReport(db, null, BUILTIN_TEMPLATES.sozialbericht!, {});
  const assemble = seconds(t0);
  record({
    name: `Sozialbericht demo city: assemble model (${model.sections.length} sections)`,
    value: assemble,
    unit: 's',
    note: 'public (protected values)',
  });
  t0 = performance.now();
  const pdf = await renderReport(model, 'pdf');
  const render = seconds(t0);
  const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  record({
    name: 'Sozialbericht demo city, 62 Sozialräume with Steckbriefe: PDF total (assemble + render)',
    value: assemble + render,
    unit: 's',
    target: 60,
    note: `render ${render.toFixed(1)} s; ${pages} pages, ${(pdf.length / 1024 / 1024).toFixed(1)} MB`,
  });
  t0 = performance.now();
  const html = await renderReport(model, 'html');
  record({
    name: 'Sozialbericht demo city: render HTML (one self-contained file)',
    value: performance.now() - t0,
    unit: 'ms',
    note: `${(html.length / 1024 / 1024).toFixed(1)} MB; model as above`,
  });
  t0 = performance.now();
  const docx = await renderReport(model, 'docx');
  record({
    name: 'Sozialbericht demo city: render Word (.docx, figures SVG + PNG fallback)',
    value: seconds(t0),
    unit: 's',
    note: `${(docx.length / 1024 / 1024).toFixed(1)} MB; model as above`,
  });
}
