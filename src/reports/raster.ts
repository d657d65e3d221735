/**
 * SVG → PNG through headless Chromium, for the PNG fallback images Word requires next to SVG
 * figures. One browser for a whole batch of figures (a report), closed afterwards.
 */
import { LagebildError } from '../core/errors.ts';
import { CHROMIUM_ARGS } from './pdf.ts';

/** Rasterises each SVG at `widthPx` CSS pixels and device scale 2 (print-sharp in Word). */
export async function svgsToPng(svgs: readonly string[], widthPx: number): Promise<Uint8Array[]> {
  if (!svgs.length) return [];
  let browser;
  try {
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
  } catch (err) {
    throw new LagebildError(
      'reports.raster_unavailable',
      'Die Abbildungen für Word können auf diesem Server nicht erzeugt werden (Chromium fehlt oder startet nicht).',
      503,
      { reason: String(err) },
    );
  }
  try {
    const context = await browser.newContext({
      javaScriptEnabled: false,
      offline: true,
      deviceScaleFactor: 2,
      viewport: { width: widthPx, height: 200 },
    });
    const page = await context.newPage();
    const out: Uint8Array[] = [];
    for (const svg of svgs) {
      await page.setContent(
        `<!doctype html><html><body style="margin:0;background:#fff"><div id="f" style="width:${widthPx}px">` +
          `${svg.replace('<svg ', '<svg style="display:block;width:100%;height:auto" ')}</div></body></html>`,
      );
      out.push(new Uint8Array(await page.locator('#f').screenshot({ type: 'png' })));
    }
    return out;
  } finally {
    await browser.close();
  }
}
