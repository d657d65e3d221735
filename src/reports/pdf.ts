/**
 * HTML → PDF through headless Chromium (playwright-core), for Kennblätter and reports. One browser
 * per process, launched on the first render and shared; every render gets its own context with
 * JavaScript off and the network closed, so the HTML can only show what it carries inline.
 *
 * Lifetime: users call `retainPdfBrowser()` once (e.g. a Fastify plugin at registration) and the
 * returned release function when they stop (`app.addHook('onClose', release)`); the browser closes
 * when the last user released it. A one-off caller (CLI) calls `closePdfBrowser()` at the end.
 */
import type { Browser } from 'playwright-core';
import { LagebildError } from '../core/errors.ts';

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
  /** Text at the left of every page's footer (e.g. the document title); page numbers at the right. */
  footer?: string;
  /** Landscape instead of portrait A4. Default false. */
  landscape?: boolean;
}

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

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

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
 * Renders a complete HTML document (inline CSS, no external resources) as an A4 PDF.
 * @throws reports.pdf_unavailable (503) when Chromium cannot be started
 * @example const pdf = await htmlToPdf('<!doctype html><html lang="de"><body><h1>Kennblatt</h1></body></html>', { footer: 'Lagebild' })
 */
export async function htmlToPdf(html: string, options: PdfOptions = {}): Promise<Uint8Array> {
  const release = await slot();
  try {
    browser ??= launch();
    const context = await (await browser).newContext({ javaScriptEnabled: false, offline: true });
    try {
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      page.setDefaultTimeout(30_000);
      await page.setContent(html, { waitUntil: 'load' });
      const pdf = await page.pdf({
        format: 'A4',
        landscape: options.landscape ?? false,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(options.footer ?? ''),
        margin: { top: '16mm', bottom: '18mm', left: '18mm', right: '18mm' },
      });
      return new Uint8Array(pdf);
    } finally {
      await context.close();
    }
  } finally {
    release();
  }
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
