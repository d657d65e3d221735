/**
 * The report model as a Word document (`docx`) the office can edit further: real headings with
 * outline levels, as Word and LibreOffice both read them (chapters Überschrift 1, the appendix's
 * areas Überschrift 2, a section's sub-headings one level below its own title), a real table of
 * contents field over levels 1–2 whose page numbers `docx` lays out as Word does (so Word shows it
 * without asking to update fields, and LibreOffice, which keeps the field as written, shows them
 * too), tables whose columns are as wide as their content needs, page breaks where the model
 * starts a new page, real tables (shaded cells of the status/dynamics matrix), the figures embedded
 * as SVG (vector, Word 2016+) with a PNG fallback rasterised in one batch by the shared Chromium,
 * the source + Stichtag line under every table and figure, „Seite n von N“ in the footer and, for
 * internal drafts, „Intern – nicht zur Veröffentlichung“ in the header of every page.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableLayoutType,
  TableOfContents,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { svgsToPng } from './raster.ts';
import type {
  ReportBlock,
  ReportChart,
  ReportMap,
  ReportModel,
  ReportSection,
  ReportTable,
} from './report-model.ts';
import { INTERNAL_MARK } from './render-html.ts';
import { chartColours, chartSvg, classColour, mapSvg } from './svg.ts';

const FONT = 'Arial';
const HEX = /^#[0-9a-f]{6}$/i;
/** Width of figures in the document, in pixels at 96 dpi (≈ 15 cm). */
const FIGURE_PX = 567;
/**
 * Reports with a TOC of at most this many sections get their TOC page numbers laid out here
 * (the demo Sozialbericht has about 70); longer ones ask Word to update the fields on opening.
 */
export const LAID_OUT_SECTIONS = 150;
/** A4 in twips, and the page margins: the text is 11,906 − 2 × 1,020 = 9,866 twips wide. */
const PAGE = { width: 11906, height: 16838, margin: { top: 1000, bottom: 1000, left: 1020, right: 1020 } };
const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;
/** Average width of a character of table text (Arial 8.5 pt) plus cell padding, in twips. */
const CHAR_TWIPS = 95;
const CELL_PADDING_TWIPS = 230;

/**
 * Column widths (twips) of a table, fitted to its content: every column gets room for its longest
 * word — so no word breaks mid-word — and the rest of the text width goes to the columns in
 * proportion to their longest cell, as an office suite's „optimal width“ does.
 * @example columnWidths([['Indikator', 'Wert'], ['Arbeitslosenanteil', '6,2']]) // [≈7,150, ≈2,716]
 */
export function columnWidths(rows: readonly (readonly string[])[], total = TEXT_WIDTH): number[] {
  const n = Math.max(...rows.map((r) => r.length));
  const longest = (pick: (cell: string) => number) =>
    Array.from({ length: n }, (_, i) => Math.max(1, ...rows.map((r) => pick(r[i] ?? ''))));
  const word = longest((c) => Math.max(0, ...c.split(/\s+/).map((w) => w.length)));
  const cell = longest((c) => c.length);
  const min = word.map((w) => w * CHAR_TWIPS + CELL_PADDING_TWIPS);
  const spare = total - min.reduce((a, b) => a + b, 0);
  if (spare <= 0) return min.map((m) => Math.round((m * total) / (total - spare)));
  // the spare width goes to columns whose text is longer than their longest word
  const extra = cell.map((c, i) => Math.max(0, c * CHAR_TWIPS + CELL_PADDING_TWIPS - min[i]!));
  const want = extra.reduce((a, b) => a + b, 0);
  const share = (i: number) => (want > 0 ? (extra[i]! * Math.min(spare, want)) / want : 0);
  const widths = min.map((m, i) => m + share(i));
  // what is still left (every column fits on one line) is spread evenly
  const left = total - widths.reduce((a, b) => a + b, 0);
  return widths.map((w) => Math.round(w + left / n));
}

const source = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, size: 15, color: '555555' })], spacing: { after: 200 } });

