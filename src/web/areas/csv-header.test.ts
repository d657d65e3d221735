import { describe, expect, it } from 'vitest';
import { readKeyCsv } from '../../areas/derive/key-csv.ts';
import { csvHeader } from './csv-header.ts';

describe('csvHeader', () => {
  it('finds the delimiter the server finds', () => {
    for (const text of [
      'Planungsraum;Bezirk;Bezirksname\n01100101;01;Mitte\n',
      'teil,bezirk\n101,1\n',
      'teil\tbezirk\tname\n101\t1\tInnenstadt\n',
      '\uFEFF"Stadtteil Nr";"Bezirk, Nummer"\r\n101;1\r\n',
      ' teil ; bezirk \n101;1\n',
    ])
      expect(csvHeader(text)).toEqual(readKeyCsv(text, 'schluessel.csv').columns);
  });

  it('unquotes names with quotes and delimiters inside', () => {
    expect(csvHeader('"a ""b""";"c;d"\n1;2')).toEqual(['a "b"', 'c;d']);
  });

  it('reads a header without rows and an empty text', () => {
    expect(csvHeader('teil;bezirk')).toEqual(['teil', 'bezirk']);
    expect(csvHeader('')).toEqual(['']);
  });
});
