import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CsvRowSplitter, rankDelimiters, splitLine } from './csv.ts';
import { StreamingDecoder } from './decode.ts';
import type { SourceRow } from './types.ts';

/** Decodes bytes fed in chunks of `size`. */
function decode(bytes: Uint8Array, size = 7, prefix = 16): { text: string; d: StreamingDecoder } {
  const d = new StreamingDecoder(prefix);
  let text = '';
  for (let i = 0; i < bytes.length; i += size) text += d.write(bytes.subarray(i, i + size));
  text += d.end();
  return { text, d };
}

const utf8 = (s: string) => new TextEncoder().encode(s);
const cp1252 = (s: string) => new Uint8Array(iconv.encode(s, 'win1252'));
const concat = (...parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe('StreamingDecoder', () => {
  const text = 'Gebiet;Name\n101;Mülheim\n102;Sülz – „Süd“\n103;Weiß…\n';

  it('strips a UTF-8 BOM', () => {
    const { text: t, d } = decode(concat(new Uint8Array([0xef, 0xbb, 0xbf]), utf8(text)));
    expect(t).toBe(text);
    expect(d.state).toEqual({ encoding: 'utf-8', bom: true, mixed: null });
  });

  it('reads UTF-8 without BOM, also when chunks split a character', () => {
    for (const size of [1, 2, 3, 5, 64]) {
      const { text: t, d } = decode(utf8(text), size);
      expect(t).toBe(text);
      expect(d.state.encoding).toBe('utf-8');
      expect(d.state.mixed).toBeNull();
    }
  });

  it('reads Windows-1252 umlauts, quotes and dashes', () => {
    const { text: t, d } = decode(cp1252(text));
    expect(t).toBe(text);
    expect(d.state.encoding).toBe('windows-1252');
    expect(d.state.mixed).toBeNull();
  });

  it('waits for the first non-ASCII byte, even far beyond the prefix', () => {
    const ascii = 'Gebiet;Wert\n' + '101;1\n'.repeat(5000);
    const { text: t, d } = decode(concat(utf8(ascii), cp1252('102;Köln\n')), 4096, 1024);
    expect(t.endsWith('102;Köln\n')).toBe(true);
    expect(d.state.encoding).toBe('windows-1252');
    expect(d.state.mixed).toBeNull();
  });

  it('treats pure ASCII as UTF-8', () => {
    expect(decode(utf8('a;b\n1;2\n')).d.state).toEqual({ encoding: 'utf-8', bom: false, mixed: null });
  });

  it('reports the first Windows-1252 line of a UTF-8 file', () => {
    const bytes = concat(
      utf8('Gebiet;Name\n101;Mülheim\n102;Sülz\n'),
      cp1252('103;Höhenberg\n'),
      utf8('104;Weiß\n'),
    );
    const { text: t, d } = decode(bytes, 5);
    expect(d.state.encoding).toBe('utf-8');
    expect(d.state.mixed).toEqual({ line: 4, other: 'windows-1252' });
    expect(t).toContain('104;Weiß');
  });

  it('reports UTF-8 lines in a Windows-1252 file', () => {
    const bytes = concat(cp1252('Gebiet;Name\n101;Mülheim\n102;Sülz\n103;Weiß\n'), utf8('104;Höhenberg\n'));
    const { d } = decode(bytes, 1000, 1000);
    expect(d.state.encoding).toBe('windows-1252');
    expect(d.state.mixed).toEqual({ line: 5, other: 'utf-8' });
  });

  it('reads UTF-16 with BOM (Excel "Unicode-Text")', () => {
    const bytes = concat(
      new Uint8Array([0xff, 0xfe]),
      new Uint8Array(Buffer.from('a\tÄ\n1\t2\n', 'utf16le')),
    );
    const { text: t, d } = decode(bytes, 3);
    expect(t).toBe('a\tÄ\n1\t2\n');
    expect(d.state.encoding).toBe('utf-16le');
  });
});

describe('CSV rows', () => {
  const rows = (text: string, delimiter = ';', chunk = 3): SourceRow[] => {
    const s = new CsvRowSplitter(delimiter);
    const out: SourceRow[] = [];
    for (let i = 0; i < text.length; i += chunk) s.push(text.slice(i, i + chunk), out);
    s.end(out);
    return out;
  };

  it('splits plain lines, CRLF, and a last line without break', () => {
    expect(rows('a;b\r\n1;2\r\n3;4')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
      { line: 3, cells: ['3', '4'] },
    ]);
  });

  it('handles quotes: delimiters, doubled quotes and line breaks inside, line numbers after', () => {
    const text = 'a;b\n"x;y";"sagt ""hallo"""\n"zwei\nZeilen";2\n5;"6"\n';
    for (const chunk of [1, 2, 4, 100]) {
      expect(rows(text, ';', chunk)).toEqual([
        { line: 1, cells: ['a', 'b'] },
        { line: 2, cells: ['x;y', 'sagt "hallo"'] },
        { line: 3, cells: ['zwei\nZeilen', '2'] },
        { line: 5, cells: ['5', '6'] },
      ]);
    }
  });

  it('keeps a quote inside an unquoted field', () => {
    expect(splitLine('5" Monitor;2', ';')).toEqual(['5" Monitor', '2']);
    expect(rows('5" Monitor;2\n')).toEqual([{ line: 1, cells: ['5" Monitor', '2'] }]);
  });

  it('finds the delimiter despite title lines and decimal commas', () => {
    const lines = [
      'Tabelle 1: Einwohner',
      '',
      'Gebiet;Wert;Quote',
      '101;12;1,5',
      '102;13;2',
      '103;1.234;2,25',
    ];
    expect(rankDelimiters(lines)[0]).toMatchObject({ delimiter: ';', columns: 3, consistentLines: 4 });
    expect(rankDelimiters(['a,b,c', '1,2,3', '"x,y",2,3'])[0]).toMatchObject({ delimiter: ',', columns: 3 });
    expect(rankDelimiters(['a\tb', '1\t2'])[0]!.delimiter).toBe('\t');
    expect(rankDelimiters(['a|b|c', '1|2|3'])[0]!.delimiter).toBe('|');
    expect(rankDelimiters(['nur eine Spalte', '1', '2'])[0]!.columns).toBe(1);
  });
});
