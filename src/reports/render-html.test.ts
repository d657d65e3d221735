/**
 * Pure parts of the report output: HTML escaping, table of contents, internal mark, chart lines
 * broken at secret/missing values, the highlighted area drawn on top; templates from JSON.
 */
import { describe, expect, it } from 'vitest';
import { INTERNAL_MARK, renderHtml } from './render-html.ts';
import type { ReportModel } from './report-model.ts';
import { parseTemplateJson, STECKBRIEF } from './report.schema.ts';
import { chartSvg, mapSvg } from './svg.ts';

const model = (over: Partial<ReportModel> = {}): ReportModel => ({
  title: 'Steckbrief <Test> & Co',
  subtitle: 'Sozialraum 1 · Stichtag 31.12.2024',
  date: '2024-12-31',
  internal: false,
  dataVersion: '1:2',
  toc: false,
  sections: [
    { title: 'Eins', blocks: [{ kind: 'paragraph', text: 'a < b' }] },
    { title: 'Zwei', blocks: [{ kind: 'list', items: ['x'] }] },
  ],
  ...over,
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
      '<nav class="toc"><h2>Inhalt</h2><ol><li><a href="#kapitel-1">Eins</a></li><li><a href="#kapitel-2">Zwei</a></li></ol></nav>',
    );
    expect(full).toContain('<section id="kapitel-2">');
    expect(full).toContain(`<div class="internal">${INTERNAL_MARK}</div>`);
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
      /Feld „chapters\.0\.blocks\.0\.indicator“/,
    );
  });
});
