import { describe, expect, it } from 'vitest';
import { parseDateCell } from './dates.ts';
import {
  conventionFromSample,
  looksLikeFormula,
  neutraliseSpreadsheetCell,
  parseNumberText,
  parseValue,
  qualityStatus,
} from './values.ts';

const num = (text: string, convention: 'de' | 'en' = 'de') => {
  const v = parseValue(text, convention);
  return v.kind === 'number' ? v.value : v.kind;
};

describe('numbers', () => {
  it.each([
    ['1234', 1234],
    ['-1234', -1234],
    ['−17', -17],
    ['1234,5', 1234.5],
    ['1234.5', 1234.5],
    ['1.234,5', 1234.5],
    ['1.234.567', 1234567],
    ['1.234.567,89', 1234567.89],
    ['1,234,567', 1234567],
    ['1,234.5', 1234.5],
    ['1 234 567', 1234567],
    ['1\u00a0234,5', 1234.5],
    ['1\u202f234', 1234],
    ["1'234'567", 1234567],
    ['0,125', 0.125],
    ['4.22594', 4.22594],
    ['1023101.0', 1023101],
    ['1234.567', 1234.567],
    [',5', 0.5],
    ['12,5 %', 12.5],
    ['1.5e3', 1500],
    ['  42 ', 42],
  ])('%s → %d', (text, expected) => {
    expect(num(text)).toBe(expected);
  });

  it('reads the ambiguous 1.234 and 1,234 by the convention and says so', () => {
    expect(parseNumberText('1.234', 'de')).toEqual({ value: 1234, ambiguous: true });
    expect(parseNumberText('1.234', 'en')).toEqual({ value: 1.234, ambiguous: true });
    expect(parseNumberText('1,234', 'de')).toEqual({ value: 1.234, ambiguous: true });
    expect(parseNumberText('1,234', 'en')).toEqual({ value: 1234, ambiguous: true });
    // A leading zero or four leading digits cannot be a thousands group.
    expect(parseNumberText('0.234', 'de')).toEqual({ value: 0.234, ambiguous: false });
    expect(parseNumberText('1234.567', 'de')).toEqual({ value: 1234.567, ambiguous: false });
  });

  it('refuses malformed groupings and text', () => {
    for (const t of [
      '1.23.4',
      '1.234.5',
      '12.34.567',
      '1,234,5.6',
      '1.234.567.8,9,1',
      'abc',
      '12a',
      '1 2',
      '--5',
      '5-',
    ])
      expect(parseValue(t).kind, t).toBe('text');
  });

  it('settles a column convention from its sample', () => {
    expect(conventionFromSample(['4.22594', '1.0', '3'])).toBe('en');
    expect(conventionFromSample(['12,5', '1.234,5'])).toBe('de');
    expect(conventionFromSample(['1.234', '12.345'])).toBeNull();
    expect(conventionFromSample([1.5, null, ''])).toBeNull();
  });
});

describe('official symbols', () => {
  it.each([
    ['·', 'secret'],
    ['.', 'secret'],
    ['*', 'secret'],
    ['/', 'secret'],
    ['-', 'missing'],
    ['–', 'missing'],
    ['x', 'missing'],
    ['X', 'missing'],
    ['…', 'missing'],
    ['...', 'missing'],
    ['k. A.', 'missing'],
  ])('%s → %s', (text, status) => {
    const v = parseValue(text);
    expect(v.kind).toBe('symbol');
    if (v.kind === 'symbol') expect(v.status).toBe(status);
  });

  it('reads p, s and (…) as estimated, r as a value', () => {
    expect(parseValue('123p')).toEqual({ kind: 'number', value: 123, status: 'estimated' });
    expect(parseValue('1.234,5 s')).toEqual({ kind: 'number', value: 1234.5, status: 'estimated' });
    expect(parseValue('(17)')).toEqual({ kind: 'number', value: 17, status: 'estimated' });
    expect(parseValue('456r')).toEqual({ kind: 'number', value: 456, status: 'value' });
  });

  it('maps GENESIS quality flags', () => {
    expect(qualityStatus('e')).toBe('value');
    expect(qualityStatus('p')).toBe('estimated');
    expect(qualityStatus('s')).toBe('estimated');
    expect(qualityStatus('r')).toBe('value');
    expect(qualityStatus('?')).toBeNull();
  });

  it('keeps XLSX numbers as they are and never reads formulas', () => {
    expect(parseValue(1234.5)).toEqual({ kind: 'number', value: 1234.5, status: 'value' });
    expect(parseValue({ formula: 'SUM(A1:A3)' }).kind).toBe('formula');
    expect(parseValue(null).kind).toBe('empty');
  });
});

describe('spreadsheet formulas', () => {
  it.each(['=1+2', '+1', '@SUM(A1)', '-A1', '-SUMME(A1)', '\t=1', ' =HYPERLINK("x")', '=cmd|" /C calc"!A0'])(
    'treats %j as a formula',
    (text) => {
      expect(looksLikeFormula(text)).toBe(true);
      expect(parseValue(text).kind).toBe('formula');
    },
  );

  it.each(['-12,5', '-', '12', 'Köln', '-(leer)'.slice(1)])('does not flag %j', (text) => {
    expect(looksLikeFormula(text)).toBe(false);
  });

  it('neutralises text for export', () => {
    expect(neutraliseSpreadsheetCell('=1+2')).toBe("'=1+2");
    expect(neutraliseSpreadsheetCell('+49 221 123')).toBe("'+49 221 123");
    expect(neutraliseSpreadsheetCell('-x')).toBe("'-x");
    expect(neutraliseSpreadsheetCell('@user')).toBe("'@user");
    expect(neutraliseSpreadsheetCell(' =1')).toBe("' =1");
    expect(neutraliseSpreadsheetCell('Mülheim')).toBe('Mülheim');
  });
});

describe('Stichtage', () => {
  it.each([
    ['2012', '2012-12-31'],
    ['31.12.2022', '2022-12-31'],
    ['1.7.2022', '2022-07-01'],
    ['2022-06-30', '2022-06-30'],
    ['2022-06-30T00:00:00Z', '2022-06-30'],
    ['20221231', '2022-12-31'],
    ['202012', '2020-12-31'],
    ['2024-02', '2024-02-29'],
    ['06/2022', '2022-06-30'],
    ['Juni 2022', '2022-06-30'],
    ['2023Q2', '2023-06-30'],
    ['2. Quartal 2023', '2023-06-30'],
  ])('%s → %s', (text, iso) => {
    expect(parseDateCell(text)).toBe(iso);
  });

  it('takes XLSX dates and numeric years', () => {
    expect(parseDateCell(new Date(Date.UTC(2021, 11, 31)))).toBe('2021-12-31');
    expect(parseDateCell(2021)).toBe('2021-12-31');
  });

  it('refuses impossible dates and non-dates', () => {
    for (const t of ['31.02.2023', '2023-13-01', 'gestern', '12345', '', '1700'])
      expect(parseDateCell(t), t).toBeNull();
  });
});
