import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { streamTable } from './read-table.ts';
import { assertImportable } from './report.ts';
import { find, fixture, read } from './test-util.ts';

const KOELN_CSV = resolve(process.cwd(), '../shared/data/koeln-stadtteile/bevoelkerung_2005-2012.csv');

describe('CSV files as offices deliver them', () => {
  it('UTF-8 with BOM, semicolons, decimal comma, title and footnote lines', async () => {
    const { result, records } = await read(fixture('sozialraeume-2023-bom.csv'), {
      knownKeys: ['0101', '0102', '0103', '0201', '0202'],
      date: '2023-12-31',
    });
    expect(result).toMatchObject({
      ok: true,
      encoding: 'utf-8',
      delimiter: ';',
      shape: 'wide',
      headerRow: 4,
    });
    expect(result.titleLines).toEqual([
      'Tabelle 3: Bevölkerung und Arbeitslosigkeit nach Sozialräumen',
      'Stichtag: 31.12.2023',
    ]);
    expect(result.notes).toEqual([
      'Quelle: Stadt Musterstadt, Amt für Statistik und Wahlen',
      '1) ohne Nebenwohnsitze',
      '© Stadt Musterstadt 2024',
    ]);
    expect(result.emptyLines).toBe(2);
    expect(result.columns).toMatchObject({ area: 'Sozialraum', ignored: ['Name'] });
    expect(result.problems).toEqual([]);
    expect(find(records, '0101', 'Einwohner')).toEqual({
      row: 5,
      areaKey: '0101',
      date: '2023-12-31',
      variable: 'Einwohner',
      breakdown: '',
      value: 12345,
      status: 'value',
    });
    expect(find(records, '0103', 'Einwohner')?.value).toBe(1234);
    expect(find(records, '0101', 'Arbeitslosenquote')?.value).toBe(5.5);
    expect(find(records, '0102', 'Arbeitslose')).toMatchObject({
      value: null,
      status: 'secret',
      symbol: '·',
    });
    expect(find(records, '0102', 'Arbeitslosenquote')).toMatchObject({
      value: null,
      status: 'missing',
      symbol: '-',
    });
    expect(find(records, '0202', 'Arbeitslose')).toMatchObject({ status: 'missing', symbol: 'x' });
    expect(find(records, '0202', 'Arbeitslosenquote')).toMatchObject({ status: 'secret', symbol: '/' });
    expect(records).toHaveLength(15);
  });

  it('Windows-1252 with umlauts in header and names', async () => {
    const { result, records } = await read(fixture('stadtteile-1252.csv'), {
      knownKeys: ['101', '102', '103', '104'],
      date: '2023-12-31',
    });
    expect(result).toMatchObject({ ok: true, encoding: 'windows-1252', shape: 'wide' });
    expect(result.columns.area).toBe('Gebietsschlüssel');
    expect(result.columns.value).toEqual(['Einwohner', 'Ausländer', 'Einwohner unter 18']);
    expect(find(records, '104', 'Ausländer')?.value).toBe(321);
    expect(find(records, '101', 'Einwohner')?.value).toBe(41234); // semicolon file: German grouping
    expect(result.problems).toEqual([]);
  });

  it('long form with a breakdown column; name column recognised as label', async () => {
    const { result, records } = await read(fixture('long-geschlecht.csv'), { knownKeys: ['101', '102'] });
    expect(result).toMatchObject({ ok: true, shape: 'long', delimiter: ',' });
    expect(result.columns).toMatchObject({
      area: 'gebiet',
      date: 'jahr',
      variable: ['merkmal'],
      value: ['wert'],
      breakdown: ['geschlecht'],
      ignored: ['gebietsname'],
    });
    expect(find(records, '102', 'einwohner', '2023-12-31', 'geschlecht=w')?.value).toBe(4499);
    expect(find(records, '102', 'arbeitslose', '2023-12-31', 'geschlecht=m')?.status).toBe('secret');
    expect(result.dates).toEqual(['2022-12-31', '2023-12-31']);
    expect(records).toHaveLength(12);
  });

  it('official symbols and flags', async () => {
    const keys = Array.from({ length: 19 }, (_, i) => String(101 + i));
    const { result, records } = await read(fixture('symbole.csv'), { knownKeys: keys, date: '2023-12-31' });
    expect(result.ok).toBe(true);
    const byKey = new Map(records.map((r) => [r.areaKey, r]));
    const expectations: [string, number | null, string, string?][] = [
      ['101', 1234, 'value'],
      ['102', null, 'secret', '·'],
      ['103', null, 'secret', '.'],
      ['104', null, 'missing', '-'],
      ['105', null, 'missing', 'x'],
      ['106', null, 'secret', '/'],
      ['107', null, 'missing', '…'],
      ['108', null, 'missing', '…'],
      ['109', 123, 'estimated'],
      ['110', 456, 'value'],
      ['111', 789, 'estimated'],
      ['112', 12, 'estimated'],
      ['113', null, 'secret', '*'],
      ['114', null, 'missing', '-'],
      ['115', null, 'missing', 'k.A.'],
      ['116', 1234.5, 'value'],
      ['117', -12.5, 'value'],
      ['118', 1234567, 'value'],
    ];
    for (const [key, value, status, symbol] of expectations) {
      const r = byKey.get(key)!;
      expect({ key, value: r.value, status: r.status, symbol: r.symbol }).toEqual({
        key,
        value,
        status,
        symbol,
      });
    }
    expect(byKey.has('119')).toBe(false); // empty cell: no record
    expect(result.stats.emptyCells).toBe(1);
  });

  it('Köln style long form (slice of the real file, other levels skipped)', async () => {
    const text = await readFile(KOELN_CSV, 'utf8');
    const slice = text.split('\n').slice(0, 1500).join('\n');
    const stadtteile = [...new Set(text.split('\n').map((l) => l.split(',')[4] ?? ''))].filter((k) =>
      /^[1-9]\d\d$/.test(k),
    );
    expect(stadtteile).toHaveLength(86);
    const { result, records } = await read(
      { name: 'bevoelkerung.csv', data: new TextEncoder().encode(slice) },
      { knownKeys: stadtteile, unknownKeys: 'skip' },
    );
    expect(result).toMatchObject({ ok: true, shape: 'koeln' });
    expect(result.columns).toMatchObject({
      area: 'raum_id',
      date: 'jahr',
      variable: ['tab_id', 'zei_id'],
      value: ['zahl'],
    });
    // 010.005.2005.101.010,005,Einwohner in Köln,2005,101,Altstadt/Süd,10,Einwohner,27732.0
    expect(find(records, '101', '005.10', '2005-12-31')).toMatchObject({
      value: 27732,
      status: 'value',
      row: 12,
    });
    expect(result.variables.find((v) => v.key === '010.20')).toEqual({
      key: '010.20',
      label: 'Einwohner nach Geschlecht: Weiblich',
      count: true,
    });
    // City (000) and Stadtbezirke (001–009) are recognised as higher levels, not unknown keys.
    expect(result.unknownKeys).toEqual([]);
    expect(result.stats.higherRows).toBeGreaterThan(0);
    expect(result.problems.map((p) => p.code)).toEqual(['import.higher_level_rows']);
    expect(result.problems[0]!.message).toMatch(/^„bevoelkerung\.csv“: \d+ Zeilen gehören nicht zur Ebene/);
    expect(result.problems[0]!.message).toContain('„Stadt Köln (000)“, „Innenstadt (001)“');
  });

  it('wide table with a year column (GISD style) and a name column', async () => {
    const csv =
      'kreis_id,kreis_name,year,gisd_score,gisd_5\n01001,"Flensburg, Stadt",2020,0.71,5\n01002,"Kiel, Stadt",2020,0.52,3\n01001,"Flensburg, Stadt",2021,0.69,4\n';
    const { result, records } = await read(
      { name: 'gisd.csv', data: new TextEncoder().encode(csv) },
      { knownKeys: ['01001', '01002'] },
    );
    expect(result).toMatchObject({ ok: true, shape: 'wide' });
    expect(result.columns).toMatchObject({ area: 'kreis_id', date: 'year', value: ['gisd_score', 'gisd_5'] });
    expect(find(records, '01001', 'gisd_score', '2021-12-31')?.value).toBe(0.69);
    expect(records).toHaveLength(6);
  });

  it('explicit mapping (import profile) overrides detection', async () => {
    const csv = 'A;B;C;D\nx;101;2021;5\ny;102;2021;7\n';
    const data = new TextEncoder().encode(csv);
    const { result, records } = await read(
      { name: 'profil.csv', data },
      {
        knownKeys: ['101', '102'],
        mapping: { areaColumn: 'B', dateColumn: 'C', variables: { D: 'einwohner' } },
      },
    );
    expect(result).toMatchObject({ ok: true, shape: 'profile-wide' });
    expect(records.map((r) => [r.areaKey, r.date, r.variable, r.value])).toEqual([
      ['101', '2021-12-31', 'einwohner', 5],
      ['102', '2021-12-31', 'einwohner', 7],
    ]);
    const long = await read(
      { name: 'profil.csv', data },
      {
        knownKeys: ['101', '102'],
        mapping: { areaColumn: 'b', valueColumn: 'D', variable: 'ew', date: '2020-06-30' },
      },
    );
    expect(long.result.shape).toBe('profile-long');
    expect(long.records[0]).toMatchObject({ areaKey: '101', date: '2020-06-30', variable: 'ew', value: 5 });
  });

  it('keys split over columns (Berlin LOR tables) are concatenated', async () => {
    const csv =
      'district_id,forecast_area_id,district_region_id,planning_area_id,inhabitants\n01,10,01,01,3667\n01,10,01,02,2025\n';
    const { result, records } = await read(
      { name: 'lor.csv', data: new TextEncoder().encode(csv) },
      { knownKeys: ['01100101', '01100102'], date: '2024-06-30' },
    );
    expect(result.ok).toBe(true);
    expect(result.columns.area).toBe(
      'district_id + forecast_area_id + district_region_id + planning_area_id',
    );
    expect(records.map((r) => [r.areaKey, r.variable, r.value])).toEqual([
      ['01100101', 'inhabitants', 3667],
      ['01100102', 'inhabitants', 2025],
    ]);
  });

  it('a wide table whose headers are years needs the variable name', async () => {
    const data = new TextEncoder().encode('Gebiet;2021;2022;2023\n101;10;11;12\n102;20;21;22\n');
    const missing = await read({ name: 'jahre.csv', data }, { knownKeys: ['101', '102'] });
    expect(missing.result.problems[0]).toMatchObject({ code: 'import.no_variable' });
    const { result, records } = await read(
      { name: 'jahre.csv', data },
      { knownKeys: ['101', '102'], variable: 'einwohner' },
    );
    expect(result.shape).toBe('genesis-table');
    expect(find(records, '102', 'einwohner', '2022-12-31')?.value).toBe(21);
  });
});

