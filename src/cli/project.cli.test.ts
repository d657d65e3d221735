/**
 * `lagebild project population` as a user runs it (`node bin/lagebild.js …`) on the demo city:
 * CSV sorted by area, date and variable with every year up to `--to`, JSON with the same rows, and
 * German messages with exit codes for what is wrong.
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG, runCli } from '../test/cli-processes.ts';

describe('lagebild project population (pglite)', () => {
  let dir: string;
  const cli = (...args: string[]) => runCli(join(dir, 'db'), args);
  const args = [
    'project',
    'population',
    '--level',
    'sozialraum',
    '--base',
    '2022-12-31',
    '--to',
    '2025-12-31',
  ];
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-cli-project-'));
    const demo = await cli('demo', '--population', '20000');
    expect(demo.code, demo.stderr).toBe(0);
  }, LONG);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it(
    'prints area,date,variable,value for every area and year up to --to, sorted',
    async () => {
      const res = await cli(...args, '--variables', 'ew,ew_u6,ew_65plus');
      expect(res.code, res.stderr).toBe(0);
      const [head, ...lines] = res.stdout.trimEnd().split('\n');
      expect(head).toBe('area,date,variable,value');
      const rows = lines.map((l) => l.split(','));
      const areas = new Set(rows.map((r) => r[0]));
      expect(areas.size).toBeGreaterThan(10);
      expect(rows).toHaveLength(areas.size * 3 * 3);
      expect(new Set(rows.map((r) => r[1]))).toEqual(new Set(['2023-12-31', '2024-12-31', '2025-12-31']));
      expect(rows.slice(0, 3).map((r) => [r[1], r[2]])).toEqual([
        ['2023-12-31', 'ew'],
        ['2023-12-31', 'ew_65plus'],
        ['2023-12-31', 'ew_u6'],
      ]);
      const keys = rows.map((r) => `${r[0]}|${r[1]}|${r[2]}`);
      expect(keys).toEqual([...keys].sort());
      expect(rows.every((r) => /^\d+$/.test(r[3]!))).toBe(true);

      const json = await cli(...args, '--variables', 'ew,ew_u6,ew_65plus', '--format', 'json');
      expect(json.code, json.stderr).toBe(0);
      const parsed = JSON.parse(json.stdout) as {
        area: string;
        date: string;
        variable: string;
        value: number;
      }[];
      expect(parsed.map((r) => [r.area, r.date, r.variable, String(r.value)])).toEqual(rows);
    },
    LONG,
  );

  it(
    'controls the areas to the city totals of a date,total table (--control) and gives variants',
    async () => {
      const file = join(dir, 'eckwerte.csv');
      await writeFile(file, 'date,total\n2024-12-31,21000\n2025-12-31,22000\n');
      const res = await cli(...args, '--variables', 'ew', '--control', file, '--format', 'json');
      expect(res.code, res.stderr).toBe(0);
      const rows = JSON.parse(res.stdout) as { area: string; date: string; value: number }[];
      const areas = new Set(rows.map((r) => r.area)).size;
      const city = (date: string) => rows.filter((r) => r.date === date).reduce((s, r) => s + r.value, 0);
      for (const [date, total] of [
        ['2024-12-31', 21000],
        ['2025-12-31', 22000],
      ] as const)
        expect(Math.abs(city(date) - total), date).toBeLessThanOrEqual(areas / 2);

      const low = await cli(...args, '--variables', 'ew', '--control', file, '--variant', 'low');
      expect(low.code, low.stderr).toBe(0);
      const lowTotal = low.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .filter((l) => l.includes(',2025-12-31,'))
        .reduce((s, l) => s + Number(l.split(',')[3]), 0);
      expect(Math.abs(lowTotal - 22000 * 0.995 ** 3)).toBeLessThanOrEqual(areas / 2);

      const missing = await cli(...args, '--control', join(dir, 'fehlt.csv'));
      expect(missing.code).toBe(1);
      expect(missing.stderr).toContain('--control: Die Datei');
      await writeFile(file, 'date,total\n2024-12-31,21000\n');
      const short = await cli(...args, '--control', file);
      expect(short.code).toBe(2);
      expect(short.stderr).toContain('Die Eckwerte reichen nur bis 31.12.2024');
      const variant = await cli(...args, '--variant', 'medium');
      expect(variant.code).toBe(2);
      expect(variant.stderr).toContain('--variant: „medium“ ist nicht möglich');
    },
    LONG,
  );

  it(
    'names what is wrong in German, with exit codes',
    async () => {
      const horizon = await cli(
        'project',
        'population',
        '--level',
        'sozialraum',
        '--base',
        '2022-12-31',
        '--to',
        '2021-12-31',
      );
      expect(horizon.code).toBe(2);
      expect(horizon.stderr).toContain('muss 1 bis 50 ganze Jahre nach dem Basisstichtag 31.12.2022 liegen');
      const earliest = await cli(
        'project',
        'population',
        '--level',
        'sozialraum',
        '--base',
        '2015-12-31',
        '--to',
        '2016-12-31',
      );
      expect(earliest.code).toBe(2);
      expect(earliest.stderr).toContain('fehlt ein früherer Stichtag');
      const level = await cli(
        'project',
        'population',
        '--level',
        'gibtsnicht',
        '--base',
        '2022-12-31',
        '--to',
        '2023-12-31',
      );
      expect(level.code).toBe(1);
      expect(level.stderr).toContain('Die Ebene „gibtsnicht“ hat keine Gebiete.');
      const method = await cli(...args, '--method', 'magic');
      expect(method.code).toBe(2);
      expect(method.stderr).toContain('--method: „magic“ ist nicht möglich');
      const missing = await cli('project', 'population', '--level', 'sozialraum', '--to', '2023-12-31');
      expect(missing.code).toBe(2);
      expect(missing.stderr).toContain('Bitte --base angeben');
    },
    LONG,
  );
  it(
    "adds the residents of a scenario's new quarter with --scenario",
    async () => {
      const plain = await cli(...args, '--variables', 'ew');
      expect(plain.code, plain.stderr).toBe(0);
      const rows = plain.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      const area = rows[0]![0]!;
      expect((await cli('scenarios', 'create', 'neubau')).code).toBe(0);
      const add = await cli(
        'scenarios',
        'add',
        'neubau',
        '--kind',
        'quarter',
        '--level',
        'sozialraum',
        '--area',
        area,
        '--population',
        'ew=1000,ew_u6=80',
        '--valid-from',
        '2024-01-01',
      );
      expect(add.code, add.stderr).toBe(0);
      const withQuarter = await cli(...args, '--variables', 'ew', '--scenario', 'neubau');
      expect(withQuarter.code, withQuarter.stderr).toBe(0);
      const after = withQuarter.stdout
        .trimEnd()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','));
      const diff = after.map((r, i) => [r[0], r[1], Number(r[3]) - Number(rows[i]![3])]);
      expect(diff.filter((d) => d[2] !== 0)).toEqual([
        [area, '2024-12-31', 1000],
        [area, '2025-12-31', 1000],
      ]);
      const unknown = await cli(...args, '--scenario', 'gibtsnicht');
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toContain('gibtsnicht');
    },
    LONG,
  );
});
