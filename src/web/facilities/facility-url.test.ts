import { describe, expect, it } from 'vitest';
import { facilityQuery, localToday, readFacilityState } from './facility-url.ts';

describe('the facilities address', () => {
  it('reads and writes type, day, level and facility', () => {
    const state = readFacilityState('?art=kita&stichtag=2025-01-01&ebene=sozialraum&einrichtung=kita-001');
    expect(state).toEqual({ type: 'kita', date: '2025-01-01', level: 'sozialraum', facility: 'kita-001' });
    expect(facilityQuery(state)).toBe('art=kita&stichtag=2025-01-01&ebene=sozialraum&einrichtung=kita-001');
    expect(facilityQuery({ type: null, date: null, level: null, facility: 'N 1' })).toBe('einrichtung=N+1');
  });

  it('drops a malformed day', () => {
    expect(readFacilityState('?stichtag=gestern').date).toBeNull();
  });

  it('names today in the browser’s calendar', () => {
    expect(localToday(new Date(2025, 0, 5, 23, 30))).toBe('2025-01-05');
  });
});
