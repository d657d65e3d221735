/**
 * Variables as sums and indicators without inputs, through the API: on the demo city (every
 * indicator has inputs) and on a city that delivers only a few variables and age bands instead
 * of the catalogue's `ew_65plus` and `ew_80plus`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importTable } from '../imports/table-import.service.ts';
import type { IndicatorEntry, IndicatorValues } from '../indicators/indicator.schema.ts';
import type { IndexResult } from '../indices/index.schema.ts';
import type { Steckbrief } from '../profile/profile.schema.ts';
import { engines } from '../test/databases.ts';
import { demoApp, expectGuarded } from '../test/demo-app.ts';
import type { VariableInfo } from './variable.routes.ts';

type Demo = Awaited<ReturnType<typeof demoApp>>;

const csv = (text: string, name: string) => ({ name, data: new TextEncoder().encode(text) });

describe.each(engines)('variables and indicator availability on $name', (engine) => {
  describe('the demo city', () => {
    let t: Demo;
    beforeAll(async () => {
      t = await demoApp(engine);
    }, 120_000);
    afterAll(() => t?.close());

    it('lists every indicator as available, for planners and the public', async () => {
      for (const cookie of [t.planner, undefined]) {
        const res = await t.app.inject({ url: '/api/indicators', headers: cookie ? { cookie } : {} });
        expect(res.statusCode).toBe(200);
        const list = res.json<IndicatorEntry[]>();
        expect(list.length).toBeGreaterThanOrEqual(30);
        for (const i of list)
          expect(i, i.key).toMatchObject({ available: true, missing: [], missingText: null });
      }
      // the JSON export stays definitions only
      const exported = await t.app.inject({ url: '/api/indicators/export', headers: { cookie: t.planner } });
      expect(Object.keys(exported.json<Record<string, unknown>[]>()[0]!)).not.toContain('available');
    });

    it('shows the expected variables with meaning, values and the indicators that need them', async () => {
      expect((await t.app.inject({ url: '/api/variables/overview' })).statusCode).toBe(401);
      const denied = await t.app.inject({ url: '/api/variables/overview', headers: { cookie: t.viewer } });
      expect(denied.statusCode).toBe(403);
      const res = await t.app.inject({ url: '/api/variables/overview', headers: { cookie: t.planner } });
      expect(res.statusCode).toBe(200);
      const list = res.json<VariableInfo[]>();
      const old = list.find((v) => v.key === 'ew_65plus')!;
      expect(old).toMatchObject({ expected: true, stored: true, sum: null, unit: 'Personen' });
      expect(old.values).toBeGreaterThan(0);
      expect(old.indicators).toContain('anteil_65plus');
      expect(list.filter((v) => v.expected).every((v) => v.values > 0)).toBe(true);
    });

    it('computes a composite index without naming missing inputs', async () => {
      const res = await t.app.inject({
        url: '/api/indices/berlin_mss/result?level=sozialraum&date=2024-12-31',
        headers: { cookie: t.planner },
      });
      expect(res.statusCode).toBe(200);
      expect(res.json<IndexResult>()).not.toHaveProperty('missingInputs');
    });

    it('guards the writes and refuses bad definitions with German messages', async () => {
      const put = {
        method: 'PUT' as const,
        url: '/api/variables/summe_test/sum',
        payload: { terms: 'ew_m + ew_w' },
      };
      await expectGuarded(t.app, put, t.viewer);
      await expectGuarded(t.app, { method: 'DELETE', url: '/api/variables/summe_test/sum' }, t.viewer);
      const send = (key: string, payload: unknown) =>
        t.app.inject({
          method: 'PUT',
          url: `/api/variables/${key}/sum`,
          payload: payload as never,
          headers: { cookie: t.planner },
        });
      const imported = await send('ew_65plus', { terms: 'ew_m + ew_w' });
      expect(imported.statusCode).toBe(409);
      expect(imported.json()).toMatchObject({ code: 'variables.has_values' });
      expect(imported.json<{ message: string }>().message).toContain('importierte Werte');
      const unknown = await send('neu', { terms: 'ew_m + gibt_es_nicht' });
      expect(unknown.statusCode).toBe(400);
      expect(unknown.json()).toMatchObject({
        code: 'variables.unknown_term',
        message: expect.stringContaining('„gibt_es_nicht“ gibt es nicht') as unknown,
      });
      const empty = await send('neu', { terms: 'ew_m + ' });
      expect(empty.json()).toMatchObject({ code: 'variables.invalid_sum' });
      expect((await send('neu', {})).statusCode).toBe(400);
      const bad = await send('Neu Key', { terms: 'ew_m' });
      expect(bad.json()).toMatchObject({ code: 'variables.invalid_key' });
      const sum = await send('summe_test', { terms: 'ew_m + ew_w' });
      expect(sum.statusCode).toBe(200);
      const cycle = await send('summe_test', { terms: 'ew_m + summe_test' });
      expect(cycle.json()).toMatchObject({ code: 'variables.cycle' });
      const twice = await send('summe_2', { terms: ['summe_test'] });
      expect(twice.statusCode).toBe(200);
      const back = await send('summe_test', { terms: ['summe_2', 'ew_w'] });
      expect(back.json()).toMatchObject({
        code: 'variables.cycle',
        message: expect.stringContaining('summe_test → summe_2 → summe_test') as unknown,
      });
      const gone = await t.app.inject({
        method: 'DELETE',
        url: '/api/variables/ew/sum',
        headers: { cookie: t.planner },
      });
      expect(gone.statusCode).toBe(404);
      expect(gone.json()).toMatchObject({ code: 'variables.not_a_sum' });
    });
  });

  describe('a city with a few variables and age bands', () => {
    let t: Demo;
    let before: IndicatorValues;
    const catalogue = async (cookie?: string) =>
      new Map(
        (await t.app.inject({ url: '/api/indicators', headers: cookie ? { cookie } : {} }))
          .json<IndicatorEntry[]>()
          .map((i) => [i.key, i]),
      );
    const values = async (key: string, date: string) =>
      (
        await t.app.inject({
          url: `/api/indicators/${key}/values?level=sozialraum&date=${date}`,
          headers: { cookie: t.planner },
        })
      ).json<IndicatorValues>();
    const put = (key: string, payload: unknown) =>
      t.app.inject({
        method: 'PUT',
        url: `/api/variables/${key}/sum`,
        payload: payload as never,
        headers: { cookie: t.planner },
      });

    beforeAll(async () => {
      t = await demoApp(engine);
      before = await values('anteil_65plus', '2024-12-31');
      // the bands a statistics office delivers (65–79, 80+), then only ew, ew_w and the bands stay
      await t.db.query(
        `INSERT INTO variable (key, name, unit, description) VALUES
           ('m_65_79', '65 bis 79 Jahre', 'Personen', ''), ('m_80plus', '80 Jahre und älter', 'Personen', '')`,
      );
      await t.db.query(
        `INSERT INTO observation (variable_id, area_id, ref_date, breakdown, value, status, source_id)
         SELECT (SELECT id FROM variable WHERE key = 'm_65_79'), a.area_id, a.ref_date, '', a.value - b.value, 'value', a.source_id
           FROM observation a JOIN observation b ON b.area_id = a.area_id AND b.ref_date = a.ref_date AND b.breakdown = ''
          WHERE a.variable_id = (SELECT id FROM variable WHERE key = 'ew_65plus') AND a.breakdown = ''
            AND b.variable_id = (SELECT id FROM variable WHERE key = 'ew_80plus')
         UNION ALL
         SELECT (SELECT id FROM variable WHERE key = 'm_80plus'), area_id, ref_date, '', value, 'value', source_id
           FROM observation WHERE variable_id = (SELECT id FROM variable WHERE key = 'ew_80plus') AND breakdown = ''`,
      );
      await t.db.query(`DELETE FROM variable WHERE key NOT IN ('ew', 'ew_w', 'm_65_79', 'm_80plus')`);
    }, 120_000);
    afterAll(() => t?.close());

    it('says which inputs are missing and leaves those indicators out of profiles', async () => {
      const list = await catalogue(t.planner);
      expect(list.get('einwohner')).toMatchObject({ available: true, missingText: null });
      expect(list.get('frauenanteil')?.available).toBe(true);
      expect(list.get('anteil_65plus')).toMatchObject({
        available: false,
        missing: [{ key: 'ew_65plus', name: 'Einwohner 65 Jahre und älter' }],
        missingText: 'nicht verfügbar – es fehlt: Einwohner 65 Jahre und älter',
      });
      expect(list.get('altenquotient')?.missing.map((m) => m.key)).toEqual(['ew_65plus', 'ew_18_64']);
      expect((await catalogue()).get('anteil_65plus')?.available).toBe(false);
      const profile = (
        await t.app.inject({
          url: `/api/profiles/sozialraum/${before.values[0]!.id}`,
          headers: { cookie: t.planner },
        })
      ).json<Steckbrief>();
      const keys = profile.themes.flatMap((th) => th.indicators.map((i) => i.key));
      expect(keys).toEqual([
        'einwohner',
        'bevoelkerungsentwicklung_5j',
        'bevoelkerungsentwicklung_1j',
        'frauenanteil',
      ]);
    });

    it('names the missing inputs of a composite index for the Stichtag', async () => {
      const res = await t.app.inject({
        url: '/api/indices/berlin_mss/result?level=sozialraum&date=2024-12-31',
        headers: { cookie: t.planner },
      });
      expect(res.statusCode).toBe(200);
      const result = res.json<IndexResult>();
      expect(result.areas.some((a) => a.valid)).toBe(false);
      expect(result.missingInputs?.length).toBeGreaterThan(0);
      for (const m of result.missingInputs ?? []) expect(m.reason).toMatch(/^nicht verfügbar – es fehlt: /);
    });

    it('defines ew_65plus as the sum of the bands and gets the same values as before', async () => {
      const res = await put('ew_65plus', { terms: 'm_65_79 + 80 Jahre und älter' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({
        key: 'ew_65plus',
        name: 'Einwohner 65 Jahre und älter',
        definition: 'ew_65plus = m_65_79 + m_80plus',
      });
      expect(res.json<{ values: number }>().values).toBeGreaterThan(0);
      const list = await catalogue(t.planner);
      expect(list.get('anteil_65plus')?.available).toBe(true);
      expect(list.get('hochaltrige')?.available).toBe(false);
      const after = await values('anteil_65plus', '2024-12-31');
      expect(after.values).toEqual(before.values);
      expect(after.city).toEqual(before.city);
      // an alias
      expect((await put('ew_80plus', { terms: ['m_80plus'] })).statusCode).toBe(200);
      expect((await catalogue(t.planner)).get('hochaltrige')?.available).toBe(true);
      const overview = (
        await t.app.inject({ url: '/api/variables/overview', headers: { cookie: t.planner } })
      ).json<VariableInfo[]>();
      expect(overview.find((v) => v.key === 'ew_65plus')).toMatchObject({
        sum: ['m_65_79', 'm_80plus'],
        stored: true,
      });
      expect(overview.find((v) => v.key === 'ew_u6')).toMatchObject({
        stored: false,
        values: 0,
        expected: true,
      });
    });

    it('recomputes the sums in an import that touches a term, and refuses imports into a sum', async () => {
      const [a, b] = before.values;
      const r = await importTable(
        t.db,
        csv(`Sozialraum;m_65_79;m_80plus\n${a!.id};100;20\n${b!.id};50;5\n`, 'baender-2030.csv'),
        { level: 'sozialraum', date: '2030-12-31' },
      );
      expect(r.committed).toBe(true);
      const sums = await t.db.query<{ key: string; area: string; value: number }>(
        `SELECT v.key, a.key AS area, o.value FROM observation o JOIN variable v ON v.id = o.variable_id
           JOIN area a ON a.id = o.area_id WHERE o.ref_date = '2030-12-31' AND v.key IN ('ew_65plus', 'ew_80plus')
          ORDER BY v.key, a.key`,
      );
      expect(sums).toEqual(
        [
          { key: 'ew_65plus', area: a!.id, value: 120 },
          { key: 'ew_65plus', area: b!.id, value: 55 },
          { key: 'ew_80plus', area: a!.id, value: 20 },
          { key: 'ew_80plus', area: b!.id, value: 5 },
        ].sort((x, y) => (x.key + x.area < y.key + y.area ? -1 : 1)),
      );
      await expect(
        importTable(t.db, csv(`Sozialraum;ew_65plus\n${a!.id};1\n`, 'direkt.csv'), {
          level: 'sozialraum',
          date: '2030-12-31',
        }),
      ).rejects.toMatchObject({ code: 'import.sum_variable' });
    });

    it('removes a definition with its values', async () => {
      const res = await t.app.inject({
        method: 'DELETE',
        url: '/api/variables/ew_80plus/sum',
        headers: { cookie: t.planner },
      });
      expect(res.statusCode).toBe(204);
      expect((await catalogue(t.planner)).get('hochaltrige')?.available).toBe(false);
    });
  });
});
