import { describe, expect, it } from 'vitest';
import { typeColor, TYPE_COLORS } from './type-colors.ts';
import {
  apiTarget,
  compareHref,
  compareQuery,
  germanNumber,
  parseGermanNumber,
  readCompareState,
  readTypologyState,
  typologyQuery,
} from './typology-url.ts';

describe('typology and compare addresses', () => {
  it('round-trips the typology view', () => {
    const state = {
      level: 'sozialraum',
      date: '2024-12-31',
      indicators: ['sgb2_quote', 'kinderarmut'],
      k: '4',
    };
    expect(readTypologyState(`?${typologyQuery(state)}`)).toEqual(state);
  });

  it('falls back to defaults for missing or wrong parameters', () => {
    expect(readTypologyState('?k=12&indikatoren=,,')).toEqual({
      level: null,
      date: null,
      indicators: null,
      k: 'auto',
    });
    expect(readCompareState('?toleranz=-3&band=percent')).toMatchObject({
      b: 'stadt',
      tolerance: 25,
      band: 'percent',
    });
    expect(readCompareState('')).toMatchObject({ a: null, b: 'stadt', tolerance: 1, band: 'sd' });
  });

  it('round-trips the compare view', () => {
    const state = {
      level: 'sozialraum',
      date: '2023-12-31',
      indicators: ['a', 'b'],
      a: '101',
      b: 'bezirk',
      tolerance: 0,
      band: 'sd' as const,
    };
    expect(readCompareState(`?${compareQuery(state)}`)).toEqual(state);
  });

  it('links an area to the compare view and names B for the API', () => {
    expect(compareHref('sozialraum', '101')).toBe('/vergleich?ebene=sozialraum&a=101&b=stadt');
    expect(apiTarget('stadt')).toBe('city');
    expect(apiTarget('bezirk')).toBe('district');
    expect(apiTarget('205')).toBe('205');
  });

  it('reads tolerances typed the German way', () => {
    expect(parseGermanNumber('0,75')).toBe(0.75);
    expect(parseGermanNumber(' 2 ')).toBe(2);
    expect(parseGermanNumber('1.5')).toBe(1.5);
    expect(parseGermanNumber('-1')).toBeNull();
    expect(parseGermanNumber('0,')).toBeNull();
    expect(parseGermanNumber('')).toBeNull();
    expect(germanNumber(0.5)).toBe('0,5');
  });

  it('gives every type of k ≤ 8 its own colour', () => {
    expect(new Set([1, 2, 3, 4, 5, 6, 7, 8].map(typeColor)).size).toBe(8);
    expect(typeColor(9)).toBe(TYPE_COLORS[0]);
  });
});
