import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from '../indicators/catalogue.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { neutraliseCell, valuesToCsv, valuesToXlsx } from './values-export.ts';

const ind = DEFAULT_CATALOGUE.find((i) => i.key === 'sgb2_quote')!;
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
  ],
};

describe('value exports', () => {
  it('neutralises spreadsheet formulas', () => {
    expect(neutraliseCell('=1+1')).toBe("'=1+1");
    expect(neutraliseCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(neutraliseCell('Altstadt')).toBe('Altstadt');
  });
  it('writes German CSV with BOM, decimal comma, · for secrets and a source line', () => {
    const csv = valuesToCsv(ind, values, { withCounts: false, cityName: 'Musterstadt' });
    expect(csv.startsWith('\uFEFFGebietsschlüssel;Gebiet;SGB-II-Quote (%);Status')).toBe(true);
    expect(csv).toContain('101;Altstadt;15,5;value');
    expect(csv).toContain(`102;"'=HYPERLINK(""http://x"")";·;secret`);
    expect(csv).toContain(';Musterstadt;11,9;value');
    expect(csv).toMatch(/Stichtag: 31\.12\.2024/);
    expect(csv).not.toContain('3235');
  });
  it('keeps negative values (changes) as numbers in CSV', () => {
    const change = { ...values, values: [{ ...values.values[0]!, value: -1.54 }] };
    expect(valuesToCsv(ind, change, { withCounts: false, cityName: 'Musterstadt' })).toContain(
      '101;Altstadt;-1,5;value',
    );
  });
  it('writes XLSX with numbers as numbers and formulas neutralised', async () => {
    const data = await valuesToXlsx(ind, values, { withCounts: true, cityName: 'Musterstadt' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('C2').value).toBeCloseTo(15.456, 10);
    expect(ws.getCell('E2').value).toBe(500);
    expect(ws.getCell('B3').value).toBe('\'=HYPERLINK("http://x")');
    expect(ws.getCell('C3').value).toBe('·');
  });
});
