/**
 * Pagination of long reports (pure): how a report model is cut into chunks that Chromium prints
 * one at a time, and where each section starts once the chunks' page counts are known. Keeping
 * every chunk near `CHUNK_PAGES` pages bounds the memory of Chromium and of Node for a report of
 * any length (Berlin: 542 two-page Steckbriefe, ~1,100 pages).
 */
import type { ReportBlock, ReportModel, ReportSection } from './report-model.ts';

/** About this many pages per chunk: 25 two-page Steckbriefe. */
export const CHUNK_PAGES = 50;

export interface Chunk {
  /** Sections [from, to) of the model. */
  from: number;
  to: number;
  /** Whether the chunk carries the title (only when there is no separate TOC chunk). */
  header: boolean;
}

/** Rough page weight of a block (A4, 10 pt): only used to balance chunks, never for layout. */
function blockPages(b: ReportBlock): number {
  switch (b.kind) {
    case 'table':
      return 0.06 + b.rows.length / 40;
    case 'map':
      return 0.45;
    case 'chart':
      return 0.3;
    case 'paragraph':
    case 'note':
      return b.text.length / 3500;
    case 'list':
      return b.items.length / 40;
    default:
      return 0.03;
  }
}

/** Estimated pages of a section: exact for fixed-page sections. */
export const sectionPages = (s: ReportSection): number =>
  s.pages ?? s.blocks.reduce((sum, b) => sum + blockPages(b), 0.1);

/**
 * Cuts the sections into chunks of about `maxPages` pages. A chunk boundary is only placed before a
 * section that starts on a new page anyway, so cutting never changes the layout. When the model has
 * no TOC the title goes with the first chunk; otherwise title and TOC are a chunk of their own.
 * @example planChunks(model) // [{from:0,to:34,header:false}, {from:34,to:59,header:false}, …]
 */
export function planChunks(model: ReportModel, maxPages = CHUNK_PAGES): Chunk[] {
  const chunks: Chunk[] = [];
  let from = 0;
  let pages = 0;
  model.sections.forEach((s, i) => {
    const p = sectionPages(s);
    if (i > from && s.pageBreak && pages + p > maxPages) {
      chunks.push({ from, to: i, header: false });
      from = i;
      pages = 0;
    }
    pages += p;
  });
  if (model.sections.length > from || !chunks.length)
    chunks.push({ from, to: model.sections.length, header: false });
  if (!model.toc) chunks[0]!.header = true;
  return chunks;
}

export interface ChunkLayout {
  /** Pages of the chunk as printed. */
  pages: number;
  /** 0-based page within the chunk where each of its sections starts (by section id). */
  starts: ReadonlyMap<string, number>;
}

/**
 * 1-based start page of every section in the merged document, given the pages before the first
 * chunk (title + TOC) and each chunk's layout in order.
 */
export function startPages(before: number, layouts: readonly ChunkLayout[]): Map<string, number> {
  const out = new Map<string, number>();
  let offset = before;
  for (const l of layouts) {
    for (const [id, page] of l.starts) out.set(id, offset + page + 1);
    offset += l.pages;
  }
  return out;
}

/**
 * Sections that did not get exactly their `pages` (the fixed-page promise of the appendix), as
 * `id: actual pages`; empty when the layout kept it. Start pages come from `startPages`.
 */
export function pageCountErrors(
  sections: readonly ReportSection[],
  starts: ReadonlyMap<string, number>,
  totalPages: number,
): string[] {
  const errors: string[] = [];
  sections.forEach((s, i) => {
    if (!s.pages) return;
    const start = starts.get(s.id);
    const next = sections.slice(i + 1).find((n) => starts.has(n.id));
    const end = next ? starts.get(next.id)! : totalPages + 1;
    if (start === undefined) errors.push(`${s.id}: ohne Startseite`);
    else if (end - start !== s.pages) errors.push(`${s.id}: ${end - start}`);
  });
  return errors;
}

/**
 * Browser-side fitting of fixed-height page sheets (`body.print .sheet`), run through the DevTools
 * protocol before printing (page scripts stay off): a sheet whose content overflows first gets the
 * compact table and figure style (`tight`), then its content is zoomed down until it fits — long
 * tables shrink instead of being clipped or spilling onto a third page. Returns the sheets it
 * changed. A string, so no bundler helper can leak into the page.
 */
