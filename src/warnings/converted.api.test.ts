/**
 * The „umgerechnet“ mark in monitoring, on every engine: on a level whose counts before its new
 * Gebietsstand were converted, warnings and changes say which compared Stichtage were converted
 * — the same areas and dates `/api/indicators/{key}/values` marks — and nothing for counted ones.
 */
import { describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';
import { usePlannerApp } from '../test/planner-app.ts';
import { CONVERTED_FROM, convertedCity } from '../test/converted-city.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { upsertRules } from './warning.repository.ts';
import { WarningRule, type Changes, type WarningList } from './warning.schema.ts';

const rule = (r: Record<string, unknown>) =>
  WarningRule.parse({ severity: 'mittel', indicator: 'einwohner', ...r });

describe.each(engines)('umgerechnet in the monitoring on $name', (engine) => {
  // planners see the counts; nothing of this city is published for the public
  const { get } = usePlannerApp(engine, async (db) => {
    await convertedCity(db);
    await upsertRules(
      db,
      [
        rule({
          key: 'ew_ueber_10',
          name: 'über 10',
          kind: 'threshold',
          direction: 'above',
          value: 10,
          crossing: false,
        }),
        rule({
          key: 'ew_kreuzt_90',
          name: 'kreuzt 90',
          kind: 'threshold',
          direction: 'above',
          value: 90,
          crossing: true,
        }),
      ],
      null,
    );
  });
  const byArea = (list: WarningList, ruleKey: string) =>
    Object.fromEntries(
      list.entries.filter((e) => e.rule === ruleKey).map((e) => [e.area, e.converted ?? null]),
    );
  const at = (date: string) => ({ date, ...CONVERTED_FROM });

  it('marks a warning on a converted value, not one on a counted value', async () => {
    const old = await get<WarningList>('/api/monitoring/warnings?level=planungsraum&date=2020-12-31');
    // L was counted at 31.12.2020 (never replaced); M, R and C2 were converted
    expect(byArea(old, 'ew_ueber_10')).toEqual({
      L: null,
      M: [at('2020-12-31')],
      R: [at('2020-12-31')],
      C2: [at('2020-12-31')],
    });
    // the values route marks the same areas at that Stichtag
    const values = await get<IndicatorValues>(
      '/api/indicators/einwohner/values?level=planungsraum&date=2020-12-31',
    );
    expect(Object.fromEntries(values.values.map((v) => [v.id, v.converted ?? null]))).toEqual({
      L: null,
      M: CONVERTED_FROM,
      R: CONVERTED_FROM,
      C2: CONVERTED_FROM,
    });
    const now = await get<WarningList>('/api/monitoring/warnings?level=planungsraum&date=2021-06-30');
    expect(byArea(now, 'ew_ueber_10')).toEqual({ L: null, M: null, R: null, C2: null });
  });

  it('marks a crossing that compares a counted value with a converted one', async () => {
    const now = await get<WarningList>('/api/monitoring/warnings?level=planungsraum&date=2021-06-30');
    // M: 85 (converted, by surface: half of A and half of B) → 100 counted; L: 55 counted → 300
    const crossing = now.entries.filter((e) => e.rule === 'ew_kreuzt_90');
    expect(crossing.map((e) => [e.area, e.converted ?? null])).toEqual([
      ['L', null],
      ['M', [at('2020-12-31')]],
    ]);
  });

  it('lists the converted Stichtage a change compares, per area', async () => {
    const changes = async (area: string) =>
      (
        await get<Changes>(`/api/monitoring/changes?level=planungsraum&area=${area}&date=2021-06-30&years=5`)
      ).indicators.find((i) => i.indicator === 'einwohner')!;
    const m = await changes('M');
    expect(m).toMatchObject({ value: 100, previous: 85, change: 15 });
    expect(m.converted).toEqual([at('2019-12-31'), at('2020-12-31')]);
    // L's previous value is its own count; only the start of the trend was converted
    const l = await changes('L');
    expect(l).toMatchObject({ value: 300, previous: 55 });
    expect(l.converted).toEqual([at('2019-12-31')]);
    const before = await get<Changes>(
      '/api/monitoring/changes?level=planungsraum&area=L&date=2020-12-31&years=5',
    );
    expect(before.indicators.find((i) => i.indicator === 'einwohner')!.converted).toEqual([at('2019-12-31')]);
  });

  it('marks for the public exactly what the public values route marks, whatever the values', async () => {
    const values = await get<IndicatorValues>(
      '/api/indicators/einwohner/values?level=planungsraum&date=2019-12-31',
      'public',
    );
    expect(values.values.every((v) => v.converted?.from === CONVERTED_FROM.from)).toBe(true);
    const m = await get<Changes>(
      '/api/monitoring/changes?level=planungsraum&area=M&date=2019-12-31',
      'public',
    );
    expect(m.indicators.find((i) => i.indicator === 'einwohner')!.converted).toEqual([at('2019-12-31')]);
  });
});
