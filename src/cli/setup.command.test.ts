/**
 * `lagebild setup` and `lagebild city …` as an administrator runs them (child process): the
 * Einrichtung once with a piped password, German refusals, then reading and changing the city.
 */
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../auth/password.ts';
import { findUserForLogin } from '../auth/user.repository.ts';
import { openDb } from '../db/db.ts';
import { engines } from '../test/databases.ts';

const bin = resolve('bin/lagebild.js');
// every command opens and migrates the database in its own process
const SLOW = 180_000;

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

describe.each(engines)('lagebild setup on $name', (engine) => {
  let spec: string;
  let drop: () => Promise<void>;
  const cli = (args: string[], stdin?: string) =>
    new Promise<Result>((done) => {
      const child = execFile('node', [bin, '--db', spec, ...args], (err, stdout, stderr) =>
        done({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
      child.stdin?.end(stdin ?? '');
    });
  const setupArgs = [
    'setup',
    '--admin',
    'amt51',
    '--password-stdin',
    '--city',
    'Beispielkreis',
    '--kind',
    'kreis',
    '--key',
    '05999000',
    '--levels',
    'gemeinde:Gemeinde,ortsteil:Ortsteil',
  ];

  beforeAll(async () => {
    ({ spec, drop } = await engine.location());
  });
  afterAll(async () => {
    await drop?.();
  });

  it('refuses an invalid key and a short password in German', async () => {
    const bad = await cli([...setupArgs.slice(0, 9), '0599', ...setupArgs.slice(10)], 'sehr-geheim-123\n');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('Der Gemeindeschlüssel (AGS) hat genau 8 Ziffern');
    const short = await cli(setupArgs, 'kurz\n');
    expect(short.code).toBe(2);
    expect(short.stderr).toContain('mindestens 10 Zeichen');
  });

  it(
    'sets up once: administrator with the piped password, city level and levels',
    async () => {
      const res = await cli(
        [...setupArgs, '--publisher', 'Kreis Beispiel, Statistikstelle'],
        'sehr-geheim-123\n',
      );
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout).toContain(
        'Eingerichtet: Beispielkreis (AGS 05999000), Ebenen: Gemeinde → Ortsteil.',
      );
      expect(res.stdout).not.toContain('sehr-geheim-123');
      const db = await openDb(spec);
      try {
        const found = await findUserForLogin(db, 'amt51');
        expect(found?.user.role).toBe('admin');
        expect(await verifyPassword('sehr-geheim-123', found!.passwordHash)).toBe(true);
        const levels = await db.query<{ key: string; name: string; rank: number }>(
          'SELECT key, name, rank FROM area_level ORDER BY rank',
        );
        expect(levels).toEqual([
          { key: 'stadt', name: 'Kreis', rank: 0 },
          { key: 'gemeinde', name: 'Gemeinde', rank: 1 },
          { key: 'ortsteil', name: 'Ortsteil', rank: 2 },
        ]);
      } finally {
        await db.close();
      }
      const again = await cli(setupArgs, 'sehr-geheim-123\n');
      expect(again.code).toBe(2);
      expect(again.stderr).toContain('schon eingerichtet');
    },
    SLOW,
  );

  it(
    'city show and set',
    async () => {
      const set = await cli([
        '--json',
        'city',
        'set',
        '--name',
        'Kreis Beispiel',
        '--licence',
        'dl-de/by-2-0',
      ]);
      expect(set.code).toBe(0);
      expect(JSON.parse(set.stdout)).toEqual({
        city: {
          name: 'Kreis Beispiel',
          key: '05999000',
          kind: 'kreis',
          defaultDate: null,
          publisher: 'Kreis Beispiel, Statistikstelle',
          licence: 'dl-de/by-2-0',
        },
      });
      const bad = await cli(['city', 'set', '--key', 'abc']);
      expect(bad.code).toBe(2);
      expect(bad.stderr).toContain('8 Ziffern');
      const show = await cli(['city', 'show']);
      expect(show.stdout).toContain('Kreis: Kreis Beispiel (AGS 05999000)');
      expect(show.stdout).toContain('Lizenz: dl-de/by-2-0');
    },
    SLOW,
  );
});
