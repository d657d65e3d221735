import { describe, expect, it } from 'vitest';
import { parseScopeValue, sameScope, scopeLabel, scopeLevel, scopeValue } from './scope.ts';

const levels = [
  { key: 'kreis', name: 'Kreis', rank: 0 },
  { key: 'gemeinde', name: 'Gemeinde', rank: 1 },
  { key: 'ortsteil', name: 'Ortsteil', rank: 2 },
];
const areas = [
  { id: '03351001', name: 'Heiderath' },
  { id: '03351002', name: 'Musterhausen' },
];

describe('scopeLevel', () => {
  it('picks the level directly below the whole territory', () => {
    expect(scopeLevel(levels)?.key).toBe('gemeinde');
    expect(scopeLevel([...levels].reverse())?.key).toBe('gemeinde');
    expect(scopeLevel([{ key: 'stadt', name: 'Stadt', rank: 0 }])).toBeUndefined();
  });
});

describe('scopeLabel', () => {
  it('names the whole territory, an area by level and name, and an unknown area by its key', () => {
    expect(scopeLabel(null, levels, areas)).toBe('ganzes Gebiet');
    expect(scopeLabel(undefined, undefined, undefined)).toBe('ganzes Gebiet');
    expect(scopeLabel({ level: 'gemeinde', key: '03351001' }, levels, areas)).toBe('Gemeinde Heiderath');
    expect(scopeLabel({ level: 'gemeinde', key: '09999' }, levels, areas)).toBe('Gemeinde 09999');
    expect(scopeLabel({ level: 'gemeinde', key: '03351002' }, undefined, undefined)).toBe(
      'gemeinde 03351002',
    );
  });
});

describe('scopeValue and parseScopeValue', () => {
  it('carry a scope through an option’s value and back, also keys with separators', () => {
    for (const scope of [null, { level: 'gemeinde', key: '03351001' }, { level: 'a:b', key: 'c"d,e' }])
      expect(parseScopeValue(scopeValue(scope))).toEqual(scope);
    expect(scopeValue(undefined)).toBe('');
  });

  it('tells an unchanged choice from a change', () => {
    const a = { level: 'gemeinde', key: '1' };
    expect(sameScope(a, { ...a })).toBe(true);
    expect(sameScope(null, undefined)).toBe(true);
    expect(sameScope(a, null)).toBe(false);
    expect(sameScope(a, { level: 'gemeinde', key: '2' })).toBe(false);
  });
});
