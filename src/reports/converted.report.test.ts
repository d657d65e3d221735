/**
 * The „umgerechnet“ mark in reports, on every engine: tables and series of a Steckbrief and of a
 * city report mark values converted from an earlier Gebietsstand with a footnote marker and say
 * once under the table what it means — in the HTML (and so the PDF) and in Word alike — and
 * leave counted values unmarked.
 */
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import type { Db } from '../db/db.ts';
import { engines } from '../test/databases.ts';
import { convertedCity } from '../test/converted-city.ts';
import { assembleAreaReport } from './assemble-area.ts';
import { assembleCityReport } from './assemble-city.ts';
import type { ReportChart, ReportModel, ReportTable } from './report-model.ts';
import { ReportTemplate } from './report.schema.ts';
import { pdfFile } from '../test/poppler.ts';
import { closePdfBrowser } from './pdf.ts';
import { renderDocx } from './render-docx.ts';
import { renderReportPdf } from './render-pdf.ts';
import { renderHtml } from './render-html.ts';
import { upsertRules } from '../warnings/warning.repository.ts';
import { WarningRule } from '../warnings/warning.schema.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };
const NOTE = '¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)';

const AREA = ReportTemplate.parse({
  key: 'umgerechnet',
  name: 'Steckbrief',
  scope: 'area',
  title: 'Steckbrief {area.name}',
  chapters: [
    {
      title: 'Zahlen',
      blocks: [
        { type: 'indicator_table', indicators: ['einwohner'] },
        { type: 'ranking', indicator: 'einwohner', around: 3 },
        { type: 'chart', indicator: 'einwohner' },
        { type: 'findings', limit: 5 },
      ],
    },
  ],
});

const CITY = ReportTemplate.parse({
  key: 'umgerechnet_stadt',
  name: 'Bericht',
  scope: 'city',
  title: 'Bericht',
  chapters: [{ title: 'Frühwarnung', blocks: [{ type: 'warnings', limit: 30 }] }],
});

const blocksOf = (model: ReportModel) => model.sections.flatMap((s) => s.blocks);
const tables = (model: ReportModel) => blocksOf(model).filter((b): b is ReportTable => b.kind === 'table');
const chart = (model: ReportModel) => blocksOf(model).find((b): b is ReportChart => b.kind === 'chart')!;
/** The model without its chart: Word figures need the PDF browser for their PNG fallback. */
const withoutFigures = (model: ReportModel): ReportModel => ({
  ...model,
  sections: model.sections.map((s) => ({ ...s, blocks: s.blocks.filter((b) => b.kind !== 'chart') })),
});
const wordText = async (model: ReportModel) => {
  const xml = strFromU8(unzipSync(await renderDocx(model))['word/document.xml']!);
  return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('\n');
};

describe.each(engines)('umgerechnet in reports on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await convertedCity(db);
    // a warning on every area with more than 10 inhabitants, so each Stichtag has entries
    await db.query(`DELETE FROM warning_rule`);
    await upsertRules(
      db,
      [
        WarningRule.parse({
          key: 'ew_ueber_10',
          name: 'über 10',
          severity: 'mittel',
          kind: 'threshold',
          indicator: 'einwohner',
          direction: 'above',
          value: 10,
          crossing: false,
        }),
      ],
      null,
    );
  }, 120_000);
  afterAll(async () => {
    await closePdfBrowser();
    await drop?.();
  });

  const area = (key: string, date: string) =>
    assembleAreaReport(db, PLANNER, AREA, { level: 'planungsraum', area: key, date });

  it('marks a converted value of the area and its footnote, in HTML and Word', async () => {
    const model = await area('M', '2020-12-31');
    const [indicators, ranking] = tables(model);
    expect(indicators!.rows[0]![1]).toBe('85¹');
    expect(indicators!.footnotes).toEqual([NOTE]);
    // the ranking marks every converted area; L was counted at this Stichtag
    expect(ranking!.rows.map((r) => [r[1], r[2]])).toEqual([
      ['Gebiet M', '85¹'],
      ['Gebiet L', '55'],
      ['Gebiet C2', '30¹'],
      ['Gebiet R', '30¹'],
    ]);
    expect(ranking!.footnotes).toEqual([NOTE]);
    const html = renderHtml(model);
    expect(html).toContain(`<div class="source footnote">${NOTE}</div>`);
    expect(html).toContain('<td class="num">85¹</td>');
    // the findings say it in the sentence of the warning
    const findings = blocksOf(model).find((b) => b.kind === 'list');
    expect(findings).toMatchObject({
      items: [
        expect.stringMatching(
          / \(Wert vom 31\.12\.2020 umgerechnet vom Gebietsstand 01\.01\.2000 \(flächengewichtet\)\)\.$/,
        ),
      ],
    });
    const word = await wordText(withoutFigures(model));
    expect(word).toContain('85¹');
    expect(word).toContain(NOTE);
  });

  it('marks a change across the Gebietsstand change and the converted years of a series', async () => {
    const m = await area('M', '2021-06-30');
    const [indicators, ranking] = tables(m);
    // 100 was counted; the change compares it with the converted 85
    expect(indicators!.rows[0]!.slice(1, 2)).toEqual(['100']);
    expect(indicators!.rows[0]!.at(-1)).toBe('+15\u00a0Personen¹');
    expect(indicators!.footnotes).toEqual([NOTE]);
    expect(ranking!.footnotes).toBeUndefined();
    expect(ranking!.rows.every((r) => !r[2]!.includes('¹'))).toBe(true);
    expect(chart(m).labels).toEqual(['2019¹', '2020¹', '2021']);
    expect(chart(m).footnotes).toEqual([NOTE]);
    expect(renderHtml(m)).toContain('2019¹');
    // L's own count at 31.12.2020: its change is between counted values, only 2019 was converted
    const l = await area('L', '2021-06-30');
    expect(tables(l)[0]!.footnotes).toBeUndefined();
    expect(tables(l)[0]!.rows[0]!.at(-1)).toBe('+245\u00a0Personen');
    expect(chart(l).labels).toEqual(['2019¹', '2020', '2021']);
    const counted = renderHtml(l);
    expect(counted.match(/class="source footnote"/g)).toHaveLength(1);
  });

  it('marks warnings from converted values in the city report, in HTML and Word', async () => {
    const old = await assembleCityReport(db, PLANNER, CITY, { level: 'planungsraum', date: '2020-12-31' });
    const [warnings] = tables(old);
    const reasons = new Map(warnings!.rows.map((r) => [r[0]!, r[3]!]));
    expect(reasons.get('Gebiet L')).not.toContain('¹');
    for (const key of ['Gebiet M', 'Gebiet R', 'Gebiet C2']) expect(reasons.get(key)).toMatch(/¹$/);
    expect(warnings!.footnotes).toEqual([NOTE]);
    expect(renderHtml(old)).toContain(NOTE);
    expect(await wordText(old)).toContain(NOTE);
    const now = await assembleCityReport(db, PLANNER, CITY, { level: 'planungsraum', date: '2021-06-30' });
    expect(tables(now)[0]!.footnotes).toBeUndefined();
    expect(renderHtml(now)).not.toContain('umgerechnet');
  });

  // the PDF is printed from the same HTML, but the superscript must survive the print
  it('prints the mark and its footnote into the PDF', async () => {
    const file = pdfFile(await renderReportPdf(await area('M', '2020-12-31')));
    try {
      const text = file.pageTexts().join('\n');
      expect(text).toContain('85¹');
      expect(text).toContain(NOTE);
    } finally {
      file.dispose();
    }
  });
});
