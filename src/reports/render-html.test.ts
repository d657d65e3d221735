/**
 * Pure parts of the report output: HTML escaping, the nested table of contents (links, page
 * numbers), fixed-page sheets, page breaks, shaded cells, the internal mark, PDF chunks; chart
 * lines broken at secret/missing values and district lines in distinct colours; the highlighted
 * area drawn on top; templates from JSON; a golden file of a small synthetic Sozialbericht.
 */
import { expectGolden, goldenFile } from '../test/golden.ts';
import { describe, expect, it } from 'vitest';
import { INTERNAL_MARK, renderHtml, sheetParts } from './render-html.ts';
import type { ReportBlock, ReportModel, ReportSection } from './report-model.ts';
import { parseTemplateJson } from './report.schema.ts';
import { chartColours, chartSvg, DISTRICT_COLOURS, mapSvg, SERIES_COLOURS } from './svg.ts';
import { syntheticReport } from './synthetic-report.ts';
import { STECKBRIEF } from './templates.ts';

const chapter = (id: string, title: string, blocks: ReportBlock[] = []): ReportSection => ({
  id,
  title,
  level: 1,
  pageBreak: true,
  blocks,
});
const area = (id: string, title: string, blocks: ReportBlock[], pages?: number): ReportSection => ({
  id,
  title,
  level: 2,
  pageBreak: true,
  pages,
  blocks,
});

const model = (over: Partial<ReportModel> = {}): ReportModel => ({
  title: 'Steckbrief <Test> & Co',
  subtitle: 'Sozialraum 1 · Stichtag 31.12.2024',
  date: '2024-12-31',
  internal: false,
  dataVersion: '1:2',
  toc: false,
  target: { template: 'steckbrief', level: 'sozialraum', area: '1', date: '2024-12-31' },
  sections: [
    { ...chapter('kapitel-1', 'Eins', [{ kind: 'paragraph', text: 'a < b' }]), pageBreak: false },
    { ...chapter('kapitel-2', 'Zwei', [{ kind: 'list', items: ['x'] }]), pageBreak: false },
  ],
  ...over,
});

const report = model({
  title: 'Sozialbericht',
  toc: true,
  sections: [
    chapter('kapitel-1', 'Demografie', [{ kind: 'heading', text: 'Alter' }]),
    chapter('anhang', 'Steckbriefe der Gebiete'),
    area(
      'gebiet-1',
      'Altstadt',
      [
        { kind: 'heading', text: 'Kennzahlen' },
        { kind: 'pagebreak' },
        { kind: 'paragraph', text: 'Seite zwei' },
      ],
      2,
    ),
    area('gebiet-2', 'Neustadt', [{ kind: 'paragraph', text: 'nur eine Seite Inhalt' }], 2),
  ],
});

