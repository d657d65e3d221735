/**
 * The „umgerechnet“ marks of the Steckbrief's cells, on every engine: the area value where its
 * counts were converted, the district and city values where the rule for summed values marks them
 * (src/indicators/converted-aggregates.ts) — the level table's marks, for planners and the public.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { buildApp } from '../server/app.ts';
import { insertAccount } from '../auth/auth.service.ts';
import { engines } from '../test/databases.ts';
import { sessionCookie } from '../test/demo-app.ts';
import { CONVERTED_FROM, convertedCity } from '../test/converted-city.ts';
import type { Steckbrief } from './profile.schema.ts';

describe.each(engines)('umgerechnet in the Steckbrief on $name', (engine) => {
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

  const marks = async (area: string, date: string, cookie?: string) => {
    const res = await app.inject({
      url: `/api/profiles/planungsraum/${area}?date=${date}&index=none`,
      headers: cookie ? { cookie } : {},
    });
    expect(res.statusCode).toBe(200);
    const row = res
      .json<Steckbrief>()
      .themes.flatMap((t) => t.indicators)
      .find((i) => i.key === 'einwohner')!;
    return {
      value: row.value.converted ?? null,
      district: row.district?.converted ?? null,
      city: row.city.converted ?? null,
    };
  };

  it('marks the area, district and city values the level table marks', async () => {
    for (const cookie of [planner, undefined]) {
      // 31.12.2020: L counted, M converted; P1 and the city sum both
      expect(await marks('L', '2020-12-31', cookie)).toEqual({
        value: null,
        district: CONVERTED_FROM,
        city: CONVERTED_FROM,
      });
      expect(await marks('M', '2020-12-31', cookie)).toEqual({
        value: CONVERTED_FROM,
        district: CONVERTED_FROM,
        city: CONVERTED_FROM,
      });
      // 31.12.2019: all converted, the old totals kept: only the area values are marked
      expect(await marks('C2', '2019-12-31', cookie)).toEqual({
        value: CONVERTED_FROM,
        district: null,
        city: null,
      });
      expect(await marks('L', '2021-06-30', cookie)).toEqual({ value: null, district: null, city: null });
    }
  });
});
