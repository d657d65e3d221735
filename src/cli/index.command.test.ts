/**
 * `lagebild index …` as a statistician runs it (`node bin/lagebild.js` in a child process):
 * Berlin's published MSS 2021 table in, the published classes and codes out; bad input refused
 * with a German message naming file, line and column; stored indices on both database engines.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';

const run = promisify(execFile);
const bin = resolve('bin/lagebild.js');
const mss2021 = resolve('../shared/data/berlin-mss-2021');
const table21 = join(mss2021, 'mss2021-table-2-1.csv');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(...args: string[]): Promise<Result> {
  try {
    const { stdout, stderr } = await run('node', [bin, ...args], { maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as { code: number; stdout: string; stderr: string };
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

const COLUMNS = 'id,status_sum,status_index,status_class,dynamics_sum,dynamics_index,dynamics_class,code';

describe('index compute --preset (no database)', () => {
  let scratch: string;
  beforeAll(async () => {
    scratch = await mkdtemp(join(tmpdir(), 'lagebild-index-cli-'));
  });
  afterAll(() => rm(scratch, { recursive: true, force: true }));

  it('gives every valid Berlin PLR of MSS 2021 its published classes and code', async () => {
    const r = await cli(
      'index',
      'compute',
      '--preset',
      'berlin-mss',
      '--input',
      table21,
      '--exclude',
      '10100205',
      '--min-population',
      '300',
      '--format',
      'csv',
    );
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(COLUMNS);
    const rows = parse<Record<string, string>>(r.stdout, { columns: true });
    const published = parse<Record<string, string>>(
      await readFile(join(mss2021, 'mss2021_merged_for_tests.csv'), 'utf8'),
      {
        columns: true,
      },
    );
    const valid = published.filter((p) => p.validity === 'gültig');
    expect(rows.length).toBe(536);
    expect(valid.length).toBe(536);
    const byId = new Map(rows.map((x) => [x.id!, x]));
    for (const p of valid) {
      const row = byId.get(p.plr_id!)!;
      expect(row, p.plr_id).toBeDefined();
      expect(row.status_class, p.plr_id).toBe(p.pub_status_class);
      expect(row.dynamics_class, p.plr_id).toBe(p.pub_dynamik_class);
      expect(row.code, p.plr_id).toBe(p.pub_gesamt_code);
      expect(Math.abs(Number(row.status_index) - Number(p.pub_status_index))).toBeLessThan(0.01);
      expect(Math.abs(Number(row.dynamics_index) - Number(p.pub_dynamik_index))).toBeLessThan(0.01);
    }
    // the same table as the engine's golden file
    expect(r.stdout).toBe(await readFile(resolve('src/indices/golden/mss2021.golden.csv'), 'utf8'));
  });

  it('writes JSON rows with the same columns, and leaves out areas by the given rules', async () => {
    const r = await cli(
      'index',
      'compute',
      '--preset',
      'berlin-mss',
      '--input',
      table21,
      '--exclude',
      '01100101,01100102',
      '--format',
      'json',
    );
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(rows.length).toBe(534);
    expect(Object.keys(rows[0]!).join(',')).toBe(COLUMNS);
    expect(rows.some((x) => x.id === '01100101')).toBe(false);
    expect(typeof rows[0]!.status_index).toBe('number');
    const strict = await cli(
      'index',
      'compute',
      '--preset',
      'berlin-mss',
      '--input',
      table21,
      '--min-population',
      '10000',
      '--format',
      'json',
    );
    expect((JSON.parse(strict.stdout) as unknown[]).length).toBe(91); // PLR with 10,000 inhabitants or more
  });

  it('runs the Hamburg and Münster presets on the same table', async () => {
    const hh = await cli('index', 'compute', '--preset', 'hamburg', '--input', table21);
    expect(hh.code).toBe(0);
    expect(hh.stdout.trim().split('\n').length).toBe(537);
    const ms = await cli('index', 'compute', '--preset', 'muenster', '--input', table21);
    expect(ms.code).toBe(0);
    const rows = parse<Record<string, string>>(ms.stdout, { columns: true });
    expect(Object.keys(rows[0]!).join(',')).toBe(COLUMNS);
    expect(new Set(rows.map((x) => x.status_class))).toEqual(
      new Set(['hoch', 'mittel', 'niedrig', 'sehr niedrig']),
    );
    expect(rows.every((x) => x.dynamics_class === '' && /^[1-4]$/.test(x.code!))).toBe(true);
  });

  it('explains itself in German', async () => {
    const r = await cli('index', 'compute', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Verfahren: berlin-mss, hamburg, muenster');
    expect(r.stdout).toContain('Hilfe anzeigen');
    expect((await cli('--help')).stdout).toContain('Zusammengesetzte Indizes');
  });

  it('refuses bad input with a German message naming file, line and column', async () => {
    const file = async (name: string, text: string) => {
      const path = join(scratch, name);
      await writeFile(path, text);
      return path;
    };
    const cases: [string, string[], RegExp][] = [
      [
        'missing column',
        ['--input', await file('ohne.csv', 'id,name,s1_a,d1_b\n1,A,1,2\n')],
        /Datei „.*ohne\.csv“: die Spalte „inhabitants“ fehlt/,
      ],
      [
        'text in a number column',
        ['--input', await file('text.csv', 'id,name,inhabitants,s1_a,d1_b\n1,A,500,1,2\n2,B,600,viel,3\n')],
        /Datei „.*text\.csv“, Zeile 3, Spalte „s1_a“: „viel“ ist keine Zahl\./,
      ],
      [
        'duplicate id',
        ['--input', await file('doppelt.csv', 'id,name,inhabitants,s1_a,d1_b\n7,A,500,1,2\n7,B,600,2,3\n')],
        /Datei „.*doppelt\.csv“, Zeile 3: das Gebiet „7“ steht doppelt in der Datei \(zuerst in Zeile 2\)/,
      ],
      [
        'no dynamics column',
        ['--input', await file('status.csv', 'id,name,inhabitants,s1_a\n1,A,500,1\n')],
        /Für den Dynamik-Index fehlen die Indikatoren/,
      ],
      ['missing file', ['--input', join(scratch, 'fehlt.csv')], /Die Datei „.*fehlt\.csv“ gibt es nicht/],
    ];
    const results = await Promise.all(
      cases.map(([, args]) => cli('index', 'compute', '--preset', 'berlin-mss', ...args)),
    );
    for (const [k, [what, , message]] of cases.entries()) {
      const r = results[k]!;
      expect(r.code, what).not.toBe(0);
      expect(r.stderr, what).toMatch(message);
      expect(r.stdout, what).toBe('');
    }
    const preset = await cli('index', 'compute', '--preset', 'wien', '--input', table21);
    expect(preset.code).not.toBe(0);
    expect(preset.stderr).toContain('Unbekanntes Verfahren „wien“. Möglich: berlin-mss, hamburg, muenster.');
    const json = await cli(
      '--json',
      'index',
      'compute',
      '--preset',
      'berlin-mss',
      '--input',
      table21,
      '--format',
      'xml',
    );
    expect(json.code).not.toBe(0);
    expect(JSON.parse(json.stderr)).toMatchObject({ code: 'indices.invalid_option' });
  }, 120_000);
});

describe.each(engines)('index commands on the database ($name)', (engine) => {
  let spec: string;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ spec, drop } = await engine.location());
    const r = await cli('--db', spec, 'demo');
    expect(r.code, r.stderr).toBe(0);
  });
  afterAll(() => drop?.());

  it('lists the built-in indices', async () => {
    const r = await cli('--db', spec, 'index', 'list');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^berlin_mss\tMonitoring Soziale Stadtentwicklung.*Status-Index: S1, S3, S4; Dynamik-Index: D1, D3, D4$/m,
    );
    expect(r.stdout).toContain('hamburg_sozialmonitoring');
    expect(r.stdout).toContain('muenster_status');
  });

  it('computes a stored index for a year, on the finest level or a chosen one', async () => {
    const r = await cli('--db', spec, 'index', 'compute', '--index', 'berlin_mss', '--date', '2024');
    expect(r.code, r.stderr).toBe(0);
    const rows = parse<Record<string, string>>(r.stdout, { columns: true });
    expect(r.stdout.split('\n')[0]).toBe(COLUMNS);
    expect(rows.length).toBeGreaterThan(55); // 62 Sozialräume, a few may be too small
    expect(rows.every((x) => /^[1-4](\+|\+\/-|-)$/.test(x.code!))).toBe(true);
    const districts = await cli(
      '--db',
      spec,
      'index',
      'compute',
      '--index',
      'berlin_mss',
      '--date',
      '2024-12-31',
      '--level',
      'stadtbezirk',
      '--format',
      'json',
    );
    expect(districts.code, districts.stderr).toBe(0);
    expect((JSON.parse(districts.stdout) as unknown[]).length).toBe(6);
    const unknown = await cli('--db', spec, 'index', 'compute', '--index', 'gibt_es_nicht', '--date', '2024');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('Den Index „gibt_es_nicht“ gibt es nicht.');
    const noDate = await cli('--db', spec, 'index', 'compute', '--index', 'berlin_mss', '--date', '1990');
    expect(noDate.stderr).toContain('Für „1990“ gibt es keine Daten');
  }, 180_000); // four processes, each opening and migrating the database
});
