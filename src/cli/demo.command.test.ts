/**
 * `lagebild demo --kreis` as a user runs it (child process): the demo Kreis with its logins once,
 * then the same refusal as the demo city on a database that already holds areas.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KREIS_SCOPED } from '../demo/kreis/kreis-users.ts';
import { runCli } from '../test/cli-processes.ts';

describe('lagebild demo --kreis (pglite)', () => {
  let dir: string;
  const cli = (...args: string[]) => runCli(join(dir, 'db'), args);
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lagebild-cli-kreis-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('loads the Kreis and prints its logins, the scoped planners among them', async () => {
    const r = await cli('demo', '--kreis', '--demo-passwords');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Demo-Kreis geladen');
    expect(r.stdout).toContain('"population":282000');
    expect(r.stdout).toContain(KREIS_SCOPED.mittelzentrum.username);
    expect(r.stdout).toContain(KREIS_SCOPED.rural.username);
    const gemeinden = JSON.parse((await cli('--json', 'areas', 'list', '--level', 'gemeinde')).stdout) as {
      id: string;
    }[];
    expect(gemeinden.map((g) => g.id)).toContain(KREIS_SCOPED.rural.gemeindeKey);
    expect(gemeinden).toHaveLength(8);
  }, 180_000);

  it('refuses a database that already holds areas, and --population with --kreis', async () => {
    const again = await cli('demo', '--kreis');
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('der Demo-Kreis wird nur in eine leere Datenbank geladen');
    const population = await cli('demo', '--kreis', '--population', '20000', '--no-load');
    expect(population.code).toBe(2);
    expect(population.stderr).toContain('--population gilt nur für die Demo-Stadt');
  }, 180_000);
});
