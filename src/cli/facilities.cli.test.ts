/**
 * `lagebild import facilities` and `lagebild facilities …` as a user runs them (a child process)
 * on Köln's 86 Stadtteile, on every engine: summary and warnings in German, a refused file with
 * every problem and exit code 2 storing nothing, counts as `area,count,capacity` — and, beside a
 * server holding the embedded database, the same through the server's API.
 */
import { spawn } from 'node:child_process';
import { runCli } from '../test/cli-processes.ts';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, readLock } from '../db/lock.ts';
import { engines } from '../test/databases.ts';

const bin = resolve('bin/lagebild.js');
const koelnShp = resolve('../shared/data/koeln-stadtteile/Stadtteil.shp');

// Köln: Dom (Altstadt/Nord), Rathaus Mülheim, Chorweiler; one in Bonn, outside every Stadtteil
const GOOD =
  'Nr;Name;Plätze;Träger;lon;lat\n' +
  'K1;Kita Am Dom;60;Stadt Köln;6,9583;50,9413\n' +
  'K2;Kita Mülheim;45;AWO;7,0046;50,9622\n' +
  'K3;Kita Chorweiler;;Caritas;6,8960;51,0280\n' +
  'K4;Kita Bonn;30;Stadt Bonn;7,0982;50,7374\n';

describe.each(engines)('facilities CLI on $name', (engine) => {
  let spec: string;
  let drop: () => Promise<void>;
  let scratch: string;
  const cli = (...args: string[]) => runCli(spec, args);
  const file = async (name: string, text: string) => {
    const path = join(scratch, name);
    await writeFile(path, text);
    return path;
  };

  beforeAll(async () => {
    ({ spec, drop } = await engine.location());
    scratch = await mkdtemp(join(tmpdir(), 'lagebild-facilities-cli-'));
    const areas = await cli('import', 'areas', koelnShp, '--level', 'stadtteil', '--id-field', 'STT_NR');
    expect(areas.code).toBe(0);
  }, 300_000);
  afterAll(async () => {
    await drop?.();
    await rm(scratch, { recursive: true, force: true });
  });

  it('lists the types', async () => {
    const r = await cli('facilities', 'types');
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('kita\tKindertageseinrichtung\tPlätze');
  }, 60_000);

  it('refuses a file with errors as a whole, printing every problem with row and field', async () => {
    const bad = await file(
      'kitas-fehler.csv',
      'Nr;Name;Plätze;lon;lat\nK1;Kita Am Dom;sechzig;6,9583;50,9413\nK1;Kita Zwei;-4;6,96;50,94\n',
    );
    const r = await cli('import', 'facilities', bad, '--type', 'kita');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([
      'Fehler: „kitas-fehler.csv“, Zeile 2 (Nr. „K1“), Feld „Plätze“: Die Kapazität „sechzig“ ist keine Zahl.',
      'Fehler: „kitas-fehler.csv“, Zeile 3 (Nr. „K1“): Die Nummer „K1“ (Feld „Nr“) steht schon in Zeile 2. Jede Einrichtung darf nur einmal vorkommen.',
      'Fehler: „kitas-fehler.csv“, Zeile 3 (Nr. „K1“), Feld „Plätze“: Die Kapazität -4 ist negativ.',
      expect.stringMatching(
        /^Fehler: „kitas-fehler\.csv“: Die Datei wurde nicht importiert, nichts wurde gespeichert \(3 Fehler\)/,
      ),
    ]);
    const counted = await cli(
      'facilities',
      'count',
      '--type',
      'kita',
      '--level',
      'stadtteil',
      '--format',
      'json',
    );
    expect(JSON.parse(counted.stdout)).toMatchObject({ total: { count: 0 } });
  }, 120_000);

  it('refuses projected coordinates read in the wrong CRS', async () => {
    // Gauß-Krüger zone 2 coordinates of Köln, read as zone 3: the points land far east of Köln
    const gk = await file(
      'kitas-gk.csv',
      'Nr;Name;Plätze;rechtswert;hochwert\nK1;Kita Am Dom;60;2567300;5645600\n',
    );
    const r = await cli('import', 'facilities', gk, '--type', 'kita', '--crs', 'EPSG:31467');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/1 von 1 Einrichtungen liegen außerhalb aller Gebiete.*EPSG:31467/);
  }, 120_000);

  it('imports a list with warnings and counts per Stadtteil as area,count,capacity', async () => {
    const good = await file('kitas.csv', GOOD);
    const r = await cli('import', 'facilities', good, '--type', 'kita', '--valid-from', '2024-01-01');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'Hinweis: „kitas.csv“, Zeile 4 (Nr. „K3“), Feld „Plätze“: Die Kapazität fehlt; die Einrichtung zählt mit, ihre Plätze nicht.',
    );
    expect(lines[1]).toMatch(
      /^Hinweis: „kitas\.csv“, Zeile 5 \(Nr\. „K4“\): Die Einrichtung liegt außerhalb aller Gebiete/,
    );
    expect(lines[2]).toMatch(
      /^Einrichtungsart „kita“, Stand 2024-01-01: 4 gelesen – 4 neu, 0 geändert, 0 unverändert, 0 geschlossen; 1 außerhalb aller Gebiete \(Koordinatensystem EPSG:4326, \d+ ms\)\.$/,
    );

    const count = await cli(
      'facilities',
      'count',
      '--type',
      'kita',
      '--level',
      'stadtteil',
      '--date',
      '2024-06-30',
    );
    expect(count.code).toBe(0);
    const rows = count.stdout.trim().split('\n');
    expect(rows[0]).toBe('area,count,capacity');
    expect(rows).toHaveLength(87);
    const keys = rows.slice(1).map((row) => row.split(',')[0]!);
    expect(keys).toEqual([...keys].sort());
    expect(rows.filter((row) => row.endsWith(',0,0'))).toHaveLength(83);
    expect(rows.slice(1).reduce((s, row) => s + Number(row.split(',')[2]), 0)).toBe(105);
    expect(count.stderr).toMatch(
      /^1 Einrichtungen \(30 Plätze\) liegen außerhalb aller Gebiete der Ebene „stadtteil“/,
    );
    const before = await cli(
      'facilities',
      'count',
      '--type',
      'kita',
      '--level',
      'stadtteil',
      '--date',
      '2023-12-31',
    );
    expect(
      before.stdout
        .trim()
        .split('\n')
        .slice(1)
        .every((row) => row.endsWith(',0,0')),
    ).toBe(true);
  }, 120_000);

  it('keeps the previous version when a capacity changes, and exports the state at a date', async () => {
    const changed = await file('kitas-2025.csv', GOOD.replace('K1;Kita Am Dom;60', 'K1;Kita Am Dom;75'));
    const r = await cli(
      '--json',
      'import',
      'facilities',
      changed,
      '--type',
      'kita',
      '--valid-from',
      '2025-01-01',
    );
    expect(JSON.parse(r.stdout)).toMatchObject({ new: 0, changed: 1, unchanged: 3 });
    const csvAt = async (date: string) =>
      (await cli('facilities', 'export', '--type', 'kita', '--date', date, '--format', 'csv')).stdout;
    // the Kita's capacity parts (U3, Ü3) follow the unit, empty: not in this delivery
    expect(await csvAt('2024-06-30')).toContain(
      '\r\nK1;Kita Am Dom;Kindertageseinrichtung;60;Plätze;;;Stadt Köln;',
    );
    expect(await csvAt('2025-06-30')).toContain(
      '\r\nK1;Kita Am Dom;Kindertageseinrichtung;75;Plätze;;;Stadt Köln;',
    );
    const geo = await cli('facilities', 'export', '--type', 'kita', '--date', '2025-06-30');
    const fc = JSON.parse(geo.stdout) as {
      features: { properties: { Nummer: string; 'gültig ab': string } }[];
    };
    expect(fc.features.map((f) => [f.properties.Nummer, f.properties['gültig ab']])).toEqual([
      ['K1', '2025-01-01'],
      ['K2', '2024-01-01'],
      ['K3', '2024-01-01'],
      ['K4', '2024-01-01'],
    ]);
    const wrong = await cli(
      'facilities',
      'count',
      '--type',
      'kita',
      '--level',
      'stadtteil',
      '--date',
      '31.12.2024',
    );
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('„31.12.2024“ ist kein Datum');
  }, 120_000);
});

