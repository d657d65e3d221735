import { describe, expect, it } from 'vitest';
import { convertedDatesText, convertedNote } from './converted-note.ts';

describe('convertedNote', () => {
  it('names the source Gebietsstand and the method in German', () => {
    expect(convertedNote({ method: 'area', from: '2021-01-01' })).toBe(
      'umgerechnet vom Gebietsstand 01.01.2021 (flächengewichtet)',
    );
    expect(convertedNote({ method: 'population', from: '2000-01-01' })).toBe(
      'umgerechnet vom Gebietsstand 01.01.2000 (einwohnergewichtet)',
    );
  });

  it('shows a method it does not know as stored rather than failing', () => {
    expect(convertedNote({ method: 'neu', from: '2000-01-01' })).toBe(
      'umgerechnet vom Gebietsstand 01.01.2000 (neu)',
    );
  });
});

describe('convertedDatesText', () => {
  const area = { method: 'area', from: '2000-01-01' };
  it('says one date, several dates and several sources', () => {
    expect(convertedDatesText([{ date: '2020-12-31', ...area }])).toBe(
      'Wert vom 31.12.2020 umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)',
    );
    expect(
      convertedDatesText([
        { date: '2018-12-31', ...area },
        { date: '2019-12-31', ...area },
        { date: '2020-12-31', ...area },
      ]),
    ).toBe(
      'Werte vom 31.12.2018, 31.12.2019 und 31.12.2020 umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)',
    );
    expect(
      convertedDatesText([
        { date: '2010-12-31', method: 'population', from: '1995-01-01' },
        { date: '2020-12-31', ...area },
      ]),
    ).toBe(
      'Wert vom 31.12.2010 umgerechnet vom Gebietsstand 01.01.1995 (einwohnergewichtet); ' +
        'Wert vom 31.12.2020 umgerechnet vom Gebietsstand 01.01.2000 (flächengewichtet)',
    );
  });
});
