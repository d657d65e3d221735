/**
 * `lagebild backup` and `lagebild restore` as an administrator runs them (child processes), on
 * every engine: a backup, its check, a restore into a new database that then holds the account,
 * and a refused restore into the database in use, with a German message and exit code 2.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engines } from '../test/databases.ts';

const bin = resolve('bin/lagebild.js');

describe.each(engines)('lagebild backup and restore on $name', (engine) => {
  let source: { spec: string; drop: () => Promise<void> };
  let target: { spec: string; drop: () => Promise<void> };
  let dir: string;
  const cli = (spec: string, args: string[], stdin = '') =>
    new Promise<{ code: number; stdout: string; stderr: string }>((done) => {
      const child = execFile('node', [bin, '--db', spec, ...args], (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(stdin);
    });

  beforeAll(async () => {
    source = await engine.location();
    target = await engine.location();
    dir = await mkdtemp(join(tmpdir(), 'lagebild-backup-cli-'));
  });
  afterAll(async () => {
    await source?.drop();
    await target?.drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('backs up, checks and restores into a new database; refuses one in use', async () => {
    const file = join(dir, 'sicherung.backup.gz');
    const added = await cli(
      source.spec,
      ['users', 'add', 'sicher', '--role', 'admin', '--password-stdin'],
      'ein-sicheres-pw-1\n',
    );
    expect(added.code, added.stderr).toBe(0);
    const backup = await cli(source.spec, ['backup', file]);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toMatch(
      /^Sicherung geschrieben: .*\n\d+ Tabellen, .* Zeilen, SHA-256 [0-9a-f]{64}\n$/,
    );
    const check = await cli(source.spec, ['restore', '--check', file]);
    expect(check.stdout).toContain('Sicherung in Ordnung');

    const restored = await cli(target.spec, ['--json', 'restore', file]);
    expect(restored.code, restored.stderr).toBe(0);
    expect(JSON.parse(restored.stdout)).toMatchObject({ rows: expect.any(Number) as number });
    const users = await cli(target.spec, ['--json', 'users', 'list']);
    expect(JSON.parse(users.stdout)).toEqual([
      expect.objectContaining({ username: 'sicher', role: 'admin' }),
    ]);

    const refused = await cli(source.spec, ['restore', file]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('Die Datenbank wird schon genutzt');
  }, 600_000);
});
