/**
 * `lagebild norms`, `coverage`, `scenarios` and `accessibility` as a user runs them (child
 * processes) on the demo city: CSV sorted by area key, norm changes as versions, a scenario beside
 * the Bestand, the need ahead (`coverage forecast`), a travel-cost matrix — first on the database,
 * then beside a running server through its API, with the same output.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_FILE, readLock } from '../db/lock.ts';

const run = promisify(execFile);
const bin = resolve('bin/lagebild.js');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe('coverage CLI on the demo city, alone and beside a server', () => {
  let dir: string;
  let scratch: string;
  let server: ReturnType<typeof spawn> | null = null;
  const cli = async (...args: string[]): Promise<Result> => {
    try {
      const { stdout, stderr } = await run('node', [bin, '--db', dir, ...args], { maxBuffer: 64 << 20 });
      return { code: 0, stdout, stderr };
    } catch (e) {
      const err = e as { code: number; stdout: string; stderr: string };
      return { code: err.code, stdout: err.stdout, stderr: err.stderr };
    }
  };
  const local: Record<string, string> = {};
  const rankingArgs = [
    'coverage',
    'ranking',
    '--norm',
    'kita_u3',
    '--level',
    'sozialraum',
    '--index',
    'berlin_mss',
    '--date',
    '2024-12-31',
  ];
  // the need ahead from the projection, with the scenario's opening beside the Bestand
  const forecastArgs = ['coverage', 'forecast', '--norm', 'kita_u3', '--level', 'stadtbezirk'].concat([
    '--base',
    '2022-12-31',
    '--to',
    '2025-12-31',
    '--scenario',
    'Neubau',
  ]);
  const coverageArgs = [
    'coverage',
    '--norm',
    'kita_gesamt',
    '--level',
    'stadtbezirk',
    '--date',
    '2024-12-31',
  ];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-coverage-cli-'));
    scratch = await mkdtemp(join(tmpdir(), 'lagebild-coverage-files-'));
    const demo = await cli('demo', '--demo-passwords');
    expect(demo.code, demo.stderr).toBe(0);
  }, 300_000);
  afterAll(async () => {
    if (server && server.exitCode === null) {
      const exited = new Promise((r) => server!.on('close', r));
      server.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
    await rm(scratch, { recursive: true, force: true });
  });

  it('lists norms and prints coverage as area,date,supply,demand,rate,balance sorted by area', async () => {
    const norms = await cli('norms', 'list');
    expect(norms.code).toBe(0);
    const [gesamt, u3] = norms.stdout.split('\n');
    expect(gesamt).toMatch(
      /^kita_gesamt\tKita-Plätze für Kinder bis zum Schuleintritt\tkita\t0\.51\*ew_u3\+0\.97\*ew_3_5\t1\t/,
    );
    expect(u3).toMatch(/^kita_u3\tKita-Plätze für Kinder unter 3 Jahren\tkita\tew_u3\t0\.51\t/);
    const c = await cli(...coverageArgs);
    expect(c.code, c.stderr).toBe(0);
    const lines = c.stdout.trim().split('\n');
    expect(lines[0]).toBe('area,date,supply,demand,rate,balance');
    expect(lines).toHaveLength(7);
    const keys = lines.slice(1).map((l) => l.split(',')[0]!);
    expect(keys).toEqual([...keys].sort());
    for (const l of lines.slice(1)) {
      const [, date, supply, demand, rate, balance] = l.split(',').map((x, i) => (i === 1 ? x : Number(x)));
      expect(date).toBe('2024-12-31');
      expect(rate as number).toBeCloseTo(((supply as number) / (demand as number)) * 100, 1);
      expect(balance as number).toBeCloseTo((supply as number) - (demand as number), 1);
    }
    const series = await cli('coverage', '--norm', 'kita_ue3', '--level', 'stadtbezirk', '--series');
    expect(series.stdout.trim().split('\n')).toHaveLength(1 + 6 * 10);
    const json = await cli(...coverageArgs, '--format', 'json');
    expect(JSON.parse(json.stdout)).toMatchObject({ level: 'stadtbezirk', parentLevel: 'stadt' });
    const bad = await cli('coverage', '--norm', 'kita_u3', '--level', 'stadtbezirk', '--date', '31.12.2024');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('„31.12.2024“ ist kein Datum');
    const unknown = await cli('coverage', '--norm', 'pflege', '--level', 'stadtbezirk');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Den Richtwert „pflege“ gibt es nicht');
    const noLevel = await cli('coverage', '--norm', 'kita_u3');
    expect(noLevel.code).toBe(2);
    expect(noLevel.stderr).toContain('Bitte --level angeben');
  }, 120_000);

  it('ranks the areas by need as CSV in rank order, each with its reason', async () => {
    const r = await cli(...rankingArgs);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'rank,area,name,parent,score,needs,supply,demand,rate,missing,class,distance,nearest,reason',
    );
    expect(lines).toHaveLength(1 + 62);
    expect(lines.slice(1, 4).map((l) => l.split(',')[0])).toEqual(['1', '2', '3']);
    expect(lines[1]).toMatch(/"Statusklasse \d \([^)]+\), (nächste|keine) Kita [^"]+"$/);
    expect(r.stderr).toContain('Regel: Zuerst stehen die Gebiete, auf die mehr Bedarfsmerkmale zutreffen');
    const json = JSON.parse((await cli(...rankingArgs, '--format', 'json')).stdout) as {
      rows: { area: string; rank: number | null }[];
    };
    expect(json.rows.map((x) => x.area)).toEqual(lines.slice(1).map((l) => l.split(',')[1]));
    const noGap = await cli(...rankingArgs, '--weight-gap', '0', '--radius', '500');
    expect(noGap.stdout).not.toContain('fehlende Plätze');
    const missing = await cli('coverage', 'ranking', '--level', 'sozialraum');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Bitte --norm angeben');
    const bad = await cli(...rankingArgs, '--radius', 'weit');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--radius: „weit“ ist keine Zahl');
  }, 120_000);

  it('changes a norm as a new version and shows its history', async () => {
    const set = await cli('norms', 'set', 'kita_u3', '--factor', '0.55', '--valid-from', '2023-01-01');
    expect(set.code, set.stderr).toBe(0);
    expect(set.stdout).toContain('Richtwert „kita_u3“ gespeichert (gilt 2023-01-01 – offen)');
    const show = await cli('norms', 'show', 'kita_u3');
    expect(show.stdout).toContain('seit jeher – 2023-01-01: 0.51 × (ew_u3)');
    expect(show.stdout).toContain('2023-01-01 – offen: 0.55 × (ew_u3)');
    const created = await cli(
      'norms',
      'set',
      'spielplatz_400',
      '--name',
      'Spielplatz in 400 m für 6- bis 9-Jährige',
      '--type',
      'spielplatz',
      '--demand',
      'ew_6_9',
      '--factor',
      '1',
      '--catchment',
      'walking:400',
    );
    expect(created.code, created.stderr).toBe(0);
    const weighted = await cli(
      'norms',
      'set',
      'kita_alle',
      '--name',
      'Kita-Plätze, Ü3-Plätze gegen beide Altersgruppen',
      '--type',
      'kita',
      '--demand',
      '0.51*ew_u3+0.97*ew_3_5',
      '--factor',
      '1',
      '--supply-property',
      'plaetze_ue3',
      '--published',
      'no',
    );
    expect(weighted.code, weighted.stderr).toBe(0);
    expect(weighted.stdout).toContain('\t0.51*ew_u3+0.97*ew_3_5\t1\t');
    const shownWeighted = await cli('norms', 'show', 'kita_alle');
    expect(shownWeighted.stdout).toContain('Bedarf: 1 × (0.51*ew_u3 + 0.97*ew_3_5)');
    expect(shownWeighted.stdout).toContain('Versorgung: Eigenschaft plaetze_ue3');
    const incomplete = await cli('norms', 'set', 'neu', '--factor', '2');
    expect(incomplete.code).toBe(2);
    expect(incomplete.stderr).toContain('bitte --name, --type, --demand und --factor angeben');
  }, 120_000);

  it('shows a scenario beside the Bestand and computes accessibility on a travel-cost matrix', async () => {
    expect((await cli('scenarios', 'create', 'Neubau', '--description', 'Kita im Bezirk 1')).code).toBe(0);
    const areas = JSON.parse((await cli('--json', 'areas', 'list', '--level', 'stadtbezirk')).stdout) as {
      id: string;
    }[];
    const kitas = JSON.parse(
      (await cli('facilities', 'export', '--type', 'kita', '--date', '2024-12-31')).stdout,
    ) as { features: { geometry: { coordinates: [number, number] }; properties: Record<string, string> }[] };
    const [lon, lat] = kitas.features[0]!.geometry.coordinates;
    const add = await cli(
      'scenarios',
      'add',
      'Neubau',
      '--kind',
      'opening',
      '--type',
      'kita',
      '--name',
      'Kita Neubau',
      '--capacity',
      '100',
      '--properties',
      'plaetze_u3=30, plaetze_ue3=70',
      '--lon',
      String(lon),
      '--lat',
      String(lat),
    );
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toMatch(/Eröffnung\tkita „Kita Neubau“, 100 \(plaetze_u3 30, plaetze_ue3 70\)/);
    // the export carries the Kita's capacity parts under the names a delivery uses
    expect(Object.keys(kitas.features[0]!.properties)).toEqual(
      expect.arrayContaining(['plaetze_u3', 'plaetze_ue3']),
    );
    const c = await cli(...coverageArgs.slice(0, -1), '2030-12-31', '--scenario', 'Neubau');
    expect(c.code, c.stderr).toBe(0);
    const lines = c.stdout.trim().split('\n');
    expect(lines[0]).toBe(
      'area,date,supply,demand,rate,balance,scenario_supply,scenario_demand,scenario_rate,scenario_balance',
    );
    const changed = lines.slice(1).filter((l) => {
      const x = l.split(',').map(Number);
      return x[6] !== x[2];
    });
    expect(changed).toHaveLength(1);
    const x = changed[0]!.split(',').map(Number);
    expect(x[6]! - x[2]!).toBe(100);

    // every Stadtbezirk reaches every Kita at 500 m: access is the same everywhere
    const matrix = join(scratch, 'matrix.csv');
    const rows = ['InputID,TargetID,Distance'];
    for (const a of areas) for (const k of kitas.features) rows.push(`${a.id},${k.properties.Nummer},500`);
    await writeFile(matrix, rows.join('\n'));
    const acc = await cli(
      'accessibility',
      '--type',
      'kita',
      '--level',
      'stadtbezirk',
      '--demand',
      'ew_u3+ew_3_5',
      '--max-cost',
      '1000',
      '--matrix',
      matrix,
    );
    expect(acc.code, acc.stderr).toBe(0);
    const out = acc.stdout.trim().split('\n');
    expect(out[0]).toBe('area,demand,supply,access');
    const access = new Set(out.slice(1).map((l) => l.split(',')[3]));
    expect(access.size).toBe(1);
    local.accessibility = acc.stdout;
    const imported = await cli(
      'norms',
      'import-matrix',
      matrix,
      '--name',
      'alle',
      '--level',
      'stadtbezirk',
      '--type',
      'kita',
    );
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain(`${areas.length * kitas.features.length} Paare`);
    local.coverage = (await cli(...coverageArgs)).stdout;
    local.ranking = (await cli(...rankingArgs)).stdout;
    const forecast = await cli(...forecastArgs);
    expect(forecast.code, forecast.stderr).toBe(0);
    expect(forecast.stdout.split('\n')[0]).toContain(',scenario_demand,');
    local.forecast = forecast.stdout;
  }, 180_000);

  it('gives the same output through a running server', async () => {
    server = spawn('node', [bin, '--db', dir, 'serve', '--no-demo', '--port', '0', '--host', '127.0.0.1']);
    let serverErr = '';
    server.stderr!.on('data', (d: Buffer) => (serverErr += d.toString()));
    const t0 = Date.now();
    while ((readLock(join(dir, LOCK_FILE))?.port ?? null) === null) {
      if (server.exitCode !== null) throw new Error(serverErr);
      if (Date.now() - t0 > 300_000) throw new Error('the server did not start');
      await new Promise((r) => setTimeout(r, 100));
    }
    const c = await cli(...coverageArgs);
    expect(c.code, c.stderr).toBe(0);
    expect(c.stderr).toContain('vom laufenden Server verwendet');
    expect(c.stdout).toBe(local.coverage);
    const ranking = await cli(...rankingArgs);
    expect(ranking.code, ranking.stderr).toBe(0);
    expect(ranking.stdout).toBe(local.ranking);
    const forecast = await cli(...forecastArgs);
    expect(forecast.code, forecast.stderr).toBe(0);
    expect(forecast.stderr).toContain('vom laufenden Server verwendet');
    expect(forecast.stdout).toBe(local.forecast);
    const set = await cli('norms', 'set', 'kita_ue3', '--factor', '0.95', '--valid-from', '2024-06-01');
    expect(set.code, set.stderr).toBe(0);
    expect((await cli('norms', 'show', 'kita_ue3')).stdout).toContain('2024-06-01 – offen: 0.95 × (ew_3_5)');
    const scenario = await cli('scenarios', 'show', 'Neubau');
    expect(scenario.stdout).toContain('Kita Neubau');
    const matrix = join(scratch, 'matrix.csv');
    const acc = await cli(
      'accessibility',
      '--type',
      'kita',
      '--level',
      'stadtbezirk',
      '--demand',
      'ew_u3+ew_3_5',
      '--max-cost',
      '1000',
      '--matrix',
      matrix,
    );
    expect(acc.stdout).toBe(local.accessibility);
  }, 400_000);
});
