import { describe, expect, it } from 'vitest';
import { defaultDate } from './dates.ts';

describe('defaultDate', () => {
  it('opens at the Datenstand, not at a later single delivery', () => {
    expect(defaultDate({ dates: ['2024-12-31', '2030-12-31'], currentDate: '2024-12-31' })).toBe(
      '2024-12-31',
    );
  });
  it('falls back to the latest Stichtag, and to nothing without dates', () => {
    expect(defaultDate({ dates: ['2023-12-31', '2024-12-31'], currentDate: null })).toBe('2024-12-31');
    expect(defaultDate({ dates: ['2024-12-31'], currentDate: '2019-12-31' })).toBe('2024-12-31');
    expect(defaultDate({ dates: [], currentDate: null })).toBe('');
  });
});
