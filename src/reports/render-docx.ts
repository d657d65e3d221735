/**
 * The report model as a Word document (`docx`) the office can edit further: real headings
 * (chapters Überschrift 1, the appendix's areas Überschrift 2, sub-headings Überschrift 3), a real
 * table of contents field over levels 1–2 that Word fills on opening, page breaks where the model
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
  TableOfContents,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
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
import { CLASS_COLOURS, chartColours, chartSvg, mapSvg, NO_VALUE_COLOUR } from './svg.ts';

const FONT = 'Arial';
const HEX = /^#[0-9a-f]{6}$/i;
/** Width of figures in the document, in pixels at 96 dpi (≈ 15 cm). */
const FIGURE_PX = 567;

const source = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, size: 15, color: '555555' })], spacing: { after: 200 } });

const caption = (text: string) =>
  new Paragraph({ children: [new TextRun({ text, bold: true })], keepNext: true, spacing: { before: 120 } });

function table(t: ReportTable): (Paragraph | Table)[] {
  const border = { style: BorderStyle.SINGLE, size: 2, color: 'BBBBBB' };
  const row = (cells: string[], header: boolean, own: boolean, fills?: (string | null)[]) =>
    new TableRow({
      tableHeader: header,
      cantSplit: true,
      children: cells.map((c, i) => {
        const fill = fills?.[i];
        const shaded = fill && HEX.test(fill) ? fill.slice(1).toUpperCase() : own ? 'F3F3F3' : null;
        return new TableCell({
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
      width: { size: 100, type: WidthType.PERCENTAGE },
      rows: [
        row(t.columns, true, false),
        ...t.rows.map((r, k) => row(r, false, k === t.highlight, t.shading?.[k])),
      ],
    }),
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
          colour: l.cls === null ? NO_VALUE_COLOUR : (CLASS_COLOURS[l.cls] ?? NO_VALUE_COLOUR),
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
    source(f.source),
  ];
}

type Images = Map<ReportBlock, { svg: string; png: Uint8Array }>;

function block(b: ReportBlock, images: Images): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      // below chapters (Überschrift 1) and areas (Überschrift 2), so the TOC (levels 1–2) skips it
      return [new Paragraph({ heading: HeadingLevel.HEADING_3, text: b.text })];
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
    ...s.blocks.flatMap((b) => block(b, images)),
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
  const doc = new Document({
    creator: 'Lagebild',
    features: { updateFields: model.toc },
    title: model.title,
    styles: { default: { document: { run: { font: FONT, size: 20, language: { value: 'de-DE' } } } } },
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1020, right: 1020 } } },
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
                // Word fills the field when the document opens (updateFields)
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
