import { describe, expect, it } from 'vitest';
import { dependentSums, findCycle, formatSum, parseSumTerms } from './sum-definition.ts';

describe('parseSumTerms', () => {
  it('splits on plus signs and trims', () => {
    expect(parseSumTerms('020.120 + 020.130')).toEqual({ terms: ['020.120', '020.130'] });
    expect(parseSumTerms(['a+b', 'c'])).toEqual({ terms: ['a', 'b', 'c'] });
  });
  it('takes one term as an alias', () => {
    expect(parseSumTerms('einwohner_insgesamt')).toEqual({ terms: ['einwohner_insgesamt'] });
  });
  it('refuses empty, blank and doubled terms in German', () => {
    expect(parseSumTerms('')).toEqual({ error: 'Die Summe braucht mindestens eine Variable.' });
    expect(parseSumTerms('a + + b')).toEqual({
      error: 'Zwischen zwei „+“ fehlt eine Variable (leerer Summand).',
    });
    expect(parseSumTerms('a + b + a')).toEqual({ error: 'Die Variable „a“ steht zweimal in der Summe.' });
  });
});

describe('findCycle', () => {
  const defs = new Map([
    ['s', ['a', 'b']],
    ['t', ['s', 'c']],
  ]);
  it('finds a cycle through existing sums', () => {
    expect(findCycle(defs, 'a', ['t'])).toEqual(['a', 't', 's', 'a']);
    expect(findCycle(defs, 'a', ['a'])).toEqual(['a', 'a']);
  });
  it('accepts a redefinition that closes no cycle', () => {
    expect(findCycle(defs, 's', ['a', 'c'])).toBeNull();
    expect(findCycle(defs, 'u', ['t', 's'])).toBeNull();
  });
});

describe('dependentSums', () => {
  it('orders sums after the sums they are built from', () => {
    const defs = new Map([
      ['u18', ['u6', 'k6_17']],
      ['u6', ['k0_2', 'k3_5']],
      ['alle', ['u18', 'ab18']],
      ['other', ['x']],
    ]);
    expect(dependentSums(defs, ['k3_5'])).toEqual(['u6', 'u18', 'alle']);
    expect(dependentSums(defs, ['ab18'])).toEqual(['alle']);
    expect(dependentSums(defs, ['nothing'])).toEqual([]);
  });
});

it('formats a definition', () => {
  expect(formatSum('ew_65plus', ['m_020_120', 'm_020_130'])).toBe('ew_65plus = m_020_120 + m_020_130');
});
