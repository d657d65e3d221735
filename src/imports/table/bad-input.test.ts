import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { LagebildError } from '../../core/errors.ts';
import { checkNumeratorDenominator } from './checks.ts';
import { read } from './test-util.ts';
import { readTable, type ReadTableOptions } from './read-table.ts';
import { assertImportable } from './report.ts';
import type { ReportEntry } from './types.ts';

const KEYS = ['101', '102', '103'];
const csv = (name: string, text: string) => ({ name, data: new TextEncoder().encode(text) });

async function problems(name: string, text: string, opts: Partial<ReadTableOptions> = {}) {
  const { result, records } = await read(csv(name, text), { knownKeys: KEYS, date: '2023-12-31', ...opts });
  return { result, records, first: result.problems[0] as ReportEntry };
}

/** The entry has the code, row and column, and its German message names all three. */
function expectNamed(
  e: ReportEntry | undefined,
  code: string,
  file: string,
  row: number | null,
  column: string | null,
) {
  expect(e).toBeDefined();
  expect(e).toMatchObject({ code, file, row, column, severity: 'error' });
  expect(e!.message).toContain(`„${file}“`);
  if (row !== null) expect(e!.message).toContain(`Zeile ${row}`);
  if (column !== null) expect(e!.message).toContain(`Spalte „${column}“`);
}

