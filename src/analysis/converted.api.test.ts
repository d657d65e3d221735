/**
 * The „umgerechnet“ marks of the statistics table, on every engine: area cells whose counts were
 * converted, parent and city cells where the rule for summed values marks them
 * (src/indicators/converted-aggregates.ts), for planners and the public alike.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../db/db.ts';
import { buildApp } from '../server/app.ts';
import { insertAccount } from '../auth/auth.service.ts';
import { engines } from '../test/databases.ts';
import { sessionCookie } from '../test/demo-app.ts';
import { CONVERTED_FROM, convertedCity } from '../test/converted-city.ts';
import type { StatTable } from './table.schema.ts';

describe.each(engines)('umgerechnet in the statistics table on $name', (engine) => {
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

  const marks = async (date: string, cookie?: string) => {
    const res = await app.inject({
      url: `/api/analysis/table?indicators=einwohner&level=planungsraum&date=${date}`,
      headers: cookie ? { cookie } : {},
    });
    expect(res.statusCode).toBe(200);
    return Object.fromEntries(
      res.json<StatTable>().rows.map((r) => [`${r.kind}:${r.key}`, r.cells[0]!.converted ?? null]),
    );
  };

  it('marks converted area values and the parent and city sums that are not the old totals', async () => {
    for (const cookie of [planner, undefined]) {
      expect(await marks('2020-12-31', cookie)).toEqual({
        'area:L': null,
        'area:M': CONVERTED_FROM,
        'area:R': CONVERTED_FROM,
        'area:C2': CONVERTED_FROM,
        'parent:P1': CONVERTED_FROM,
        'parent:P2': null,
        'city:': CONVERTED_FROM,
      });
      const now = await marks('2021-06-30', cookie);
      expect(Object.values(now).every((m) => m === null)).toBe(true);
    }
  });
});
