/**
 * The „umgerechnet“ mark of the city value in `/api/indicators/{key}/values` and of `cityValue`
 * in the series, on every engine: marked by the rule for summed values (converted-aggregates.ts)
 * — where a counted value is summed with converted ones — for planners and the public alike.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { buildApp } from '../server/app.ts';
import { insertAccount } from '../auth/auth.service.ts';
import { engines } from '../test/databases.ts';
import { sessionCookie } from '../test/demo-app.ts';
import { CONVERTED_FROM, convertedCity } from '../test/converted-city.ts';
import type { IndicatorValues, Series } from './indicator.schema.ts';

describe.each(engines)('umgerechnet on the city value on $name', (engine) => {
  let db: Db;
  let drop: () => Promise<void>;
  let app: FastifyInstance;
  let planner: string;
  beforeAll(async () => {
    ({ db, drop } = await engine.create());
    await convertedCity(db);
    app = await buildApp({ db, webDir: '/nonexistent' });
    await insertAccount(db, {
      username: 'planer',
      displayName: 'Planer',
      passwordHash: 'x',
      role: 'planner',
    });
    planner = await sessionCookie(db, 'planer');
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await drop?.();
  });

  const get = async <T>(url: string, cookie?: string) => {
    const res = await app.inject({ url, headers: cookie ? { cookie } : {} });
    expect(res.statusCode, url).toBe(200);
    return res.json<T>();
  };
  const DATES = ['2019-12-31', '2020-12-31', '2021-06-30'];

  it('marks the city value that sums a counted value with converted ones, for planners and the public', async () => {
    for (const cookie of [planner, undefined]) {
      const marks = await Promise.all(
        DATES.map(async (date) => {
          const v = await get<IndicatorValues>(
            `/api/indicators/einwohner/values?level=planungsraum&date=${date}`,
            cookie,
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
      planner,
    );
    expect(districts.city.converted).toEqual(CONVERTED_FROM);
  });

  it('marks the city values of the series at the same Stichtage, apart from the area’s own marks', async () => {
    for (const cookie of [planner, undefined]) {
      const series = await get<Series>('/api/indicators/einwohner/series?level=planungsraum&id=L', cookie);
      expect(series.points.map((p) => [p.date, p.cityConverted ?? null, p.converted ?? null])).toEqual([
        ['2019-12-31', null, CONVERTED_FROM],
        ['2020-12-31', CONVERTED_FROM, null],
        ['2021-06-30', null, null],
      ]);
    }
  });
});
