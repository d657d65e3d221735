import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../indicators/catalogue.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { neutraliseCell, STATUS_LABEL, valuesToCsv, valuesToXlsx } from './values-export.ts';

const ind = DEFAULT_CATALOGUE.find((i) => i.key === 'sgb2_quote')!;
const city = { key: '05999000', name: 'Musterstadt' };
const values: IndicatorValues = {
  indicator: ind.key,
  level: 'sozialraum',
  date: '2024-12-31',
  city: { value: 11.89, status: 'value' },
  values: [
    { id: '101', name: 'Altstadt', value: 15.456, status: 'value', numerator: 500, denominator: 3235 },
    {
      id: '102',
      name: '=HYPERLINK("http://x")',
      value: null,
      status: 'secret',
      numerator: null,
      denominator: null,
    },
    { id: '103', name: 'Süd; West', value: 9.04, status: 'estimated', numerator: 90.5, denominator: 1001 },
    { id: '104', name: 'Neubau', value: null, status: 'missing', numerator: null, denominator: null },
  ],
};

describe('value exports', () => {
  it('neutralises spreadsheet formulas', () => {
    expect(neutraliseCell('=1+1')).toBe("'=1+1");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('Altstadt')).toBe('Altstadt');
  });

  it('names every status in German, once for all formats', () => {
    expect(STATUS_LABEL).toEqual({
      value: 'Wert',
      secret: 'geheim',
      missing: 'fehlt',
      estimated: 'geschätzt',
    });
  });

  it('writes German CSV with BOM, decimal comma, · for secrets, Stichtag and source as columns', () => {
    const csv = valuesToCsv(ind, values, { withCounts: false, city });
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFGebietsschlüssel;Gebiet;SGB-II-Quote (%);Status;Stichtag;Quelle',
      `101;Altstadt;15,5;Wert;2024-12-31;${ind.source}`,
      `102;"'=HYPERLINK(""http://x"")";·;geheim;2024-12-31;${ind.source}`,
      `103;"Süd; West";9,0;geschätzt;2024-12-31;${ind.source}`,
      `104;Neubau;–;fehlt;2024-12-31;${ind.source}`,
      `05999000;Musterstadt;11,9;Wert;2024-12-31;${ind.source}`,
      '',
    ]);
    expect(csv).not.toContain('3235');
  });

  it('parses as one table: every row as wide as the header, the city with its key', () => {
    const csv = valuesToCsv(ind, values, { withCounts: true, city });
    // strict parsers refuse a ragged row (relax_column_count is off by default)
    const records = parse<Record<string, string>>(csv, { bom: true, delimiter: ';', columns: true });
    expect(records).toHaveLength(5);
    expect(Object.keys(records[0]!)).toEqual([
      'Gebietsschlüssel',
      'Gebiet',
      'SGB-II-Quote (%)',
      'Status',
      'Zähler',
      'Nenner',
      'Stichtag',
      'Quelle',
    ]);
    expect(records[2]).toMatchObject({ Gebiet: 'Süd; West', Zähler: '90,50', Nenner: '1001' });
    expect(records.at(-1)).toMatchObject({ Gebietsschlüssel: '05999000', Gebiet: 'Musterstadt', Zähler: '' });
    expect(new Set(records.map((r) => r.Stichtag))).toEqual(new Set(['2024-12-31']));
  });

  it('keeps negative values (changes) as numbers in CSV', () => {
    const change = { ...values, values: [{ ...values.values[0]!, value: -1.54 }] };
    expect(valuesToCsv(ind, change, { withCounts: false, city })).toContain('101;Altstadt;-1,5;Wert;');
  });

  it('writes XLSX: one table of numbers and string cells, the source on its own sheet', async () => {
    const data = await valuesToXlsx(ind, values, { withCounts: true, city });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['SGB-II-Quote', 'Quelle']);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).values).toEqual([
      undefined,
      'Gebietsschlüssel',
      'Gebiet',
      'SGB-II-Quote (%)',
      'Status',
      'Zähler',
      'Nenner',
    ]);
    expect(ws.getCell('C2').value).toBeCloseTo(15.456, 10);
    expect(ws.getCell('E2').value).toBe(500);
    // a string cell is never evaluated: the name stays exactly as it is, without a leading '
    expect(ws.getCell('B3').value).toBe('=HYPERLINK("http://x")');
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('C3').value).toBe('·');
    expect(ws.getCell('D3').value).toBe('geheim');
    expect(ws.getCell('D4').value).toBe('geschätzt');
    // the city is the last row, with its key; nothing below the table
    expect(ws.rowCount).toBe(6);
    expect(ws.getCell('A6').value).toBe('05999000');
    expect(ws.getCell('A6').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('B6').value).toBe('Musterstadt');
    const source = wb.getWorksheet('Quelle')!;
    const facts = new Map<string, unknown>();
    source.eachRow((row, i) => {
      if (i > 1) facts.set(row.getCell(1).text, row.getCell(2).value);
    });
    expect(facts.get('Indikator')).toBe('SGB-II-Quote');
    expect(facts.get('Quelle')).toBe(ind.source);
    expect((facts.get('Stichtag') as Date).toISOString()).toBe('2024-12-31T00:00:00.000Z');
  });

  it('writes names starting with + - @ as plain strings in XLSX', async () => {
    const names = ['+49 Nord', '-Süd', '@Mitte'];
    const odd = {
      ...values,
      values: names.map((name, i) => ({ ...values.values[0]!, id: `${i}`, name })),
    };
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      Buffer.from(await valuesToXlsx(ind, odd, { withCounts: false, city })) as unknown as ArrayBuffer,
    );
    const ws = wb.worksheets[0]!;
    for (const [i, name] of names.entries()) {
      expect(ws.getCell(i + 2, 2).value).toBe(name);
      expect(ws.getCell(i + 2, 2).type).toBe(ExcelJS.ValueType.String);
    }
  });
});
