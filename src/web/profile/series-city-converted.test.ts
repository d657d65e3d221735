import { describe, expect, it } from 'vitest';
import { describeSeries, tooltipOf } from './SeriesChart.tsx';

describe('the series chart’s text alternative and the city value', () => {
  it('says at which points the city value was summed from converted counts', () => {
    const text = describeSeries({
      areaName: 'Gebiet L',
      indicatorName: 'Einwohner',
      unit: '',
      decimals: 0,
      withCity: true,
      cityName: 'Stadt',
      points: [
        {
          date: '2020-12-31',
          value: 55,
          status: 'value',
          cityValue: 210,
          cityStatus: 'value',
          cityConverted: { method: 'area', from: '2000-01-01' },
        },
        { date: '2021-06-30', value: 300, status: 'value', cityValue: 471, cityStatus: 'value' },
      ],
    });
    expect(text).toContain('31.12.2020: 55 (Stadt 210 (umgerechnet vom Gebietsstand 01.01.2000))');
    expect(text).toContain('30.06.2021: 300 (Stadt 471)');
  });

  it('says at which points the district value was summed from converted counts', () => {
    const FROM = { method: 'area', from: '2000-01-01' } as const;
    const text = describeSeries({
      areaName: 'Gebiet L',
      indicatorName: 'Einwohner',
      unit: '',
      decimals: 0,
      withCity: true,
      districtName: 'Gebiet P1',
      cityName: 'Stadt',
      points: [
        {
          date: '2019-12-31',
          value: 50,
          status: 'estimated',
          converted: FROM,
          districtValue: 150,
          districtStatus: 'value',
          cityValue: 180,
          cityStatus: 'value',
        },
        {
          date: '2020-12-31',
          value: 55,
          status: 'value',
          districtValue: 180,
          districtStatus: 'value',
          districtConverted: FROM,
          cityValue: 210,
          cityStatus: 'value',
          cityConverted: FROM,
        },
      ],
    });
    expect(text).toContain(
      '31.12.2019 (umgerechnet vom Gebietsstand 01.01.2000): 50 (Gebiet P1 150, Stadt 180)',
    );
    expect(text).toContain(
      '31.12.2020: 55 (Gebiet P1 180 (umgerechnet vom Gebietsstand 01.01.2000), Stadt 210 (umgerechnet vom Gebietsstand 01.01.2000))',
    );
  });

  it('says the district’s and the city’s mark in the tooltip, each after its own value', () => {
    const FROM = { method: 'area', from: '2000-01-01' } as const;
    const html = tooltipOf(
      {
        date: '2020-12-31',
        value: 55,
        status: 'value',
        districtValue: 180,
        districtStatus: 'value',
        districtConverted: FROM,
        cityValue: 210,
        cityStatus: 'value',
      },
      { areaName: 'Gebiet L', unit: '', decimals: 0, districtName: 'Gebiet P1', cityName: 'Stadt' },
    );
    expect(html).toBe(
      '<strong>31.12.2020</strong><br>Gebiet L: 55<br>Gebiet P1: 180 (umgerechnet vom Gebietsstand 01.01.2000)<br>Stadt: 210',
    );
  });
});
