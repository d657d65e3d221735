import { describe, expect, it } from 'vitest';
import { parseNumberCell, readWideTable } from './wide-table.ts';

describe('wide table for batch runs', () => {
  it('maps indicator columns by the code before the first underscore', () => {
    const t = readWideTable(
      'id,name,inhabitants,s1_percentage_unemployed,S2_x,d1_change,k01_context\n' +
        '01100101,Stülerstraße,3419.0,4.22594,1,1.46443,9\n' +
        '01100102,"Großer Tiergarten, Süd",,1.1,2,-0.2,9\n',
      'mss.csv',
    );
    expect(t.ids).toEqual(['01100101', '01100102']);
    expect(t.names[1]).toBe('Großer Tiergarten, Süd');
    expect(t.population).toEqual([3419, null]);
    expect(t.columns.map((c) => c.code)).toEqual(['S1', 'S2', 'D1']);
    expect([...t.columns[0]!.values]).toEqual([4.22594, 1.1]);
  });

  it('reads semicolon tables with decimal commas and official symbols for missing values', () => {
    const t = readWideTable(
      '\uFEFFid;name;inhabitants;s1_a\r\n1;A;1.234;4,5\r\n2;B;800;·\r\n3;C;900;-\r\n',
      'de.csv',
    );
    expect(t.population).toEqual([1234, 800, 900]); // German format: the point groups thousands
    expect(t.columns[0]!.values[0]).toBe(4.5);
    expect(t.columns[0]!.values[1]).toBeNaN();
    expect(t.columns[0]!.values[2]).toBeNaN();
    expect(parseNumberCell('1.234,5', true)).toBe(1234.5);
    // without any decimal comma in the file, points are decimal points (e.g. '2.82' in a ';' file)
    expect(readWideTable('id;name;inhabitants;s1_a\n1;A;500;2.82\n', 'p.csv').columns[0]!.values[0]).toBe(
      2.82,
    );
    expect(parseNumberCell('1e-3', false)).toBe(0.001);
    expect(parseNumberCell('zwölf', false)).toBeNull();
  });

  it('names file, line and column of every problem', () => {
    const err = (text: string) => {
      try {
        readWideTable(text, 'in.csv');
      } catch (e) {
        return (e as Error).message;
      }
      return 'no error';
    };
    expect(err('id,name,s1_a\n1,A,2\n')).toBe(
      'Datei „in.csv“: die Spalte „inhabitants“ fehlt (erwartet: id, name, inhabitants und Indikatorspalten wie s1_…, d1_…).',
    );
    expect(err('id,name,inhabitants,s1_a\n1,A,500,2\n\n2,B,500,x2\n')).toBe(
      'Datei „in.csv“, Zeile 4, Spalte „s1_a“: „x2“ ist keine Zahl.',
    );
    expect(err('id,name,inhabitants,s1_a\n1,A,viele,2\n')).toBe(
      'Datei „in.csv“, Zeile 2, Spalte „inhabitants“: „viele“ ist keine Zahl.',
    );
    expect(err('id,name,inhabitants,s1_a\n1,A,500,2\n1,B,500,3\n')).toBe(
      'Datei „in.csv“, Zeile 3: das Gebiet „1“ steht doppelt in der Datei (zuerst in Zeile 2).',
    );
    expect(err('id,name,inhabitants,s1_a\n1,A,500\n')).toBe('Datei „in.csv“, Zeile 2: 3 statt 4 Spalten.');
    expect(err('id,name,inhabitants,s1_a,s1_b\n')).toMatch(/haben beide den Code S1/);
    expect(err('id,name,inhabitants,s1_a\n"1,A,500,2\n')).toMatch(
      /^Datei „in.csv“, Zeile 2: die CSV-Datei ist fehlerhaft/,
    );
  });
});
