import { describe, expect, it } from 'vitest';
import type { RankingRow } from './coverage-api.ts';
import {
  distanceText,
  needsPlanQuery,
  readNeedsPlanState,
  scoreValues,
  topAreas,
  wholeNumber,
} from './needs-plan.ts';

const row = (area: string, rank: number | null, score: number) =>
  ({ area, name: `Gebiet ${area}`, rank, score }) as RankingRow;
const rows = [row('407', 1, 77.8), row('511', 2, 77.8), row('101', 3, 40.2), row('900', null, 0)];

describe('the Bedarfsplan address', () => {
  it('reads and writes its state', () => {
    const state = readNeedsPlanState('?richtwert=kita_gesamt&ebene=sozialraum&index=-&radius=800&erste=5');
    expect(state).toEqual({
      norm: 'kita_gesamt',
      level: 'sozialraum',
      date: null,
      index: '-',
      radius: '800',
      top: '5',
      area: null,
    });
    expect(needsPlanQuery({ ...state, level: null, index: null })).toBe(
      'richtwert=kita_gesamt&radius=800&erste=5',
    );
  });

  it('takes whole numbers in range only', () => {
    expect(wholeNumber('12', 10, 1, 100)).toBe(12);
    expect(wholeNumber('0', 10, 1, 100)).toBe(10);
    expect(wholeNumber('7.5', 10, 1, 100)).toBe(10);
    expect(wholeNumber(null, 10, 1, 100)).toBe(10);
  });
});

describe('the map of the ranking', () => {
  it('highlights the first areas and leaves unranked ones without points', () => {
    expect([...topAreas(rows, 2)]).toEqual(['407', '511']);
    expect([...topAreas(rows, 10)]).toEqual(['407', '511', '101']);
    expect(scoreValues(rows).map((v) => [v.id, v.value, v.status])).toEqual([
      ['407', 77.8, 'value'],
      ['511', 77.8, 'value'],
      ['101', 40.2, 'value'],
      ['900', null, 'missing'],
    ]);
  });

  it('writes distances in metres or kilometres', () => {
    expect(distanceText(846)).toBe('850 m');
    expect(distanceText(1669)).toBe('1.670 m');
    expect(distanceText(12_345)).toBe('12,3 km');
    expect(distanceText(null)).toBe('–');
  });
});
