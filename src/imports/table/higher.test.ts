/**
 * Rows of other levels in a table (city, Stadtbezirke): recognised, not imported, their totals
 * checked against the sums of their areas; and keys of another Gebietsstand (Berlin's LOR before
 * 2021) reported as such.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { find, read } from './test-util.ts';

const KOELN_CSV = '../shared/data/koeln-stadtteile/bevoelkerung_2005-2012.csv';
const BERLIN = '../shared/data/berlin-lor-population-agegroups';
const bytes = (name: string, text: string) => ({ name, data: new TextEncoder().encode(text) });

/** Berlin's PLR keys of a population file: the four key columns joined. */
async function berlinKeys(file: string): Promise<string[]> {
  const lines = (await readFile(`${BERLIN}/${file}`, 'utf8')).trim().split('\n').slice(1);
  return lines.map((l) => l.split(',').slice(0, 4).join(''));
}

describe('rows of the city and of Stadtbezirke', () => {
  it('Köln: city and Stadtbezirke recognised, their delivered totals equal the sums of the Stadtteile', async () => {
    const text = await readFile(KOELN_CSV, 'utf8');
    const stadtteile = [...new Set(text.split('\n').map((l) => l.split(',')[4] ?? ''))].filter((k) =>
      /^[1-9]\d\d$/.test(k),
    );
    const { result, records } = await read(
      { path: KOELN_CSV },
      { knownKeys: stadtteile, levelName: 'Stadtteil' },
    );
    expect(result.ok).toBe(true);
    expect(result.unknownKeys).toEqual([]);
    expect(result.stats.areas).toBe(86);
    expect(records.every((r) => /^[1-9]\d\d$/.test(r.areaKey))).toBe(true);
    // 10 higher areas (000 city, 001–009 Stadtbezirke) in every table and year
    expect(result.stats.higherRows).toBe(3040);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      code: 'import.higher_level_rows',
      severity: 'warning',
      row: 2,
    });
    expect(result.problems[0]!.message).toMatch(/gelieferte Summen geprüft, alle stimmen\.$/);
  });

  it('Köln: a delivered total that differs from its Stadtteile is a German warning with row, column and both numbers', async () => {
    const text = await readFile(KOELN_CSV, 'utf8');
    const lines = text.split('\n').slice(0, 97);
    // Innenstadt (001) 2005: 129496 = 27732 + 37977 + 18514 + 29139 + 16134
    const row = lines.findIndex((l) => l.startsWith('010.005.2005.001.010,'));
    lines[row] = lines[row]!.replace('129496.0', '129500.0');
    const stadtteile = lines.map((l) => l.split(',')[4] ?? '').filter((k) => /^[1-9]\d\d$/.test(k));
    const { result, records } = await read(bytes('bevoelkerung.csv', lines.join('\n')), {
      knownKeys: stadtteile,
      levelName: 'Stadtteil',
    });
    expect(result.ok).toBe(true);
    const mismatch = result.problems.find((p) => p.code === 'import.total_mismatch');
    expect(mismatch).toMatchObject({ row: row + 1, column: 'zahl', severity: 'warning' });
    expect(mismatch!.message).toBe(
      `„bevoelkerung.csv“, Zeile ${row + 1}, Spalte „zahl“: Die Summe der 5 Gebiete von „Innenstadt (001)“ ` +
        'ergibt für Stichtag 31.12.2005, Merkmal „005.10“ 129.496; geliefert ist 129.500 (Differenz -4). ' +
        'Gespeichert werden die Werte der Gebiete; der Wert des übergeordneten Gebiets wird aus ihnen berechnet.',
    );
    expect(find(records, '101', '005.10', '2005-12-31')?.value).toBe(27732);
    expect(records.some((r) => r.areaKey === '001' || r.areaKey === '')).toBe(false);
  });

  it('Köln without its raum_id column: a file with no row of the level is refused, naming the column taken for the key', async () => {
    const text = await readFile(KOELN_CSV, 'utf8');
    const stadtteile = [...new Set(text.split('\n').map((l) => l.split(',')[4] ?? ''))].filter((k) =>
      /^[1-9]\d\d$/.test(k),
    );
    // the table numbers 005, 010 … nest like keys of the city and the Stadtbezirke (rule 3)
    const cut = text
      .trimEnd()
      .split('\n')
      .map((l) => l.split(',').toSpliced(4, 1).join(','))
      .join('\n');
    const { result, records } = await read(bytes('ohne-raum_id.csv', cut), {
      knownKeys: stadtteile,
      levelName: 'Stadtteil',
    });
    expect(result.ok).toBe(false);
    expect(records).toEqual([]);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: 'import.no_level_rows', column: 'tab_id' });
    expect(errors[0]!.message).toMatch(
      /^„ohne-raum_id\.csv“, Spalte „tab_id“: Keine der 29\.135 Datenzeilen gehört zur Ebene „Stadtteil“;/,
    );
  });

  it('wide table: city by AGS, Bezirk by known key and by label, „Gesamt“ row, level column', async () => {
    const csv = [
      'Ebene;Schlüssel;Name;Einwohner;Kinder unter 6',
      'Stadt;05315000;Stadt Köln;100;10',
      'Stadtbezirk;N;Nord;60;6',
      'Sozialraum;101;Altstadt;40;4',
      'Sozialraum;102;Hafen;20;2',
      'Stadtbezirk;;Bezirk Süd;41;4',
      'Sozialraum;201;Südstadt;40;4',
      'Stadtbezirk;X;Ost;5;1',
      ';;Gesamt;100;10',
    ].join('\n');
    const { result, records } = await read(bytes('ew.csv', csv), {
      knownKeys: ['101', '102', '201'],
      date: '2024-12-31',
      levelName: 'Sozialraum',
      city: { keys: ['05315000'], names: ['Köln'] },
      otherAreas: [
        { key: 'N', name: 'Nord', levelName: 'Stadtbezirk', children: ['101', '102'] },
        { key: 'S', name: 'Süd', levelName: 'Stadtbezirk', children: ['201'] },
      ],
    });
    expect(result.ok, JSON.stringify(result.problems)).toBe(true);
    expect(records).toHaveLength(6);
    expect(result.stats.higherRows).toBe(5);
    const mismatches = result.problems.filter((p) => p.code === 'import.total_mismatch');
    expect(mismatches.map((p) => [p.row, p.column])).toEqual([[6, 'Einwohner']]);
    expect(mismatches[0]!.message).toContain(
      '„Süd (S)“ ergibt für Stichtag 31.12.2024, Merkmal „Einwohner“ 40; geliefert ist 41',
    );
    const summary = result.problems.find((p) => p.code === 'import.higher_level_rows')!.message;
    expect(summary).toContain(
      '(„Stadt Köln (05315000)“, „Nord (N), Stadtbezirk“, „Süd (S), Stadtbezirk“, „Ost (X), Stadtbezirk“)',
    );
    expect(summary).toContain('8 gelieferte Summen geprüft, eine weicht ab');
  });

  it('an unknown key that is not of another level still refuses the file', async () => {
    const { result } = await read(bytes('ew.csv', 'Sozialraum;Einwohner\n101;5\n999;7\n'), {
      knownKeys: ['101', '102'],
      date: '2024-12-31',
    });
    expect(result.ok).toBe(false);
    expect(result.problems[0]).toMatchObject({ code: 'import.unknown_area_key', row: 3 });
  });
});

