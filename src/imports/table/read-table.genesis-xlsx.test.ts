import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { find, fixture, read } from './test-util.ts';

describe('GENESIS exports', () => {
  it('flatfile: area from the regional Merkmal, date from Zeit, breakdown from other Merkmale', async () => {
    // Known keys as ARS: the file's AGS match by the ARS rule.
    const { result, records } = await read(fixture('genesis-flat-12411.csv'), {
      knownKeys: ['053150000000', '051110000000', '053340002002'],
    });
    expect(result).toMatchObject({ ok: true, shape: 'genesis-flat' });
    expect(result.columns).toMatchObject({
      area: '1_Auspraegung_Code',
      date: 'Zeit',
      breakdown: ['2_Auspraegung_Code'],
    });
    expect(result.variables).toEqual([
      { key: 'BEVSTD', label: 'Bevoelkerungsstand', unit: 'Anzahl', count: true },
    ]);
    expect(result.stats.totalRows).toBe(2); // the "Insgesamt" rows with an empty regional code
    expect(result.notes[0]).toMatch(/^© Statistische Ämter/);
    expect(find(records, '053150000000', 'BEVSTD', '2022-12-31')).toMatchObject({
      value: 1012345,
      status: 'estimated',
    });
    expect(find(records, '051110000000', 'BEVSTD', '2021-12-31', 'GES=GESW')).toMatchObject({
      value: 310509,
      status: 'value',
    });
    expect(find(records, '053340002002', 'BEVSTD', '2022-12-31', 'GES=GESM')).toMatchObject({
      value: null,
      status: 'secret',
    });
    expect(records).toHaveLength(18);
  });

  it('2024 ffcsv: variable from value_variable_code, unit and quality columns', async () => {
    const { result, records } = await read(fixture('genesis-ffcsv-22221.csv'), {
      knownKeys: ['05315', '05111'],
    });
    expect(result).toMatchObject({ ok: true, shape: 'genesis-ffcsv' });
    expect(result.variables).toEqual([
      { key: 'PERS01', label: 'Empfänger', unit: 'Anzahl', count: true },
      { key: 'QUOTE1', label: 'Empfängerquote', unit: '%', count: false },
    ]);
    expect(find(records, '05111', 'PERS01', '2023-12-31', 'NAT=NATA')?.value).toBe(10189);
    expect(find(records, '05315', 'QUOTE1')).toMatchObject({ value: 4.7, status: 'estimated' });
  });

  it('table export (Windows-1252): title lines, Stichtag and Merkmal header rows, footnotes', async () => {
    const { result, records } = await read(fixture('genesis-tabelle-12411-1252.csv'), {
      knownKeys: ['05111', '05315', '05334'],
      unknownKeys: 'skip',
    });
    expect(result).toMatchObject({
      ok: true,
      shape: 'genesis-table',
      encoding: 'windows-1252',
      headerRow: 7,
    });
    expect(result.titleLines[0]).toBe('GENESIS-Tabelle: 12411-01-01-4');
    expect(result.notes).toHaveLength(3);
    // Bund: unknown; Land `05` nests the Kreise `05111` …: a row of a higher level.
    expect(result.unknownKeys.map((u) => u.key)).toEqual(['DG']);
    expect(result.stats.higherRows).toBe(1);
    expect(find(records, '05315', 'männlich', '2022-12-31')?.value).toBe(500987);
    expect(find(records, '05334', 'Insgesamt', '2022-12-31')).toMatchObject({
      status: 'missing',
      symbol: '-',
    });
    expect(records).toHaveLength(18);
  });
});

describe('XLSX', () => {
  async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    fill(wb);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('reads the first sheet with a table; numbers stay numbers, dates stay dates', async () => {
    const data = await workbook((wb) => {
      const cover = wb.addWorksheet('Titel');
      cover.addRow(['Statistischer Bericht A I 16']);
      cover.addRow(['Einwohnerinnen und Einwohner nach Planungsräumen']);
      const ws = wb.addWorksheet('T2');
      ws.addRow(['Tabelle 2: Einwohner am 30.06.2022']);
      ws.addRow([]);
      ws.addRow(['PLR', 'Name', 'Stichtag', 'Einwohner', 'Anteil unter 18']);
      ws.addRow([1100101, 'Stülerstraße', new Date(Date.UTC(2022, 5, 30)), 3503, 0.1234]);
      ws.addRow(['01100102', 'Großer Tiergarten', new Date(Date.UTC(2022, 5, 30)), 1996, '.']);
      ws.addRow(['Quelle: Amt für Statistik Berlin-Brandenburg']);
      ws.getColumn(3).numFmt = 'dd.mm.yyyy';
    });
    const { result, records } = await read(
      { name: 'einwohner.xlsx', data },
      { knownKeys: ['01100101', '01100102'] },
    );
    expect(result).toMatchObject({ ok: true, format: 'xlsx', sheet: 'T2', shape: 'wide', headerRow: 3 });
    expect(result.columns).toMatchObject({
      area: 'PLR',
      date: 'Stichtag',
      value: ['Einwohner', 'Anteil unter 18'],
    });
    expect(result.notes).toEqual(['Quelle: Amt für Statistik Berlin-Brandenburg']);
    expect(find(records, '01100101', 'Einwohner')).toMatchObject({ row: 4, date: '2022-06-30', value: 3503 });
    expect(find(records, '01100101', 'Anteil unter 18')?.value).toBe(0.1234);
    expect(find(records, '01100102', 'Anteil unter 18')).toMatchObject({ status: 'secret', value: null });
  });

  it('reads a named sheet and reports a missing one', async () => {
    const data = await workbook((wb) => {
      wb.addWorksheet('A').addRows([
        ['Gebiet', 'x'],
        ['101', 1],
        ['102', 2],
        ['103', 3],
      ]);
      wb.addWorksheet('B').addRows([
        ['Gebiet', 'y'],
        ['101', 9],
      ]);
    });
    const b = await read(
      { name: 'w.xlsx', data },
      { knownKeys: ['101', '102', '103'], sheet: 'b', date: '2020-12-31' },
    );
    expect(b.result.sheet).toBe('B');
    expect(b.records).toEqual([
      { row: 2, areaKey: '101', date: '2020-12-31', variable: 'y', breakdown: '', value: 9, status: 'value' },
    ]);
    const none = await read({ name: 'w.xlsx', data }, { knownKeys: ['101'], sheet: 'C', date: '2020-12-31' });
    expect(none.result.ok).toBe(false);
    expect(none.result.problems[0]!.message).toBe(
      '„w.xlsx“: Das Tabellenblatt „C“ gibt es nicht. Vorhandene Blätter: „A“, „B“.',
    );
  });
});
