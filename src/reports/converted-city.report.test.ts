/**
 * The „umgerechnet“ mark on city and district values in reports, on every engine: the city's
 * indicator table, the series of the city and its districts, and „Kreis im Vergleich“ mark a
 * value summed from converted counts where the conversion did not keep the old total (see
 * src/indicators/converted-aggregates.ts), with one footnote, and leave exact totals unmarked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '../auth/auth.schema.ts';
import type { Db } from '../db/db.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { engines } from '../test/databases.ts';
import { convertedCity } from '../test/converted-city.ts';
import { assembleAreaReport } from './assemble-area.ts';
import { assembleCityReport } from './assemble-city.ts';
import { kreisComparisonBlocks } from './kreis-comparison.ts';
import type { ReportBlock, ReportChart, ReportModel, ReportTable } from './report-model.ts';
import { KreisComparisonBlock, ReportTemplate } from './report.schema.ts';
import { renderHtml } from './render-html.ts';

const PLANNER: User = { id: 0, username: 'report', displayName: 'Report', role: 'planner' };
const NOTE = '¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)';

const CITY = ReportTemplate.parse({
  key: 'umgerechnet_stadt_werte',
  name: 'Bericht',
  scope: 'city',
  title: 'Bericht',
  chapters: [
    {
      title: 'Zahlen',
      blocks: [
        { type: 'indicator_table', indicators: ['einwohner'] },
        { type: 'chart', indicator: 'einwohner' },
      ],
    },
  ],
});

const AREA = ReportTemplate.parse({
  key: 'umgerechnet_summen',
  name: 'Steckbrief',
  scope: 'area',
  title: 'Steckbrief {area.name}',
  chapters: [{ title: 'Zahlen', blocks: [{ type: 'indicator_table', indicators: ['einwohner'] }] }],
});

const blocksOf = (model: ReportModel) => model.sections.flatMap((s) => s.blocks);
const table = (blocks: ReportBlock[]) => blocks.find((b): b is ReportTable => b.kind === 'table')!;
const chart = (model: ReportModel) => blocksOf(model).find((b): b is ReportChart => b.kind === 'chart')!;

describe.each(engines)('umgerechnet on city and district values in reports on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await convertedCity(db);
  }, 120_000);
  afterAll(async () => {
    await drop?.();
  });

  const city = (date: string) => assembleCityReport(db, PLANNER, CITY, { level: 'planungsraum', date });

  it('marks the city value, its change and the extremes of the city table where converted', async () => {
    // 31.12.2020: L's own count is summed with converted ones; M (highest) and C2 (lowest) converted
    const [row] = table(blocksOf(await city('2020-12-31'))).rows;
    expect(row![1]).toBe('200¹');
    expect(row![2]).toMatch(/^\+20.*¹$/);
    expect(row![3]).toMatch(/^Gebiet C2 \(30.*\)¹$/);
    expect(row![4]).toMatch(/^Gebiet M \(85.*\)¹$/);
    expect(table(blocksOf(await city('2020-12-31'))).footnotes).toEqual([NOTE]);
    // 30.06.2021: counted; the change compares with the converted 200
    const [now] = table(blocksOf(await city('2021-06-30'))).rows;
    expect(now!.slice(1, 2)).toEqual(['471']);
    expect(now![2]).toMatch(/¹$/);
    expect(now![3]).not.toContain('¹');
    // 31.12.2019: every area converted; the city total is the old count, the areas are estimates
    const [old] = table(blocksOf(await city('2019-12-31'))).rows;
    expect(old![1]).toBe('180');
  });

  it('marks the district and city columns of a Steckbrief where their sums are converted', async () => {
    const row = async (area: string, date: string) =>
      table(
        blocksOf(await assembleAreaReport(db, PLANNER, AREA, { level: 'planungsraum', area, date })),
      ).rows[0]!.slice(1, 4);
    // area, district, city: P1 sums L's count with converted values, P2 is C2's exact old total
    expect(await row('M', '2020-12-31')).toEqual(['85¹', '170¹', '200¹']);
    expect(await row('C2', '2020-12-31')).toEqual(['30¹', '30', '200¹']);
    expect(await row('M', '2019-12-31')).toEqual(['75¹', '150', '180']);
  });

  it('marks the years of the city and district series with converted sums', async () => {
    const model = await city('2021-06-30');
    // P1 and the city sum L's count with converted values only at 31.12.2020
    expect(chart(model).labels).toEqual(['2019', '2020¹', '2021']);
    expect(chart(model).footnotes).toEqual([NOTE]);
    expect(renderHtml(model)).toContain(NOTE);
  });

  it('marks converted Gemeinde values and a converted Kreis value in „Kreis im Vergleich“', async () => {
    const input = {
      table: await loadLevelTable(db, PLANNER, 'planungsraum'),
      levelName: 'Gemeinde',
      kreisName: 'Musterland',
      kreisLevelName: 'Kreis',
    };
    const b = KreisComparisonBlock.parse({ type: 'kreis_comparison', indicators: ['einwohner'] });
    const converted = table(kreisComparisonBlocks(b, { ...input, date: '2020-12-31' }));
    expect(converted.rows.map((r) => r.slice(1))).toEqual([
      ['Gebiet M', '85¹'],
      ['Gebiet L', '55'],
      ['Gebiet C2', '30¹'],
      ['Gebiet R', '30¹'],
      ['Kreis Musterland', '200¹'],
    ]);
    expect(converted.footnotes).toEqual([NOTE]);
    // the Kreis total of 31.12.2019 is the old counted total: only the Gemeinden are marked
    const old = table(kreisComparisonBlocks(b, { ...input, date: '2019-12-31' }));
    expect(old.rows.at(-1)!.slice(1)).toEqual(['Kreis Musterland', '180']);
    expect(old.rows.slice(0, -1).every((r) => r[2]!.endsWith('¹'))).toBe(true);
    const counted = table(kreisComparisonBlocks(b, { ...input, date: '2021-06-30' }));
    expect(counted.footnotes).toBeUndefined();
    expect(counted.rows.every((r) => !r.join('').includes('¹'))).toBe(true);
  });
});
