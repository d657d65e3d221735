/**
 * Issue 5, reports: one Steckbrief of a demo Sozialraum (62 areas, 34 indicators, 10 Stichtage)
 * from the database to the finished document — PDF (target ≤ 2 s), HTML and Word — for a planner
 * (internal draft). The PDF is measured warm (browser running), as on the server, and cold.
 */
import type { User } from '../src/auth/auth.schema.ts';
import { openDb } from '../src/db/db.ts';
import { migrate } from '../src/db/migrate.ts';
import { loadDemo } from '../src/demo/load-demo.ts';
import { ensureCatalogue } from '../src/indicators/indicator.setup.ts';
import { assembleAreaReport } from '../src/reports/assemble-area.ts';
import { closePdfBrowser } from '../src/reports/pdf.ts';
import { renderReport } from '../src/reports/render.ts';
import { STECKBRIEF } from '../src/reports/templates.ts';
import { timeMedian, type Measurement } from './harness.ts';

const PLANNER: User = { id: 0, username: 'bench', displayName: 'Bench', role: 'planner' };
const AREA = { level: 'sozialraum', area: '101' };

export async function benchReport(record: (m: Measurement) => void): Promise<void> {
  const db = await openDb('memory://');
  try {
    await migrate(db);
    await ensureCatalogue(db);
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
  } finally {
    await closePdfBrowser();
    await db.close();
  }
}
