import { describe, expect, it } from 'vitest';
import { DEFAULT_CATALOGUE } from './catalogue.ts';
import { ageRange, numeratorIsPart } from './part-of.ts';

describe('numeratorIsPart', () => {
  it('reads the age groups of count keys', () => {
    expect(ageRange('ew_u18')).toEqual({ prefix: 'ew', from: 0, to: 18 });
    expect(ageRange('ew_18_64')).toEqual({ prefix: 'ew', from: 18, to: 65 });
    expect(ageRange('ew_65plus')).toEqual({ prefix: 'ew', from: 65, to: Infinity });
    expect(ageRange('sgb2')).toBeNull();
  });

  it('exempts the quotients of the default catalogue and keeps the shares', () => {
    const byKey = new Map(DEFAULT_CATALOGUE.map((i) => [i.key, i]));
    expect(numeratorIsPart(byKey.get('altenquotient')!)).toBe(false);
    expect(numeratorIsPart(byKey.get('jugendquotient')!)).toBe(false);
    expect(numeratorIsPart(byKey.get('hochaltrige')!)).toBe(true);
    expect(numeratorIsPart(byKey.get('kinderarmut')!)).toBe(true);
    expect(numeratorIsPart(byKey.get('haushaltsgroesse')!)).toBe(false); // ratio
    expect(numeratorIsPart(byKey.get('einwohner')!)).toBe(false); // count
  });

  it('decides a renamed ratio of disjoint age groups by the ages, not the name', () => {
    const base = { key: 'k', name: 'Ältere je Erwerbsfähige', formula: 'share' as const };
    expect(numeratorIsPart({ ...base, numerator: 'ew_80plus', denominator: 'ew_18_64' })).toBe(false);
    expect(numeratorIsPart({ ...base, numerator: 'ew_80plus', denominator: 'ew_65plus' })).toBe(true);
    expect(numeratorIsPart({ ...base, numerator: 'ew_u3', denominator: 'ew_u6' })).toBe(true);
    expect(numeratorIsPart({ ...base, numerator: 'ew_u18', denominator: 'ew' })).toBe(true);
  });
});
