/**
 * The report model as one self-contained HTML document: inline CSS (screen and A4 print), figures
 * as inline SVG, no scripts and no external resources — the same document goes to the website,
 * to the browser and (through Chromium, in chunks) to PDF.
 *
 * Structure: h1 title; chapters (level 1) as h2 with h3 inside; the areas of the appendix (level
 * 2) as h3 with h4 inside, nested under their chapter in the table of contents. A section of a
 * fixed number of pages becomes that many page sheets (`<div class="sheet">`), one per
 * `pagebreak`-separated part.
 */
import { REPORT_CSS } from './report-css.ts';
import type { ReportBlock, ReportModel, ReportSection, ReportTable } from './report-model.ts';
import { escapeHtml } from '../core/html.ts';
import { chartLegend, chartSvg, mapLegend, mapSvg } from './svg.ts';

export const INTERNAL_MARK = 'Intern – nicht zur Veröffentlichung';

export interface HtmlOptions {
  /** Print page of each section (by id): the TOC shows them (PDF pipeline). Default: links only. */
  tocPages?: ReadonlyMap<string, number>;
  /** Only the sections with index in [from, to) (a PDF chunk). Default: all. */
  range?: readonly [from: number, to: number];
  /** Title and subtitle. Default true. */
  header?: boolean;
  /** Table of contents. Default `model.toc`. */
  toc?: boolean;
  /**
   * For the PDF pipeline: fixed-height page sheets (shrunk to fit by `FIT_SHEETS_SCRIPT`), hidden links
   * to every rendered section so Chromium writes a named destination for each (its start page),
   * and no internal mark (`pdf-merge.ts` stamps it on every page). Default false.
   */
  print?: boolean;
}

const HEX = /^#[0-9a-f]{6}$/i;

/** Black or white text, whichever reads better on `hex` (relative luminance, WCAG 2.x). */
function textOn(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.18 ? '#fff' : '#222';
}

function table(t: ReportTable): string {
  const head = t.columns
    .map((c, i) => `<th${t.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</th>`)
    .join('');
  const body = t.rows
    .map(
      (row, r) =>
        `<tr${r === t.highlight ? ' class="own"' : ''}>` +
        row
          .map((c, i) => {
            const fill = t.shading?.[r]?.[i];
            const cls = [t.numeric[i] && 'num', fill && HEX.test(fill) && 'shaded'].filter(Boolean).join(' ');
            const style = fill && HEX.test(fill) ? ` style="background:${fill};color:${textOn(fill)}"` : '';
            return `<td${cls ? ` class="${cls}"` : ''}${style}>${escapeHtml(c)}</td>`;
          })
          .join('') +
        '</tr>',
    )
    .join('\n');
  // role="group": Chromium tags a <figure> as Figure, which must hold no table or figure (PDF/UA);
  // as a group it is tagged Div, with the caption, the table or drawing and the legend inside
  return (
    `<figure class="table" role="group"><figcaption>${escapeHtml(t.title)}</figcaption>` +
    `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>` +
    footnotes(t.footnotes) +
    `<div class="source">${escapeHtml(t.source)}</div></figure>`
  );
}

/** The footnotes of a table or chart (converted values), one line each, above the source. */
const footnotes = (notes: readonly string[] | undefined) =>
  (notes ?? []).map((n) => `<div class="source footnote">${escapeHtml(n)}</div>`).join('');

