/**
 * „Kreis im Vergleich“ on the demo Kreis „Musterkreis“ (8 Gemeinden, ~85 Wohnplätze): the public
 * Sozialbericht compares all Gemeinden with the Kreis in every table, with the values the values
 * route publishes, and a Gemeinde's profile ranks it among the 8 Gemeinden beside the Kreis.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listLevels } from '../areas/area.repository.ts';
import { formatNumber } from '../core/format.ts';
import type { Db } from '../db/db.ts';
import { loadDemoKreis } from '../demo/load-demo.ts';
import { areaSteckbrief } from '../profile/profile.service.ts';
import { buildApp } from '../server/app.ts';
import type { IndicatorValues } from '../indicators/indicator.schema.ts';
import { engines } from '../test/databases.ts';
import { assembleCityReport } from './assemble-city.ts';
import type { ReportTable } from './report-model.ts';
import { SOZIALBERICHT } from './templates.ts';

describe('Kreis im Vergleich on the demo Kreis', () => {
  let db: Db;
  let drop: () => Promise<void>;
  let gemeinde: { key: string; name: string };
  beforeAll(async () => {
    ({ db, drop } = await engines[0]!.create());
    await loadDemoKreis(db, { seed: 1, knownPasswords: true });
    const level = (await listLevels(db)).find((l) => l.rank === 1)!;
    gemeinde = { key: level.key, name: level.name };
  }, 300_000);
  afterAll(() => drop?.());

  it('compares every Gemeinde with the Kreis, with the published values', async () => {
    const model = await assembleCityReport(db, null, SOZIALBERICHT, { level: gemeinde.key });
    const section = model.sections.find((s) => s.title === 'Kreis im Vergleich')!;
    const tables = section.blocks.filter((b): b is ReportTable => b.kind === 'table');
    expect(tables.length).toBeGreaterThan(0);
    const app = await buildApp({ db, webDir: '/nonexistent' });
    try {
      const catalogue = (await app.inject({ url: '/api/indicators' })).json<
        { key: string; name: string; decimals: number }[]
      >();
      for (const t of tables) {
        expect(t.columns[1]).toBe(gemeinde.name);
        const ind = catalogue.find((i) => t.title === `${i.name}: Gemeinden im Vergleich`)!;
        const res = await app.inject({
          url: `/api/indicators/${ind.key}/values?level=${gemeinde.key}&date=${model.date}`,
        });
        const published = res.json<IndicatorValues>();
        expect(t.rows).toHaveLength(published.values.length + 1);
        expect(published.values.length).toBe(8);
        const rows = new Map(t.rows.map((r) => [r[1], r[2]]));
        for (const v of published.values)
          expect(rows.get(v.name)).toBe(
            v.value === null ? (v.status === 'secret' ? '·' : '–') : formatNumber(v.value, ind.decimals),
          );
        expect(t.rows[t.highlight!]![2]).toBe(formatNumber(published.city.value!, ind.decimals));
      }
    } finally {
      await app.close();
    }
  }, 120_000);

  it('a Gemeinde profile ranks it among the Gemeinden and compares with the Kreis', async () => {
    const [first] = await db.query<{ key: string }>(
      `SELECT a.key FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = $1 AND a.valid_to IS NULL ORDER BY a.key LIMIT 1`,
      [gemeinde.key],
    );
    const profile = await areaSteckbrief(db, null, gemeinde.key, first!.key, { years: 5 });
    expect(profile.area.parent).toBeNull();
    const rated = profile.themes.flatMap((t) => t.indicators).find((i) => i.rank !== null)!;
    expect(rated.rankOf).toBeGreaterThan(1);
    expect(profile.text.join(' ')).not.toMatch(/\bStadt\b|städtisch/);
    expect(formatNumber(rated.rank!, 0)).toMatch(/^\d+$/);
  }, 120_000);
});
