/**
 * What a reader sees: report pages rendered to images with poppler (`pdftoppm`, binary PPM) show
 * the map in its class colours and every chart line in its colour — and a page without figures
 * shows none of them. The figures are vector paths in the PDF (no embedded images).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countColour, pdfFile, type Raster } from '../test/poppler.ts';
import { closePdfBrowser } from './pdf.ts';
import { renderReportPdf } from './render-pdf.ts';
import type { ReportChart, ReportMap, ReportModel } from './report-model.ts';
import { CLASS_COLOURS, chartColours, NO_VALUE_COLOUR } from './svg.ts';

/** 6 × 3 squares: every class three times, „no value“ three times. */
const map: ReportMap = {
  kind: 'map',
  title: 'SGB-II-Quote nach Sozialraum',
  width: 160,
  height: 80,
  shapes: Array.from({ length: 18 }, (_, i) => {
    const [x, y] = [(i % 6) * 26 + 2, Math.floor(i / 6) * 26 + 2];
    return {
      key: String(i),
      name: `Gebiet ${i}`,
      path: `M${x} ${y}L${x + 24} ${y}L${x + 24} ${y + 24}L${x} ${y + 24}Z`,
      cls: i % 6 === 5 ? null : i % 6,
      highlight: i === 7,
    };
  }),
  legend: [],
  source: 'Quelle: Test; Stichtag 31.12.2024',
};

const chart: ReportChart = {
  kind: 'chart',
  title: 'SGB-II-Quote: Entwicklung',
  unit: '%',
  decimals: 1,
  labels: ['2020', '2021', '2022', '2023', '2024'],
  series: [
    { name: 'Altstadt', role: 'area', values: [20, 21, 22, 21, 23] },
    { name: 'Bezirk 1', role: 'district', values: [15, 15, 16, 16, 17] },
    { name: 'Bezirk 2', role: 'district', values: [10, 11, 11, 12, 12] },
    { name: 'Bezirk 3', role: 'district', values: [6, 6, 7, 7, 8] },
    { name: 'Stadt', role: 'city', values: [2, 3, 3, 4, 4] },
  ],
  source: 'Quelle: Test; Stichtag 31.12.2024',
};

const model: ReportModel = {
  title: 'Bildtest',
  subtitle: 'Stichtag 31.12.2024',
  date: '2024-12-31',
  internal: false,
  dataVersion: '1:1',
  toc: false,
  target: { template: 'test', level: 'sozialraum', area: null, date: '2024-12-31' },
  sections: [
    { id: 'karte', title: 'Karte', level: 1, pageBreak: false, blocks: [map] },
    { id: 'verlauf', title: 'Entwicklung', level: 1, pageBreak: true, blocks: [chart] },
    {
      id: 'tabelle',
      title: 'Tabelle',
      level: 1,
      pageBreak: true,
      blocks: [{ kind: 'paragraph', text: 'Nur Text und keine Abbildung auf dieser Seite.' }],
    },
  ],
};

describe('report pages as images (pdftoppm)', () => {
  let pages: Raster[];
  let hiRes: Raster[];
  let images: number;
  beforeAll(async () => {
    const file = pdfFile(await renderReportPdf(model));
    try {
      expect(file.pages()).toBe(3);
      pages = [1, 2, 3].map((p) => file.raster(p, 60));
      hiRes = [2, 3].map((p) => file.raster(p, 100)); // thin chart lines need a few more pixels
      images = file.imageCount();
    } finally {
      file.dispose();
    }
  });
  afterAll(() => closePdfBrowser());

  // Compared with a page without figures, whose text and footer have grey edge pixels of their own
  it('draws the map: every class colour and the no-value grey fill their squares', () => {
    const [mapPage, , textPage] = pages as [Raster, Raster, Raster];
    expect(mapPage.width).toBeCloseTo(496, -1); // A4 at 60 dpi
    // three squares of 18 × 18 mm (42 × 42 pixels) per colour
    for (const colour of [...CLASS_COLOURS, NO_VALUE_COLOUR])
      expect(countColour(mapPage, colour) - countColour(textPage, colour), colour).toBeGreaterThan(4000);
  });

  it('draws every chart line in its own colour', () => {
    const [chartPage, textPage] = hiRes as [Raster, Raster];
    // a line 140 mm long and 0.5 mm wide is ~1,000 pixels at 100 dpi; its legend key ~60
    for (const colour of chartColours(chart))
      expect(countColour(chartPage, colour) - countColour(textPage, colour), colour).toBeGreaterThan(500);
  });

  it('keeps maps and charts as vector graphics (no embedded images)', () => {
    expect(images).toBe(0);
  });
});
