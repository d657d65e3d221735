/**
 * The PGlite directory lock in one process: created with the holder's details and mode 0600,
 * refused with the holder named while held, released on close, taken over from dead processes
 * (also a pid that is this process's own, as after a container restart), never from another host.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LagebildError } from '../core/errors.ts';
import { openDb } from './db.ts';
import { acquireDirLock, INSTALLATION, LOCK_FILE, readLock, type LockInfo } from './lock.ts';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lagebild-lock-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const lockPath = () => join(dir, LOCK_FILE);

/** A lock file as another process would have left it. */
function plant(patch: Partial<LockInfo>): void {
  const info: LockInfo = {
    pid: 1,
    host: hostname(),
    role: 'cli',
    command: 'import table bevoelkerung.csv',
    port: null,
    listenHost: null,
    startedAt: new Date(Date.now() - 60_000).toISOString(),
    installation: INSTALLATION,
    nonce: 'planted',
    ...patch,
  };
  writeFileSync(lockPath(), JSON.stringify(info), { mode: 0o600 });
}

async function refusal(p: Promise<unknown>): Promise<LagebildError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LagebildError);
  return err as LagebildError;
}

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], {
    encoding: 'utf8',
  });
  return Number(r.stdout);
}

describe('PGlite directory lock', () => {
  it('holds pid, host, start time and installation in a file only the owner may read', async () => {
    const lock = await acquireDirLock(dir);
    const info = readLock(lockPath())!;
    expect(info).toMatchObject({ pid: process.pid, host: hostname(), role: 'cli', port: null });
    expect(info.installation).toBe(INSTALLATION);
    expect(Date.now() - Date.parse(info.startedAt)).toBeLessThan(60_000);
    expect(statSync(lockPath()).mode & 0o777).toBe(0o600);
    lock.update({ port: 3123, listenHost: 'localhost', token: 'geheim' });
    expect(readLock(lockPath())).toMatchObject({ port: 3123, token: 'geheim', nonce: info.nonce });
    expect(statSync(lockPath()).mode & 0o777).toBe(0o600);
    lock.release();
    expect(existsSync(lockPath())).toBe(false);
  });

  it('refuses a second opening while held and allows it after close', async () => {
    const db = await openDb(dir);
    const err = await refusal(openDb(dir));
    expect(err.code).toBe('db.locked');
    expect(err.message).toContain(`wird bereits von Prozess ${process.pid}`);
    expect(err.message).toContain(dir);
    await db.close();
    expect(existsSync(lockPath())).toBe(false);
    const again = await openDb(dir);
    await again.close();
  });

  it('names a live server with its port and points to the web app', async () => {
    // the parent of this test process is alive for as long as the test runs, and started before
    plant({ pid: process.ppid, role: 'server', port: 3456, startedAt: new Date().toISOString() });
    const err = await refusal(acquireDirLock(dir));
    expect(err.message).toMatch(
      new RegExp(
        `wird bereits von Prozess ${process.ppid} \\(Server auf Port 3456, seit \\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}:\\d{2}\\) verwendet`,
      ),
    );
    expect(err.message).toContain('http://localhost:3456');
    expect(err.status).toBe(409);
    expect(JSON.stringify(err.details)).not.toContain('token');
  });

  it('takes over the lock of a dead process', async () => {
    const pid = deadPid();
    plant({ pid });
    const lock = await acquireDirLock(dir);
    expect(readLock(lockPath())).toMatchObject({ pid: process.pid });
    lock.release();
  });

  it('takes over a lock with its own pid that it does not hold (restarted container)', async () => {
    plant({ pid: process.pid });
    const lock = await acquireDirLock(dir);
    expect(readLock(lockPath())?.nonce).not.toBe('planted');
    lock.release();
  });

  it('takes over the lock of a reused pid: a process started after the lock was taken', async () => {
    // the live parent process started long after 2001: it cannot be the holder of a lock taken then
    plant({ pid: process.ppid, startedAt: '2001-01-01T00:00:00.000Z' });
    const canTell = existsSync(`/proc/${process.ppid}/stat`);
    if (canTell) {
      const lock = await acquireDirLock(dir);
      expect(readLock(lockPath())).toMatchObject({ pid: process.pid });
      lock.release();
    } else expect((await refusal(acquireDirLock(dir))).code).toBe('db.locked');
  });

  it('never takes over a lock of another host, and says where it is held', async () => {
    plant({ pid: deadPid(), host: 'fileserver-07' });
    const err = await refusal(acquireDirLock(dir));
    expect(err.message).toContain('auf dem Rechner „fileserver-07“');
    expect(err.message).toContain(lockPath());
    expect(JSON.parse(readFileSync(lockPath(), 'utf8'))).toMatchObject({ nonce: 'planted' });
  });

  it('needs no lock for a memory database', async () => {
    const a = await openDb('memory://');
    const b = await openDb('memory://');
    await Promise.all([a.close(), b.close()]);
  });
});
