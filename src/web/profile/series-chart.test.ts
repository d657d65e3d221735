import { describe, expect, it } from 'vitest';
import { describeSeries } from './SeriesChart.tsx';

describe('the series chart’s text alternative', () => {
  it('says which points were converted from an earlier Gebietsstand', () => {
    const text = describeSeries({
      areaName: 'Wedding',
      indicatorName: 'Einwohner',
      unit: '',
      decimals: 0,
      withCity: true,
      points: [
        {
          date: '2020-12-31',
          value: 1200,
          status: 'estimated',
          cityValue: 90000,
          cityStatus: 'value',
          converted: { method: 'population', from: '2019-01-01' },
        },
        { date: '2021-12-31', value: 1250, status: 'value', cityValue: 91000, cityStatus: 'value' },
      ],
    });
    expect(text).toContain('31.12.2020 (umgerechnet vom Gebietsstand 01.01.2019)');
    expect(text).not.toContain('31.12.2021 (umgerechnet');
  });
});
