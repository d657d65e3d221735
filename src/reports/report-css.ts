/**
 * The one style sheet of every report document (website, browser print and each PDF chunk): A4
 * print with screen fallback. `body.print` (the PDF pipeline) turns on fixed-height page sheets
 * that `FIT_SHEETS_SCRIPT` shrinks to fit; without it sheets flow, so a browser print never clips.
 */

/** Printable height of an A4 page with the margins of `pdf.ts` (297 − 16 − 18 mm), less 2 mm slack. */
export const SHEET_HEIGHT_MM = 261;

export const REPORT_CSS = `
@page { size: A4; margin: 16mm 18mm 18mm; }
* { box-sizing: border-box; }
body { font: 10pt/1.45 "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #222; margin: 0 auto; max-width: 174mm; hyphens: auto; }
h1 { font-size: 18pt; margin: 0 0 2mm; }
h2 { font-size: 13pt; margin: 7mm 0 2mm; border-bottom: 0.4pt solid #999; page-break-after: avoid; break-after: avoid; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; page-break-after: avoid; break-after: avoid; }
h4 { font-size: 10pt; margin: 3mm 0 1mm; page-break-after: avoid; break-after: avoid; }
h3.area-title { font-size: 14pt; margin: 0 0 2mm; border-bottom: 0.4pt solid #999; }
.subtitle { color: #555; margin: 0 0 4mm; }
p { margin: 0 0 2mm; }
ul { margin: 0 0 2mm; padding-left: 5mm; }
figure { margin: 3mm 0 4mm; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: bold; margin-bottom: 1mm; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; }
th, td { padding: 0.8mm 1.5mm; border-bottom: 0.3pt solid #ccc; text-align: left; vertical-align: top; }
th { border-bottom: 0.6pt solid #666; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
tr.own td { font-weight: bold; background: #f3f3f3; }
td.shaded { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
tr { break-inside: avoid; page-break-inside: avoid; }
.source { font-size: 7.5pt; color: #555; margin-top: 1mm; }
svg.map { width: 120mm; max-height: 110mm; display: block; }
svg.chart { width: 160mm; display: block; }
.legend { list-style: none; padding: 0; margin: 1mm 0 0; font-size: 7.5pt; display: flex; flex-wrap: wrap; gap: 1mm 4mm; }
.swatch { display: inline-block; width: 3mm; height: 3mm; margin-right: 1mm; vertical-align: -0.4mm; border: 0.2pt solid #999; }
.line { display: inline-block; width: 6mm; border-top: 0.8mm solid; margin-right: 1mm; vertical-align: 0.6mm; }
.line.city, .line.dashed { border-top-style: dashed; }
.note { font-size: 8pt; color: #555; }
.toc { break-after: page; page-break-after: always; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc > ol > li { margin: 1.2mm 0; }
.toc ol ol { columns: 2; column-gap: 8mm; font-size: 8.5pt; margin: 1mm 0 0 4mm; }
.toc ol ol li { break-inside: avoid; }
.toc a { display: flex; align-items: baseline; color: inherit; text-decoration: none; }
.toc .dots { flex: 1; min-width: 4mm; margin: 0 1mm; border-bottom: 0.6pt dotted #888; }
.toc .p { flex: none; font-variant-numeric: tabular-nums; }
section.break { break-before: page; page-break-before: always; }
.pagebreak { break-after: page; page-break-after: always; }
.sheet + .sheet, section.paged + section { break-before: page; page-break-before: always; }
.internal { position: fixed; top: 0; right: 0; padding: 1mm 3mm; border: 0.6pt solid #b2182b; color: #b2182b; font-weight: bold; font-size: 9pt; background: #fff; }
body.print .sheet { height: ${SHEET_HEIGHT_MM}mm; overflow: hidden; break-inside: avoid; page-break-inside: avoid; }
.sheet.tight table { font-size: 7pt; line-height: 1.25; }
.sheet.tight th, .sheet.tight td { padding: 0.3mm 1mm; }
.sheet.tight figure { margin: 1.5mm 0 2mm; }
.sheet.tight svg.map { max-height: 80mm; }
@media screen {
  body { padding: 10mm 0; }
  .internal { position: sticky; float: right; }
  .sheet + .sheet { border-top: 1px dashed #bbb; margin-top: 6mm; padding-top: 4mm; }
}
`;
