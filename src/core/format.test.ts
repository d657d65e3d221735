import { describe, expect, it } from 'vitest';
import { formatDataVersion, formatDate, formatNumber, formatValue, withUnit } from './format.ts';

describe('German formatting', () => {
  it('uses decimal comma, thousands dot and a non-breaking space before the unit', () => {
    expect(formatNumber(12345.678, 1)).toBe('12.345,7');
    expect(formatNumber(-0.01, 1)).toBe('0,0');
    expect(withUnit(7.25, 1, '%')).toBe('7,3\u00a0%');
    expect(withUnit(1234, 0, 'Personen')).toBe('1.234\u00a0Personen');
  });

  it('shows · for secret and – for missing values', () => {
    expect(formatValue(null, 'secret', 1, '%')).toBe('·');
    expect(formatValue(12, 'secret', 1, '%')).toBe('·');
    expect(formatValue(null, 'missing', 1, '%')).toBe('–');
    expect(formatValue(3.14159, 'estimated', 2, '‰', { unit: false })).toBe('3,14');
  });

  it('writes Stichtage as DD.MM.YYYY', () => {
    expect(formatDate('2024-12-31')).toBe('31.12.2024');
  });
});

describe('formatDataVersion', () => {
  it('names the change count, or the import and number of areas of older reports', () => {
    expect(formatDataVersion('1542')).toBe('Stand 1.542');
    expect(formatDataVersion('12:1542')).toBe('Import 12, 1.542 Gebiete');
    expect(formatDataVersion(null)).toBe('–');
    expect(formatDataVersion('x')).toBe('x');
  });
});
