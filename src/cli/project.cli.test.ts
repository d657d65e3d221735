/**
 * `lagebild project population` as a user runs it (`node bin/lagebild.js …`) on the demo city:
 * CSV sorted by area, date and variable with every year up to `--to`, JSON with the same rows, and
 * German messages with exit codes for what is wrong.
 */
import { mkdtemp, rm } from 'node:fs/promises';
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
});
