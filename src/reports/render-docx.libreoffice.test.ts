/**
 * Our Word files as LibreOffice reads them (the office suite of many municipalities): it finds
 * every heading at its outline level, shows the table of contents with the page numbers where
 * the headings really are in its own layout, counts the pages in the footer as it lays them out,
 * and the indicator column of a Steckbrief is wide enough that no word is broken.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { engines } from '../test/databases.ts';
import { convertWithLibreOffice } from '../test/libreoffice.ts';
import { pdfFile } from '../test/poppler.ts';
import { assembleAreaReport } from './assemble-area.ts';
import { closePdfBrowser } from './pdf.ts';
import { renderDocx } from './render-docx.ts';
import type { ReportModel, ReportTable } from './report-model.ts';
import { syntheticReport } from './synthetic-report.ts';
import { STECKBRIEF } from './templates.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };

/** Headings of an ODT (content.xml) with their outline level. */
function odtHeadings(odt: Uint8Array): { level: number; text: string }[] {
  const xml = strFromU8(unzipSync(odt)['content.xml']!);
  return [...xml.matchAll(/<text:h [^>]*text:outline-level="(\d)"[^>]*>([\s\S]*?)<\/text:h>/g)].map((m) => ({
    level: Number(m[1]),
    text: m[2]!.replace(/<[^>]+>/g, '').trim(),
  }));
}

/** The headings a report model should have: each section's title, its sub-headings one level below. */
const outline = (model: ReportModel) =>
  model.sections.flatMap((s) => [
    { level: s.level, text: s.title },
    ...s.blocks.flatMap((b) => (b.kind === 'heading' ? [{ level: s.level + 1, text: b.text }] : [])),
  ]);

describe('Sozialbericht (.docx) in LibreOffice', () => {
  const model = syntheticReport({ areas: 4, shapes: 6, districts: 2, internal: false });
  let headings: { level: number; text: string }[];
  let pages: string[];
  beforeAll(async () => {
    const docx = await renderDocx(model);
    headings = odtHeadings(convertWithLibreOffice(docx, 'bericht.docx', 'odt'));
    const file = pdfFile(convertWithLibreOffice(docx, 'bericht.docx', 'pdf'));
    try {
      pages = file.pageTexts();
    } finally {
      file.dispose();
    }
  }, 600_000);
  afterAll(() => closePdfBrowser());

  it('sees chapters at level 1, areas at level 2 and every sub-heading one level below its section', () => {
    expect(headings).toEqual(outline(model));
  });

  it('shows the TOC with the page where each heading is in its own layout', () => {
    const toc = pages[0]!;
    for (const s of model.sections) {
      const entry = new RegExp(`${s.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*\\.*\\s*(\\d+)`).exec(
        toc,
      );
      expect(entry, s.title).not.toBeNull();
      const page = pages.findIndex((p, i) => i > 0 && p.split('\n').some((l) => l.trim() === s.title));
      expect(Number(entry![1]), s.title).toBe(page + 1);
    }
  });

  it('numbers the pages „Seite n von N“ with N the pages it lays out', () => {
    pages.forEach((p, i) => expect(p).toContain(`Seite ${i + 1} von ${pages.length}`));
  });
});

describe('Steckbrief (.docx) in LibreOffice', () => {
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

  it('breaks no word of a table cell: the columns are as wide as their words', async () => {
    const model = await assembleAreaReport(db, PLANNER, STECKBRIEF, { level: 'sozialraum', area: '101' });
    const file = pdfFile(convertWithLibreOffice(await renderDocx(model), 'steckbrief.docx', 'pdf'));
    let text: string;
    try {
      text = file.pageTexts().join('\n');
    } finally {
      file.dispose();
    }
    const words = model.sections
      .flatMap((s) => s.blocks)
      .filter((b): b is ReportTable => b.kind === 'table')
      .flatMap((t) => [t.columns, ...t.rows].flatMap((r) => r.flatMap((c) => c.split(/\s+/))))
      .filter((w) => w.length >= 8);
    expect(words.length).toBeGreaterThan(10);
    for (const w of new Set(words)) expect(text, w).toContain(w);
  }, 600_000);
});
