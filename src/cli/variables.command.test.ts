/**
 * `lagebild variables` as a user runs it (`node bin/lagebild.js …`): on the demo city with the
 * catalogue's ew_80plus dropped, defined again as an alias of an imported band.
 */
import { runCli } from '../test/cli-processes.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb } from '../db/db.ts';

describe('lagebild variables (pglite)', () => {
  let dir: string;
  const cli = (...args: string[]) => runCli(join(dir, 'db'), args);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-cli-variables-'));
    expect((await cli('demo', '--population', '20000')).code).toBe(0);
  }, 900_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists, defines and refuses with German messages and exit codes', async () => {
    const list = await cli('variables', 'list');
    expect(list.code, list.stderr).toBe(0);
    const row = list.stdout.split('\n').find((l) => l.startsWith('ew_65plus\t'))!;
    expect(row.split('\t')).toEqual([
      'ew_65plus',
      'Einwohner 65 Jahre und älter',
      'Personen',
      'importiert',
      expect.stringMatching(/^[1-9]\d*$/),
      expect.stringContaining('anteil_65plus'),
    ]);

    const refused = await cli('variables', 'define', 'ew_65plus', '--sum', 'ew_m+ew_w');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('hat bereits');
    const unknown = await cli('variables', 'define', 'neu', '--sum', 'ew_m+gibt_es_nicht');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Fehler: Die Variable „gibt_es_nicht“ gibt es nicht.');

    const table = join(dir, 'ew.csv');
    await writeFile(table, 'Sozialraum;Einwohner männlich;Frauen gesamt\n101;100;120\n');
    const imported = await cli('import', 'table', table, '--level', 'sozialraum', '--date', '2031-12-31');
    expect(imported.code, imported.stderr).toBe(0);
    const defined = await cli(
      'variables',
      'define',
      'alle',
      '--sum',
      'einwohner_maennlich + Frauen gesamt',
      '--name',
      'Alle',
    );
    expect(defined.code, defined.stderr).toBe(0);
    expect(defined.stdout).toBe('alle = einwohner_maennlich + frauen_gesamt (Alle): 1 Werte berechnet\n');
    const ambiguous = await cli('variables', 'define', 'maenner', '--sum', 'Einwohner männlich');
    expect(ambiguous.code).toBe(2);
    expect(ambiguous.stderr).toContain('ist der Name mehrerer Variablen (einwohner_maennlich, ew_m)');
    const cycle = await cli('variables', 'define', 'einwohner_maennlich', '--sum', 'alle');
    expect(cycle.code).toBe(2);
    expect(cycle.stderr).toContain('enthielte sich selbst');

    const json = JSON.parse((await cli('--json', 'variables', 'list')).stdout) as {
      key: string;
      sum: string[] | null;
      values: number;
    }[];
    expect(json.find((v) => v.key === 'alle')).toMatchObject({
      sum: ['einwohner_maennlich', 'frauen_gesamt'],
      values: 1,
    });
    expect((await cli('variables', 'remove-sum', 'alle')).code).toBe(0);
    expect((await cli('variables', 'remove-sum', 'alle')).code).toBe(1);

    // several at once: all of them, or none when one is refused
    const partly = await cli('variables', 'define', 'frauen=frauen_gesamt', 'alle=frauen+gibt_es_nicht');
    expect(partly.code).toBe(2);
    expect(partly.stderr).toContain('Die Variable „gibt_es_nicht“ gibt es nicht.');
    const afterRefusal = JSON.parse((await cli('--json', 'variables', 'list')).stdout) as { key: string }[];
    expect(afterRefusal.map((v) => v.key)).not.toContain('frauen');
    const both = await cli('variables', 'define', 'frauen=frauen_gesamt', 'alle=einwohner_maennlich+frauen');
    expect(both.code, both.stderr).toBe(0);
    expect(both.stdout).toBe(
      'frauen = frauen_gesamt (frauen): 1 Werte berechnet\n' +
        'alle = einwohner_maennlich + frauen (Alle): 1 Werte berechnet\n',
    );
    const mixed = await cli('variables', 'define', 'a=b', '--sum', 'c');
    expect(mixed.code).toBe(2);
    expect(mixed.stderr).toContain('Mit --sum wird genau eine Variable festgelegt');
  }, 900_000);

  it('index compute names missing inputs and exits non-zero when it computed nothing', async () => {
    const args = ['index', 'compute', '--index', 'berlin_mss', '--date', '2024', '--level', 'sozialraum'];
    const ok = await cli(...args);
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toBe('');
    // a city without SGB II and unemployment counts: dropped while no CLI holds the database
    const db = await openDb(join(dir, 'db'));
    await db.query(`DELETE FROM variable WHERE key IN ('sgb2', 'sgb2_u15', 'sgb2_elb', 'alo')`);
    await db.close();
    const none = await cli(...args);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toContain('ließ sich für kein Gebiet ein Index berechnen');
    expect(none.stderr).toContain('nicht verfügbar – es fehlt: SGB-II-Leistungsberechtigte');
  }, 900_000);
});
