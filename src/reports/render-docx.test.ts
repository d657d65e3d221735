/**
 * The Steckbrief as Word: the .docx (a zip) holds real headings, tables with the area's numbers
 * in word/document.xml, the figures as SVG with PNG fallback, and the internal mark in the header.
 * A Sozialbericht-shaped model: a TOC field over levels 1–2, chapters as Überschrift 1 and areas as
 * Überschrift 2, page breaks, shaded matrix cells, page numbers in the footer, and the PNGs from
 * the shared browser in one batch.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import { formatValue } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { areaSteckbrief } from '../profile/profile.service.ts';
import { engines } from '../test/databases.ts';
import { assembleAreaReport } from './assemble-area.ts';
import { columnWidths, LAID_OUT_SECTIONS, renderDocx } from './render-docx.ts';
import { closePdfBrowser, pdfBrowserOpen } from './pdf.ts';
import { INTERNAL_MARK } from './render-html.ts';
import { syntheticReport } from './synthetic-report.ts';
import { STECKBRIEF } from './templates.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };

describe('Steckbrief as Word (.docx)', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engines[0]!.create());
    await loadDemo(db, { seed: 1 });
  });
  afterAll(async () => {
    await closePdfBrowser();
    await drop?.();
  });

  it('has headings, tables with the area numbers, embedded figures and the internal mark', async () => {
    const model = await assembleAreaReport(db, PLANNER, STECKBRIEF, { level: 'sozialraum', area: '101' });
    const profile = await areaSteckbrief(db, PLANNER, 'sozialraum', '101', { years: 5 });
    const files = unzipSync(await renderDocx(model));
    const xml = strFromU8(files['word/document.xml']!);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
    expect(xml).toContain('w:val="Heading1"');
    expect(xml).toContain('<w:tbl>');
    expect(text).toContain(`Steckbrief ${profile.area.name}`);
    for (const key of ['sgb2_quote', 'kinderarmut', 'anteil_65plus']) {
      const i = profile.themes.flatMap((t) => t.indicators).find((x) => x.key === key)!;
      expect(text).toContain(formatValue(i.value.value, i.value.status, i.decimals, i.unit, { unit: false }));
    }
    expect(text).toMatch(/Quelle: .+; Stichtag 31\.12\.2024/);
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    // map + two charts, each as SVG and PNG
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(3);
    expect(media.filter((f) => f.endsWith('.png'))).toHaveLength(3);
    const png = files[media.find((f) => f.endsWith('.png'))!]!;
    expect(png.length).toBeGreaterThan(2000); // something was drawn
    const headers = Object.keys(files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    expect(headers.map((h) => strFromU8(files[h]!)).join('')).toContain(INTERNAL_MARK);
  });

  it('a public report has no internal mark', async () => {
    const model = await assembleAreaReport(db, null, STECKBRIEF, { level: 'sozialraum', area: '101' });
    const files = unzipSync(await renderDocx(model));
    const all = Object.values(files)
      .map((f) => strFromU8(f))
      .join('');
    expect(all).not.toContain(INTERNAL_MARK);
  });
});

describe('Sozialbericht as Word (.docx)', () => {
  const model = syntheticReport({ areas: 3, shapes: 6, districts: 3, internal: true });
  let files: Record<string, Uint8Array>;
  let xml: string;
  beforeAll(async () => {
    await closePdfBrowser();
    files = unzipSync(await renderDocx(model));
    xml = strFromU8(files['word/document.xml']!);
  });
  afterAll(() => closePdfBrowser());

  /** Paragraphs of document.xml with their style and text. */
  const paragraphs = () =>
    [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
      const body = m[1] ?? m[2] ?? '';
      return {
        style: /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null,
        pageBreakBefore: body.includes('<w:pageBreakBefore/>'),
        text: [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
        body,
      };
    });

  it('has a TOC field over levels 1–2 with its page numbers written, so Word does not ask to update', () => {
    expect(xml).toContain('<w:instrText xml:space="preserve">TOC \\h \\o &quot;1-2&quot;</w:instrText>');
    expect(xml).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(strFromU8(files['word/settings.xml']!)).not.toContain('updateFields');
    expect(xml).not.toMatch(/w:dirty="(?:true|1)"/);
  });

  it('defines the headings with outline levels and never skips a level', () => {
    const styles = strFromU8(files['word/styles.xml']!);
    for (const [id, level] of [
      ['Heading1', 0],
      ['Heading2', 1],
      ['Heading3', 2],
    ] as const) {
      const style = new RegExp(`<w:style [^>]*w:styleId="${id}"[\\s\\S]*?</w:style>`).exec(styles)?.[0];
      expect(style, id).toContain(`<w:outlineLvl w:val="${level}"/>`);
    }
    let previous = 0;
    for (const p of paragraphs()) {
      const level = /^Heading(\d)$/.exec(p.style ?? '')?.[1];
      if (!level) continue;
      expect(Number(level), p.text).toBeLessThanOrEqual(previous + 1);
      previous = Number(level);
    }
  });

  it('chapters are Überschrift 1, areas Überschrift 2 below the appendix, each starting a new page', () => {
    const ps = paragraphs();
    const titles = new Set(model.sections.map((s) => s.title));
    const h1 = ps.filter((p) => p.style === 'Heading1').map((p) => p.text);
    const h2 = ps.filter((p) => p.style === 'Heading2' && titles.has(p.text)).map((p) => p.text);
    expect(h1).toEqual(model.sections.filter((s) => s.level === 1).map((s) => s.title));
    expect(h2).toEqual(model.sections.filter((s) => s.level === 2).map((s) => s.title));
    const appendix = ps.findIndex((p) => p.text === 'Steckbriefe der Gebiete');
    expect(ps.findIndex((p) => p.style === 'Heading2' && titles.has(p.text))).toBeGreaterThan(appendix);
    for (const p of ps.filter((x) => titles.has(x.text) && /^Heading[12]$/.test(x.style ?? '')))
      expect(p.pageBreakBefore, p.text).toBe(true);
    // an area's sub-headings are one level below it, and stay out of the TOC (levels 1–2)
    expect(ps.filter((p) => p.text === 'Frühwarnungen').map((p) => p.style)).toEqual([
      'Heading3',
      'Heading3',
      'Heading3',
    ]);
    // page 2 of every two-page Steckbrief starts with a page break
    expect(xml.match(/<w:br w:type="page"\/>/g)).toHaveLength(3);
  });

  it('shades the matrix cells and keeps the numbers as text', () => {
    expect(xml).toContain('w:fill="1A9850"');
    expect(xml).toContain('w:fill="A50026"');
    const text = paragraphs()
      .map((p) => p.text)
      .join('\n');
    expect(text).toContain('Planungsraum 002 im Bezirk 2: Die SGB-II-Quote liegt bei 11,0 %.');
    expect(text).toContain('Quelle: Amt für Statistik, eigene Berechnung; Stichtag 31.12.2024');
  });

  it('numbers the pages in the footer and marks the draft in the header', () => {
    const footers = Object.keys(files).filter((f) => /^word\/footer\d*\.xml$/.test(f));
    const footer = footers.map((f) => strFromU8(files[f]!)).join('');
    expect(footer).toMatch(/PAGE/);
    expect(footer).toMatch(/NUMPAGES/);
    expect(footer).toContain('Seite ');
    const headers = Object.keys(files).filter((f) => /^word\/header\d*\.xml$/.test(f));
    expect(headers.map((h) => strFromU8(files[h]!)).join('')).toContain(INTERNAL_MARK);
  });

  it('embeds every figure as SVG with a PNG rendered by the shared browser', () => {
    const figures = model.sections
      .flatMap((s) => s.blocks)
      .filter((b) => b.kind === 'map' || b.kind === 'chart');
    const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
    expect(media.filter((f) => f.endsWith('.svg'))).toHaveLength(figures.length);
    const pngs = media.filter((f) => f.endsWith('.png'));
    expect(pngs).toHaveLength(figures.length);
    for (const f of pngs) {
      const png = files[f]!;
      // IHDR: width at byte 16, big-endian; 567 CSS pixels at device scale 2
      expect(new DataView(png.buffer, png.byteOffset).getUint32(16)).toBe(1134);
    }
    expect(pdfBrowserOpen()).toBe(true); // the one browser of pdf.ts did it
  });
});

