import { describe, expect, it } from 'vitest';
import { chosenLevel, finestLevel } from './levels.ts';

const LEVELS = [{ key: 'stadtbezirk' }, { key: 'sozialraum' }, { key: 'baublock' }];

describe('chosenLevel', () => {
  it('takes the first key that names a level, else the finest', () => {
    expect(chosenLevel(LEVELS, 'sozialraum', 'stadtbezirk').key).toBe('sozialraum');
    expect(chosenLevel(LEVELS, 'ortsteil', 'stadtbezirk').key).toBe('stadtbezirk');
    expect(chosenLevel(LEVELS, null, undefined, '').key).toBe('baublock');
    expect(finestLevel(LEVELS).key).toBe('baublock');
  });

  it('refuses an empty list: the pages are shown only with a level', () => {
    expect(() => finestLevel([])).toThrow('Keine Ebene mit Gebieten');
  });
});
