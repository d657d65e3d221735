/**
 * The data commands as a user runs them (`node bin/lagebild.js …`) on the demo city:
 * indicator list, exports with and without --public, table and microdata import.
 */
import { runCli } from '../test/cli-processes.ts';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

describe('data commands on the demo city (pglite)', () => {
  let dir: string;
  const cli = (...args: string[]) => runCli(join(dir, 'db'), args);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-cli-data-'));
    const r = await cli('demo', '--population', '20000', '--microdata', join(dir, 'register.csv'));
    expect(r.code, r.stderr).toBe(0);
  }, 120_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists at least 30 indicators', async () => {
    const list = JSON.parse((await cli('--json', 'indicators', 'list')).stdout) as { key: string }[];
    expect(list.length).toBeGreaterThanOrEqual(30);
  });

  it('exports values with counts for planners and protected without counts with --public', async () => {
    const full = await cli(
      'export',
      'values',
      '--indicator',
      'kinderarmut',
      '--level',
      'sozialraum',
      '--date',
      '2024',
    );
    expect(full.stdout.split('\n')[0]).toContain('Zähler');
    const pub = await cli(
      'export',
      'values',
      '--indicator',
      'kinderarmut',
      '--level',
      'sozialraum',
      '--date',
      '2024',
      '--public',
    );
    expect(pub.stdout.split('\n')[0]).not.toContain('Zähler');
    expect(pub.stdout).toContain('·'); // small areas of the 20,000-inhabitant city are secret
    const xlsx = join(dir, 'werte.xlsx');
    await cli(
      'export',
      'values',
      '--indicator',
      'kinderarmut',
      '--level',
      'sozialraum',
      '--date',
      '2024-12-31',
      '--format',
      'xlsx',
      '--public',
      '--out',
      xlsx,
    );
    expect((await readFile(xlsx)).subarray(0, 2).toString()).toBe('PK');
  });

  it('imports a table, finding the key column itself, and refuses a file with an unknown key', async () => {
    const ok = join(dir, 'lieferung.csv');
    await writeFile(ok, 'Bezeichnung;Schlüssel;Wohnungen\nAltstadt;101;3.120\nZweite;102;2.004\n');
    const r = await cli('import', 'table', ok, '--level', 'sozialraum', '--date', '2025-12-31');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/2 Werte importiert/);
    const bad = join(dir, 'falsch.csv');
    await writeFile(bad, 'Schlüssel;Wohnungen\n101;3.120\n999;12\n');
    const f = await cli('import', 'table', bad, '--level', 'sozialraum', '--date', '2025-12-31');
    expect(f.code).not.toBe(0);
    expect(f.stderr).toMatch(/falsch\.csv.*Zeile 3.*999/s);
    // --dry-run fails the same way (exit code 2) and prints the report; a good file passes.
    const dry = await cli(
      'import',
      'table',
      bad,
      '--level',
      'sozialraum',
      '--date',
      '2025-12-31',
      '--dry-run',
    );
    expect(dry.code).toBe(2);
    expect(dry.stdout).toMatch(
      /Fehler: „falsch\.csv“, Zeile 3.*„999“.*würde wegen der Fehler nicht importiert/s,
    );
    const good = await cli(
      'import',
      'table',
      ok,
      '--level',
      'sozialraum',
      '--date',
      '2025-12-31',
      '--dry-run',
    );
    expect(good.code, good.stderr).toBe(0);
  }, 180_000);

  it('imports the register microdata as counts per Sozialraum', async () => {
    const r = await cli(
      '--json',
      'import',
      'microdata',
      join(dir, 'register.csv'),
      '--level',
      'sozialraum',
      '--date',
      '2024-12-31',
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout) as { result: { persons: number }; stored: number };
    expect(out.result.persons).toBe(20000);
    expect(out.stored).toBeGreaterThan(1000);
  });
});
