/**
 * HTML → PDF through headless Chromium (playwright-core), for Kennblätter and reports, and the
 * page on which Word's PNG fallbacks are rasterised (`raster.ts`). One browser per process,
 * launched on the first use and shared; every use gets its own context with page scripts off and
 * the network closed, so the HTML can only show what it carries inline (our own measuring code,
 * e.g. `FIT_SHEETS_SCRIPT`, runs through the DevTools protocol, which page settings do not block).
 *
 * Lifetime: users call `retainPdfBrowser()` once (e.g. a Fastify plugin at registration) and the
 * returned release function when they stop (`app.addHook('onClose', release)`); the browser closes
 * when the last user released it. A one-off caller (CLI) calls `closePdfBrowser()` at the end.
 */
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { LagebildError } from '../core/errors.ts';
import { escapeHtml } from '../core/html.ts';

/** How Chromium runs on servers: headless, as root without sandbox, no background traffic. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PdfOptions {
  /**
   * Text at the left of every page's footer (e.g. the document title); page numbers at the right.
   * `false`: no Chromium header and footer at all (the caller stamps its own, see `pdf-merge.ts`).
   */
  footer?: string | false;
  /** Landscape instead of portrait A4. Default false. */
  landscape?: boolean;
  /** Runs after the content is loaded and print media is on, before printing (e.g. `FIT_SHEETS_SCRIPT`). */
  prepare?: (page: Page) => Promise<void>;
}

/** Page margins of every PDF (A4); `report-css.ts` derives the sheet height from them. */
export const PDF_MARGIN_MM = { top: 16, bottom: 18, left: 18, right: 18 } as const;

let browser: Promise<Browser> | null = null;
let retained = 0;
// At most this many pages render at once: the server shares its cores with the API.
const MAX_PARALLEL = 2;
let running = 0;
const waiting: (() => void)[] = [];

const unavailable = (reason: string) =>
  new LagebildError(
    'reports.pdf_unavailable',
    'Die PDF-Erzeugung ist auf diesem Server nicht verfügbar (Chromium fehlt oder startet nicht).',
    503,
    { reason },
  );

function launch(): Promise<Browser> {
  const started = (async () => {
    let chromium;
    try {
      ({ chromium } = await import('playwright-core'));
    } catch (err) {
      throw unavailable(`playwright-core: ${String(err)}`);
    }
    try {
      const b = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: CHROMIUM_ARGS,
      });
      // a crashed or killed browser is replaced on the next render
      b.on('disconnected', () => {
        if (browser === started) browser = null;
      });
      return b;
    } catch (err) {
      throw unavailable(String(err));
    }
  })();
  started.catch(() => {
    if (browser === started) browser = null;
  });
  return started;
}

async function slot(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

/** Footer of every page: the given text and „Seite n von m“ (Chromium fills the page numbers). */
function footerTemplate(text: string): string {
  return (
    '<div style="width:100%;font:8pt system-ui,Arial,sans-serif;color:#555;padding:0 18mm;' +
    'display:flex;justify-content:space-between">' +
    `<span>${escapeHtml(text)}</span>` +
    '<span>Seite <span class="pageNumber"></span> von <span class="totalPages"></span></span></div>'
  );
}

/**
 * Runs `fn` with a fresh page of the shared browser (own context: JavaScript off, network closed),
 * within the limit of parallel renders. Used for PDFs and for the PNG fallbacks of Word figures.
 * @throws reports.pdf_unavailable (503) when Chromium cannot be started
 */
export async function withPage<T>(
  options: Pick<BrowserContextOptions, 'deviceScaleFactor' | 'viewport'>,
  fn: (page: Page) => Promise<T>,
): Promise<T> {
  const release = await slot();
  try {
    browser ??= launch();
    const context = await (await browser).newContext({ ...options, javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(60_000);
      return await fn(page);
    } finally {
      await context.close();
    }
  } finally {
    release();
  }
}

const mm = (v: number) => `${v}mm`;

/**
 * Renders a complete HTML document (inline CSS, no external resources) as an A4 PDF.
 * @throws reports.pdf_unavailable (503) when Chromium cannot be started
 * @example const pdf = await htmlToPdf('<!doctype html><html lang="de"><body><h1>Kennblatt</h1></body></html>', { footer: 'Lagebild' })
 */
export function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  return withPage({}, async (page) => {
    await page.setContent(html, { waitUntil: 'load' });
    if (options.prepare) {
      await page.emulateMedia({ media: 'print' });
      await options.prepare(page);
    }
    const footer = options.footer ?? '';
    const pdf = await page.pdf({
      format: 'A4',
      landscape: options.landscape ?? false,
      printBackground: true,
      // a structure tree (headings, lists, tables, figures with alt text) for assistive technology
      tagged: true,
      displayHeaderFooter: footer !== false,
      ...(footer === false
        ? {}
        : { headerTemplate: '<span></span>', footerTemplate: footerTemplate(footer) }),
      margin: {
        top: mm(PDF_MARGIN_MM.top),
        bottom: mm(PDF_MARGIN_MM.bottom),
        left: mm(PDF_MARGIN_MM.left),
        right: mm(PDF_MARGIN_MM.right),
      },
    });
    return new Uint8Array(pdf);
  });
}

/** Registers a user of the shared browser; the returned function releases it (closing it if last). */
export function retainPdfBrowser(): () => Promise<void> {
  retained++;
  let released = false;
  return async () => {
    if (released) return;
    released = true;
    retained--;
    if (retained === 0) await closePdfBrowser();
  };
}

/** Closes the shared browser now (it is launched again by the next render). */
export async function closePdfBrowser(): Promise<void> {
  const current = browser;
  browser = null;
  if (!current) return;
  try {
    await (await current).close();
  } catch {
    // it never started or is gone already
  }
}

/** Whether a browser is running or starting (for tests of the lifetime). */
export const pdfBrowserOpen = () => browser !== null;
