/**
 * The pure parts of the Steckbrief's Prognose: which projected Stichtage it shows, how the section
 * is put together from the observed series and the projected values, and its German note and cells.
 */
import { describe, expect, it } from 'vitest';
import type { StoredProjection } from '../projection/projection-series.schema.ts';
import { projectionDates, projectionSection } from './profile-projection.ts';
import type { ProfileIndicator } from './profile.schema.ts';
import { projectionCellText, projectionNote } from './projection-text.ts';

const years = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => `${from + i}-12-31`);

const RUN: StoredProjection = {
  id: 7,
  name: 'Prognose 2024–2032',
  level: 'sozialraum',
  base: '2024-12-31',
  to: '2032-12-31',
  dates: years(2025, 2032),
  method: 'hamilton-perry',
  variant: 'main',
  control: null,
  variables: ['ew', 'ew_u3'],
  minPopulation: 1000,
  published: true,
  createdAt: '2025-01-01T00:00:00Z',
  createdBy: 'planer',
};

describe('projectionDates', () => {
  it('takes every fifth year after the base and the last one', () => {
    expect(projectionDates(RUN.base, RUN.dates, '2024-12-31')).toEqual(['2029-12-31', '2032-12-31']);
    expect(projectionDates('2024-12-31', years(2025, 2040), '2024-12-31')).toEqual([
      '2029-12-31',
      '2034-12-31',
      '2039-12-31',
      '2040-12-31',
    ]);
  });

  it('never shows a projected Stichtag where data are observed', () => {
    // a run from an older base: 2029 is observed already, only the last year remains
    expect(projectionDates('2024-12-31', years(2025, 2032), '2029-12-31')).toEqual(['2032-12-31']);
    expect(projectionDates('2024-12-31', years(2025, 2032), '2032-12-31')).toEqual([]);
    expect(projectionDates('2024-12-31', years(2025, 2027), null)).toEqual(['2027-12-31']);
  });
});

const row = (key: string): ProfileIndicator =>
  ({
    key,
    name: 'Kinder unter 3',
    theme: 'Demografie',
    unit: '',
    changeUnit: '',
    decimals: 0,
    polarity: 'neutral',
    formula: 'count',
    series: [
      {
        date: '2023-12-31',
        value: 1,
        status: 'value',
        districtValue: 2,
        districtStatus: 'value',
        cityValue: 3,
        cityStatus: 'value',
      },
      {
        date: '2024-12-31',
        value: 41,
        status: 'value',
        districtValue: 420,
        districtStatus: 'value',
        cityValue: 4300,
        cityStatus: 'value',
      },
    ],
  }) as ProfileIndicator;

describe('projectionSection', () => {
  it('puts the last observed value before the projected ones, for area, district and city', () => {
    const asked: string[] = [];
    const section = projectionSection(
      RUN,
      [row('kinder_u3')],
      '2024-12-31',
      ['2029-12-31', '2032-12-31'],
      (key, date) => {
        asked.push(`${key} ${date}`);
        return {
          value: { value: null, status: 'secret' },
          district: { value: 400, status: 'estimated' },
          city: { value: 4000, status: 'estimated' },
        };
      },
      true,
    );
    expect(asked).toEqual(['kinder_u3 2029-12-31', 'kinder_u3 2032-12-31']);
    expect(section).toMatchObject({
      id: 7,
      base: '2024-12-31',
      method: 'hamilton-perry',
      minPopulation: 1000,
      rounded: true,
      dates: ['2024-12-31', '2029-12-31', '2032-12-31'],
    });
    const [observed, ahead] = section.indicators[0]!.values;
    expect(observed).toEqual({
      date: '2024-12-31',
      projected: false,
      value: { value: 41, status: 'value' },
      district: { value: 420, status: 'value' },
      city: { value: 4300, status: 'value' },
    });
    expect(ahead).toMatchObject({ date: '2029-12-31', projected: true, value: { status: 'secret' } });
  });
});

describe('projection texts', () => {
  it('says method, base, rounding, uncertainty and the small areas', () => {
    expect(projectionNote({ ...RUN, rounded: true }, 'Stadtbezirk')).toBe(
      'Prognose „Prognose 2024–2032“: Hamilton-Perry-Verfahren, Hauptvariante, Basis 31.12.2024 – ' +
        'gerundet, unsicher. Eine Entwicklung unter Annahmen, keine Zählung; Zahlen auf 10 Personen ' +
        'gerundet. Gebiete unter 1.000 Einwohnern sind nur im Stadtbezirk ausgewiesen.',
    );
    const internal = projectionNote({ ...RUN, rounded: false }, 'Stadtbezirk');
    expect(internal).toContain('ungerundet (intern), unsicher');
    expect(internal).not.toContain('nur im');
  });

  it('shows a hidden area as „nur im Bezirk ausgewiesen“, a hidden district as ·', () => {
    expect(projectionCellText({ value: null, status: 'secret' }, 0, true)).toBe('nur im Bezirk ausgewiesen');
    expect(projectionCellText({ value: null, status: 'secret' }, 0, false)).toBe('·');
    expect(projectionCellText({ value: 1230, status: 'estimated' }, 0, true)).toBe('1.230');
    expect(projectionCellText(null, 1, false)).toBe('–');
  });
});
