/**
 * `lagebild users …` as an administrator runs it (child process), on every engine: the first
 * account with a password piped in, a random password printed once, list, reset, deactivate; the
 * audit log names the command line's user.
 */
import { execFile } from 'node:child_process';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { findUserForLogin } from '../auth/user.repository.ts';
import { openDb } from '../db/db.ts';
import { engines } from '../test/databases.ts';

const bin = resolve('bin/lagebild.js');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe.each(engines)('lagebild users on $name', (engine) => {
  let spec: string;
  let drop: () => Promise<void>;
  const cli = (args: string[], stdin?: string) =>
    new Promise<Result>((done) => {
      const child = execFile('node', [bin, '--db', spec, ...args], (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(stdin ?? '');
    });
  /** State and password check of accounts, with one opening of the database for all of them. */
  const accounts = async (checks: [username: string, password: string][]) => {
    const db = await openDb(spec);
    try {
      const out: { active?: boolean; ok: boolean }[] = [];
      for (const [username, password] of checks) {
        const found = await findUserForLogin(db, username);
        out.push({
          active: found?.active,
          ok: !!found && (await verifyPassword(password, found.passwordHash)),
        });
      }
      return out;
    } finally {
      await db.close();
    }
  };

  beforeAll(async () => {
    ({ spec, drop } = await engine.location());
  });
  afterAll(() => drop?.());

  it('adds users: a piped password is not printed, a random one is printed once', async () => {
    const admin = await cli(
      ['users', 'add', 'chefin', '--role', 'admin', '--password-stdin'],
      'mein-geheimes-pw\n',
    );
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toContain('„chefin“ angelegt (admin)');
    expect(admin.stdout).not.toContain('mein-geheimes-pw');

    const viewer = await cli([
      '--json',
      'users',
      'add',
      'leser',
      '--role',
      'viewer',
      '--display-name',
      'Leser',
    ]);
    const out = JSON.parse(viewer.stdout) as { user: { username: string; role: string }; password: string };
    expect(out.user).toMatchObject({ username: 'leser', role: 'viewer' });
    expect(out.password).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    expect(
      await accounts([
        ['chefin', 'mein-geheimes-pw'],
        ['leser', out.password],
      ]),
    ).toEqual([
      { active: true, ok: true },
      { active: true, ok: true },
    ]);
    // the audit log names the person at the command line
    const db = await openDb(spec);
    try {
      const logged = await db.query<{ actor: string; username: string }>(
        `SELECT actor, after ->> 'username' AS username FROM audit_log
          WHERE table_name = 'app_user' AND operation = 'INSERT' ORDER BY id`,
      );
      expect(logged).toEqual([
        { actor: `cli:${userInfo().username}`, username: 'chefin' },
        { actor: `cli:${userInfo().username}`, username: 'leser' },
      ]);
    } finally {
      await db.close();
    }
  }, 300_000); // several processes, each opening the database

  it('refuses bad input with German messages and exit code 2', async () => {
    const role = await cli(['users', 'add', 'x1', '--role', 'chef']);
    expect(role.code).toBe(2);
    expect(role.stderr).toContain('Unbekannte Rolle „chef“');
    const short = await cli(['users', 'add', 'x2', '--role', 'viewer', '--password-stdin'], 'kurz\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('mindestens 10 Zeichen');
    const duplicate = await cli(['users', 'add', 'leser', '--role', 'viewer']);
    expect(duplicate.code).toBe(2);
    expect(duplicate.stderr).toContain('gibt es schon');
    const unknown = await cli(['users', 'deactivate', 'niemand']);
    expect(unknown.code).toBe(1);
    const noArea = await cli(['users', 'scope', 'leser', 'gemeinde:05999008']);
    expect(noArea.code).toBe(2);
    expect(noArea.stderr).toContain('Das Gebiet „05999008“ gibt es auf der Ebene „gemeinde“ nicht.');
    const badScope = await cli(['users', 'scope', 'leser', '05999008']);
    expect(badScope.code).toBe(2);
    expect(badScope.stderr).toContain('als Ebene:Schlüssel');
    expect((await cli(['users', 'scope', 'leser'])).stdout).toContain('für das ganze Gebiet zuständig');
  }, 300_000); // several processes, each opening the database

  it('lists, resets a password and deactivates', async () => {
    const reset = await cli(['users', 'reset-password', 'leser', '--password-stdin'], 'ganz-neues-pw-1\n');
    expect(reset.stdout).toContain('neu gesetzt');
    expect((await cli(['users', 'deactivate', 'leser'])).stdout).toContain('deaktiviert');
    expect(await accounts([['leser', 'ganz-neues-pw-1']])).toEqual([{ active: false, ok: true }]);
    const last = await cli(['users', 'deactivate', 'chefin']);
    expect(last.code).toBe(2);
    expect(last.stderr).toContain('letzte aktive Administration');
    const list = JSON.parse((await cli(['--json', 'users', 'list'])).stdout) as {
      username: string;
      active: boolean;
    }[];
    expect(list.map((u) => [u.username, u.active])).toEqual([
      ['chefin', true],
      ['leser', false],
    ]);
    expect((await cli(['users', 'activate', 'leser'])).stdout).toContain('wieder aktiviert');
  }, 300_000);
});
