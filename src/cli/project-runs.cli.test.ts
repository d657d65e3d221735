/**
 * Stored projections from the command line (`lagebild project save|runs|publish|delete`) on the
 * demo city, first on the database, then beside a running server through its API — where
 * `project population` and `care plan` also go through the server, with the same output as on
 * the database.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lagebild, lockOf, LONG, runCli, until, type Proc } from '../test/cli-processes.ts';

describe('lagebild project save, runs, publish and delete, alone and beside a server', () => {
  let dir: string;
  let server: Proc | null = null;
  const db = () => join(dir, 'db');
  const cli = (...args: string[]) => runCli(db(), args);
  const span = ['--level', 'sozialraum', '--base', '2022-12-31', '--to', '2025-12-31'];
  const population = ['project', 'population', ...span, '--variables', 'ew,ew_u6', '--variant', 'high'];
  const care = ['care', 'plan', ...span];
  const local: Record<string, string> = {};
  const runs = async () =>
    parse<Record<string, string>>((await cli('project', 'runs')).stdout, { columns: true });

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-cli-runs-'));
    const demo = await cli('demo', '--population', '20000');
    expect(demo.code, demo.stderr).toBe(0);
  }, LONG);
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await server.exit;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it(
    'stores a run with its assumptions and publishes it, on the database',
    async () => {
      const saved = await cli(
        'project',
        'save',
        '--name',
        'Prognose, Test',
        ...span,
        '--variables',
        'ew_u6',
        '--publish',
      );
      expect(saved.code, saved.stderr).toBe(0);
      expect(saved.stderr).toContain('gespeichert (hamilton-perry, 3 Jahre) und veröffentlicht');
      const list = await runs();
      expect(list).toEqual([
        expect.objectContaining({
          id: '1',
          name: 'Prognose, Test',
          level: 'sozialraum',
          base: '2022-12-31',
          to: '2025-12-31',
          method: 'hamilton-perry',
          variant: 'main',
          min_population: '1000',
          published: 'true',
        }),
      ]);
      const wrong = await cli('project', 'save', ...span);
      expect(wrong.code).not.toBe(0);
      expect(wrong.stderr).toContain('--name');
      const bad = await cli('project', 'publish', 'x');
      expect(bad.code).not.toBe(0);
      expect(bad.stderr).toContain('„x“ ist keine Nummer einer gespeicherten Prognose');
      const missing = await cli('project', 'delete', '99');
      expect(missing.code).not.toBe(0);
      expect(missing.stderr).toContain('Die gespeicherte Prognose Nr. 99 gibt es nicht.');
      for (const [k, args] of Object.entries({ population, care })) {
        const res = await cli(...args);
        expect(res.code, res.stderr).toBe(0);
        local[k] = res.stdout;
      }
    },
    LONG,
  );

  it(
    'does the same through a running server, with the same output',
    async () => {
      server = lagebild(['--db', db(), 'serve', '--no-demo', '--port', '0', '--host', '127.0.0.1']);
      await until('the server to listen', () => {
        if (server!.child.exitCode !== null) throw new Error(server!.err());
        return (lockOf(db())?.port ?? null) !== null;
      });
      for (const [k, args] of Object.entries({ population, care })) {
        const res = await cli(...args);
        expect(res.code, res.stderr).toBe(0);
        expect(res.stderr).toContain('vom laufenden Server verwendet');
        expect(res.stdout, k).toBe(local[k]);
      }
      const saved = await cli('project', 'save', '--name', 'Zweite', ...span, '--min-population', '2500');
      expect(saved.code, saved.stderr).toBe(0);
      expect(saved.stderr).toContain('vom laufenden Server verwendet');
      expect((await runs()).map((r) => [r.id, r.name, r.min_population, r.published])).toEqual([
        ['2', 'Zweite', '2500', 'false'],
        ['1', 'Prognose, Test', '1000', 'true'],
      ]);
      const withdrawn = await cli('project', 'publish', '1', '--withdraw');
      expect(withdrawn.code, withdrawn.stderr).toBe(0);
      expect(withdrawn.stderr).toContain('Prognose Nr. 1 „Prognose, Test“ zurückgezogen.');
      const deleted = await cli('project', 'delete', '2');
      expect(deleted.code, deleted.stderr).toBe(0);
      expect((await runs()).map((r) => [r.id, r.published])).toEqual([['1', 'false']]);
    },
    LONG,
  );
});
