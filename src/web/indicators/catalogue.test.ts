import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../indicators/indicator.schema.ts';
import { byTheme, filterIndicators, themesOf, variablesOf } from './catalogue.ts';

const base: Indicator = {
  key: 'x',
  name: 'X',
  theme: 'Demografie',
  numerator: 'ew',
  denominator: null,
  formula: 'count',
  periodYears: null,
  unit: 'Personen',
  polarity: 'neutral',
  decimals: 0,
  description: '',
  source: 'Melderegister',
  updateCycle: 'jährlich',
  published: true,
  classification: null,
  target: null,
};
const list: Indicator[] = [
  { ...base, key: 'einwohner', name: 'Einwohner' },
  {
    ...base,
    key: 'sgb2_quote',
    name: 'SGB-II-Quote',
    theme: 'Soziale Lage',
    numerator: 'sgb2',
    denominator: 'ew_u65',
    formula: 'share',
  },
  { ...base, key: 'auslaenderanteil', name: 'Ausländeranteil', numerator: 'ausl', denominator: 'ew' },
];

describe('catalogue', () => {
  it('groups by theme in API order', () => {
    expect(byTheme(list).map(([theme, group]) => [theme, group.map((i) => i.key)])).toEqual([
      ['Demografie', ['einwohner', 'auslaenderanteil']],
      ['Soziale Lage', ['sgb2_quote']],
    ]);
  });

  it('finds every word, ignoring case and accents', () => {
    expect(filterIndicators(list, 'auslander').map((i) => i.key)).toEqual(['auslaenderanteil']);
    expect(filterIndicators(list, 'SOZIALE sgb2').map((i) => i.key)).toEqual(['sgb2_quote']);
    expect(filterIndicators(list, '  ')).toHaveLength(3);
    expect(filterIndicators(list, 'ew_u65 demografie')).toEqual([]);
  });

  it('lists themes and variables once, sorted', () => {
    expect(themesOf(list)).toEqual(['Demografie', 'Soziale Lage']);
    expect(variablesOf(list)).toEqual(['ausl', 'ew', 'ew_u65', 'sgb2']);
  });
});
