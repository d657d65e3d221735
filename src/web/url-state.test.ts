import { describe, expect, it } from 'vitest';
import { readSelection } from './url-state.ts';

describe('readSelection', () => {
  it('reads the German parameter names and ignores empty ones', () => {
    expect(readSelection('?indikator=alq&stichtag=2024-12-31&ebene=sozialraum&gebiet=&x=1')).toEqual({
      indicator: 'alq',
      date: '2024-12-31',
      level: 'sozialraum',
    });
  });

  it('returns nothing for an empty address', () => {
    expect(readSelection('')).toEqual({});
  });
});

describe('classification parameter', () => {
  it('reads klassen in its readable form and percent-encoded', () => {
    expect(readSelection('?indikator=alq&klassen=fixed:-1;1;1.5').classification).toBe('fixed:-1;1;1.5');
    expect(readSelection('?klassen=fixed%3A-1%3B1%3B1.5').classification).toBe('fixed:-1;1;1.5');
    expect(readSelection('?klassen=natural-5').classification).toBe('natural-5');
  });
});
