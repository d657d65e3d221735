import { describe, expect, it } from 'vitest';
import type { LagebildError } from '../core/errors.ts';
import { readCareRates } from './care-assumptions.service.ts';

const message = (f: () => unknown) => {
  try {
    f();
    return 'none';
  } catch (e) {
    return `${(e as LagebildError).code}: ${(e as LagebildError).message}`;
  }
};

describe('readCareRates', () => {
  it('reads the Pflegestatistik’s table: ages to the last year of the band, quotes in percent', () => {
    const csv = 'Von;Bis;Quote\n0;59;1,2\n60;74;5,8\n75;89;28,4\n90;;76,3\n';
    const bands = readCareRates(csv, 'quoten.csv');
    expect(bands.map((b) => [b.from, b.to])).toEqual([
      [0, 60],
      [60, 75],
      [75, 90],
      [90, null],
    ]);
    [0.012, 0.058, 0.284, 0.763].forEach((rate, i) => expect(bands[i]!.rate).toBeCloseTo(rate, 12));
  });

  it('reads from,to,rate with exclusive ends and shares', () => {
    expect(readCareRates('from,to,rate\n0,80,0.02\n80,,0.4\n', 'r.csv')).toEqual([
      { from: 0, to: 80, rate: 0.02 },
      { from: 80, to: null, rate: 0.4 },
    ]);
  });

  it('names file, row, column and problem in German', () => {
    expect(message(() => readCareRates('von;bis;quote\n0;59;1,2\n60;x;5\n', 'q.csv'))).toBe(
      'care.invalid_rates: q.csv, Zeile 3, Spalte „bis“: „x“ ist kein Alter.',
    );
    expect(message(() => readCareRates('von;bis;quote\n0;59;120\n', 'q.csv'))).toBe(
      'care.invalid_rates: q.csv, Zeile 2, Spalte „quote“: 120 liegt nicht zwischen 0 und 100 %.',
    );
    expect(message(() => readCareRates('alter;quote\n0;1\n', 'q.csv'))).toMatch(
      /^care\.invalid_rates: q\.csv, Zeile 1, Spalte „von“: Die Spalte fehlt \(erwartet: von;bis;quote\)/,
    );
  });
});
