/**
 * The commands that look ahead, as a user runs them on the demo city: `lagebild care plan` (one
 * CSV table of areas, districts and the city for every year, the source on stderr, JSON with the
 * same numbers, a rising-rates scenario) and `lagebild coverage forecast` (a norm's need per area
 * and year from the projection), with German messages for what is wrong.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CarePlan } from '../care/care-plan.service.ts';
import { LONG, runCli } from '../test/cli-processes.ts';

describe('lagebild care plan and coverage forecast (pglite)', () => {
  let dir: string;
  const cli = (...args: string[]) => runCli(join(dir, 'db'), args);
  const args = ['care', 'plan', '--level', 'sozialraum', '--base', '2022-12-31', '--to', '2030-12-31'];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-cli-care-'));
    const demo = await cli('demo', '--population', '20000');
    expect(demo.code, demo.stderr).toBe(0);
  }, LONG);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    'prints areas, districts and the city for every year, with the source on stderr',
    async () => {
      const res = await cli(...args);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toContain('Quelle: Statistisches Bundesamt, Pflegestatistik 2019');
      const rows = parse<Record<string, string>>(res.stdout, { columns: true });
      expect(Object.keys(rows[0]!)).toEqual([
        'area',
        'name',
        'date',
        'ew_65plus',
        'need',
        'angehoerige',
        'ambulant',
        'tagespflege',
        'stationaer',
        'stationaer_required',
        'stationaer_capacity',
        'stationaer_balance',
        'tagespflege_required',
        'tagespflege_capacity',
        'tagespflege_balance',
      ]);
      const city = rows.filter((r) => r.area === 'stadt');
      expect(city.map((r) => r.date)).toEqual(Array.from({ length: 8 }, (_, i) => `${2023 + i}-12-31`));
      const json = await cli(...args, '--format', 'json');
      expect(json.code, json.stderr).toBe(0);
      const plan = JSON.parse(json.stdout) as CarePlan;
      expect(rows).toHaveLength(plan.areas.length + plan.parents.length + plan.city.length);
      expect(plan.areas.length).toBeGreaterThan(8 * 10);
      for (const r of city) {
        const j = plan.city.find((c) => c.date === r.date)!;
        expect(Number(r.need)).toBe(j.need);
        expect(Number(r.stationaer_balance)).toBe(
          Number(r.stationaer_capacity) - Number(r.stationaer_required),
        );
      }
      const rising = await cli(...args, '--trend', '2', '--format', 'json');
      expect(rising.code, rising.stderr).toBe(0);
      const last = (p: CarePlan) => p.city.at(-1)!.need;
      expect(last(JSON.parse(rising.stdout) as CarePlan) / last(plan)).toBeCloseTo(1.02 ** 8, 2);
    },
    LONG,
  );

  it(
    'prints the need of a Kita norm per area and year to 2035, then the city',
    async () => {
      const args = [
        'coverage',
        'forecast',
        '--norm',
        'kita_u3',
        '--level',
        'sozialraum',
        '--base',
        '2022-12-31',
      ];
      const res = await cli(...args, '--to', '2035-12-31');
      expect(res.code, res.stderr).toBe(0);
      expect(res.stderr).toContain('Prognose: gerundet');
      const rows = parse<Record<string, string>>(res.stdout, { columns: true });
      expect(Object.keys(rows[0]!)).toEqual(['area', 'name', 'date', 'demand', 'supply', 'balance', 'rate']);
      const city = rows.filter((r) => r.area === 'stadt');
      expect(city).toHaveLength(13);
      expect(city.at(-1)!.date).toBe('2035-12-31');
      for (const r of rows) expect(Number(r.balance)).toBe(Number(r.supply) - Number(r.demand));
      // a scenario's quarter beside the Bestand, from its Stichtag on
      const area = rows[0]!.area!;
      expect((await cli('scenarios', 'create', 'quartier')).code).toBe(0);
      const add = await cli(
        'scenarios',
        'add',
        'quartier',
        '--kind',
        'quarter',
        '--level',
        'sozialraum',
        '--area',
        area,
        '--population',
        'ew_u3=100',
        '--valid-from',
        '2030-01-01',
      );
      expect(add.code, add.stderr).toBe(0);
      const withScenario = await cli(...args, '--to', '2031-12-31', '--scenario', 'quartier');
      expect(withScenario.code, withScenario.stderr).toBe(0);
      const sRows = parse<Record<string, string>>(withScenario.stdout, { columns: true });
      expect(Object.keys(sRows[0]!).slice(-4)).toEqual([
        'scenario_demand',
        'scenario_supply',
        'scenario_balance',
        'scenario_rate',
      ]);
      const extra = (r: Record<string, string>) => Number(r.scenario_demand) - Number(r.demand);
      for (const r of sRows.filter((x) => x.area === area))
        expect(Math.abs(extra(r) - (r.date! >= '2030' ? 51 : 0)), r.date).toBeLessThanOrEqual(1);
      const spiel = await cli(...args, '--to', '2023-12-31', '--norm', 'gibtsnicht');
      expect(spiel.code).toBe(1);
      expect(spiel.stderr).toContain('gibtsnicht');
    },
    LONG,
  );

  it(
    'stores care rates from an office table as assumptions the plan uses by key',
    async () => {
      const file = join(dir, 'quoten.csv');
      await writeFile(file, 'von;bis;quote\n0;64;1,5\n65;79;10\n80;;45\n');
      const rates = ['care', 'rates', file, '--key', 'kreis_2023', '--name', 'Kreis 2023', '--year', '2023'];
      const stored = await cli(
        ...rates,
        '--source',
        'Landesamt 2023',
        '--shares',
        'ambulant=0.2,angehoerige=0.5,stationaer=0.28',
      );
      expect(stored.code, stored.stderr).toBe(0);
      expect(stored.stdout).toContain('kreis_2023: neue Fassung gespeichert (3 Altersgruppen).');
      const list = await cli('care', 'assumptions');
      expect(list.stdout).toContain(
        'kreis_2023: Kreis 2023 (Stand 2023; 3 Altersgruppen; Quelle: Landesamt 2023)',
      );
      expect(list.stdout).toContain('pflegestatistik_2019:');
      const plan = (key: string) =>
        cli(...args, '--to', '2024-12-31', '--format', 'json', '--assumptions', key);
      const own = JSON.parse((await plan('kreis_2023')).stdout) as CarePlan;
      const federal = JSON.parse((await plan('pflegestatistik_2019')).stdout) as CarePlan;
      expect(own.assumptions.source).toBe('Landesamt 2023');
      expect(own.city[0]!.need).not.toBe(federal.city[0]!.need);
      // both rounded from the exact sum: at most one person apart
      expect(Math.abs(own.city[0]!.persons.stationaer - own.city[0]!.need * 0.28)).toBeLessThanOrEqual(1);

      const bad = await cli(...rates, '--source', 'x', '--shares', 'stationaer=0.5');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('Anteile der Versorgungsarten ergeben');
      const typo = await cli(...rates, '--source', 'x', '--shares', 'heim=0.5');
      expect(typo.code).toBe(2);
      expect(typo.stderr).toContain('--shares: „heim=0.5“ ist nicht möglich');
    },
    LONG,
  );

  it(
    'names what is wrong in German, with exit codes',
    async () => {
      const trend = await cli(...args, '--trend', 'viel');
      expect(trend.code).toBe(2);
      expect(trend.stderr).toContain('--trend: „viel“ ist keine Zahl.');
      const missing = await cli('care', 'plan', '--base', '2022-12-31', '--to', '2030-12-31');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('Bitte --level angeben');
      const level = await cli(
        'care',
        'plan',
        '--level',
        'gibtsnicht',
        '--base',
        '2022-12-31',
        '--to',
        '2023-12-31',
      );
      expect(level.code).toBe(1);
      expect(level.stderr).toContain('Die Ebene „gibtsnicht“ hat keine Gebiete.');
    },
    LONG,
  );
});
