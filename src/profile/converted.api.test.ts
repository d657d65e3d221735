/**
 * The „umgerechnet“ marks of the Steckbrief's cells, on every engine: the area value where its
 * counts were converted, the district and city values where the rule for summed values marks them
 * (src/indicators/converted-aggregates.ts) — the level table's marks, for planners and the public,
 * in the table and at every point of the series; and the atlas's short profile of the area.
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { AUDIENCES, usePlannerApp, type Audience } from '../test/planner-app.ts';
import { CONVERTED_FROM, convertedCity } from '../test/converted-city.ts';
import type { AreaProfile, Steckbrief } from './profile.schema.ts';

describe.each(engines)('umgerechnet in the Steckbrief on $name', (engine) => {
  const { get } = usePlannerApp(engine, convertedCity);

  const marks = async (area: string, date: string, audience: Audience) => {
    const profile = await get<Steckbrief>(
      `/api/profiles/planungsraum/${area}?date=${date}&index=none`,
      audience,
    );
    const row = profile.themes.flatMap((t) => t.indicators).find((i) => i.key === 'einwohner')!;
    return {
      value: row.value.converted ?? null,
      district: row.district?.converted ?? null,
      city: row.city.converted ?? null,
    };
  };

  it('marks the area, district and city values the level table marks', async () => {
    for (const audience of AUDIENCES) {
      // 31.12.2020: L counted, M converted; P1 and the city sum both
      expect(await marks('L', '2020-12-31', audience)).toEqual({
        value: null,
        district: CONVERTED_FROM,
        city: CONVERTED_FROM,
      });
      expect(await marks('M', '2020-12-31', audience)).toEqual({
        value: CONVERTED_FROM,
        district: CONVERTED_FROM,
        city: CONVERTED_FROM,
      });
      // 31.12.2019: all converted, the old totals kept: only the area values are marked
      expect(await marks('C2', '2019-12-31', audience)).toEqual({
        value: CONVERTED_FROM,
        district: null,
        city: null,
      });
      expect(await marks('L', '2021-06-30', audience)).toEqual({ value: null, district: null, city: null });
    }
  });

  it('marks the points of the series by the same rules, area, district and city apart', async () => {
    const series = async (area: string, audience: Audience) => {
      const profile = await get<Steckbrief>(`/api/profiles/planungsraum/${area}?index=none`, audience);
      const row = profile.themes.flatMap((t) => t.indicators).find((i) => i.key === 'einwohner')!;
      return row.series.map((p) => [
        p.date,
        p.converted ?? null,
        p.districtConverted ?? null,
        p.cityConverted ?? null,
      ]);
    };
    for (const audience of AUDIENCES) {
      // L counted its own value at 31.12.2020, which P1 and the city then sum with converted ones
      expect(await series('L', audience)).toEqual([
        ['2019-12-31', CONVERTED_FROM, null, null],
        ['2020-12-31', null, CONVERTED_FROM, CONVERTED_FROM],
        ['2021-06-30', null, null, null],
      ]);
      // C2's district P2 sums only converted counts of an unchanged area: its old total
      expect(await series('C2', audience)).toEqual([
        ['2019-12-31', CONVERTED_FROM, null, null],
        ['2020-12-31', CONVERTED_FROM, null, CONVERTED_FROM],
        ['2021-06-30', null, null, null],
      ]);
    }
  });

  it('marks the area and city values of the atlas’s short profile as the values route does', async () => {
    const marks = async (area: string, date: string, audience: Audience) => {
      const profile = await get<AreaProfile>(
        `/api/areas/planungsraum/${area}/profile?date=${date}`,
        audience,
      );
      const row = profile.indicators.find((i) => i.key === 'einwohner')!;
      return { value: row.converted ?? null, city: row.cityConverted ?? null };
    };
    for (const audience of AUDIENCES) {
      expect(await marks('L', '2020-12-31', audience)).toEqual({ value: null, city: CONVERTED_FROM });
      expect(await marks('M', '2020-12-31', audience)).toEqual({
        value: CONVERTED_FROM,
        city: CONVERTED_FROM,
      });
      expect(await marks('C2', '2019-12-31', audience)).toEqual({ value: CONVERTED_FROM, city: null });
      expect(await marks('M', '2021-06-30', audience)).toEqual({ value: null, city: null });
    }
  });
});
