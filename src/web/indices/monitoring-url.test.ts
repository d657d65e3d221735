import { describe, expect, it } from 'vitest';
import { monitoringQuery, readMonitoringState } from './monitoring-url.ts';

describe('monitoring address', () => {
  it('round-trips a state, including a cell code with slash and minus', () => {
    const state = {
      index: 'berlin_mss',
      level: 'sozialraum',
      date: '2024-12-31',
      view: 'code',
      cell: '2|+/-',
    };
    const query = monitoringQuery(state);
    expect(query).toBe('index=berlin_mss&ebene=sozialraum&stichtag=2024-12-31&ansicht=code&feld=2%7C%2B%2F-');
    expect(readMonitoringState(`?${query}`)).toEqual(state);
  });

  it('leaves out empty fields and reads missing ones as null', () => {
    expect(monitoringQuery({ index: 'x', level: null, date: null, view: null, cell: null })).toBe('index=x');
    expect(readMonitoringState('')).toEqual({ index: null, level: null, date: null, view: null, cell: null });
  });
});