describe('more shapes and the streaming interface', () => {
  it('a table without header row: columns named by letters', async () => {
    const data = new TextEncoder().encode('0101;Altstadt;12345\n0102;Neustadt;8901\n');
    const { result, records } = await read(
      { name: 'ohne-kopf.csv', data },
      { knownKeys: ['0101', '0102'], date: '2023-12-31' },
    );
    expect(result).toMatchObject({ ok: true, headerRow: null, shape: 'wide' });
    expect(result.columns).toMatchObject({ area: 'A', value: ['C'], ignored: ['B'] });
    expect(records.map((r) => [r.row, r.areaKey, r.variable, r.value])).toEqual([
      [1, '0101', 'C', 12345],
      [2, '0102', 'C', 8901],
    ]);
  });

  it('warns once per column when 1.234 could be either and nothing in the file tells', async () => {
    const data = new TextEncoder().encode('gebiet,einwohner\n101,1.234\n102,2.345\n');
    const { result, records } = await read(
      { name: 'komma.csv', data },
      { knownKeys: ['101', '102'], date: '2023-12-31' },
    );
    expect(result.ok).toBe(true);
    expect(records.map((r) => r.value)).toEqual([1234, 2345]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'import.ambiguous_number',
      severity: 'warning',
      row: 2,
      column: 'einwohner',
    });
    expect(result.problems[0]!.message).toBe(
      '„komma.csv“, Zeile 2, Spalte „einwohner“: „1.234“ ist mehrdeutig (Tausenderpunkt oder Dezimalpunkt?) und ' +
        'wird als 1234 gelesen, weil die Spalte keine anderen Hinweise enthält.',
    );
  });

  it('streamTable yields batches of records and returns the report', async () => {
    const day = (i: number) => new Date(Date.UTC(2000, 0, 1 + Math.floor(i / 2))).toISOString().slice(0, 10);
    const rows = Array.from({ length: 2500 }, (_, i) => `${i % 2 === 0 ? '101' : '102'};${day(i)};${i}`);
    const data = new TextEncoder().encode(`Gebiet;Stichtag;Einwohner\n${rows.join('\n')}\n`);
    const gen = streamTable({ name: 'zeitreihe.csv', data }, { knownKeys: ['101', '102'] });
    const sizes: number[] = [];
    let next = await gen.next();
    while (!next.done) {
      sizes.push(next.value.length);
      next = await gen.next();
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(2500);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(2000);
    expect(next.value).toMatchObject({ ok: true, shape: 'wide', columns: { date: 'Stichtag' } });
    const result = next.value;
    expect(result.dates).toHaveLength(1250);
    expect(() => assertImportable(result)).not.toThrow();
  });
});