describe('TOC page numbers by report size', () => {
  const chapters = (n: number) =>
    Array.from({ length: n }, (_, i) => ({
      id: `kapitel-${i + 1}`,
      title: `Kapitel ${i + 1}`,
      level: 1 as const,
      pageBreak: false,
      blocks: [{ kind: 'paragraph' as const, text: `Text des Kapitels ${i + 1}.` }],
    }));
  const render = async (sections: number, toc: boolean) => {
    const model = { ...syntheticReport({ areas: 0, toc }), sections: chapters(sections), toc };
    const files = unzipSync(await renderDocx(model));
    return {
      xml: strFromU8(files['word/document.xml']!),
      settings: strFromU8(files['word/settings.xml']!),
    };
  };
  /** TOC entries whose PAGEREF field holds a page number between its separate and end marks. */
  const numberedEntries = (xml: string) =>
    [
      ...xml.matchAll(/PAGEREF _Toc\d+ \\h<\/w:instrText>([\s\S]*?)<w:fldChar w:fldCharType="end"\/>/g),
    ].filter((m) => /<w:t(?: [^>]*)?>\d+<\/w:t>/.test(m[1]!)).length;
  afterAll(() => closePdfBrowser());

  it('lays out the TOC of a report up to the limit, with page numbers and no update prompt', async () => {
    const { xml, settings } = await render(LAID_OUT_SECTIONS, true);
    expect(settings).not.toContain('updateFields');
    // every TOC entry's PAGEREF field carries its page number as result
    expect(numberedEntries(xml)).toBe(LAID_OUT_SECTIONS);
  }, 300_000);

  it('lets Word fill the TOC of a longer report, so it is written in seconds', async () => {
    const { xml, settings } = await render(LAID_OUT_SECTIONS + 1, true);
    expect(settings).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
    expect(xml.includes('TOC \\h \\o &quot;1-2&quot;')).toBe(true);
    expect(numberedEntries(xml)).toBe(0);
  }, 300_000);

  it('a report without contents neither lays out nor asks to update', async () => {
    const { xml, settings } = await render(3, false);
    expect(settings).not.toContain('updateFields');
    expect(xml.includes('TOC \\h')).toBe(false);
  }, 300_000);
});

describe('columnWidths', () => {
  it('gives every column room for its longest word and fills the text width', () => {
    const rows = [
      ['Indikator', 'Wert', 'Stadt'],
      ['Alleinerziehendenanteil an den Haushalten mit Kindern', '12,3', '10,1'],
      ['SGB-II-Quote', '9,8', '11,0'],
    ];
    const widths = columnWidths(rows, 9866);
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(9866, -1);
    // „Alleinerziehendenanteil“: 23 characters at ~95 twips plus padding
    expect(widths[0]).toBeGreaterThan(23 * 95 + 230);
    expect(widths[0]).toBeGreaterThan(widths[1]! * 3);
  });

  it('shrinks proportionally when even the longest words do not fit', () => {
    const widths = columnWidths([['a'.repeat(60), 'b'.repeat(60)]], 9866);
    expect(widths).toEqual([4933, 4933]);
  });
});