/** The footnotes of a table or chart (converted values), above the source line, same small type. */
const footnotes = (notes: readonly string[] | undefined) =>
  (notes ?? []).map(
    (text) => new Paragraph({ keepNext: true, children: [new TextRun({ text, size: 15, color: '333333' })] }),
  );

const caption = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, bold: true })], keepNext: true, spacing: { before: 120 } });

function table(t: ReportTable): (Paragraph | Table)[] {
  const widths = columnWidths([t.columns, ...t.rows]);
  const border = { style: BorderStyle.SINGLE, size: 2, color: 'BBBBBB' };
  const row = (cells: string[], header: boolean, own: boolean, fills?: (string | null)[]) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c, i) => {
        const fill = fills?.[i];
        const shaded = fill && HEX.test(fill) ? fill.slice(1).toUpperCase() : own ? 'F3F3F3' : null;
        return new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          borders: { top: border, bottom: border, left: border, right: border },
          shading: shaded ? { type: ShadingType.CLEAR, color: 'auto', fill: shaded } : undefined,
          children: [
            new Paragraph({
              alignment: t.numeric[i] ? AlignmentType.RIGHT : AlignmentType.LEFT,
              children: [new TextRun({ text: c, bold: header || own, size: 17 })],
            }),
          ],
        });
      }),
    });
  return [
    caption(t.title),
    new Table({
      width: { size: TEXT_WIDTH, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      rows: [
        row(t.columns, true, false),
        ...t.rows.map((r, k) => row(r, false, k === t.highlight, t.shading?.[k])),
      ],
    }),
    ...footnotes(t.footnotes),
    source(t.source),
  ];
}

function figure(f: ReportMap | ReportChart, svg: string, png: Uint8Array): Paragraph[] {
  const height = f.kind === 'map' ? (FIGURE_PX * (f.height + 2)) / (f.width + 2) : (FIGURE_PX * 70) / 160;
  const size = { width: FIGURE_PX, height: Math.round(height) };
  // a coloured square per class or line, then its label
  const keys =
    f.kind === 'map'
      ? f.legend.map((l) => ({
          colour: classColour(l.cls, f.classes),
          label: l.label,
        }))
      : chartColours(f).map((colour, k) => ({ colour, label: f.series[k]!.name }));
  const legend = keys.flatMap((k, i) => [
    new TextRun({ text: `${i ? '   ' : ''}■ `, size: 15, color: k.colour.slice(1) }),
    new TextRun({ text: k.label, size: 15 }),
  ]);
  return [
    caption(f.kind === 'chart' && f.unit ? `${f.title} (${f.unit})` : f.title),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'svg',
          data: new TextEncoder().encode(svg),
          fallback: { type: 'png', data: png },
          transformation: size,
          altText: { name: f.title, description: f.title, title: f.title },
        }),
      ],
    }),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: 'Legende: ', size: 15 }), ...legend] }),
    ...footnotes(f.kind === 'chart' ? f.footnotes : undefined),
    source(f.source),
  ];
}

/**
 * Überschrift 1–3 with their outline level written out: Word infers it from the built-in style,
 * LibreOffice only reads it from the style's paragraph properties.
 */
const HEADING_STYLES = [
  { id: 'Heading1', name: 'heading 1', size: 32, before: 360 },
  { id: 'Heading2', name: 'heading 2', size: 26, before: 240 },
  { id: 'Heading3', name: 'heading 3', size: 22, before: 200 },
].map((h, level) => ({
  id: h.id,
  name: h.name,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: FONT, size: h.size, bold: true },
  paragraph: {
    outlineLevel: level,
    keepNext: true,
    keepLines: true,
    spacing: { before: h.before, after: 120 },
  },
}));

type Images = Map<ReportBlock, { svg: string; png: Uint8Array }>;

/** A sub-heading one level below its section's title, so the outline never skips a level. */
const SUBHEADING = { 1: HeadingLevel.HEADING_2, 2: HeadingLevel.HEADING_3 } as const;

