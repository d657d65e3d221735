import { describe, expect, it } from 'vitest';
import { KeyMatcher, agsFromArs, findCompositeKeyColumns, findKeyColumn, keyText } from './keys.ts';

describe('area keys', () => {
  it('matches exactly, then without leading zeros', () => {
    const m = new KeyMatcher(['0101', '0102', '101', '01100101']);
    expect(m.match('0101')).toBe('0101');
    expect(m.match('101')).toBe('101'); // exact wins over the zero-stripped '0101'
    expect(m.match('1100101')).toBe('01100101');
    expect(m.match(1100101)).toBe('01100101'); // XLSX number
    expect(m.match('102')).toBe('0102');
    expect(m.match('  0102 ')).toBe('0102');
    expect(m.match('103')).toBeNull();
  });

  it('does not guess between keys that differ only in leading zeros', () => {
    const m = new KeyMatcher(['01', '001']);
    expect(m.match('1')).toBeNull();
    expect(m.match('01')).toBe('01');
  });

  it('reads key texts from numbers and decimals', () => {
    expect(keyText('101.0')).toBe('101');
    expect(keyText(5315000)).toBe('5315000');
    expect(keyText('05 315 000')).toBe('05315000');
    expect(keyText("'0101")).toBe('0101');
    expect(keyText(null)).toBe('');
  });

  it('derives the AGS of an ARS: first 5 digits + last 3', () => {
    expect(agsFromArs('053340002002')).toBe('05334002');
    expect(agsFromArs('53340002002')).toBe('05334002');
    expect(agsFromArs('05334002')).toBeNull();
  });

  it('matches ARS against known AGS and AGS against known ARS, with or without leading zero', () => {
    const ags = new KeyMatcher(['05334002', '05315000', '11000000']);
    expect(ags.match('053340002002')).toBe('05334002');
    expect(ags.match('53340002002')).toBe('05334002'); // ARS as number in Excel
    expect(ags.match(53340002002)).toBe('05334002');
    expect(ags.match('5315000')).toBe('05315000');
    expect(ags.match('110000000000')).toBe('11000000');
    const ars = new KeyMatcher(['053340002002', '053150000000']);
    expect(ars.match('05334002')).toBe('053340002002');
    expect(ars.match(5334002)).toBe('053340002002');
    expect(ars.match('53150000000')).toBe('053150000000');
    expect(ars.match('05334003')).toBeNull();
  });

  it('finds the key column by matches, and keys split over columns', () => {
    const m = new KeyMatcher(['01100101', '01100102', '02200201']);
    const sample = [
      ['01', '10', '01', '01', 'x', '1100101'],
      ['01', '10', '01', '02', 'y', '9'],
      ['02', '20', '02', '01', 'z', '1100102'],
    ];
    expect(findKeyColumn(sample, [0, 1, 2, 3, 4, 5], m)).toEqual({ column: 5, matched: 2, filled: 3 });
    expect(findCompositeKeyColumns(sample, [0, 1, 2, 3, 4], m)).toEqual([0, 1, 2, 3]);
  });
});
