/**
 * The „umgerechnet“ mark of index-class warnings, on every engine: a class compared across the
 * change of Gebietsstand rests on converted input values at the older Stichtag, so the finding
 * names that Stichtag — as the index result marks the area there — and a comparison of counted
 * values names none.
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { usePlannerApp } from '../test/planner-app.ts';
import { CONVERTED_FROM, convertedCity, populationIndex } from '../test/converted-city.ts';
import { upsertIndexDefinitions } from '../indices/index.repository.ts';
import type { IndexResult } from '../indices/index.schema.ts';
import { upsertRules } from './warning.repository.ts';
import { WarningRule, type WarningList } from './warning.schema.ts';
import type { Steckbrief } from '../profile/profile.schema.ts';

const DEFINITION = populationIndex(-1);

describe.each(engines)('umgerechnet in index-class warnings on $name', (engine) => {
  const { get } = usePlannerApp(engine, async (db) => {
    await convertedCity(db);
    await upsertIndexDefinitions(db, [DEFINITION], null);
    await upsertRules(
      db,
      [
        WarningRule.parse({
          key: 'dichte_klasse',
          name: 'Klasse verschlechtert',
          severity: 'mittel',
          kind: 'index_class',
          index: 'dichte',
          part: null,
        }),
      ],
      null,
    );
  });
  const found = async (date: string) =>
    (await get<WarningList>(`/api/monitoring/warnings?level=planungsraum&date=${date}`)).entries
      .filter((e) => e.rule === 'dichte_klasse')
      .map((e) => [e.area, e.converted ?? null]);

  it('names the compared Stichtage whose input values were converted', async () => {
    // fewer inhabitants count as worse: M (85 of 200, converted) falls behind L (300 of 471) in 2021
    expect(await found('2021-06-30')).toEqual([['M', [{ date: '2020-12-31', ...CONVERTED_FROM }]]]);
    // the index result marks M at the older Stichtag, not at the newer one
    const marked = async (date: string) =>
      (await get<IndexResult>(`/api/indices/dichte/result?level=planungsraum&date=${date}`)).areas.find(
        (a) => a.id === 'M',
      )?.converted ?? null;
    expect([await marked('2020-12-31'), await marked('2021-06-30')]).toEqual([[CONVERTED_FROM], null]);
    // the Steckbrief lists the same finding with its mark
    const profile = await get<Steckbrief>('/api/profiles/planungsraum/M?date=2021-06-30&index=dichte');
    expect(profile.warnings.map((w) => [w.rule, w.converted ?? null])).toEqual([
      ['dichte_klasse', [{ date: '2020-12-31', ...CONVERTED_FROM }]],
    ]);
  });
});
