import { describe, expect, it } from 'vitest';
import { areaWithLevel, levelDative, levelPlural } from './level-names.ts';

describe('level names', () => {
  it('forms plural and dative, with a fallback for unknown levels', () => {
    expect(levelPlural('Stadtbezirk')).toBe('Stadtbezirke');
    expect(levelDative('Stadtbezirk')).toBe('Stadtbezirken');
    expect(levelDative('Kiez')).toBe('Gebieten (Kiez)');
  });

  it('names an area with its level unless its name already says it', () => {
    expect(areaWithLevel('Stadtteil', 'Ehrenfeld')).toBe('Stadtteil Ehrenfeld');
    expect(areaWithLevel('Stadtbezirk', 'Ehrenfeld')).toBe('Stadtbezirk Ehrenfeld');
    expect(areaWithLevel('Stadtbezirk', 'Stadtbezirk 4')).toBe('Stadtbezirk 4');
  });
});
