/**
 * The „umgerechnet“ mark of composite index results, on every engine: on a level whose counts
 * before its new Gebietsstand were converted, an area's index value at a Stichtag is marked when
 * any of its input values there was converted — the areas and dates
 * `/api/indicators/{key}/values` marks — in the result and in the area's history.
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { usePlannerApp } from '../test/planner-app.ts';
import { CONVERTED_FROM, convertedCity, populationIndex } from '../test/converted-city.ts';
import { upsertIndexDefinitions } from './index.repository.ts';
import type { IndexHistory, IndexResult } from './index.schema.ts';

const DEFINITION = populationIndex(1);

describe.each(engines)('umgerechnet in composite indices on $name', (engine) => {
  const { get } = usePlannerApp(engine, async (db) => {
    await convertedCity(db);
    await upsertIndexDefinitions(db, [DEFINITION], null);
  });
  const marks = (r: IndexResult) => Object.fromEntries(r.areas.map((a) => [a.id, a.converted ?? null]));

  it('marks the index value and class of an area whose input was converted, not a counted one', async () => {
    const old = await get<IndexResult>('/api/indices/dichte/result?level=planungsraum&date=2020-12-31');
    // L was counted at 31.12.2020 (never replaced); M, R and C2 were converted
    expect(marks(old)).toEqual({ L: null, M: [CONVERTED_FROM], R: [CONVERTED_FROM], C2: [CONVERTED_FROM] });
    expect(old.areas.every((a) => a.valid && a.parts.status!.class !== null)).toBe(true);
    const now = await get<IndexResult>('/api/indices/dichte/result?level=planungsraum&date=2021-06-30');
    expect(marks(now)).toEqual({ L: null, M: null, R: null, C2: null });
    expect(now.areas.every((a) => !('converted' in a))).toBe(true);
  });

  it('marks the converted Stichtage of an area’s index history', async () => {
    const history = async (area: string) =>
      (await get<IndexHistory>(`/api/indices/dichte/history?level=planungsraum&area=${area}`)).points.map(
        (p) => [p.date, p.converted ?? null],
      );
    expect(await history('M')).toEqual([
      ['2019-12-31', [CONVERTED_FROM]],
      ['2020-12-31', [CONVERTED_FROM]],
      ['2021-06-30', null],
    ]);
    expect(await history('L')).toEqual([
      ['2019-12-31', [CONVERTED_FROM]],
      ['2020-12-31', null],
      ['2021-06-30', null],
    ]);
  });
});
