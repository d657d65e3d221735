import { describe, expect, it } from 'vitest';
import type { AreaStyle } from '../map/choropleth.ts';
import { dimStyles, FILTERED_FILL, parseGermanNumber, valueExtent, visibleAreas } from './filter.ts';

const values = [
  { id: 'a', value: 5, status: 'value' as const },
  { id: 'b', value: 12.5, status: 'value' as const },
  { id: 'c', value: null, status: 'secret' as const },
  { id: 'd', value: 30, status: 'estimated' as const },
];
const parentOf = new Map<string, string | null>([
  ['a', '1'],
  ['b', '1'],
  ['c', '2'],
  ['d', '2'],
]);
const none = { min: null, max: null, parents: [] };

describe('visibleAreas', () => {
  it('filters nothing without filters', () => {
    expect(visibleAreas(values, parentOf, none)).toBeNull();
  });

  it('keeps values inside the range, bounds included, and drops unknown values', () => {
    expect(visibleAreas(values, parentOf, { ...none, min: 12.5 })).toEqual(new Set(['b', 'd']));
    expect(visibleAreas(values, parentOf, { ...none, max: 12.5 })).toEqual(new Set(['a', 'b']));
    expect(visibleAreas(values, parentOf, { ...none, min: 6, max: 29 })).toEqual(new Set(['b']));
  });

  it('keeps the areas of the chosen districts, secret ones too', () => {
    expect(visibleAreas(values, parentOf, { ...none, parents: ['2'] })).toEqual(new Set(['c', 'd']));
    expect(visibleAreas(values, parentOf, { ...none, parents: ['2'], min: 0 })).toEqual(new Set(['d']));
    expect(visibleAreas(values, parentOf, { ...none, parents: ['9'] })).toEqual(new Set());
  });
});

describe('dimStyles', () => {
  const styles = new Map<string, AreaStyle>([
    ['a', { color: '#111111', cls: 0, status: 'value' }],
    ['c', { color: '#d4d4d4', cls: null, status: 'secret' }],
  ]);
  it('greys what is filtered out, without secret hatching', () => {
    expect(dimStyles(styles, null)).toBe(styles);
    const dimmed = dimStyles(styles, new Set(['a']));
    expect(dimmed.get('a')).toBe(styles.get('a'));
    expect(dimmed.get('c')).toEqual({ color: FILTERED_FILL, cls: null, status: 'missing' });
  });
});

describe('valueExtent', () => {
  it('spans the shown values only', () => {
    expect(valueExtent(values)).toEqual([5, 30]);
    expect(valueExtent([values[2]!])).toBeNull();
  });
});

describe('parseGermanNumber', () => {
  it('reads decimal comma, thousands dots, a decimal point and minus signs', () => {
    expect(parseGermanNumber('12,5')).toBe(12.5);
    expect(parseGermanNumber(' 1.234,5 ')).toBe(1234.5);
    expect(parseGermanNumber('12.5')).toBe(12.5);
    expect(parseGermanNumber('-3')).toBe(-3);
    expect(parseGermanNumber('−0,5')).toBe(-0.5);
    expect(parseGermanNumber('')).toBeNull();
    expect(parseGermanNumber('zwölf')).toBeUndefined();
    expect(parseGermanNumber('1,2,3')).toBeUndefined();
    expect(parseGermanNumber('1e3')).toBeUndefined();
  });
});
