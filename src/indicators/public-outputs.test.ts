/**
 * Walks every public route and export of the demo city as an anonymous visitor and checks
 * what leaves the system: no counts in rate responses, no count below the threshold, and no
 * secret cell that can be recomputed from the published values (LP audit, docs/methods.md §6).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disclosedCells } from '../disclosure/audit.ts';
import { hierarchyTable } from '../disclosure/table.ts';
import { engines } from '../test/databases.ts';
import { demoApp } from '../test/demo-app.ts';
import type { AppConfig } from '../server/config.schema.ts';
import type { AreaSummary } from '../areas/area.schema.ts';
import type { Indicator, IndicatorValues } from './indicator.schema.ts';

// One engine is enough here: the routes are the same, and the walk is long.
const engine = engines[0]!;

describe(`public outputs of the demo city (${engine.name})`, () => {
  let t: Awaited<ReturnType<typeof demoApp>>;
  let config: AppConfig;
  let indicators: Indicator[];
  const get = async <T>(url: string) => {
    const res = await t.app.inject(url);
    expect(res.statusCode, url).toBe(200);
    return res.json<T>();
  };
  beforeAll(async () => {
    t = await demoApp(engine);
    config = await get<AppConfig>('/api/config');
    indicators = await get<Indicator[]>('/api/indicators');
  });
  afterAll(() => t?.close());

  const levels = () => config.levels.filter((l) => l.rank >= 1).map((l) => l.key);

  it('never sends counts with rates, and no published count below 3', async () => {
    for (const ind of indicators)
      for (const level of levels())
        for (const date of config.dates) {
          const v = await get<IndicatorValues>(
            `/api/indicators/${ind.key}/values?level=${level}&date=${date}`,
          );
          for (const x of v.values) {
            expect(x.numerator, `${ind.key} ${x.id}`).toBeNull();
            expect(x.denominator).toBeNull();
            if (x.status === 'secret') expect(x.value).toBeNull();
            if (ind.formula === 'count' && x.value !== null)
              expect(x.value === 0 || x.value >= 3, `${ind.key} ${x.id} ${date}`).toBe(true);
          }
        }
  }, 300_000);

  it('publishes no count table from which a secret cell can be recomputed', async () => {
    const fine = levels().at(-1)!;
    const areas = await get<AreaSummary[]>(`/api/areas?level=${fine}`);
    const districts = await get<AreaSummary[]>(`/api/areas?level=${levels()[0]}`);
    const tree = [
      { id: 'city', parent: null },
      ...districts.map((d) => ({ id: `d${d.id}`, parent: 'city' })),
      ...areas.map((a) => ({ id: `a${a.id}`, parent: a.parent ? `d${a.parent}` : 'city' })),
    ];
    let secrets = 0;
    for (const ind of indicators.filter((i) => i.formula === 'count'))
      for (const date of config.dates) {
        const a = await get<IndicatorValues>(`/api/indicators/${ind.key}/values?level=${fine}&date=${date}`);
        const d = await get<IndicatorValues>(
          `/api/indicators/${ind.key}/values?level=${levels()[0]}&date=${date}`,
        );
        // The attacker's view: published cells known, secret cells unknown (value 0 as placeholder;
        // the audit only uses published values and the additive structure).
        const truth = await t.app.inject({
          url: `/api/indicators/${ind.key}/values?level=${fine}&date=${date}`,
          headers: { cookie: t.planner },
        });
        const truthD = await t.app.inject({
          url: `/api/indicators/${ind.key}/values?level=${levels()[0]}&date=${date}`,
          headers: { cookie: t.planner },
        });
        const real = new Map<string, number>();
        for (const x of truth.json<IndicatorValues>().values) real.set(`a${x.id}`, x.value ?? 0);
        for (const x of truthD.json<IndicatorValues>().values) real.set(`d${x.id}`, x.value ?? 0);
        const suppressed = [
          ...a.values.filter((x) => x.status === 'secret').map((x) => `a${x.id}`),
          ...d.values.filter((x) => x.status === 'secret').map((x) => `d${x.id}`),
          ...(a.city.status === 'secret' ? ['city'] : []),
        ];
        secrets += suppressed.length;
        if (!suppressed.length) continue;
        const leaves = new Map([...real].filter(([k]) => k.startsWith('a')));
        const disclosed = await disclosedCells(hierarchyTable(tree, leaves), suppressed);
        expect(disclosed, `${ind.key} ${date}`).toEqual([]);
      }
    expect(secrets).toBeGreaterThan(0); // the small industrial estate makes this test bite
  }, 300_000);

  it('exports for the public only protected values without counts', async () => {
    const fine = levels().at(-1)!;
    for (const ind of indicators) {
      const csv = await t.app.inject(
        `/api/exports/values?indicator=${ind.key}&level=${fine}&date=${config.dates.at(-1)}&format=csv`,
      );
      expect(csv.statusCode).toBe(200);
      expect(csv.body.split('\n')[0]).not.toContain('Zähler');
      const json = JSON.parse(
        (
          await t.app.inject(
            `/api/exports/values?indicator=${ind.key}&level=${fine}&date=${config.dates.at(-1)}&format=json`,
          )
        ).body,
      ) as IndicatorValues;
      for (const x of json.values) expect(x.numerator).toBeNull();
    }
  }, 120_000);

  it('shows area profiles and series to the public without secret values', async () => {
    const fine = levels().at(-1)!;
    const areas = await get<AreaSummary[]>(`/api/areas?level=${fine}`);
    const small = (
      await t.app.inject({
        url: `/api/indicators/einwohner/values?level=${fine}&date=${config.dates.at(-1)}`,
        headers: { cookie: t.planner },
      })
    )
      .json<IndicatorValues>()
      .values.filter((v) => (v.value ?? 0) < 300)
      .map((v) => v.id);
    for (const a of areas) {
      const p = await get<{ indicators: { key: string; value: number | null; status: string }[] }>(
        `/api/areas/${fine}/${a.id}/profile?date=${config.dates.at(-1)}`,
      );
      for (const i of p.indicators) {
        const ind = indicators.find((x) => x.key === i.key)!;
        if (small.includes(a.id) && ind.denominator !== null)
          expect(i.status, `${a.id} ${i.key}`).not.toBe('value');
      }
    }
  }, 120_000);
});
