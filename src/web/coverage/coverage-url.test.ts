import { describe, expect, it } from 'vitest';
import { parseRoute, paths } from '../router.ts';
import { coverageQuery, readCoverageState, stichtagOptions } from './coverage-url.ts';

describe('the coverage address', () => {
  it('reads and writes norm, level, date, scenario, area and map side', () => {
    const state = readCoverageState(
      '?richtwert=kita_u3&ebene=sozialraum&stichtag=2024-12-31&szenario=Ausbau&gebiet=101&karte=szenario',
    );
    expect(state).toEqual({
      norm: 'kita_u3',
      level: 'sozialraum',
      date: '2024-12-31',
      scenario: 'Ausbau',
      area: '101',
      mapSide: 'szenario',
    });
    expect(coverageQuery({ ...state, level: null, date: null, mapSide: null })).toBe(
      'richtwert=kita_u3&szenario=Ausbau&gebiet=101',
    );
    expect(readCoverageState('?stichtag=2024').date).toBeNull();
  });

  it('offers the data Stichtage and year ends ahead for planning', () => {
    expect(stichtagOptions(['2024-12-31', '2023-12-31'], '2025-06-01', 2)).toEqual([
      { date: '2023-12-31', future: false },
      { date: '2024-12-31', future: false },
      { date: '2025-12-31', future: true },
      { date: '2026-12-31', future: true },
      { date: '2027-12-31', future: true },
    ]);
    expect(stichtagOptions(['2024-06-30'], '2024-07-01', 0)).toEqual([
      { date: '2024-06-30', future: false },
      { date: '2024-12-31', future: true },
    ]);
  });

  it('has pages for facilities, coverage and scenarios', () => {
    expect(parseRoute(paths.facilities)).toEqual({ page: 'facilities' });
    expect(parseRoute(paths.coverage)).toEqual({ page: 'coverage' });
    expect(parseRoute(paths.scenarios)).toEqual({ page: 'scenarios' });
    expect(parseRoute(paths.needsPlan)).toEqual({ page: 'needsPlan' });
    expect(parseRoute('/versorgung/x')).toEqual({ page: 'notFound' });
    expect(parseRoute('/einrichtungen/x')).toEqual({ page: 'notFound' });
  });
});