describe('renderHtml', () => {
  it('escapes text, and shows a table of contents and the internal mark only when asked', () => {
    const plain = renderHtml(model());
    expect(plain).toContain('<h1>Steckbrief &lt;Test&gt; &amp; Co</h1>');
    expect(plain).toContain('<p>a &lt; b</p>');
    expect(plain).not.toContain('class="toc"');
    expect(plain).not.toContain(INTERNAL_MARK);
    const full = renderHtml(model({ toc: true, internal: true }));
    expect(full).toContain(
      '<nav class="toc"><h2>Inhalt</h2><ol><li><a href="#kapitel-1"><span class="t">Eins</span></a></li>' +
        '<li><a href="#kapitel-2"><span class="t">Zwei</span></a></li></ol></nav>',
    );
    expect(full).toContain('<section id="kapitel-2" class="chapter">');
    expect(full).toContain(`<div class="internal">${INTERNAL_MARK}</div>`);
  });

  it('nests the areas under their chapter in the TOC, with page numbers when the PDF passes them', () => {
    const html = renderHtml(report);
    expect(html).toContain(
      '<li><a href="#anhang"><span class="t">Steckbriefe der Gebiete</span></a><ol>' +
        '<li><a href="#gebiet-1"><span class="t">Altstadt</span></a></li>' +
        '<li><a href="#gebiet-2"><span class="t">Neustadt</span></a></li></ol></li></ol></nav>',
    );
    const pages = new Map([
      ['kapitel-1', 2],
      ['anhang', 4],
      ['gebiet-1', 5],
      ['gebiet-2', 7],
    ]);
    const numbered = renderHtml(report, { tocPages: pages });
    expect(numbered).toContain(
      '<a href="#gebiet-2"><span class="t">Neustadt</span><span class="dots"></span><span class="p">7</span></a>',
    );
    expect(numbered.match(/class="p"/g)).toHaveLength(4);
  });

  it('chapters are h2 with h3 inside, areas h3 with h4 inside; page breaks where the model says', () => {
    const html = renderHtml(report);
    expect(html).toContain(
      '<section id="kapitel-1" class="chapter break">\n<h2>Demografie</h2>\n<h3>Alter</h3>',
    );
    expect(html).toContain('<section id="gebiet-1" class="area break paged">');
    expect(html).toContain('<h3 class="area-title">Altstadt</h3>\n<h4>Kennzahlen</h4>');
    // a pagebreak block outside fixed-page sections forces a page
    const flowing = renderHtml(model({ sections: [chapter('k', 'K', [{ kind: 'pagebreak' }])] }));
    expect(flowing).toContain('<div class="pagebreak"></div>');
  });

  it('lays a two-page section out as exactly two sheets, the second one empty if there is no content', () => {
    const html = renderHtml(report);
    const sheets = (id: string) => {
      const start = html.indexOf(`<section id="${id}"`);
      return html.slice(start, html.indexOf('</section>', start)).match(/<div class="sheet">/g)?.length;
    };
    expect(sheets('gebiet-1')).toBe(2);
    expect(sheets('gebiet-2')).toBe(2);
    expect(html).not.toContain('class="pagebreak"'); // the sheets are the pages
    const p = (text: string): ReportBlock => ({ kind: 'paragraph', text });
    const br: ReportBlock = { kind: 'pagebreak' };
    expect(sheetParts([p('a'), br, p('b'), br, p('c')], 2)).toEqual([[p('a')], [p('b'), p('c')]]);
    expect(sheetParts([p('a')], 2)).toEqual([[p('a')], []]);
  });

  it('shades table cells with safe colours and readable text', () => {
    const html = renderHtml(
      model({
        sections: [
          chapter('m', 'Matrix', [
            {
              kind: 'table',
              title: 'Status und Dynamik',
              columns: ['Status', 'positiv', 'negativ'],
              numeric: [false, true, true],
              rows: [['hoch', '1', '2']],
              highlight: null,
              shading: [[null, '#ffffbf', '#a50026"><script>']],
              source: 'Quelle: x',
            },
          ]),
        ],
      }),
    );
    expect(html).toContain('<td class="num shaded" style="background:#ffffbf;color:#222">1</td>');
    expect(html).toContain('<td class="num">2</td>'); // not a colour: ignored, never injected
  });

  it('renders PDF chunks: a range of sections with hidden anchors, no title, no TOC, no mark', () => {
    const m = { ...report, internal: true };
    const chunk = renderHtml(m, { print: true, header: false, toc: false, range: [2, 4] });
    expect(chunk).toContain('<body class="print">');
    expect(chunk).toContain(
      '<nav class="anchors" hidden><a href="#gebiet-1"></a><a href="#gebiet-2"></a></nav>',
    );
    expect(chunk).not.toContain('<h1>');
    expect(chunk).not.toContain('class="toc"');
    expect(chunk).not.toContain('id="kapitel-1"');
    expect(chunk).not.toContain(INTERNAL_MARK); // stamped on every page by pdf-merge
    // the same style sheet in every chunk and in the whole document
    const css = (h: string) => /<style>([\s\S]*?)<\/style>/.exec(h)![1];
    expect(css(chunk)).toBe(css(renderHtml(m)));
  });

  it('a synthetic Sozialbericht matches the golden file (REGEN=1 rewrites it)', () => {
    const html = renderHtml(syntheticReport({ areas: 2, shapes: 6, districts: 3 }));
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    expectGolden(goldenFile(import.meta.url, 'synthetic-sozialbericht.golden.html'), html);
  });
});

