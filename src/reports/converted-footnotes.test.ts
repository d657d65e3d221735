import { describe, expect, it } from 'vitest';
import { convertedFootnotes, footnoteMarker, footnotesOf } from './converted-footnotes.ts';

describe('footnoteMarker', () => {
  it('writes the number in superscript digits', () => {
    expect(footnoteMarker(1)).toBe('¹');
    expect(footnoteMarker(3)).toBe('³');
    expect(footnoteMarker(10)).toBe('¹⁰');
  });
});

describe('convertedFootnotes', () => {
  const area = { method: 'area', from: '2000-01-01' };
  const population = { method: 'population', from: '2015-01-01' };

  it('numbers one footnote per source and method, in the order marked', () => {
    const f = convertedFootnotes();
    expect(f.mark('12,5', population)).toBe('12,5¹');
    expect(f.mark('13,0', area)).toBe('13,0²');
    expect(f.mark('14,1', population)).toBe('14,1¹');
    expect(f.mark('15,2', undefined)).toBe('15,2');
    expect(f.notes()).toEqual([
      '¹ umgerechnet vom Gebietsstand 01.01.2015 (einwohnergewichtet)',
      '² umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)',
    ]);
  });

  it('marks no „–“ (no value) and adds no footnotes field when nothing was marked', () => {
    const f = convertedFootnotes();
    expect(f.mark('–', area)).toBe('–');
    expect(footnotesOf(f)).toEqual({});
    f.mark('·', area); // a secret cell is marked as the values route marks it: per area and date
    expect(footnotesOf(f)).toEqual({
      footnotes: ['¹ umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)'],
    });
  });
});