describe('files that are refused, with German messages naming file, row and column', () => {
  it('empty file', async () => {
    for (const text of ['', '\n\n  \n']) {
      const { result, first } = await problems('leer.csv', text);
      expect(result.ok).toBe(false);
      expectNamed(first, 'import.empty_file', 'leer.csv', null, null);
      expect(first.message).toBe('„leer.csv“: Die Datei ist leer.');
    }
  });

  it('header only', async () => {
    const { first } = await problems('kopf.csv', 'Titel der Tabelle\nGebiet;Einwohner;Arbeitslose\n\n');
    expectNamed(first, 'import.header_only', 'kopf.csv', 2, null);
    expect(first.message).toBe(
      '„kopf.csv“, Zeile 2: Die Datei enthält nur die Kopfzeile, aber keine Datenzeilen.',
    );
  });

  it('unknown area keys refuse the whole file, each key listed with its rows', async () => {
    const { result, records } = await problems(
      'ew.csv',
      'Gebiet;Einwohner\n101;5\n999;6\n102;7\n999;8\nX1;9\n',
    );
    expect(result.ok).toBe(false);
    expect(records).toHaveLength(2); // streamed; the caller rolls back
    const [a, b] = result.problems;
    expectNamed(a, 'import.unknown_area_key', 'ew.csv', 3, 'Gebiet');
    expect(a!.message).toBe(
      '„ew.csv“, Zeile 3, Spalte „Gebiet“: Der Gebietsschlüssel „999“ passt zu keinem Gebiet der Ebene ' +
        '(Zeilen 3, 5). Die Datei wird deshalb nicht importiert; bitte Schlüssel und Gebietsebene prüfen.',
    );
    expectNamed(b, 'import.unknown_area_key', 'ew.csv', 6, 'Gebiet');
    expect(result.unknownKeys).toEqual([
      { key: '999', rows: [3, 5], count: 2 },
      { key: 'X1', rows: [6], count: 1 },
    ]);
    expect(() => assertImportable(result)).toThrow(LagebildError);
  });

  it('duplicate rows (same area, date, variable, breakdown)', async () => {
    const text =
      'gebiet;jahr;merkmal;geschlecht;wert\n101;2023;ew;m;5\n101;2023;ew;w;6\n102;2023;ew;m;7\n101;2023;ew;m;8\n';
    const { first, records } = await problems('doppelt.csv', text);
    expectNamed(first, 'import.duplicate_record', 'doppelt.csv', 5, 'wert');
    expect(first.message).toBe(
      '„doppelt.csv“, Zeile 5, Spalte „wert“: Der Wert für Gebiet „101“, Stichtag 31.12.2023, Merkmal „ew“ ' +
        '(geschlecht=m) kommt doppelt vor; er stand schon in Zeile 2.',
    );
    expect(records).toHaveLength(3);
  });

  it('duplicate areas in a wide table', async () => {
    const { first } = await problems('breit.csv', 'Gebiet;Einwohner\n101;5\n102;6\n0101;7\n');
    expectNamed(first, 'import.duplicate_record', 'breit.csv', 4, 'Einwohner');
  });

  it('negative counts', async () => {
    const { first, result } = await problems(
      'neg.csv',
      'Gebiet;Einwohner;Wanderungssaldo\n101;-5;-12\n102;6;3\n',
    );
    expectNamed(first, 'import.negative_count', 'neg.csv', 2, 'Einwohner');
    expect(first.message).toContain('negativ; eine Anzahl kann nicht negativ sein');
    expect(result.problems).toHaveLength(1); // a Saldo may be negative
  });

  it('text where a number belongs', async () => {
    const { first } = await problems(
      'text.csv',
      'Gebiet;Einwohner;Arbeitslose\n101;5;6\n102;fünf;7\n103;8;9\n',
    );
    expectNamed(first, 'import.not_a_number', 'text.csv', 3, 'Einwohner');
    expect(first.message).toMatch(
      /^„text\.csv“, Zeile 3, Spalte „Einwohner“: „fünf“ ist keine Zahl\. Erwartet wird/,
    );
  });

  it('a date that is none', async () => {
    const { first } = await problems(
      'datum.csv',
      'gebiet;stichtag;merkmal;wert\n101;31.12.2023;ew;5\n102;32.12.2023;ew;6\n',
    );
    expectNamed(first, 'import.bad_date', 'datum.csv', 3, 'stichtag');
  });

  it('a wide table without any date', async () => {
    const { first } = await problems('ohne.csv', 'Gebiet;Einwohner\n101;5\n', { date: undefined });
    expect(first).toMatchObject({ code: 'import.no_date' });
    expect(first.message).toContain('„ohne.csv“');
  });

  it('wrong declared delimiter, and everything in one column', async () => {
    const text = 'Gebiet;Einwohner;Quote\n101;5;1,5\n102;6;2,5\n103;7;3,0\n';
    const declared = await problems('komma.csv', text, { delimiter: ',' });
    expectNamed(declared.first, 'import.wrong_delimiter', 'komma.csv', 1, null);
    expect(declared.first.message).toBe(
      '„komma.csv“, Zeile 1: Als Trennzeichen ist Komma (,) angegeben, damit ergibt sich aber nur eine Spalte. ' +
        'Die Datei ist mit Semikolon (;) getrennt.',
    );
    const one = await problems('eine.csv', 'Gebiet Einwohner\n101 5\n102 6\n');
    expectNamed(one.first, 'import.wrong_delimiter', 'eine.csv', 1, null);
    expect(one.first.message).toContain(
      'Alle Zeilen bestehen aus einer einzigen Spalte („Gebiet Einwohner“)',
    );
  });

  it('mixed encodings', async () => {
    const { result } = await read(
      { path: resolve(process.cwd(), 'src/imports/table/fixtures/mixed-encoding.csv') },
      { knownKeys: ['101', '102', '103', '104'], date: '2023-12-31' },
    );
    expect(result.ok).toBe(false);
    expectNamed(result.problems[0], 'import.mixed_encoding', 'mixed-encoding.csv', 5, null);
    expect(result.problems[0]!.message).toBe(
      '„mixed-encoding.csv“, Zeile 5: Die Datei ist überwiegend als UTF-8 gespeichert, enthält ab hier aber ' +
        'Zeichen in einer anderen Kodierung (vermutlich Windows-1252 (ANSI)); Umlaute würden falsch gelesen. ' +
        'Bitte die Datei einheitlich als UTF-8 speichern.',
    );
  });

  it('formula cells in CSV are never interpreted', async () => {
    const text =
      'Gebiet;Name;Einwohner\n101;"=HYPERLINK(""http://x"";""klick"")";5\n102;Nord;=1+2\n103;Süd;-SUMME(A1)\n' +
      '104;West;4\n105;Ost;3\n';
    const { result, records } = await problems('formel.csv', text, {
      knownKeys: ['101', '102', '103', '104', '105'],
    });
    const formula = result.problems.filter((p) => p.code === 'import.formula_cell');
    expect(formula.map((p) => [p.row, p.column])).toEqual([
      [3, 'Einwohner'],
      [4, 'Einwohner'],
    ]);
    expectNamed(formula[0], 'import.formula_cell', 'formel.csv', 3, 'Einwohner');
    expect(formula[0]!.message).toContain('„=1+2“ ist eine Tabellenformel');
    expect(records.map((r) => r.value)).toEqual([5, 4, 3]); // the name column with a formula is only a label
  });

  it('formula cells in XLSX are never evaluated', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Daten');
    ws.addRows([
      ['Gebiet', 'Einwohner'],
      ['101', 5],
      ['102', { formula: 'B2*2', result: 10 }],
      ['103', 7],
    ]);
    const data = new Uint8Array(await wb.xlsx.writeBuffer());
    const { result, records } = await read(
      { name: 'formel.xlsx', data },
      { knownKeys: KEYS, date: '2023-12-31' },
    );
    expectNamed(result.problems[0], 'import.formula_cell', 'formel.xlsx', 3, 'Einwohner');
    expect(records.map((r) => r.value)).toEqual([5, 7]);
  });

  it('old .xls and other formats', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    const { result } = await read({ name: 'alt.xls', data: ole }, { knownKeys: KEYS });
    expect(result.problems[0]).toMatchObject({ code: 'import.unsupported_format' });
    expect(result.problems[0]!.message).toContain('.xlsx speichern');
  });

  it('a path that does not exist throws', async () => {
    await expect(readTable({ path: '/nicht/da.csv' }, { knownKeys: KEYS })).rejects.toMatchObject({
      code: 'import.file_not_found',
    });
  });

  it('caps the listed problems and counts the rest', async () => {
    // Half numbers, half text: still a value column, so every text is an error.
    const rows = Array.from({ length: 100 }, (_, i) => `10${(i % 3) + 1};${i % 2 === 0 ? i : `x${i}`}`).join(
      '\n',
    );
    const { result } = await problems('viele.csv', `Gebiet;Einwohner\n${rows}\n`, {
      maxProblems: 10,
      unknownKeys: 'skip',
    });
    expect(result.problems).toHaveLength(10);
    expect(result.problemCounts['import.not_a_number']).toBe(50);
    expect(() => assertImportable(result)).toThrow(/40 weitere Probleme|weitere Probleme/);
  });
});

describe('numerator above denominator', () => {
  it('reports numerators larger than their denominators', async () => {
    const text =
      'gebiet;jahr;merkmal;wert\n101;2023;einwohner;100\n101;2023;arbeitslose;120\n102;2023;einwohner;50\n102;2023;arbeitslose;10\n103;2023;arbeitslose;.\n';
    const { records } = await problems('quote.csv', text);
    const entries = checkNumeratorDenominator(
      records,
      [{ numerator: 'arbeitslose', denominator: 'einwohner' }],
      'quote.csv',
    );
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      row: 3,
      code: 'import.numerator_above_denominator',
      column: 'arbeitslose',
    });
    expect(entries[0]!.message).toBe(
      '„quote.csv“, Zeile 3: Für Gebiet „101“, Stichtag 31.12.2023 ist „arbeitslose“ (120) größer als ' +
        '„einwohner“ (100); der Zähler kann nicht größer als der Nenner sein.',
    );
  });
});