export const FIT_SHEETS_SCRIPT = `(() => {
  const changed = [];
  for (const sheet of document.querySelectorAll('body.print .sheet')) {
    const room = sheet.clientHeight;
    if (sheet.scrollHeight <= room + 1) continue;
    sheet.classList.add('tight');
    const body = sheet.firstElementChild;
    let zoom = 1;
    for (let i = 0; i < 6 && sheet.scrollHeight > room + 1; i++) {
      zoom = zoom * Math.min(0.98, room / sheet.scrollHeight);
      body.style.zoom = zoom.toFixed(3);
    }
    changed.push({ id: sheet.closest('section')?.id ?? '', zoom: Number(zoom.toFixed(3)) });
  }
  return changed;
})()`;

/** Printable height of an A4 page in CSS pixels (297 − 16 − 18 mm at 96 px per inch). */
export const PAGE_HEIGHT_PX = ((297 - 16 - 18) * 96) / 25.4;

/**
 * Browser-side fitting of a chapter's last page, run like `FIT_SHEETS_SCRIPT`: a chapter that starts
 * on a new page and is followed by one (or ends the chunk) would leave a nearly empty page when its
 * content overflows the previous page by a few lines — a single bullet on a page of its own. The
 * script lays the chapter out in pages the way the print does (figures, table rows and list items
 * are not split, headings stay with what follows, paragraphs break between lines) and, when the last
 * page would be filled less than `TAIL_SHARE`, zooms the chapter down by up to 12 % if that saves the
 * page. Returns the chapters it changed.
 */
export const TAIL_SHARE = 0.15;
export const FIT_TAILS_SCRIPT = `(() => {
  const PAGE = ${PAGE_HEIGHT_PX.toFixed(2)};
  const changed = [];
  const sections = [...document.querySelectorAll('body.print section')];
  sections.forEach((s, i) => {
    if (!s.classList.contains('break') || s.classList.contains('paged')) return;
    const next = sections[i + 1];
    if (next && !next.classList.contains('break') && !next.classList.contains('paged')) return;
    // pieces that a page break cannot split, in order: [top, keep with the next piece]
    const pieces = [];
    const add = (el, withNext) => pieces.push({ top: el.getBoundingClientRect().top, withNext });
    for (const c of s.children) {
      if (c.matches('figure.table')) {
        add(c, true); // caption and header row stay with the first row
        c.querySelectorAll('tbody tr').forEach((tr) => add(tr, false));
      } else if (c.matches('ul, ol')) c.querySelectorAll(':scope > li').forEach((li) => add(li, false));
      else if (c.matches('p, .note')) {
        const r = c.getBoundingClientRect();
        const line = parseFloat(getComputedStyle(c).lineHeight) || 16;
        for (let y = r.top; y < r.bottom - 1; y += line) pieces.push({ top: y, withNext: false });
      } else add(c, /^H[1-6]$/.test(c.tagName));
    }
    if (pieces.length < 2) return;
    const bottom = s.getBoundingClientRect().bottom;
    const heights = pieces.map((p, k) => (pieces[k + 1]?.top ?? bottom) - p.top);
    // the heading's top margin collapses out of the section on screen but is kept after a page break
    const first = s.firstElementChild;
    if (first && first.getBoundingClientRect().top - s.getBoundingClientRect().top < 0.5)
      heights[0] += parseFloat(getComputedStyle(first).marginTop) || 0;
    const layout = (zoom) => {
      let pages = 1;
      let y = 0;
      for (let k = 0; k < pieces.length; k++) {
        // a piece kept with its successors moves together with them
        let h = heights[k] * zoom;
        let j = k;
        while (pieces[j].withNext && j + 1 < pieces.length) h += heights[++j] * zoom;
        if (y > 0 && y + h > PAGE) { pages++; y = 0; }
        y += h;
        k = j;
        while (y > PAGE) { pages++; y -= PAGE; }
      }
      return { pages, tail: y };
    };
    const now = layout(1);
    if (now.pages < 2 || now.tail > ${TAIL_SHARE} * PAGE) return;
    for (let zoom = 0.98; zoom >= 0.879; zoom -= 0.02) {
      if (layout(zoom).pages < now.pages) {
        s.style.zoom = zoom.toFixed(2);
        changed.push({ id: s.id, zoom: Number(zoom.toFixed(2)) });
        return;
      }
    }
  });
  return changed;
})()`;
