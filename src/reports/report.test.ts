/**
 * The Steckbrief report of a demo area (Musterstadt, seed 1): the model carries the profile's
 * numbers German-formatted with a source + Stichtag line under every table and figure; public
 * reports never show unprotected values; the HTML is compared with golden files (`REGEN=1`
 * rewrites them); the PDF text (pdftotext) contains the area name and its numbers.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import { formatValue } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { areaSteckbrief } from '../profile/profile.service.ts';
import { engines } from '../test/databases.ts';
import { expectGolden } from '../test/golden.ts';
import { assembleAreaReport } from './assemble-area.ts';
import { reportHash, type ReportModel, type ReportTable } from './report-model.ts';
import { closePdfBrowser } from './pdf.ts';
import { INTERNAL_MARK, renderHtml } from './render-html.ts';
import { renderReportPdf } from './render-pdf.ts';
import { STECKBRIEF } from './templates.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };
const AREA = { level: 'sozialraum', area: '101' };
const DIR = new URL('./golden/', import.meta.url);

const golden = (name: string, text: string) => expectGolden(new URL(name, DIR), text);

const tables = (m: ReportModel) =>
  m.sections.flatMap((s) => s.blocks).filter((b): b is ReportTable => b.kind === 'table');

function pdfToText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-report-test-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), pdf);
    return execFileSync('pdftotext', ['-layout', join(dir, 'r.pdf'), '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(engines)('Steckbrief report ($name)', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 1 });
  });
  afterAll(() => drop?.());

  it('fills every block from the area profile, with a source and Stichtag line under tables and figures', async () => {
    const model = await assembleAreaReport(db, PLANNER, STECKBRIEF, AREA);
    const profile = await areaSteckbrief(db, PLANNER, AREA.level, AREA.area, { years: 5 });
    expect(model.internal).toBe(true);
    expect(model.title).toBe(`Steckbrief ${profile.area.name}`);
    const blocks = model.sections.flatMap((s) => s.blocks);
    expect(blocks.map((b) => b.kind)).toEqual(expect.arrayContaining(['map', 'chart', 'table', 'paragraph']));
    const json = JSON.stringify(model);
    expect(json).not.toMatch(/\{(area|indicator|date)[^}]*\}/); // every placeholder resolved
    const stichtag = profile.date.split('-').reverse().join('.');
    for (const b of blocks)
      if (b.kind === 'table' || b.kind === 'map' || b.kind === 'chart')
        expect(b.source).toMatch(new RegExp(`^Quelle: .+; Stichtag ${stichtag.replace(/\./g, '\\.')}$`));

    // the indicator table shows the profile's numbers for area, district and city
    const sgb2 = profile.themes.flatMap((t) => t.indicators).find((i) => i.key === 'sgb2_quote')!;
    const table = tables(model)[0]!;
    const row = table.rows.find((r) => r[0]!.startsWith(sgb2.name))!;
    const fmt = (c: { value: number | null; status: typeof sgb2.value.status }) =>
      formatValue(c.value, c.status, sgb2.decimals, sgb2.unit, { unit: false });
    expect(row.slice(1, 4)).toEqual([fmt(sgb2.value), fmt(sgb2.district!), fmt(sgb2.city)]);
    expect(row[1]).toMatch(/^\d+,\d$/);
    const intro = blocks.find((b) => b.kind === 'paragraph')!;
    expect(intro.kind === 'paragraph' && intro.text).toContain(`liegt bei ${fmt(sgb2.value)}\u00a0%`);

    // the map has every area, exactly one highlighted, and classes for areas with values
    const map = blocks.find((b) => b.kind === 'map')!;
    if (map.kind !== 'map') throw new Error('no map');
    expect(map.shapes).toHaveLength(62);
    expect(map.shapes.filter((s) => s.highlight).map((s) => s.key)).toEqual([AREA.area]);
    expect(map.shapes.filter((s) => s.cls !== null).length).toBeGreaterThan(50);
  });

  it('public report: protected values only, no internal mark; planner draft carries the mark', async () => {
    const pub = await assembleAreaReport(db, null, STECKBRIEF, AREA);
    const profile = await areaSteckbrief(db, null, AREA.level, AREA.area, { years: 5 });
    expect(pub.internal).toBe(false);
    const expected = profile.themes
      .flatMap((t) => t.indicators)
      .map((i) => formatValue(i.value.value, i.value.status, i.decimals, i.unit, { unit: false }));
    expect(tables(pub)[0]!.rows.map((r) => r[1])).toEqual(expected);
    expect(renderHtml(pub)).not.toContain(INTERNAL_MARK);
    const draftModel = await assembleAreaReport(db, PLANNER, STECKBRIEF, AREA);
    expect(renderHtml(draftModel)).toContain(`<div class="internal">${INTERNAL_MARK}</div>`);

    // reproducible: same data version → same content hash; protection changes the content
    expect(pub.dataVersion).toMatch(/^\d+$/);
    expect(reportHash(await assembleAreaReport(db, null, STECKBRIEF, AREA))).toBe(reportHash(pub));
    expect(reportHash(draftModel)).not.toBe(reportHash(pub));
  });

  it('HTML of the public Steckbrief matches the golden file', async () => {
    // same data on every engine, so one golden file for all of them
    const html = renderHtml(await assembleAreaReport(db, null, STECKBRIEF, AREA));
    expect(html).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // self-contained
    golden('steckbrief-sozialraum-101-public.golden.html', html);
  });
});

describe('Steckbrief PDF', () => {
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

  it('contains the area name, its numbers and page numbers (pdftotext)', async () => {
    const model = await assembleAreaReport(db, PLANNER, STECKBRIEF, AREA);
    const profile = await areaSteckbrief(db, PLANNER, AREA.level, AREA.area, { years: 5 });
    const text = pdfToText(await renderReportPdf(model));
    expect(text).toContain(`Steckbrief ${profile.area.name}`);
    expect(text).toContain(INTERNAL_MARK);
    expect(text).toMatch(/Seite 1 von \d+/);
    for (const key of ['sgb2_quote', 'kinderarmut', 'anteil_65plus']) {
      const i = profile.themes.flatMap((t) => t.indicators).find((x) => x.key === key)!;
      expect(text).toContain(formatValue(i.value.value, i.value.status, i.decimals, i.unit, { unit: false }));
    }
  });
});
