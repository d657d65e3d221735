/**
 * The report model as one self-contained HTML document: inline CSS (screen and A4 print), figures
 * as inline SVG, no scripts and no external resources — the same document goes to the website,
 * to the browser and (through Chromium) to PDF. Internal drafts carry a fixed mark that the print
 * engine repeats on every page.
 */
import type { ReportBlock, ReportModel, ReportTable } from './report-model.ts';
import { chartLegend, chartSvg, escapeHtml, mapLegend, mapSvg } from './svg.ts';

export const INTERNAL_MARK = 'Intern – nicht zur Veröffentlichung';

const CSS = `
@page { size: A4; margin: 16mm 18mm 18mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.45 "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #222; margin: 0 auto; max-width: 174mm; hyphens: auto; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 0.4pt solid #999; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; page-break-after: avoid; break-after: avoid; }
.subtitle { color: #555; margin: 0 0 4mm; }
p { margin: 0 0 2mm; }
figure { margin: 3mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { padding: 0.8mm 1.5mm; border-bottom: 0.3pt solid #ccc; text-align: left; vertical-align: top; }
th { border-bottom: 0.6pt solid #666; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.own td { font-weight: bold; background: #f3f3f3; }
tr { break-inside: avoid; page-break-inside: avoid; }
.source { font-size: 7.5pt; color: #555; margin-top: 1mm; }
svg.map { width: 120mm; max-height: 110mm; display: block; }
svg.chart { width: 160mm; display: block; }
.legend { list-style: none; padding: 0; margin: 1mm 0 0; font-size: 7.5pt; display: flex; flex-wrap: wrap; gap: 1mm 4mm; }
.swatch { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; vertical-align: -0.4mm; border: 0.2pt solid #999; }
.line { display: inline-block; width: 6mm; border-top: 0.8mm solid; margin-right: 1mm; vertical-align: 0.6mm; }
.line.city { border-top-style: dashed; }
.note { font-size: 8pt; color: #555; }
.toc a { color: inherit; text-decoration: none; }
.toc { break-after: page; page-break-after: always; }
.internal { position: fixed; top: 0; right: 0; padding: 1mm 3mm; border: 0.6pt solid #b2182b; color: #b2182b; font-weight: bold; font-size: 9pt; background: #fff; }
@media screen { body { padding: 10mm 0; } .internal { position: sticky; float: right; } }
`;

function table(t: ReportTable): string {
  const head = t.columns
    .map((c, i) => `<th${t.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</th>`)
    .join('');
  const body = t.rows
    .map(
      (row, r) =>
        `<tr${r === t.highlight ? ' class="own"' : ''}>` +
        row.map((c, i) => `<td${t.numeric[i] ? ' class="num"' : ''}>${escapeHtml(c)}</td>`).join('') +
        '</tr>',
    )
    .join('\n');
  return (
    `<figure class="table"><figcaption>${escapeHtml(t.title)}</figcaption>` +
    `<table><thead><tr>${head}</tr></thead><tbody>\n${body}\n</tbody></table>` +
    `<div class="source">${escapeHtml(t.source)}</div></figure>`
  );
}

function block(b: ReportBlock): string {
  switch (b.kind) {
    case 'heading':
      return `<h3>${escapeHtml(b.text)}</h3>`;
    case 'paragraph':
      return `<p>${escapeHtml(b.text)}</p>`;
    case 'note':
      return `<p class="note">${escapeHtml(b.text)}</p>`;
    case 'list':
      return `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join('')}</ul>`;
    case 'table':
      return table(b);
    case 'map':
      return (
        `<figure class="map"><figcaption>${escapeHtml(b.title)}</figcaption>${mapSvg(b)}${mapLegend(b)}` +
        `<div class="source">${escapeHtml(b.source)}</div></figure>`
      );
    case 'chart':
      return (
        `<figure class="chart"><figcaption>${escapeHtml(b.title)}` +
        `${b.unit ? ` (${escapeHtml(b.unit)})` : ''}</figcaption>${chartSvg(b)}${chartLegend(b)}` +
        `<div class="source">${escapeHtml(b.source)}</div></figure>`
      );
  }
}

/** The whole document; `generatedBy` is left out so that the same data gives the same bytes. */
export function renderHtml(model: ReportModel): string {
  const sections = model.sections
    .map(
      (s, i) =>
        `<section id="kapitel-${i + 1}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(block).join('\n')}\n</section>`,
    )
    .join('\n');
  const toc = model.toc
    ? `<nav class="toc"><h2>Inhalt</h2><ol>${model.sections
        .map((s, i) => `<li><a href="#kapitel-${i + 1}">${escapeHtml(s.title)}</a></li>`)
        .join('')}</ol></nav>\n`
    : '';
  return `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<title>${escapeHtml(model.title)}</title>
<style>${CSS}</style>
</head>
<body>
${model.internal ? `<div class="internal">${INTERNAL_MARK}</div>\n` : ''}<header>
<h1>${escapeHtml(model.title)}</h1>
<p class="subtitle">${escapeHtml(model.subtitle)}</p>
</header>
${toc}${sections}
</body>
</html>
`;
}