describe('figures as SVG', () => {
  it('breaks a series line at a secret or missing value instead of bridging it', () => {
    const svg = chartSvg({
      kind: 'chart',
      title: 'T',
      unit: '%',
      decimals: 1,
      labels: ['2020', '2021', '2022', '2023'],
      series: [{ name: 'A', role: 'area', values: [1, 2, null, 4] }],
      source: 'Quelle: x; Stichtag 31.12.2023',
    });
    const d = /<path d="([^"]+)" fill="none"/.exec(svg)![1]!;
    expect(d.match(/M/g)).toHaveLength(2);
    expect(d.match(/L/g)).toHaveLength(1);
    expect(svg).toContain('>2023</text>');
  });

  it('draws each district line of a city chart in its own colour, the city line dashed', () => {
    const chart = {
      kind: 'chart' as const,
      title: 'T',
      unit: '%',
      decimals: 1,
      labels: ['2023', '2024'],
      series: [
        ...Array.from({ length: 13 }, (_, k) => ({
          name: `Bezirk ${k + 1}`,
          role: 'district' as const,
          values: [k, k + 1],
        })),
        { name: 'Stadt', role: 'city' as const, values: [5, 6] },
      ],
      source: 's',
    };
    const strokes = [...chartSvg(chart).matchAll(/fill="none" stroke="(#[0-9a-f]{6})"/g)].map((m) => m[1]);
    expect(strokes).toEqual(chartColours(chart));
    expect(new Set(strokes.slice(0, 12)).size).toBe(12);
    expect(strokes.slice(0, 12)).toEqual(DISTRICT_COLOURS);
    expect(strokes[13]).toBe(SERIES_COLOURS.city);
    // the 13th district repeats a colour, but dashed
    expect(chartSvg(chart)).toContain(
      `stroke="${DISTRICT_COLOURS[0]}" stroke-width="0.5" stroke-dasharray="3 0.8"`,
    );
  });

  it('draws the highlighted area last, outlined', () => {
    const svg = mapSvg({
      kind: 'map',
      title: 'K',
      width: 10,
      height: 10,
      shapes: [
        { key: 'a', name: 'A', path: 'M0 0L1 0L1 1Z', cls: 0, highlight: true },
        { key: 'b', name: 'B', path: 'M2 2L3 2L3 3Z', cls: null, highlight: false },
      ],
      legend: [],
      source: 's',
    });
    expect(svg.indexOf('<title>B</title>')).toBeLessThan(svg.indexOf('<title>A</title>'));
    expect(svg).toMatch(/<path d="M0 0L1 0L1 1Z" fill="#[0-9a-f]{6}" stroke="#000"/);
  });
});

describe('parseTemplateJson', () => {
  it('round-trips the built-in Steckbrief and names the wrong field of a broken template', () => {
    expect(parseTemplateJson(JSON.stringify(STECKBRIEF), 's.json')).toEqual(STECKBRIEF);
    expect(() => parseTemplateJson('{', 'kaputt.json')).toThrow(/kaputt\.json“ ist kein gültiges JSON/);
    const broken = { ...STECKBRIEF, chapters: [{ title: 'x', blocks: [{ type: 'map' }] }] };
    expect(() => parseTemplateJson(JSON.stringify(broken), 'v.json')).toThrow(
      /Feld „chapters\.0\.blocks\.0“ – Indikator oder Thema angeben/,
    );
  });
});