/** One block; `h` is the heading element of the section's sub-headings (h3 in chapters, h4 in areas). */
function block(b: ReportBlock, h: 'h3' | 'h4'): string {
  switch (b.kind) {
    case 'heading':
      return `<${h}>${escapeHtml(b.text)}</${h}>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'pagebreak':
      return '<div class="pagebreak"></div>';
    case 'table':
      return table(b);
    case 'map':
      return (
        `<figure class="map" role="group"><figcaption>${escapeHtml(b.title)}</figcaption>${mapSvg(b)}${mapLegend(b)}` +
        `<div class="source">${escapeHtml(b.source)}</div></figure>`
      );
    case 'chart':
      return (
        `<figure class="chart" role="group"><figcaption>${escapeHtml(b.title)}` +
        `${b.unit ? ` (${escapeHtml(b.unit)})` : ''}</figcaption>${chartSvg(b)}${chartLegend(b)}` +
        footnotes(b.footnotes) +
        `<div class="source">${escapeHtml(b.source)}</div></figure>`
      );
  }
}

/**
 * The blocks of a fixed-page section split at its `pagebreak` blocks into exactly `pages` parts:
 * missing parts stay empty pages (the appendix keeps its rhythm), surplus parts join the last page
 * (which is then shrunk to fit).
 */
export function sheetParts(blocks: readonly ReportBlock[], pages: number): ReportBlock[][] {
  const parts: ReportBlock[][] = [[]];
  for (const b of blocks) {
    if (b.kind === 'pagebreak') parts.push([]);
    else parts[parts.length - 1]!.push(b);
  }
  while (parts.length < pages) parts.push([]);
  return [...parts.slice(0, pages - 1), parts.slice(pages - 1).flat()];
}

function section(s: ReportSection): string {
  const inner = s.level === 1 ? 'h3' : 'h4';
  const title =
    s.level === 1 ? `<h2>${escapeHtml(s.title)}</h2>` : `<h3 class="area-title">${escapeHtml(s.title)}</h3>`;
  const cls = [s.level === 1 ? 'chapter' : 'area', s.pageBreak && 'break', s.pages && 'paged']
    .filter(Boolean)
    .join(' ');
  const open = `<section id="${escapeHtml(s.id)}" class="${cls}">`;
  if (!s.pages) return `${open}\n${title}\n${s.blocks.map((b) => block(b, inner)).join('\n')}\n</section>`;
  const sheets = sheetParts(s.blocks, s.pages).map(
    (part, i) =>
      `<div class="sheet"><div class="sheet-body">${i === 0 ? title : ''}\n` +
      `${part.map((b) => block(b, inner)).join('\n')}\n</div></div>`,
  );
  return `${open}\n${sheets.join('\n')}\n</section>`;
}

/** Chapters with their areas nested below; page numbers (and dot leaders) when known. */
function toc(sections: readonly ReportSection[], pages?: ReadonlyMap<string, number>): string {
  const entry = (s: ReportSection) => {
    const page = pages?.get(s.id);
    return (
      `<a href="#${escapeHtml(s.id)}"><span class="t">${escapeHtml(s.title)}</span>` +
      (page === undefined ? '' : `<span class="dots"></span><span class="p">${page}</span>`) +
      '</a>'
    );
  };
  const items: string[] = [];
  let areas: string[] = [];
  const closeAreas = () => {
    if (areas.length) items[items.length - 1] += `<ol>${areas.join('')}</ol>`;
    areas = [];
  };
  for (const s of sections) {
    if (s.level === 2 && items.length) {
      areas.push(`<li>${entry(s)}</li>`);
      continue;
    }
    closeAreas();
    items.push(`<li>${entry(s)}`);
  }
  closeAreas();
  return `<nav class="toc"><h2>Inhalt</h2><ol>${items.map((i) => `${i}</li>`).join('')}</ol></nav>\n`;
}

/**
 * The whole document (or, for the PDF pipeline, one chunk of it with the same style sheet).
 * Deterministic: the same model gives the same bytes (golden files).
 * @example renderHtml(model) // website; renderHtml(model, { print: true, header: false, toc: false, range: [3, 28] }) // a PDF chunk
 */
export function renderHtml(model: ReportModel, options: HtmlOptions = {}): string {
  const [from, to] = options.range ?? [0, model.sections.length];
  const shown = model.sections.slice(from, to);
  const print = options.print ?? false;
  const header =
    (options.header ?? true)
      ? `<header>\n<h1>${escapeHtml(model.title)}</h1>\n<p class="subtitle">${escapeHtml(model.subtitle)}</p>\n</header>\n`
      : '';
  const mark = model.internal && !print ? `<div class="internal">${INTERNAL_MARK}</div>\n` : '';
  // Chromium writes a named destination for every linked id, even from a hidden link
  const anchors =
    print && shown.length
      ? `<nav class="anchors" hidden>${shown.map((s) => `<a href="#${escapeHtml(s.id)}"></a>`).join('')}</nav>\n`
      : '';
  const withToc = options.toc ?? model.toc;
  // …and keeps a link only if its target is in the document: empty stand-ins (no height; before
  // the TOC, whose page break would push them onto a page of their own) for the sections printed
  // in other chunks; the merged PDF points their names at the real pages
  const targets =
    print && withToc
      ? `<div class="targets">${[...model.sections.slice(0, from), ...model.sections.slice(to)]
          .map((s) => `<span id="${escapeHtml(s.id)}"></span>`)
          .join('')}</div>\n`
      : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${escapeHtml(model.title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body${print ? ' class="print"' : ''}>
${mark}${header}${targets}${withToc ? toc(model.sections, options.tocPages) : ''}${anchors}${shown.map(section).join('\n')}
</body>
</html>
`;
}