describe('keys of another Gebietsstand', () => {
  it('Berlin: PLR keys before 2021 against the LOR 2021 are named as such, not as a wrong column', async () => {
    const lor2021 = await berlinKeys('berlin-lor-population-2024-02-t2.csv');
    expect(lor2021).toHaveLength(542);
    const { result, records } = await read(
      { path: `${BERLIN}/berlin-lor-population-2020-02-t2.csv` },
      { knownKeys: lor2021, date: '2020-12-31', levelName: 'Planungsraum', gebietsstand: '2021-01-01' },
    );
    expect(result.ok).toBe(false);
    expect(records.length).toBeLessThan(200);
    expect(result.columns.areaParts).toEqual([
      'district_id',
      'forecast_area_id',
      'district_region_id',
      'planning_area_id',
    ]);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.code).toBe('import.other_gebietsstand');
    expect(errors[0]!.message).toMatch(
      /^„berlin-lor-population-2020-02-t2\.csv“, Spalte „district_id \+ forecast_area_id \+ district_region_id \+ planning_area_id“: Die Schlüssel passen zu keinem Gebiet der Ebene „Planungsraum“ \(\d+ Schlüssel, z\. B\. „\d{8}“/,
    );
    expect(errors[0]!.message).toContain(
      'sie sehen aus wie Planungsräume eines anderen Gebietsstands (vor 2021?)',
    );
  });

  it('the same file against its own Gebietsstand reads all 448 Planungsräume', async () => {
    const old = await berlinKeys('berlin-lor-population-2020-02-t2.csv');
    const { result } = await read(
      { path: `${BERLIN}/berlin-lor-population-2020-02-t2.csv` },
      { knownKeys: old, date: '2020-12-31' },
    );
    expect(result.ok).toBe(true);
    expect(result.stats.areas).toBe(old.length);
  });
});
