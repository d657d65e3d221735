/**
 * The Steckbrief as Word: the .docx (a zip) holds real headings, tables with the area's numbers
 * in word/document.xml, the figures as SVG with PNG fallback, and the internal mark in the header.
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
import { renderDocx } from './render-docx.ts';
import { INTERNAL_MARK } from './render-html.ts';
import { STECKBRIEF } from './templates.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };

describe('Steckbrief as Word (.docx)', () => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engines[0]!.create());
    await loadDemo(db, { seed: 1 });
  });
  afterAll(() => drop?.());

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
