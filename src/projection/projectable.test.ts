import { describe, expect, it } from 'vitest';
import { projectable } from './projectable.ts';

const run = { variables: ['ew', 'ew_u3', 'ew_65plus'] };

describe('projectable', () => {
  it('takes counts and rates of projected variables', () => {
    expect(projectable({ formula: 'count', numerator: 'ew_u3', denominator: null }, run)).toBe(true);
    expect(projectable({ formula: 'share', numerator: 'ew_65plus', denominator: 'ew' }, run)).toBe(true);
  });
  it('refuses variables that were not projected and changes over years', () => {
    expect(projectable({ formula: 'share', numerator: 'sgb2', denominator: 'ew' }, run)).toBe(false);
    expect(projectable({ formula: 'ratio', numerator: 'ew', denominator: 'hh' }, run)).toBe(false);
    expect(projectable({ formula: 'relative_change', numerator: 'ew', denominator: null }, run)).toBe(false);
  });
});
