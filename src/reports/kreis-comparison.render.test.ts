/**
 * „Kreis im Vergleich“ as a document: the public section of the small Kreis (src/test/kreis-fixture.ts) in
 * the PDF (Chromium, read back with pdftotext) and in Word as LibreOffice opens it — the table of
 * the Gemeinden with the Kreis row and the sentence on highest and lowest in both.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { engines } from '../test/databases.ts';
import { convertWithLibreOffice } from '../test/libreoffice.ts';
import { pdfFile } from '../test/poppler.ts';
import { assembleCityReport } from './assemble-city.ts';
import { KREIS, loadKreisFixture } from '../test/kreis-fixture.ts';
import { closePdfBrowser } from './pdf.ts';
import { renderDocx } from './render-docx.ts';
import { renderReportPdf } from './render-pdf.ts';
import type { ReportModel } from './report-model.ts';
import { ReportTemplate } from './report.schema.ts';

const TEMPLATE = ReportTemplate.parse({
  key: 'kreis_vergleich',
  name: 'Kreis im Vergleich',
  scope: 'city',
  title: 'Kreis im Vergleich: {city.name}',
  chapters: [
    { title: 'Kreis im Vergleich', blocks: [{ type: 'kreis_comparison', indicators: ['sgb2_quote'] }] },
  ],
});

const text = (pdf: Uint8Array) => {
  const file = pdfFile(pdf);
  try {
    return file.pageTexts().join('\n');
  } finally {
    file.dispose();
  }
};

describe('Kreis im Vergleich in PDF and Word', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let model: ReportModel;
  beforeAll(async () => {
    ({ db, drop } = await engines[0]!.create());
    await loadKreisFixture(db);
    model = await assembleCityReport(db, null, TEMPLATE, {});
  }, 180_000);
  afterAll(async () => {
    await closePdfBrowser();
    await drop?.();
  });

  const expectSection = (raw: string) => {
    const t = raw.replace(/\s+/g, ' ');
    for (const part of ['SGB-II-Quote: Gemeinden im Vergleich', 'Abstand zum Kreis', KREIS.name])
      expect(t).toContain(part);
    // the rows of the Gemeinden and the Kreis with value and difference
    for (const cell of ['Cestadt', '11,6', '+1,8', 'Bedorf', '9,3', '-0,5', 'Adorf', '5,2', '-4,6', '9,8'])
      expect(t).toContain(cell);
    expect(t).toContain('Am höchsten ist die SGB-II-Quote in der Gemeinde Cestadt');
  };

  it('PDF', async () => {
    expectSection(text(await renderReportPdf(model)));
  }, 120_000);

  it('Word, as LibreOffice opens it', async () => {
    const docx = await renderDocx(model);
    expectSection(text(convertWithLibreOffice(docx, 'kreis.docx', 'pdf')));
  }, 300_000);
});
