/**
 * The analysis API on every engine with the demo city: statistics table as JSON, CSV and XLSX
 * (planner with counts, public protected without), and the Kennblatt as PDF (text checked with
 * pdftotext).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Indicator, IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { StatTable } from './table.schema.ts';

const LATEST = '2024-12-31';
const url = (query: string) => `/api/analysis/table?${query}`;

describe.each(engines)('analysis API ($name)', (engine) => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  const get = async (path: string, cookie?: string) =>
    t.app.inject({ url: path, headers: cookie ? { cookie } : {} });
  const json = async <T>(path: string, cookie?: string) => {
    const res = await get(path, cookie);
    expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
    return res.json<T>();
  };

  beforeAll(async () => {
    t = await demoApp(engine);
  });
  afterAll(() => t?.close());

  it('gives planners every area, the districts and the city recomputed from counts', async () => {
    const table = await json<StatTable>(
      url(`indicators=sgb2_quote,kinderarmut&level=sozialraum&date=2024`),
      t.planner,
    );
    expect(table).toMatchObject({
      level: 'sozialraum',
      levelName: 'Sozialraum',
      parentLevelName: 'Stadtbezirk',
      cityName: 'Musterstadt',
      date: LATEST,
      withCounts: true,
    });
    expect(table.columns.map((c) => c.key)).toEqual(['sgb2_quote', 'kinderarmut']);
    const areas = table.rows.filter((r) => r.kind === 'area');
    const parents = table.rows.filter((r) => r.kind === 'parent');
    expect(areas).toHaveLength(62);
    expect(parents).toHaveLength(6);
    expect(table.rows.at(-1)).toMatchObject({ kind: 'city', name: 'Musterstadt' });

    // a district is the sum of its areas' counts, not the mean of their rates (docs/methods.md §2)
    for (const [col] of table.columns.entries()) {
      for (const p of [...parents, table.rows.at(-1)!]) {
        const members = p.kind === 'city' ? areas : areas.filter((a) => a.parentKey === p.key);
        const num = members.reduce((s, a) => s + a.cells[col]!.numerator!, 0);
        const den = members.reduce((s, a) => s + a.cells[col]!.denominator!, 0);
        expect(p.cells[col]).toMatchObject({ status: 'value', numerator: num, denominator: den });
        expect(p.cells[col]!.value).toBeCloseTo((num / den) * 100, 10);
        const meanOfRates = members.reduce((s, a) => s + a.cells[col]!.value!, 0) / members.length;
        expect(Math.abs(p.cells[col]!.value! - meanOfRates)).toBeGreaterThan(1e-6);
      }
    }
    // the same numbers as the atlas
    const values = await json<IndicatorValues>(
      `/api/indicators/sgb2_quote/values?level=sozialraum&date=${LATEST}`,
      t.planner,
    );
    for (const v of values.values)
      expect(areas.find((a) => a.key === v.id)?.cells[0]).toEqual({
        value: v.value,
        status: v.status,
        numerator: v.numerator,
        denominator: v.denominator,
      });
    expect(table.rows.at(-1)!.cells[0]!.value).toBe(values.city.value);
  });

  it('keeps the order of the chosen areas and lists only their districts', async () => {
    const table = await json<StatTable>(
      url('indicators=sgb2_quote&level=sozialraum&date=2024-12-31&areas=202,101,203,202'),
      t.planner,
    );
    expect(table.rows.map((r) => [r.kind, r.key])).toEqual([
      ['area', '202'],
      ['area', '101'],
      ['area', '203'],
      ['parent', '2'],
      ['parent', '1'],
      ['city', ''],
    ]);
  });

  it('gives the public protected values only, without counts', async () => {
    for (const cookie of [undefined, t.viewer]) {
      const table = await json<StatTable>(
        url('indicators=sgb2_quote,alleinerziehende&level=sozialraum&date=2024'),
        cookie,
      );
      expect(table.withCounts).toBe(false);
      for (const row of table.rows)
        for (const cell of row.cells) {
          expect(cell.numerator).toBeNull();
          expect(cell.denominator).toBeNull();
          if (cell.status === 'secret') expect(cell.value).toBeNull();
        }
      const published = await json<IndicatorValues>(
        `/api/indicators/alleinerziehende/values?level=sozialraum&date=${LATEST}`,
        cookie,
      );
      const secret = published.values.filter((v) => v.status === 'secret');
      expect(secret.length).toBeGreaterThan(0);
      for (const v of published.values)
        expect(table.rows.find((r) => r.key === v.id)?.cells[1]).toMatchObject({
          value: v.value,
          status: v.status,
        });

      const csv = await get(url('indicators=alleinerziehende&level=sozialraum&date=2024&format=csv'), cookie);
      expect(csv.body).not.toContain('Zähler');
      for (const v of secret) expect(csv.body).toContain(`\r\n${v.id};${v.name};Sozialraum;·;2024-12-31;`);
    }
  });

  it('writes German CSV with BOM, decimal comma, counts for planners and the target value', async () => {
    const sheet = await json<Indicator>('/api/indicators/sgb2_quote', t.planner);
    const put = await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/sgb2_quote',
      headers: { cookie: t.planner },
      payload: { ...sheet, target: 9.5 },
    });
    expect(put.statusCode).toBe(200);
    const res = await get(
      url('indicators=sgb2_quote&level=sozialraum&date=2024&areas=101&format=csv'),
      t.planner,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="statistik_sozialraum_2024-12-31.csv"',
    );
    const table = await json<StatTable>(
      url('indicators=sgb2_quote&level=sozialraum&date=2024&areas=101'),
      t.planner,
    );
    const [area, district, city] = table.rows;
    const de = (n: number, d = 1) => n.toFixed(d).replace('.', ',');
    // Stichtag and source are the last columns of every row: the file is one table
    const tail = `;2024-12-31;SGB-II-Quote: ${sheet.source}`;
    expect(res.body.split('\r\n')).toEqual([
      '\uFEFFGebietsschlüssel;Gebiet;Art;SGB-II-Quote (%);SGB-II-Quote: Zähler;SGB-II-Quote: Nenner;Stichtag;Quelle',
      `101;Altstadt;Sozialraum;${de(area!.cells[0]!.value!)};${area!.cells[0]!.numerator};${area!.cells[0]!.denominator}${tail}`,
      `1;${district!.name};Stadtbezirk;${de(district!.cells[0]!.value!)};${district!.cells[0]!.numerator};${district!.cells[0]!.denominator}${tail}`,
      `musterstadt;Musterstadt;Gesamtstadt;${de(city!.cells[0]!.value!)};${city!.cells[0]!.numerator};${city!.cells[0]!.denominator}${tail}`,
      `;Zielwert;Zielwert;9,5;;${tail}`,
      '',
    ]);
    await t.app.inject({
      method: 'PUT',
      url: '/api/indicators/sgb2_quote',
      headers: { cookie: t.planner },
      payload: { ...sheet, target: null },
    });
  });

  it('guards CSV and XLSX against formula injection in names', async () => {
    const base = await json<Indicator>('/api/indicators/sgb2_quote', t.planner);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/indicators',
      headers: { cookie: t.planner },
      payload: { ...base, key: 'formel_test', name: '=HYPERLINK("http://x")', source: '@SUM(A1)' },
    });
    expect(created.statusCode).toBe(201);
    const csv = await get(url('indicators=formel_test&level=stadtbezirk&date=2024&format=csv'), t.planner);
    expect(csv.body).toContain(`"'=HYPERLINK(""http://x"") (%)"`);
    expect(csv.body).not.toMatch(/(^|;|\n)=HYPERLINK/);
    const xlsx = await get(url('indicators=formel_test&level=stadtbezirk&date=2024&format=xlsx'), t.planner);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(typeof c.value === 'object' && c.value !== null && 'formula' in c.value).toBe(false);
        }),
      );
    // XLSX text is a string cell, which Excel never evaluates: the name stays as it is
    const header = wb.worksheets[0]!.getCell('D1');
    expect(header.value).toBe('=HYPERLINK("http://x") (%)');
    expect(header.type).toBe(ExcelJS.ValueType.String);
    await t.app.inject({
      method: 'DELETE',
      url: '/api/indicators/formel_test',
      headers: { cookie: t.planner },
    });
  });

  it('writes XLSX with numbers as numbers', async () => {
    const table = await json<StatTable>(
      url('indicators=sgb2_quote,einwohner&level=stadtbezirk&date=2024'),
      t.planner,
    );
    const res = await get(
      url('indicators=sgb2_quote,einwohner&level=stadtbezirk&date=2024&format=xlsx'),
      t.planner,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Statistiktabelle')!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Gebietsschlüssel',
      'Gebiet',
      'Art',
      'SGB-II-Quote (%)',
      'SGB-II-Quote: Zähler',
      'SGB-II-Quote: Nenner',
      'Einwohnerinnen und Einwohner (Personen)',
      'Einwohnerinnen und Einwohner: Zähler',
      'Einwohnerinnen und Einwohner: Nenner',
    ]);
    table.rows.forEach((row, i) => {
      const r = ws.getRow(i + 2);
      // the city row carries the territory's key in files
      expect(r.getCell(1).value ?? '').toBe(row.kind === 'city' ? table.cityKey : row.key);
      expect(r.getCell(4).value).toBe(row.cells[0]!.value);
      expect(r.getCell(5).value).toBe(row.cells[0]!.numerator);
      expect(r.getCell(7).value).toBe(row.cells[1]!.value);
    });
    expect(ws.getCell('D2').numFmt).toBe('#,##0.0');
    expect(ws.getCell('E2').numFmt).toBe('#,##0');
  });

  it('answers 400 and 404 with named errors', async () => {
    const expectError = async (path: string, status: number, code: string, cookie?: string) => {
      const res = await get(path, cookie);
      expect(res.statusCode, path).toBe(status);
      expect(res.json<{ code: string }>().code, path).toBe(code);
    };
    await expectError(url('indicators=&level=sozialraum&date=2024'), 400, 'request.invalid');
    await expectError(url('level=sozialraum&date=2024'), 400, 'request.invalid');
    await expectError(url('indicators=sgb2_quote&level=sozialraum&date=24'), 400, 'request.invalid');
    await expectError(
      url('indicators=sgb2_quote&level=sozialraum&date=2024&format=pdf'),
      400,
      'request.invalid',
    );
    await expectError(url('indicators=nope&level=sozialraum&date=2024'), 404, 'indicators.not_found');
    await expectError(url('indicators=sgb2_quote&level=nope&date=2024'), 404, 'areas.unknown_level');
    await expectError(url('indicators=sgb2_quote&level=sozialraum&date=1990'), 404, 'data.unknown_date');
    await expectError(
      url('indicators=sgb2_quote&level=sozialraum&date=2024&areas=101,999'),
      404,
      'areas.not_found',
    );
    await expectError('/api/analysis/sheet/nope.pdf', 404, 'indicators.not_found');
    await expectError('/api/analysis/sheet/sgb2_quote.pdf?date=1990', 404, 'data.unknown_date');
  });

  it('hides unpublished indicators from the public in tables and Kennblätter', async () => {
    const patch = (published: boolean) =>
      t.app.inject({
        method: 'PATCH',
        url: '/api/indicators/elb_quote',
        headers: { cookie: t.planner },
        payload: { published },
      });
    expect((await patch(false)).statusCode).toBe(200);
    try {
      expect((await get(url('indicators=elb_quote&level=sozialraum&date=2024'))).statusCode).toBe(404);
      expect((await get(url('indicators=elb_quote&level=sozialraum&date=2024'), t.viewer)).statusCode).toBe(
        404,
      );
      expect((await get(url('indicators=elb_quote&level=sozialraum&date=2024'), t.planner)).statusCode).toBe(
        200,
      );
      expect((await get('/api/analysis/sheet/elb_quote.pdf')).statusCode).toBe(404);
    } finally {
      await patch(true);
    }
  });

  it('renders the Kennblatt as an A4 PDF with name, formula, source, Stichtag and page numbers', async () => {
    const res = await get('/api/analysis/sheet/sgb2_quote.pdf?date=2023');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('inline; filename="kennblatt_sgb2_quote_2023-12-31.pdf"');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('SGB-II-Quote');
    expect(text).toContain('Anteil (Zähler/Nenner·100)');
    expect(text).toContain('sgb2 / ew_u65 · 100');
    expect(text).toContain('Statistik der Bundesagentur für Arbeit (Demo-Stadt)');
    expect(text).toMatch(/Stichtag\s+31\.12\.2023/);
    expect(text).toContain('jährlich zum 31.12.');
    expect(text).toContain('Hohe Werte zeigen einen höheren Handlungsbedarf.');
    expect(text).toMatch(/Seite 1 von 1/);
    // the city series ends at the chosen Stichtag
    expect(text).not.toContain('31.12.2024');
    expect(pdfInfo(res.rawPayload)).toMatch(/Page size:\s+59\d\.\d+ x 84\d\.\d+ pts \(A4\)/);
  });
});

function withFile<T>(pdf: Buffer, run: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'lagebild-pdf-'));
  try {
    const path = join(dir, 'sheet.pdf');
    writeFileSync(path, pdf);
    return run(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Text of a PDF through poppler's pdftotext (layout kept, so label and value share a line). */
export const pdfText = (pdf: Buffer) =>
  withFile(pdf, (path) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' }));

const pdfInfo = (pdf: Buffer) =>
  withFile(pdf, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
