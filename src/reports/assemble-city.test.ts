/**
 * City reports of the demo city (Musterstadt, seed 1): the Sozialbericht has the chapters the issue
 * names, the city's numbers from the level table, the monitoring findings from the index, and one
 * two-page Steckbrief per Sozialraum; public reports carry no unprotected value; the
 * Beschlussvorlage draws its Sachverhalt from the monitoring.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import { formatValue } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { loadDemo } from '../demo/load-demo.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { indexResult } from '../indices/index.service.ts';
import { engines } from '../test/databases.ts';
import { expectGolden } from '../test/golden.ts';
import { assembleReport } from './assemble-report.ts';
import { reportHash, type ReportBlock, type ReportModel, type ReportTable } from './report-model.ts';
import { ReportTemplate } from './report.schema.ts';
import { renderHtml } from './render-html.ts';
import { BESCHLUSSVORLAGE, SOZIALBERICHT, STECKBRIEF_KURZ } from './templates.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };

const DIR = new URL('./golden/', import.meta.url);

const golden = (name: string, text: string) => expectGolden(new URL(name, DIR), text);

const blocksOf = (m: ReportModel, title: string): ReportBlock[] =>
  m.sections.find((s) => s.title === title)?.blocks ?? [];
const tablesOf = (blocks: ReportBlock[]) => blocks.filter((b): b is ReportTable => b.kind === 'table');
const textOf = (blocks: ReportBlock[]) =>
  blocks
    .map((b) =>
      b.kind === 'paragraph' || b.kind === 'note' ? b.text : b.kind === 'list' ? b.items.join(' ') : '',
    )
    .join(' ');

describe.each(engines)('city reports ($name)', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  let pub: ReportModel;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await loadDemo(db, { seed: 1 });
    pub = await assembleReport(db, null, SOZIALBERICHT, {});
  }, 120_000);
  afterAll(() => drop?.());

  it('Sozialbericht: the chapters of the issue, then one two-page Steckbrief per Sozialraum', async () => {
    const chapters = pub.sections.filter((s) => s.level === 1).map((s) => s.title);
    expect(chapters).toEqual([
      'Einleitung',
      'Demografie',
      'Soziale Lage und Transferleistungen',
      'Arbeit',
      'Kinder und Jugend',
      'Alter und Pflege',
      'Integration',
      'Sozialmonitoring',
      'Beteiligung',
      'Maßnahmen und Wirkung',
      'Steckbriefe der Gebiete',
    ]);
    const table = await loadLevelTable(db, null, 'sozialraum');
    const profiles = pub.sections.filter((s) => s.level === 2);
    expect(profiles.map((s) => s.id)).toEqual(table.areas.map((a) => `gebiet-${a.key}`));
    for (const s of profiles) {
      expect(s.pages).toBe(2);
      expect(s.pageBreak).toBe(true);
      expect(s.blocks.filter((b) => b.kind === 'pagebreak')).toHaveLength(1);
    }
    expect(pub.toc).toBe(true);
    expect(pub.internal).toBe(false);
    expect(pub.target).toEqual({
      template: 'sozialbericht',
      level: 'sozialraum',
      area: null,
      date: '2024-12-31',
    });
  });

  it('city tables show the city values of the level table and the lowest and highest area', async () => {
    const table = await loadLevelTable(db, null, 'sozialraum');
    const d = table.dates.indexOf(pub.date);
    const [kennzahlen] = tablesOf(blocksOf(pub, 'Soziale Lage und Transferleistungen'));
    const grid = table.grids.get('sgb2_quote')!;
    const row = kennzahlen!.rows.find((r) => r[0] === 'SGB-II-Quote (%)')!;
    const city = grid.city[d]!;
    expect(row[1]).toBe(formatValue(city.value, city.status, 1, '%', { unit: false }));
    const values = table.areas
      .map((a, k) => ({ a, c: grid.cells[d]![k]! }))
      .filter((x) => x.c.value !== null);
    const max = values.reduce((m, x) => (x.c.value! > m.c.value! ? x : m));
    expect(row[4]).toBe(`${max.a.name} (${formatValue(max.c.value, 'value', 1, '%')})`);
    // every table and figure has its source and Stichtag line
    for (const s of pub.sections)
      for (const b of s.blocks)
        if (b.kind === 'table' || b.kind === 'map' || b.kind === 'chart')
          expect(b.source).toMatch(/^Quelle: .+; Stichtag \d\d\.\d\d\.\d{4}/);
  });

  it('Sozialmonitoring: the status/dynamics matrix and the findings agree with the index', async () => {
    const result = await indexResult(db, null, 'berlin_mss', 'sozialraum', pub.date);
    const blocks = blocksOf(pub, 'Sozialmonitoring');
    const matrix = tablesOf(blocks)[0]!;
    const total = matrix.rows.reduce((n, r) => n + Number(r.at(-1)), 0);
    expect(total).toBe(result.areas.filter((a) => a.valid).length);
    const worst = result.areas.filter((a) => a.valid && a.parts.status?.class === '4').map((a) => a.name);
    expect(worst.length).toBeGreaterThan(0);
    const text = textOf(blocks);
    for (const name of worst) expect(text).toContain(name);
    expect(blocks.some((b) => b.kind === 'map' && b.title.includes('Status-Index'))).toBe(true);
    expect(text).toMatch(/In 1\.000 Simulationen .* behalten \d+ von \d+ Gebieten ihre Klassen/);
  });

  it('public report: secret cells stay secret in every Steckbrief; the planner draft is internal', async () => {
    const table = await loadLevelTable(db, null, 'sozialraum');
    const d = table.dates.indexOf(pub.date);
    let checked = 0;
    for (const grid of table.grids.values())
      grid.cells[d]!.forEach((c, k) => {
        if (c.status !== 'secret') return;
        const section = pub.sections.find((s) => s.id === `gebiet-${table.areas[k]!.key}`)!;
        const row = tablesOf(section.blocks)[0]!.rows.find((r) => r[0]!.startsWith(grid.indicator.name))!;
        expect(row[1]).toBe('·');
        checked++;
      });
    expect(checked).toBeGreaterThan(0);
    const draft = await assembleReport(db, PLANNER, BESCHLUSSVORLAGE, {});
    expect(draft.internal).toBe(true);
  });

  it('same data version → same content hash', async () => {
    const again = await assembleReport(db, null, SOZIALBERICHT, {});
    expect(again.dataVersion).toBe(pub.dataVersion);
    expect(reportHash(again)).toBe(reportHash(pub));
  }, 60_000);

  it('Beschlussvorlage: Betreff, Beschlussvorschlag, Sachverhalt from the monitoring, Finanzen, Anlagen', async () => {
    const m = await assembleReport(db, null, BESCHLUSSVORLAGE, {});
    expect(m.sections.map((s) => s.title)).toEqual([
      'Betreff',
      'Beschlussvorschlag',
      'Sachverhalt',
      'Finanzielle Auswirkungen',
      'Anlagen',
    ]);
    const result = await indexResult(db, null, 'berlin_mss', 'sozialraum', m.date);
    const both = result.areas.filter(
      (a) => a.valid && a.parts.status?.class === '4' && a.parts.dynamics?.class === '-',
    );
    const sachverhalt = textOf(blocksOf(m, 'Sachverhalt'));
    expect(sachverhalt).toContain('Besonderer Handlungsbedarf');
    for (const a of both) expect(sachverhalt).toContain(a.name);
    expect(sachverhalt).toMatch(/Die SGB-II-Quote der Stadt liegt bei \d+,\d\s%/);
    expect(textOf(blocksOf(m, 'Finanzielle Auswirkungen'))).toContain('[Betrag]');
  });

  it('a theme the city lacks gives a note, not a failed report; level and Stichtag can be chosen', async () => {
    const t = ReportTemplate.parse({
      key: 'probe',
      name: 'Probe',
      scope: 'city',
      title: '{city.name} nach {level.name}',
      chapters: [
        {
          title: 'Wohnen',
          blocks: [
            { type: 'map', theme: 'Gibt es nicht' },
            { type: 'text', text: 'Höchster Wert: {indicator:sgb2_quote.max}; {areas.count} Gebiete.' },
          ],
        },
      ],
    });
    const m = await assembleReport(db, null, t, { level: 'stadtbezirk', date: '2020-12-31' });
    expect(m.title).toBe('Musterstadt nach Stadtbezirken');
    expect(m.sections[0]!.blocks[0]).toEqual({
      kind: 'note',
      text: 'Zum Thema „Gibt es nicht“ liegen keine Indikatoren vor.',
    });
    expect(textOf(m.sections[0]!.blocks)).toMatch(/Höchster Wert: .+ \(\d+,\d\s%\); 6 Gebiete\./);
    expect(m.date).toBe('2020-12-31');
  });

  it('HTML of the public Sozialbericht (Stadtbezirke) and the Beschlussvorlage match the golden files', async () => {
    const bericht = renderHtml(await assembleReport(db, null, SOZIALBERICHT, { level: 'stadtbezirk' }));
    expect(bericht).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/); // self-contained
    golden('sozialbericht-stadtbezirke-public.golden.html', bericht);
    golden(
      'beschlussvorlage-public.golden.html',
      renderHtml(await assembleReport(db, null, BESCHLUSSVORLAGE, {})),
    );
  }, 60_000);

  it('area templates know the city too: {city.name}', async () => {
    const t = ReportTemplate.parse({
      ...STECKBRIEF_KURZ,
      key: 'stadt',
      title: '{area.name} in {city.name}',
      chapters: [{ title: 'x', blocks: [{ type: 'text', text: '{city.name}, {date}' }] }],
    });
    const m = await assembleReport(db, null, t, { area: '101' });
    expect(m.title).toBe('Altstadt in Musterstadt');
    expect(m.sections[0]!.blocks[0]).toEqual({ kind: 'paragraph', text: 'Musterstadt, 31.12.2024' });
  });

  it('an area template cannot hold the appendix of all areas', async () => {
    const t = ReportTemplate.parse({
      ...STECKBRIEF_KURZ,
      key: 'falsch',
      chapters: [{ title: 'x', blocks: [{ type: 'area_profiles' }] }],
    });
    await expect(assembleReport(db, null, t, { area: '101' })).rejects.toMatchObject({
      code: 'reports.block_scope',
    });
    await expect(assembleReport(db, null, STECKBRIEF_KURZ, {})).rejects.toMatchObject({
      code: 'reports.area_required',
    });
  });
});
