/**
 * The „umgerechnet“ mark of the city value in `/api/indicators/{key}/values` and of `cityValue`
 * in the series, on every engine: marked by the rule for summed values (converted-aggregates.ts)
 * — where a counted value is summed with converted ones — for planners and the public alike.
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { AUDIENCES, usePlannerApp } from '../test/planner-app.ts';
import { CONVERTED_FROM, convertedCity } from '../test/converted-city.ts';
import type { IndicatorValues, Series } from './indicator.schema.ts';

describe.each(engines)('umgerechnet on the city value on $name', (engine) => {
  const { get } = usePlannerApp(engine, convertedCity);
  const DATES = ['2019-12-31', '2020-12-31', '2021-06-30'];

  it('marks the city value that sums a counted value with converted ones, for planners and the public', async () => {
    for (const audience of AUDIENCES) {
      const marks = await Promise.all(
        DATES.map(async (date) => {
          const v = await get<IndicatorValues>(
            `/api/indicators/einwohner/values?level=planungsraum&date=${date}`,
            audience,
          );
          return v.city.converted ?? null;
        }),
      );
      // 31.12.2019: all converted, the city's total kept exactly; 31.12.2020: L's own count summed in
      expect(marks).toEqual([null, CONVERTED_FROM, null]);
    }
    // the districts' city sums the same counts
    const districts = await get<IndicatorValues>(
      '/api/indicators/einwohner/values?level=bezirk&date=2020-12-31',
    );
    expect(districts.city.converted).toEqual(CONVERTED_FROM);
  });

  it('marks the city values of the series at the same Stichtage, apart from the area’s own marks', async () => {
    for (const audience of AUDIENCES) {
      const series = await get<Series>('/api/indicators/einwohner/series?level=planungsraum&id=L', audience);
      expect(series.points.map((p) => [p.date, p.cityConverted ?? null, p.converted ?? null])).toEqual([
        ['2019-12-31', null, CONVERTED_FROM],
        ['2020-12-31', CONVERTED_FROM, null],
        ['2021-06-30', null, null],
      ]);
    }
  });
});
