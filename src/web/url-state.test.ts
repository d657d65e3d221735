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
