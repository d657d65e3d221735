/** `lagebild areas derive` as a user runs it, on Köln's Stadtteile. */
import { runCli } from '../test/cli-processes.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';

const koelnShp = resolve('../shared/data/koeln-stadtteile/Stadtteil.shp');

describe.each(engines)('lagebild areas derive on $name', (engine) => {
  let spec: string;
  let drop: () => Promise<void>;
  let scratch: string;
  const cli = (...args: string[]) => runCli(spec, args);
  beforeAll(async () => {
    ({ spec, drop } = await engine.location());
    scratch = await mkdtemp(join(tmpdir(), 'lagebild-derive-'));
    const imported = await cli('import', 'areas', koelnShp, '--level', 'stadtteil', '--id-field', 'STT_NR');
    expect(imported.code, imported.stderr).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await drop();
    await rm(scratch, { recursive: true, force: true });
  });

  it('refuses a key table missing Stadtteile, then derives the 9 Stadtbezirke by prefix with names', async () => {
    const table = join(scratch, 'zuordnung.csv');
    await writeFile(table, 'Stadtteil;Stadtbezirk\n101;1\n');
    const bad = await cli(
      'areas',
      'derive',
      '--level',
      'stadtbezirk',
      '--from',
      'stadtteil',
      '--key-table',
      table,
      '--child-field',
      'Stadtteil',
      '--parent-field',
      'Stadtbezirk',
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(
      '„zuordnung.csv“: 85 Gebiete der Ebene „stadtteil“ stehen nicht in der Schlüsseltabelle',
    );

    const names = join(scratch, 'namen.csv');
    await writeFile(names, 'nr,name\n1,Innenstadt\n2,Rodenkirchen\n');
    const ok = await cli(
      '--json',
      'areas',
      'derive',
      '--level',
      'stadtbezirk',
      '--from',
      'stadtteil',
      '--key-prefix',
      '1',
      '--names',
      names,
      '--valid-from',
      '2014-01-01',
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ level: 'stadtbezirk', derived: 9, children: 86 });
    const list = await cli('--json', 'areas', 'list', '--level', 'stadtbezirk');
    const bezirke = JSON.parse(list.stdout) as { id: string; name: string }[];
    expect(bezirke.map((b) => b.name).slice(0, 3)).toEqual(['Innenstadt', 'Rodenkirchen', 'Stadtbezirk 3']);
  }, 120_000);
});
