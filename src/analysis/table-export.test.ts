import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { statTableToCsv, statTableToXlsx } from './table-export.ts';
import type { StatTable } from './table.schema.ts';

const cell = (value: number | null, status: 'value' | 'secret' | 'missing' = 'value') => ({
  value,
  status,
  numerator: null,
  denominator: null,
});

/** A public table: two areas (one secret), their district, the city; a change indicator with a target. */
const table: StatTable = {
  level: 'sozialraum',
  levelName: 'Sozialraum',
  parentLevelName: 'Stadtbezirk',
  cityName: 'Musterstadt',
  cityKey: '05999000',
  date: '2024-12-31',
  withCounts: false,
  columns: [
    {
      key: 'sgb2_quote',
      name: 'SGB-II-Quote',
      unit: '%',
      decimals: 1,
      polarity: 'high_bad',
      source: 'BA',
      target: 10,
    },
    {
      key: 'veraenderung',
      name: 'Veränderung',
      unit: 'Pp.',
      decimals: 2,
      polarity: 'high_bad',
      source: '',
      target: null,
    },
  ],
  rows: [
    {
      kind: 'area',
      key: '101',
      name: 'Altstadt',
      parentKey: '1',
      level: 'sozialraum',
      levelName: 'Sozialraum',
      cells: [cell(14.66), cell(-1.234)],
    },
    {
      kind: 'area',
      key: '102',
      name: '-Nord; "Ost"',
      parentKey: '1',
      level: 'sozialraum',
      levelName: 'Sozialraum',
      cells: [cell(null, 'secret'), cell(null, 'missing')],
    },
    {
      kind: 'parent',
      key: '1',
      name: 'Mitte',
      parentKey: null,
      level: 'stadtbezirk',
      levelName: 'Stadtbezirk',
      cells: [cell(12.04), cell(0.5)],
    },
    {
      kind: 'city',
      key: '',
      name: 'Musterstadt',
      parentKey: null,
      level: null,
      levelName: null,
      cells: [cell(11.9), cell(1)],
    },
  ],
};

describe('statistics table export', () => {
  it('writes German CSV as one table: city key, target row, Stichtag and sources as columns', () => {
    const tail = ';2024-12-31;"SGB-II-Quote: BA; Veränderung: nicht angegeben"';
    const csv = statTableToCsv(table);
    expect(csv.split('\r\n')).toEqual([
      '\uFEFFGebietsschlüssel;Gebiet;Art;SGB-II-Quote (%);Veränderung (Pp.);Stichtag;Quelle',
      `101;Altstadt;Sozialraum;14,7;-1,23${tail}`,
      `102;"'-Nord; ""Ost""";Sozialraum;·;–${tail}`,
      `1;Mitte;Stadtbezirk;12,0;0,50${tail}`,
      `05999000;Musterstadt;Gesamtstadt;11,9;1,00${tail}`,
      `;Zielwert;Zielwert;10,0;${tail}`,
      '',
    ]);
    // strict parsers refuse ragged rows (relax_column_count is off): every row is as wide as the header
    const records = parse(csv, { bom: true, delimiter: ';' });
    expect(records).toHaveLength(6);
    expect(new Set(records.map((r) => r.length))).toEqual(new Set([7]));
  });

  it('adds counts for planners, with decimal comma for non-integers', () => {
    const planner: StatTable = {
      ...table,
      withCounts: true,
      columns: [table.columns[0]!],
      rows: [
        {
          ...table.rows[0]!,
          cells: [{ value: 14.66, status: 'value', numerator: 1466, denominator: 10000.5 }],
        },
      ],
    };
    const lines = statTableToCsv(planner).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFFGebietsschlüssel;Gebiet;Art;SGB-II-Quote (%);SGB-II-Quote: Zähler;SGB-II-Quote: Nenner;Stichtag;Quelle',
    );
    expect(lines[1]).toBe('101;Altstadt;Sozialraum;14,7;1466;10000,50;2024-12-31;SGB-II-Quote: BA');
    expect(lines[2]).toBe(';Zielwert;Zielwert;10,0;;;2024-12-31;SGB-II-Quote: BA');
  });

  it('writes XLSX with real numbers, string cells, the target row and the sheet „Quelle“', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await statTableToXlsx(table)) as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Statistiktabelle')!;
    expect(ws.getCell('D2').value).toBe(14.66);
    expect(ws.getCell('E2').value).toBe(-1.234);
    // a string cell is never evaluated: the name stays as it is, without a leading '
    expect(ws.getCell('B3').value).toBe('-Nord; "Ost"');
    expect(ws.getCell('B3').type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell('D3').value).toBe('·');
    expect(ws.getCell('E3').value).toBe('–');
    expect(ws.getCell('C4').value).toBe('Stadtbezirk');
    expect(ws.getCell('A5').value).toBe('05999000');
    expect(ws.getCell('B6').value).toBe('Zielwert');
    expect(ws.getCell('D6').value).toBe(10);
    expect(ws.getCell('E6').value).toBeNull();
    expect(ws.rowCount).toBe(6); // nothing below the table
    expect(ws.getColumn(5).numFmt).toBe('#,##0.00');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const source = wb.getWorksheet('Quelle')!;
    expect(source.getCell('A2').value).toBe('Stichtag');
    expect((source.getCell('B2').value as Date).toISOString()).toBe('2024-12-31T00:00:00.000Z');
    expect(source.getCell('B3').value).toBe('BA');
    expect(source.getCell('B4').value).toBe('nicht angegeben');
    expect(source.getCell('B6').value).toBe('Aus Datenschutzgründen ohne Fallzahlen.');
  });
});
