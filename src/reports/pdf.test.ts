import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { closePdfBrowser, htmlToPdf, pdfBrowserOpen, retainPdfBrowser } from './pdf.ts';

function pdfToText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-pdf-test-'));
  try {
    writeFileSync(join(dir, 'a.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'a.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const doc = (body: string) =>
  `<!doctype html><html lang="de"><head><meta charset="utf-8"><title>Test</title></head><body>${body}</body></html>`;

describe('htmlToPdf', () => {
  afterAll(() => closePdfBrowser());

  it('renders German text on A4 pages with „Seite n von m“ in the footer', async () => {
    const long = Array.from(
      { length: 120 },
      (_, i) => `<p>Absatz ${i + 1}: Größe, Maß und Übersicht</p>`,
    ).join('');
    const pdf = await htmlToPdf(doc(`<h1>Prüfbericht</h1>${long}`), { footer: 'Lagebild · Test & Co' });
    expect(new TextDecoder().decode(pdf.slice(0, 5))).toBe('%PDF-');
    const text = pdfToText(pdf);
    expect(text).toContain('Prüfbericht');
    expect(text).toContain('Absatz 120: Größe, Maß und Übersicht');
    expect(text).toContain('Lagebild · Test & Co');
    const pages = [...text.matchAll(/Seite (\d+) von (\d+)/g)];
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(pages.map((m) => m[1])).toEqual(pages.map((_, i) => String(i + 1)));
    expect(new Set(pages.map((m) => m[2]))).toEqual(new Set([String(pages.length)]));
  });

  it('leaves the footer to the caller when asked, and lets it measure the print layout first', async () => {
    let printMedia = false;
    const pdf = await htmlToPdf(doc('<p>ohne Fußzeile</p>'), {
      footer: false,
      prepare: async (page) => {
        printMedia = await page.evaluate<boolean>("matchMedia('print').matches");
      },
    });
    const text = pdfToText(pdf);
    expect(text).toContain('ohne Fußzeile');
    expect(text).not.toContain('Seite');
    expect(printMedia).toBe(true);
  });

  it('loads nothing from the network and runs no script', async () => {
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('x');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      const pdf = await htmlToPdf(
        doc(
          `<img src="http://127.0.0.1:${port}/img.png"><link rel="stylesheet" href="http://127.0.0.1:${port}/a.css">` +
            `<p id="p">ohne Skript</p><script>document.getElementById('p').textContent = 'mit Skript'</script>`,
        ),
      );
      expect(pdfToText(pdf)).toContain('ohne Skript');
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('reports a missing Chromium as a named 503 error, and recovers once it is there', async () => {
    await closePdfBrowser();
    const saved = process.env.CHROMIUM_PATH;
    process.env.CHROMIUM_PATH = '/nonexistent/chromium';
    try {
      await expect(htmlToPdf(doc('<p>x</p>'))).rejects.toMatchObject({
        code: 'reports.pdf_unavailable',
        status: 503,
      });
      expect(pdfBrowserOpen()).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = saved;
    }
    expect(pdfToText(await htmlToPdf(doc('<p>wieder da</p>')))).toContain('wieder da');
  });

  it('keeps one browser while retained and closes it with the last release', async () => {
    await closePdfBrowser();
    const releaseA = retainPdfBrowser();
    const releaseB = retainPdfBrowser();
    expect(pdfBrowserOpen()).toBe(false); // launched lazily
    await Promise.all([
      htmlToPdf(doc('<p>eins</p>')),
      htmlToPdf(doc('<p>zwei</p>')),
      htmlToPdf(doc('<p>drei</p>')),
    ]);
    expect(pdfBrowserOpen()).toBe(true);
    await releaseA();
    await releaseA(); // twice is once
    expect(pdfBrowserOpen()).toBe(true);
    await releaseB();
    expect(pdfBrowserOpen()).toBe(false);
    // and starts again when needed
    expect(pdfToText(await htmlToPdf(doc('<p>wieder da</p>')))).toContain('wieder da');
  });
});