function block(b: ReportBlock, images: Images, level: 1 | 2): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ heading: SUBHEADING[level], text: b.text })];
    case 'pagebreak':
      return [new Paragraph({ children: [new PageBreak()] })];
    case 'paragraph':
      return [new Paragraph({ text: b.text, spacing: { after: 120 } })];
    case 'note':
      return [new Paragraph({ children: [new TextRun({ text: b.text, size: 16, color: '555555' })] })];
    case 'list':
      return b.items.map((i) => new Paragraph({ text: i, bullet: { level: 0 } }));
    case 'table':
      return table(b);
    case 'map':
    case 'chart': {
      const img = images.get(b)!;
      return figure(b, img.svg, img.png);
    }
  }
}

/** A chapter as Überschrift 1, an appendix area as Überschrift 2; new page where the model says. */
function section(s: ReportSection, breakBefore: boolean, images: Images): (Paragraph | Table)[] {
  return [
    new Paragraph({
      heading: s.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
      text: s.title,
      pageBreakBefore: breakBefore,
    }),
    ...s.blocks.flatMap((b) => block(b, images, s.level)),
  ];
}

/**
 * Renders the Word document.
 * @throws reports.raster_unavailable (503) when Chromium cannot render the figures' PNG fallback
 */
export async function renderDocx(model: ReportModel): Promise<Uint8Array> {
  const figures = model.sections
    .flatMap((s) => s.blocks)
    .filter((b): b is ReportMap | ReportChart => b.kind === 'map' || b.kind === 'chart');
  const svgs = figures.map((f) => (f.kind === 'map' ? mapSvg(f) : chartSvg(f)));
  // one batch for the whole document, through the shared browser
  const pngs = await svgsToPng(svgs, FIGURE_PX);
  const images = new Map<ReportBlock, { svg: string; png: Uint8Array }>(
    figures.map((f, i) => [f, { svg: svgs[i]!, png: pngs[i]! }]),
  );
  const mark = model.internal
    ? {
        default: new Header({
          children: [
            new Paragraph({
              alignment: AlignmentType.RIGHT,
              children: [new TextRun({ text: INTERNAL_MARK, bold: true, color: 'B2182B' })],
            }),
          ],
        }),
      }
    : undefined;
  // Laying the document out costs about 25 ms per paragraph, so only a TOC is worth it, and
  // only up to a size where it stays in seconds; a longer report lets Word fill the TOC itself.
  const laidOut = model.toc && model.sections.length <= LAID_OUT_SECTIONS;
  const doc = new Document({
    creator: 'Lagebild',
    title: model.title,
    // page numbers of the TOC laid out as Word does: Word shows them without asking to update
    ...(laidOut ? { pageNumbers: estimatePageNumbers } : {}),
    ...(model.toc && !laidOut ? { features: { updateFields: true } } : {}),
    styles: {
      default: { document: { run: { font: FONT, size: 20, language: { value: 'de-DE' } } } },
      paragraphStyles: HEADING_STYLES,
    },
    sections: [
      {
        properties: { page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin } },
        headers: mark,
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.RIGHT,
                children: [
                  new TextRun({
                    children: [
                      `${model.title} · Seite `,
                      PageNumber.CURRENT,
                      ' von ',
                      PageNumber.TOTAL_PAGES,
                    ],
                    size: 16,
                  }),
                ],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: model.title }),
          new Paragraph({
            children: [new TextRun({ text: model.subtitle, color: '555555' })],
            spacing: { after: 240 },
          }),
          ...(model.toc
            ? [
                // not a heading style, so the contents do not list themselves
                new Paragraph({
                  children: [new TextRun({ text: 'Inhalt', bold: true, size: 28 })],
                  spacing: { before: 240, after: 120 },
                }),
                // filled from the layout above, or by Word when it opens a long report
                new TableOfContents('Inhalt', { hyperlink: true, headingStyleRange: '1-2' }),
              ]
            : []),
          // the first section follows the title directly unless a TOC stands between them
          ...model.sections.flatMap((s, i) => section(s, s.pageBreak && (i > 0 || model.toc), images)),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
