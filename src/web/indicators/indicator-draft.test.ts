import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../indicators/indicator.schema.ts';
import { EMPTY_DRAFT, toDefinition, toDraft, withFormula } from './indicator-draft.ts';

const indicator: Indicator = {
  key: 'sgb2_quote_veraenderung_2j',
  name: 'Veränderung SGB-II-Quote (2 Jahre)',
  theme: 'Soziale Lage',
  numerator: 'sgb2',
  denominator: 'ew_u65',
  formula: 'change_pp',
  periodYears: 2,
  unit: 'Pp.',
  polarity: 'high_bad',
  decimals: 2,
  description: 'Veränderung in Prozentpunkten.',
  source: 'BA',
  updateCycle: 'jährlich',
  published: true,
  classification: null,
  target: null,
};

describe('indicator draft', () => {
  it('goes to the form and back unchanged', () => {
    expect(toDefinition(toDraft(indicator))).toEqual(indicator);
  });

  it('drops what the formula does not use', () => {
    const draft = { ...toDraft(indicator), formula: 'count' as const };
    expect(toDefinition(draft)).toMatchObject({ denominator: null, periodYears: null });
  });

  it('sends empty numbers as NaN (null in JSON) for the server to report', () => {
    const definition = toDefinition({ ...EMPTY_DRAFT, decimals: ' ' });
    expect(JSON.parse(JSON.stringify(definition))).toMatchObject({ decimals: null, periodYears: null });
  });

  it('lets the unit follow the formula until it was typed', () => {
    expect(withFormula(EMPTY_DRAFT, 'change_pp').unit).toBe('Pp.');
    expect(withFormula({ ...EMPTY_DRAFT, unit: 'Kinder' }, 'count').unit).toBe('Kinder');
  });
});
