import { describe, expect, it } from 'vitest';
import { convertedMarks } from './converted.ts';

const DATES = ['2018-12-31', '2019-12-31', '2020-12-31', '2021-12-31'];
const area = { method: 'area' as const, from: '2000-01-01' };
// area 0 converted at 2018 and 2019, area 1 only at 2019
const grid = {
  converted: new Map([
    [0, new Map([[0, area]])],
    [
      1,
      new Map([
        [0, area],
        [1, area],
      ]),
    ],
  ]),
};

describe('convertedMarks', () => {
  it('lists the converted Stichtage of an area inside the compared range', () => {
    expect(convertedMarks(grid, DATES, 0, 0, 3)).toEqual([
      { date: '2018-12-31', ...area },
      { date: '2019-12-31', ...area },
    ]);
    expect(convertedMarks(grid, DATES, 1, 0, 3)).toEqual([{ date: '2019-12-31', ...area }]);
    expect(convertedMarks(grid, DATES, 0, 1, 1)).toEqual([{ date: '2019-12-31', ...area }]);
  });

  it('is undefined outside the range, for other areas and without marks; clamps a range before the first date', () => {
    expect(convertedMarks(grid, DATES, 0, 2, 3)).toBeUndefined();
    expect(convertedMarks(grid, DATES, 2, 0, 3)).toBeUndefined();
    expect(convertedMarks({}, DATES, 0, 0, 3)).toBeUndefined();
    expect(convertedMarks(grid, DATES, 0, -1, 0)).toEqual([{ date: '2018-12-31', ...area }]);
  });
});
