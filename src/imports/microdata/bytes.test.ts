import { describe, expect, it } from 'vitest';
import { ByteKeyTable, DATE_AFTER, DATE_INVALID, ageAt, parseDecimal, parseStichtag } from './bytes.ts';

const bytes = (text: string) => Buffer.from(text, 'latin1');

describe('parseDecimal', () => {
  it('gives exactly what Number() gives for coordinates and other decimals', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const samples = [
      '0',
      '-0.5',
      '+3',
      '356123.4',
      '5720392.0',
      '7.6543210987654',
      '12',
      '.5',
      '1.',
      '  42.25 ',
    ];
    for (let i = 0; i < 2000; i++)
      samples.push((rand() * 1e6).toFixed(i % 8), (rand() * 360 - 180).toFixed(9));
    for (const s of samples) expect(parseDecimal(bytes(s), 0, s.length, false), s).toBe(Number(s));
  });

  it('reads a decimal comma only when allowed, long numbers and exponents via Number()', () => {
    expect(parseDecimal(bytes('356123,4'), 0, 8, true)).toBe(356123.4);
    expect(parseDecimal(bytes('356123,4'), 0, 8, false)).toBeNaN();
    expect(parseDecimal(bytes('1.2345678901234567'), 0, 18, false)).toBe(1.2345678901234567);
    expect(parseDecimal(bytes('3.5e5'), 0, 5, false)).toBe(350000);
    for (const bad of ['', ' ', '-', '.', '1.2.3', '12a', 'NaN', '1,5']) {
      expect(parseDecimal(bytes(bad), 0, bad.length, false), bad).toBeNaN();
    }
  });
});

describe('ageAt', () => {
  const day = parseStichtag('2024-12-31')!;
  const age = (s: string) => ageAt(bytes(s), 0, s.length, day);

  it('counts completed years in every accepted spelling', () => {
    expect([
      age('2000-12-31'),
      age('31.12.2000'),
      age('20001231'),
      age('1.1.2001'),
      age(' 2001-01-01 '),
    ]).toEqual([24, 24, 24, 23, 23]);
    const mid = parseStichtag('2024-06-15')!;
    expect(ageAt(bytes('2000-06-15'), 0, 10, mid)).toBe(24);
    expect(ageAt(bytes('2000-06-16'), 0, 10, mid)).toBe(23);
  });

  it('refuses impossible dates and dates after the Stichtag', () => {
    for (const bad of [
      '2023-02-29',
      '2000-13-01',
      '2000-00-10',
      '32.01.2000',
      '2000/01/01',
      '',
      'heute',
      '99999999',
    ])
      expect(age(bad), bad).toBe(DATE_INVALID);
    expect(age('2024-02-29')).toBe(0);
    expect(age('2025-01-01')).toBe(DATE_AFTER);
    expect(parseStichtag('2024-02-30')).toBeNull();
  });
});

describe('ByteKeyTable', () => {
  it('gives dense ids in insertion order and finds every key again after growing', () => {
    const table = new ByteKeyTable(4);
    const keys = Array.from({ length: 5000 }, (_, i) => `H${(i * 7919).toString(16)}`);
    const buf = bytes(keys.join(''));
    let offset = 0;
    const ranges = keys.map((k) => {
      const r = [offset, offset + k.length] as const;
      offset += k.length;
      return r;
    });
    ranges.forEach(([s, e], i) => {
      expect(table.idOf(buf, s, e)).toBe(i);
      expect(table.inserted).toBe(true);
    });
    ranges.forEach(([s, e], i) => {
      expect(table.idOf(buf, s, e)).toBe(i);
      expect(table.inserted).toBe(false);
      expect(table.find(buf, s, e)).toBe(i);
    });
    expect(table.size).toBe(5000);
    expect(table.capacity).toBeGreaterThanOrEqual(5000);
    expect(table.find(bytes('nope'), 0, 4)).toBe(-1);
  });
});