describe('facilities CLI beside a running server', () => {
  let dir: string;
  let server: ReturnType<typeof spawn>;
  let serverErr = '';
  const cli = (...args: string[]) => runCli(dir, args);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-facilities-served-'));
    expect(
      (await cli('import', 'areas', koelnShp, '--level', 'stadtteil', '--id-field', 'STT_NR')).code,
    ).toBe(0);
    server = spawn('node', [bin, '--db', dir, 'serve', '--no-demo', '--port', '0', '--host', '127.0.0.1']);
    server.stderr!.on('data', (d: Buffer) => (serverErr += d.toString()));
    const t0 = Date.now();
    while ((readLock(join(dir, LOCK_FILE))?.port ?? null) === null) {
      if (server.exitCode !== null) throw new Error(serverErr);
      if (Date.now() - t0 > 300_000) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
  }, 400_000);
  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((r) => server.on('close', r));
      server.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('imports and counts through the server’s API, with the same output', async () => {
    const good = join(dir, '..', `${basename(dir)}-kitas.csv`);
    await writeFile(good, GOOD);
    try {
      const r = await cli('import', 'facilities', good, '--type', 'kita', '--valid-from', '2024-01-01');
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('vom laufenden Server verwendet');
      expect(r.stdout).toMatch(/Einrichtungsart „kita“, Stand 2024-01-01: 4 gelesen – 4 neu/);
      const bad = await cli('import', 'facilities', good, '--type', 'kitas');
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('Fehler: Die Einrichtungsart „kitas“ ist unbekannt.');
      const count = await cli(
        'facilities',
        'count',
        '--type',
        'kita',
        '--level',
        'stadtteil',
        '--date',
        '2024-06-30',
      );
      expect(count.code).toBe(0);
      expect(count.stdout.split('\n')[0]).toBe('area,count,capacity');
      expect(count.stdout.trim().split('\n')).toHaveLength(87);
      const geo = await cli('facilities', 'export', '--type', 'kita', '--date', '2024-06-30');
      expect((JSON.parse(geo.stdout) as { features: unknown[] }).features).toHaveLength(4);
    } finally {
      await rm(good, { force: true });
    }
  }, 300_000);
});
