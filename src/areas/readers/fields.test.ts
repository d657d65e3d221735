import { describe, expect, it } from 'vitest';
import { LagebildError } from '../../core/errors.ts';
import type { SourceRecord } from './area-file.ts';
import { dbfEncoding } from './encoding.ts';
import { chooseFields, keyText } from './fields.ts';

const record = (i: number, properties: Record<string, unknown>): SourceRecord => ({
  record: i + 1,
  geometry: null,
  properties,
  texts: Object.fromEntries(Object.entries(properties).map(([k, v]) => [k, keyText(v)])),
});

describe('keyText', () => {
  it.each([
    ['01100103', false, '01100103'],
    [' 909 ', false, '909'],
    ['103.000', true, '103'],
    ['007', true, '007'],
    ['1.03000000000e+002', true, '103'],
    ['103.5', true, '103.5'],
    [103, false, '103'],
    ['', false, null],
    [null, false, null],
  ])('%j (dBASE number: %s) → %j', (value, rawNumeric, expected) => {
    expect(keyText(value, rawNumeric)).toBe(expected);
  });
});

describe('chooseFields', () => {
  const records = [
    record(0, { FLAECHE: 1.5, GEBIET_NR: '01', NAME: 'Nord', BEZIRK: 'A' }),
    record(1, { FLAECHE: 2.5, GEBIET_NR: '02', NAME: 'Süd', BEZIRK: 'A' }),
  ];
  const fields = ['FLAECHE', 'GEBIET_NR', 'NAME', 'BEZIRK'];

  it('guesses a unique key-like field and a name field', () => {
    expect(chooseFields('a.shp', fields, records, {})).toEqual({
      idField: 'GEBIET_NR',
      nameField: 'NAME',
      parentField: null,
    });
  });

  it('accepts given fields case-insensitively', () => {
    expect(chooseFields('a.shp', fields, records, { idField: 'name', parentField: 'bezirk' })).toEqual({
      idField: 'NAME',
      nameField: null,
      parentField: 'BEZIRK',
    });
  });

  it('lists the fields when a given one does not exist', () => {
    try {
      chooseFields('a.shp', fields, records, { nameField: 'BEZEICHNUNG' });
      expect.fail('expected an error');
    } catch (e) {
      expect(e).toBeInstanceOf(LagebildError);
      expect((e as LagebildError).code).toBe('import.field_not_found');
      expect((e as LagebildError).message).toContain('„FLAECHE“, „GEBIET_NR“, „NAME“, „BEZIRK“');
    }
  });
});

describe('dbfEncoding', () => {
  const ascii = new TextEncoder().encode('Koeln');
  it.each([
    ['UTF-8', 'utf-8'],
    ['utf8', 'utf-8'],
    ['1252', 'windows-1252'],
    ['ANSI 1252', 'windows-1252'],
    ['CP1252', 'windows-1252'],
    ['ISO-8859-1', 'iso-8859-1'],
    ['88591', 'iso-8859-1'],
  ])('.cpg %s → %s', (cpg, expected) => {
    expect(dbfEncoding({ name: 'a.cpg', text: `${cpg}\r\n` }, ascii)).toBe(expected);
  });

  it('falls back to Windows-1252, or UTF-8 when the bytes are valid UTF-8', () => {
    expect(dbfEncoding(undefined, new Uint8Array([0x4d, 0xfc, 0x6c]))).toBe('windows-1252'); // "Mül"
    expect(dbfEncoding(undefined, new TextEncoder().encode('Mül'))).toBe('utf-8');
  });

  it('refuses an unknown .cpg label', () => {
    expect(() => dbfEncoding({ name: 'a.cpg', text: 'KLINGONISCH' }, ascii)).toThrow(/„a.cpg“.*KLINGONISCH/);
  });
});
