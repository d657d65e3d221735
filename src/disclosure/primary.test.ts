import { describe, expect, it } from 'vitest';
import { frequencyRule, populationRule, rateRule } from './primary.ts';

const cells = [
  { id: 'a', value: 0 },
  { id: 'b', value: 1 },
  { id: 'c', value: 2 },
  { id: 'd', value: 3 },
  { id: 'e', value: 250 },
];

describe('frequencyRule', () => {
  it('hides 1 and 2, publishes 0 and 3 by default (Bundesagentur für Arbeit)', () => {
    expect(frequencyRule(cells)).toEqual(
      new Map([
        ['b', 'Fallzahl unter 3'],
        ['c', 'Fallzahl unter 3'],
      ]),
    );
  });

  it('hides zeros on request and follows the threshold', () => {
    expect([...frequencyRule(cells, { suppressZero: true }).keys()]).toEqual(['a', 'b', 'c']);
    expect(frequencyRule(cells, { suppressZero: true }).get('a')).toBe(
      'Fallzahl 0 (Nullwerte werden geheim gehalten)',
    );
    expect(frequencyRule(cells, { threshold: 5 }).get('d')).toBe('Fallzahl unter 5');
  });
});

describe('rateRule', () => {
  it('hides rates with a small numerator or denominator, or for small areas', () => {
    const out = rateRule(
      [
        { id: 'ok', numerator: 30, denominator: 900, population: 1200 },
        { id: 'zero', numerator: 0, denominator: 900, population: 1200 },
        { id: 'one', numerator: 1, denominator: 900, population: 1200 },
        { id: 'den', numerator: 2, denominator: 2 },
        { id: 'den0', numerator: 0, denominator: 0 },
        { id: 'small', numerator: 30, denominator: 90, population: 299 },
      ],
      {},
    );
    expect(Object.fromEntries(out)).toEqual({
      one: 'Zähler unter 3',
      den: 'Zähler unter 3',
      den0: 'Nenner unter 3',
      small: 'Gebiet mit weniger als 300 Einwohnern (keine Quoten)',
    });
    expect(
      rateRule([{ id: 'zero', numerator: 0, denominator: 900 }], { suppressZero: true }).get('zero'),
    ).toBe('Zähler unter 3');
  });

  it('hides a rate whose numerator or denominator is secret in the count table', () => {
    const secret = new Set(['sr1|sgb2', 'sr2|ew']);
    const out = rateRule(
      [
        { id: 'q1', numerator: 40, denominator: 800, numeratorCell: 'sr1|sgb2', denominatorCell: 'sr1|ew' },
        { id: 'q2', numerator: 40, denominator: 800, numeratorCell: 'sr2|sgb2', denominatorCell: 'sr2|ew' },
        { id: 'q3', numerator: 40, denominator: 800, numeratorCell: 'sr3|sgb2', denominatorCell: 'sr3|ew' },
      ],
      { secret },
    );
    expect(Object.fromEntries(out)).toEqual({
      q1: 'Zähler ist geheim gehalten',
      q2: 'Nenner ist geheim gehalten',
    });
  });
});

describe('populationRule', () => {
  it('names areas under the minimum population (default 300)', () => {
    const areas = [
      { id: 'a', population: 299 },
      { id: 'b', population: 300 },
    ];
    expect([...populationRule(areas).keys()]).toEqual(['a']);
    expect([...populationRule(areas, 500).keys()]).toEqual(['a', 'b']);
  });
});
