/** Capacity parts: numbers from delivered texts, the values of a type's parts, and edits of them. */
import { describe, expect, it } from 'vitest';
import { partValues, propertyNumber, unknownParts, withParts } from './capacity-parts.ts';

const KITA = [
  { key: 'plaetze_u3', name: 'Plätze für Kinder unter 3 Jahren' },
  { key: 'plaetze_ue3', name: 'Plätze für Kinder ab 3 Jahren' },
];

describe('propertyNumber', () => {
  it('reads numbers and decimal texts, and nothing else', () => {
    expect(propertyNumber(24)).toBe(24);
    expect(propertyNumber(' 24 ')).toBe(24);
    expect(propertyNumber('12,5')).toBe(12.5);
    expect(propertyNumber('12.5')).toBe(12.5);
    expect(propertyNumber('k. A.')).toBeNull();
    expect(propertyNumber('')).toBeNull();
    expect(propertyNumber(null)).toBeNull();
    expect(propertyNumber(-3)).toBeNull();
    expect(propertyNumber('1.234,5')).toBeNull();
    expect(propertyNumber(Number.NaN)).toBeNull();
  });
});

describe('partValues', () => {
  it('gives every part of the type, null where the delivery has none or no number', () => {
    expect(partValues({ plaetze_u3: '12', Name: 'Kita' }, KITA)).toEqual({
      plaetze_u3: 12,
      plaetze_ue3: null,
    });
    expect(partValues({ plaetze_u3: 'k. A.', plaetze_ue3: 40 }, KITA)).toEqual({
      plaetze_u3: null,
      plaetze_ue3: 40,
    });
    expect(partValues({ plaetze_u3: 12 }, [])).toEqual({});
  });
});

describe('withParts', () => {
  it('sets numbers, removes nulls and keeps every other delivered field', () => {
    const delivered = { plaetze_u3: '12', plaetze_ue3: '48', Träger: 'AWO' };
    expect(withParts(delivered, { plaetze_u3: 15 })).toEqual({
      plaetze_u3: 15,
      plaetze_ue3: '48',
      Träger: 'AWO',
    });
    expect(withParts(delivered, { plaetze_ue3: null })).toEqual({ plaetze_u3: '12', Träger: 'AWO' });
    expect(delivered).toEqual({ plaetze_u3: '12', plaetze_ue3: '48', Träger: 'AWO' });
  });
});

describe('unknownParts', () => {
  it('names the keys that are no part of the type', () => {
    expect(unknownParts({ plaetze_u3: 1, plaetze_u2: 2 }, KITA)).toEqual(['plaetze_u2']);
    expect(unknownParts({}, [])).toEqual([]);
  });
});
