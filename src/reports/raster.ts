/**
 * SVG → PNG for the fallback images Word requires next to SVG figures, through the shared Chromium
 * of `pdf.ts` (no second browser): the figures of a document are laid out on one page in batches
 * and cut out one by one with the DevTools screenshot call (a clip per figure) — about 3× faster
 * than one Playwright element screenshot per figure, which waits for fonts and animations each time.
 */
import { LagebildError } from '../core/errors.ts';
import { withPage } from './pdf.ts';

/** Figures per loaded page: bounds the page's size and memory for very long reports. */
const BATCH = 60;
/** Device pixels per CSS pixel: 567 px wide figures become 1134 px, print-sharp at 15 cm. */
const SCALE = 2;

const BOXES = `[...document.querySelectorAll('.f')].map((e) => {
  const r = e.getBoundingClientRect();
  return [r.x + window.scrollX, r.y + window.scrollY, r.width, r.height];
})`;

const page = (svgs: readonly string[], widthPx: number) =>
  '<!doctype html><html><head><meta charset="utf-8"></head><body style="margin:0;background:#fff">' +
  svgs
    .map(
      (svg) =>
        `<div class="f" style="width:${widthPx}px">` +
        `${svg.replace('<svg ', '<svg style="display:block;width:100%;height:auto" ')}</div>`,
    )
    .join('') +
  '</body></html>';

/**
 * Rasterises each SVG at `widthPx` CSS pixels and device scale 2, in order.
 * @throws reports.raster_unavailable (503) when Chromium cannot be started
 */
export async function svgsToPng(svgs: readonly string[], widthPx: number): Promise<Uint8Array[]> {
  if (!svgs.length) return [];
  try {
    return await withPage({ viewport: { width: widthPx, height: 800 } }, async (p) => {
      const cdp = await p.context().newCDPSession(p);
      const out: Uint8Array[] = [];
      for (let i = 0; i < svgs.length; i += BATCH) {
        await p.setContent(page(svgs.slice(i, i + BATCH), widthPx));
        for (const [x, y, width, height] of await p.evaluate<[number, number, number, number][]>(BOXES)) {
          const shot = await cdp.send('Page.captureScreenshot', {
            format: 'png',
            clip: { x, y, width, height, scale: SCALE },
            captureBeyondViewport: true,
          });
          out.push(new Uint8Array(Buffer.from(shot.data, 'base64')));
        }
      }
      return out;
    });
  } catch (err) {
    if (err instanceof LagebildError && err.code === 'reports.pdf_unavailable')
      throw new LagebildError(
        'reports.raster_unavailable',
        'Die Abbildungen für Word können auf diesem Server nicht erzeugt werden (Chromium fehlt oder startet nicht).',
        503,
        err.details,
      );
    throw err;
  }
}
