/**
 * A long report through the chunked PDF pipeline (real Chromium, pdf-lib; checked with poppler as
 * a reader would): the TOC's page numbers are the pages where the sections really start, every
 * two-page Steckbrief takes exactly two pages (a long table is shrunk, not cut), „Seite n von N“
 * runs over the whole document, the internal mark is on every page of a draft and on none of a
 * public report, and destinations, TOC links and bookmarks survive the merge.
 */
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatten, readStructure, type PdfStructure } from '../test/pdf-structure.ts';
import { pdfFile } from '../test/poppler.ts';
import { closePdfBrowser } from './pdf.ts';
import { INTERNAL_MARK } from './render-html.ts';
import { renderReportPdfWithLayout, type PdfRendering } from './render-pdf.ts';
import type { ReportModel } from './report-model.ts';
import { syntheticReport } from './synthetic-report.ts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** First line of a page's own content (the stamped mark is not content). */
const firstLine = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .find((l) => l && l !== INTERNAL_MARK);

describe('long report as PDF (chunks, TOC page numbers, fixed pages, stamps)', () => {
  // 4 chapters, the appendix chapter and 10 two-page Steckbriefe; the 10th has a 90-row table
  const model: ReportModel = syntheticReport({ areas: 10, shapes: 12, internal: true });
  let r: PdfRendering;
  let texts: string[];
  let tocText: string;
  let tocPages: number;
  /** Where each section really starts: the first page after the TOC whose content begins with its title. */
  let real: Map<string, number>;
  let tagged: boolean;
  let fonts: ReturnType<ReturnType<typeof pdfFile>['fonts']>;
  let structure: PdfStructure;

  beforeAll(async () => {
    r = await renderReportPdfWithLayout(model, { chunkPages: 12 });
    const file = pdfFile(r.pdf);
    try {
      expect(file.pages()).toBe(r.pages);
      file.check(); // qpdf: no syntax or stream errors after merging
      tagged = file.tagged();
      fonts = file.fonts();
      texts = file.pageTexts();
      tocPages = texts.findIndex((t) => firstLine(t) === model.sections[0]!.title);
      tocText = Array.from({ length: tocPages }, (_, i) => file.layoutText(i + 1)).join('\n');
    } finally {
      file.dispose();
    }
    real = new Map();
    for (const s of model.sections) {
      const i = texts.findIndex((t, k) => k >= tocPages && firstLine(t) === s.title);
      if (i >= 0) real.set(s.id, i + 1);
    }
    structure = await readStructure(r.pdf);
  });
  afterAll(() => closePdfBrowser());

  it('prints several chunks and numbers every page „Seite n von N“ in one sequence', () => {
    expect(r.chunks).toBeGreaterThanOrEqual(4);
    expect(texts).toHaveLength(r.pages);
    texts.forEach((t, i) => {
      expect(t).toContain(`Seite ${i + 1} von ${r.pages}`);
      expect(t).toContain(model.title);
    });
    expect(texts.join('').match(/Seite \d+ von/g)).toHaveLength(r.pages); // Chromium's own footer is off
    // no blank pages: every page has content besides the stamps
    const stamps = (l: string) =>
      [INTERNAL_MARK, model.title, ''].includes(l) || /^Seite \d+ von \d+$/.test(l);
    texts.forEach((t, i) =>
      expect(t.split('\n').filter((l) => !stamps(l.trim())).length, `Seite ${i + 1}`).toBeGreaterThan(0),
    );
  });

  it('the TOC lists every section with the page where it really starts', () => {
    expect(tocPages).toBeGreaterThanOrEqual(1);
    expect(tocText).toContain('Inhalt');
    for (const s of model.sections) {
      const listed = new RegExp(`${escape(s.title)}\\s+(\\d+)`).exec(tocText);
      expect(listed, s.title).not.toBeNull();
      expect(Number(listed![1]), s.title).toBe(real.get(s.id));
      expect(r.starts.get(s.id), s.id).toBe(real.get(s.id));
    }
  });

  it('every two-page Steckbrief takes exactly two pages; a long table is shrunk, not cut off', () => {
    const areas = model.sections.filter((s) => s.level === 2);
    areas.forEach((s, k) => {
      const end = k + 1 < areas.length ? real.get(areas[k + 1]!.id)! : r.pages + 1;
      expect(end - real.get(s.id)!, s.id).toBe(2);
    });
    expect(r.pageErrors).toEqual([]);
    const long = real.get('gebiet-10')!;
    expect(r.fitted.map((f) => f.id)).toContain('gebiet-10');
    expect(texts[long - 1]).toContain('Indikator 90 (%)'); // the last of 90 rows is on its page
    expect(texts[long]).toContain('Status und Dynamik'); // page 2 as laid out
  });

  it('stamps the internal mark on every page of an internal draft and on none of a public report', async () => {
    texts.forEach((t, i) => expect(t, `Seite ${i + 1}`).toContain(INTERNAL_MARK));
    const pub = await renderReportPdfWithLayout(syntheticReport({ areas: 2, shapes: 6 }));
    const file = pdfFile(pub.pdf);
    try {
      const pages = file.pageTexts();
      expect(pages.length).toBeGreaterThan(5);
      for (const t of pages) expect(t).not.toContain('Intern');
      expect(pages.at(-1)).toContain(`Seite ${pages.length} von ${pages.length}`);
    } finally {
      file.dispose();
    }
  });

  it('keeps section destinations, working TOC links and a bookmark outline in the merged PDF', async () => {
    const doc = await PDFDocument.load(r.pdf);
    const pageIndex = new Map(doc.getPages().map((p, i) => [p.ref, i + 1]));
    const dests = doc.catalog.lookup(PDFName.of('Dests'), PDFDict);
    for (const s of model.sections) {
      const dest = dests.lookup(PDFName.of(s.id), PDFArray);
      expect(pageIndex.get(dest.get(0) as never), s.id).toBe(real.get(s.id));
    }
    // every TOC entry is a link to its section's destination
    const links = doc
      .getPages()
      .slice(0, tocPages)
      .flatMap((p) => p.node.lookupMaybe(PDFName.of('Annots'), PDFArray)?.asArray() ?? [])
      .map((a) => doc.context.lookup(a, PDFDict).get(PDFName.of('Dest'))?.toString());
    expect(new Set(links)).toEqual(new Set(model.sections.map((s) => `/${s.id}`)));
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(outlines.lookup(PDFName.of('Count'), PDFNumber).asNumber()).toBe(
      model.sections.filter((s) => s.level === 1).length,
    );
  });
  it('is a tagged PDF: one structure tree over all chunks, every page in its parent tree', () => {
    expect(tagged).toBe(true); // pdfinfo
    expect(structure.marked).toBe(true);
    expect(structure.lang).toBe('de-DE');
    expect(structure.root?.type).toBe('Document');
    // each page's marked content is found from its own key; no two pages share one
    const keys = structure.pageKeys;
    expect(keys.every((k) => k !== null && structure.parentTreeKeys.has(k))).toBe(true);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('reads in page order: title and TOC first, then every chapter and Steckbrief', () => {
    const elements = flatten(structure.root!).filter((e) => e.page !== null);
    const pages = elements.map((e) => e.page!);
    expect(pages.every((p, i) => i === 0 || p >= pages[i - 1]!)).toBe(true);
    expect(pages[0]).toBe(1);
    expect(pages.at(-1)).toBe(r.pages);
    const headings = flatten(structure.root!).filter((e) => /^H[1-6]$/.test(e.type));
    // every section's heading is tagged as a heading (plus the title and the TOC's heading)
    expect(headings.length).toBeGreaterThanOrEqual(model.sections.length);
  });

  it('gives maps and charts their titles as alt text and tables header cells', () => {
    const all = flatten(structure.root!);
    const figures = all.filter((e) => e.type === 'Figure');
    const drawn = model.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === 'map' || b.kind === 'chart');
    expect(figures.length).toBeGreaterThanOrEqual(drawn.length);
    for (const f of figures) {
      expect(f.alt, `Figure on page ${f.page}`).toMatch(/\S/);
      expect(flatten(f).filter((e) => e.type === 'Table' || e.type === 'Figure')).toEqual([f]);
    }
    const tables = all.filter((e) => e.type === 'Table');
    expect(tables.length).toBeGreaterThan(0);
    for (const t of tables)
      expect(
        flatten(t).some((e) => e.type === 'TH'),
        `Table on page ${t.page}`,
      ).toBe(true);
  });

  it('embeds every font, the stamps’ face too, and gives each subset a name of its own', () => {
    expect(fonts.length).toBeGreaterThan(2);
    for (const f of fonts) {
      expect(f.embedded, f.name).toBe(true);
      expect(f.subset, f.name).toBe(true);
    }
    expect(new Set(fonts.map((f) => f.name)).size).toBe(fonts.length);
  });
});

describe('short report as PDF', () => {
  afterAll(() => closePdfBrowser());

  it('without a TOC is one chunk with the title on page 1', async () => {
    const model = syntheticReport({ areas: 0, shapes: 6, toc: false });
    const r = await renderReportPdfWithLayout(model);
    expect(r.chunks).toBe(1);
    const file = pdfFile(r.pdf);
    try {
      const pages = file.pageTexts();
      expect(firstLine(pages[0]!)).toBe(model.title);
      expect(pages[0]).toContain(`Seite 1 von ${pages.length}`);
    } finally {
      file.dispose();
    }
  });
});

describe('a chapter that overflows its page by a line', () => {
  afterAll(() => closePdfBrowser());

  /** A chapter of `items` bullets between two chapters that start on their own pages. */
  const withItems = (items: number): ReportModel => ({
    ...syntheticReport({ areas: 0, shapes: 6, toc: false }),
    sections: [
      { id: 'vorn', title: 'Vorwort', level: 1, pageBreak: false, blocks: [] },
      {
        id: 'befunde',
        title: 'Befunde',
        level: 1,
        pageBreak: true,
        blocks: [{ kind: 'list', items: Array.from({ length: items }, (_, i) => `Befund Nummer ${i + 1}`) }],
      },
      {
        id: 'danach',
        title: 'Danach',
        level: 1,
        pageBreak: true,
        blocks: [{ kind: 'paragraph', text: 'Das nächste Kapitel.' }],
      },
    ],
  });
  const pagesOf = async (model: ReportModel) => {
    const r = await renderReportPdfWithLayout(model);
    const file = pdfFile(r.pdf);
    try {
      return { texts: file.pageTexts(), fitted: r.fitted };
    } finally {
      file.dispose();
    }
  };
  const lastItem = (text: string) =>
    Math.max(0, ...[...text.matchAll(/Befund Nummer (\d+)/g)].map((m) => Number(m[1])));

  it('is shrunk onto one page instead of leaving a bullet alone on the next', async () => {
    // how many bullets fit on the chapter's page as printed: the chapter then overflows by one
    const probe = await pagesOf(withItems(90));
    const start = probe.texts.findIndex((t) => t.includes('Befunde'));
    const fit = lastItem(probe.texts[start]!);
    expect(fit).toBeGreaterThan(20);
    expect(fit).toBeLessThan(90);

    const { texts, fitted } = await pagesOf(withItems(fit + 1));
    const page = texts.findIndex((t) => t.includes('Befunde'));
    expect(lastItem(texts[page]!)).toBe(fit + 1);
    expect(texts[page + 1]).toContain('Das nächste Kapitel.');
    expect(fitted).toEqual([{ id: 'befunde', zoom: expect.any(Number) as number }]);
    expect(fitted[0]!.zoom).toBeGreaterThanOrEqual(0.88);
  });

  it('keeps the type size where the last page is filled well', async () => {
    const { fitted } = await pagesOf(withItems(75));
    expect(fitted).toEqual([]);
  });
});
