import { describe, expect, it } from 'vitest';
import { t } from './texts.ts';

describe('formula texts', () => {
  it('names the calculation in words', () => {
    expect(t.formula.share()).toBe('Anteil (Zähler/Nenner·100)');
    expect(t.formula.change_pp(2)).toBe('Veränderung in Prozentpunkten über 2 Jahre');
    expect(t.formula.relative_change(1)).toBe('Veränderung in % über 1 Jahr');
  });

  it('writes the calculation out with the variables', () => {
    const base = { numerator: 'sgb2', denominator: 'ew_u65', periodYears: null };
    expect(t.formulaWritten({ ...base, formula: 'share' })).toBe('sgb2 / ew_u65 · 100');
    expect(t.formulaWritten({ ...base, formula: 'per_1000' })).toBe('sgb2 / ew_u65 · 1.000');
    expect(t.formulaWritten({ ...base, formula: 'change_pp', periodYears: 2 })).toBe(
      '(sgb2 / ew_u65 · 100) am Stichtag − (sgb2 / ew_u65 · 100) 2 Jahre zuvor',
    );
    expect(
      t.formulaWritten({ numerator: 'ew', denominator: null, formula: 'relative_change', periodYears: 5 }),
    ).toBe('(ew am Stichtag ÷ ew 5 Jahre zuvor − 1) · 100');
  });
});
