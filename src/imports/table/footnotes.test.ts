/**
 * Footnote lines below a table, as offices put them after an empty line: they end the table,
 * also when the delimiter splits them into several cells, in CSV and in XLSX.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { find, read } from './test-util.ts';

const KEYS = ['101', '102', '103'];
const text = (lines: string[]) => ({ name: 'ew.csv', data: new TextEncoder().encode(lines.join('\r\n')) });

describe('footnotes below the table', () => {
  it('CSV: a source line split by the delimiter, a Stand line and a numbered footnote end the table', async () => {
    const { result, records } = await read(
      text([
        'Sozialraum;Einwohner;Kinder unter 6',
        '101;6.512;410',
        '102;4.001;·',
        '103;3.990;201',
        '',
        'Quelle: Einwohnermelderegister; · = Zahlenwert geheim',
        'Stand: 31.12.2024;',
        '1) ohne Nebenwohnsitze;Angaben vorläufig',
        '- = nichts vorhanden; x = Tabellenfach gesperrt',
      ]),
      { knownKeys: KEYS, date: '2024-12-31' },
    );
    expect(result.ok, JSON.stringify(result.problems)).toBe(true);
    expect(result.problems).toEqual([]);
    expect(result.stats.rows).toBe(3);
    expect(records).toHaveLength(6);
    expect(find(records, '102', 'Kinder unter 6')).toMatchObject({ status: 'secret' });
    expect(result.notes).toEqual([
      'Quelle: Einwohnermelderegister · = Zahlenwert geheim',
      'Stand: 31.12.2024',
      '1) ohne Nebenwohnsitze Angaben vorläufig',
      '- = nichts vorhanden x = Tabellenfach gesperrt',
    ]);
  });

  it('CSV: without the empty line a row of two cells is still read as data and refused by its key', async () => {
    const { result } = await read(text(['Sozialraum;Einwohner', '101;6.512', 'Summe der Zeilen;6.512x']), {
      knownKeys: KEYS,
      date: '2024-12-31',
    });
    expect(result.ok).toBe(false);
  });

  it('XLSX: footnotes after an empty row (left out of the sheet) end the table', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Tabelle');
    ws.addRow(['Sozialraum', 'Einwohner', 'Kinder unter 6']);
    ws.addRow(['101', 6512, 410]);
    ws.addRow(['102', 4001, '·']);
    ws.getCell('A6').value = 'Quelle: Einwohnermelderegister';
    ws.getCell('B6').value = '· = Zahlenwert geheim';
    ws.getCell('A7').value = '1) ohne Nebenwohnsitze';
    ws.getCell('B7').value = 'vorläufig';
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const { result, records } = await read(
      { name: 'ew.xlsx', data },
      { knownKeys: KEYS, date: '2024-12-31' },
    );
    expect(result.ok, JSON.stringify(result.problems)).toBe(true);
    expect(records).toHaveLength(4);
    expect(result.notes).toEqual([
      'Quelle: Einwohnermelderegister · = Zahlenwert geheim',
      '1) ohne Nebenwohnsitze vorläufig',
    ]);
  });
});
