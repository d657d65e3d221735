/**
 * The report as PDF, for reports of any length (a one-area Steckbrief up to Berlin's Sozialbericht
 * with 542 two-page Steckbriefe, ~1,100 pages): the HTML of `render-html.ts` printed by the shared
 * Chromium (`pdf.ts`) in chunks of about 50 pages (`paginate.ts`), each chunk's pages merged into
 * one document as soon as it is printed (`pdf-merge.ts`). Chromium writes a named destination per
 * section, which gives each section's start page; the table of contents is printed last with those
 * page numbers (again if its own length changed) and put in front. Footer „Titel · Seite n von N“
 * and the internal mark are stamped on every page afterwards, so the numbering is global.
 * Maps and charts stay vector graphics (inline SVG → PDF paths).
 */
import type { Page } from 'playwright-core';
import {
  FIT_SHEETS_SCRIPT,
  FIT_TAILS_SCRIPT,
  pageCountErrors,
  planChunks,
  startPages,
  type ChunkLayout,
} from './paginate.ts';
import { htmlToPdf } from './pdf.ts';
import { PdfBook, type OutlineEntry } from './pdf-merge.ts';
import type { ReportModel } from './report-model.ts';
import { INTERNAL_MARK, renderHtml } from './render-html.ts';

export interface PdfRenderOptions {
  /**
   * Chunks printed at once. Default 1: on a 2-core server Chromium printing one chunk while Node
   * merges the previous one already uses both cores (see bench/report-render.bench.ts).
   */
  concurrency?: number;
  /** Pages per chunk (default `CHUNK_PAGES`). */
  chunkPages?: number;
}

export interface PdfRendering {
  pdf: Uint8Array;
  pages: number;
  /** 1-based start page of every section (by id), as the TOC shows it. */
  starts: Map<string, number>;
  /**
   * Page sheets shrunk to keep their section's page count, and chapters shrunk to save a nearly
   * empty last page (id, zoom factor).
   */
  fitted: { id: string; zoom: number }[];
  /** Fixed-page sections that did not get exactly their pages (should stay empty). */
  pageErrors: string[];
  chunks: number;
  /** How often the TOC was printed until its page count was stable (1 when the guess was right). */
  tocPasses: number;
}

/** Sections as bookmarks: chapters, the appendix's areas folded in below their chapter. */
function outline(model: ReportModel): OutlineEntry[] {
  const top: OutlineEntry[] = [];
  for (const s of model.sections) {
    const entry = { id: s.id, title: s.title, children: [] };
    const parent = top[top.length - 1];
    if (s.level === 2 && parent) parent.children.push(entry);
    else top.push(entry);
  }
  return top;
}

/** First guess of the TOC's pages (chapters one per line, areas in two columns), checked by printing. */
function tocGuess(model: ReportModel): number {
  const chapters = model.sections.filter((s) => s.level === 1).length;
  const areas = model.sections.length - chapters;
  return 1 + Math.floor((chapters + 4 + Math.ceil(areas / 2) * 0.8) / 48);
}

/**
 * Renders the PDF and tells how it was laid out (start pages, shrunk sheets) — for tests and
 * benchmarks; `renderReportPdf` returns only the bytes.
 * @throws reports.pdf_unavailable (503) when Chromium cannot be started
 */
export async function renderReportPdfWithLayout(
  model: ReportModel,
  options: PdfRenderOptions = {},
): Promise<PdfRendering> {
  const chunks = planChunks(model, options.chunkPages);
  const fitted: PdfRendering['fitted'] = [];
  const prepare = async (page: Page) => {
    fitted.push(...(await page.evaluate<PdfRendering['fitted']>(FIT_SHEETS_SCRIPT)));
    fitted.push(...(await page.evaluate<PdfRendering['fitted']>(FIT_TAILS_SCRIPT)));
  };
  const print = (html: string) => htmlToPdf(html, { footer: false, prepare });
  const book = await PdfBook.create(model.title);

  // a pipeline: up to `concurrency` chunks printing, finished ones merged in order meanwhile
  const inFlight: (Promise<Uint8Array> | undefined)[] = [];
  let next = 0;
  const startNext = () => {
    const c = chunks[next];
    if (!c) return;
    const p = print(renderHtml(model, { print: true, header: c.header, toc: false, range: [c.from, c.to] }));
    p.catch(() => undefined); // awaited in order below; avoids an unhandled rejection meanwhile
    inFlight[next++] = p;
  };
  for (let k = 0; k < Math.max(1, options.concurrency ?? 1); k++) startNext();
  const layouts: ChunkLayout[] = [];
  for (let i = 0; i < chunks.length; i++) {
    const bytes = await inFlight[i]!;
    inFlight[i] = undefined; // the chunk's bytes can go once merged
    startNext();
    layouts.push(await book.add(bytes));
  }

  let tocPages = 0;
  let tocPasses = 0;
  if (model.toc) {
    // print the TOC with the page numbers its own length implies, until that length is stable
    tocPages = tocGuess(model);
    for (let pass = 0; ; pass++) {
      const bytes = await print(
        renderHtml(model, { print: true, toc: true, range: [0, 0], tocPages: startPages(tocPages, layouts) }),
      );
      const pages = await PdfBook.pageCount(bytes);
      tocPasses++;
      if (pages === tocPages || pass === 3) {
        await book.add(bytes, 0, false);
        tocPages = pages;
        break;
      }
      tocPages = pages;
    }
  }
  const starts = startPages(tocPages, layouts);
  const pages = book.pageCount;
  const pdf = await book.finish(
    { footer: model.title, mark: model.internal ? INTERNAL_MARK : null },
    outline(model),
  );
  return {
    pdf,
    pages,
    starts,
    fitted,
    pageErrors: pageCountErrors(model.sections, starts, pages),
    chunks: chunks.length + (model.toc ? 1 : 0),
    tocPasses,
  };
}

/**
 * The report as an A4 PDF with TOC page numbers, „Seite n von N“ and (internal drafts) the mark
 * on every page.
 * @throws reports.pdf_unavailable (503) when Chromium cannot be started
 */
export async function renderReportPdf(
  model: ReportModel,
  options: PdfRenderOptions = {},
): Promise<Uint8Array> {
  return (await renderReportPdfWithLayout(model, options)).pdf;
}
