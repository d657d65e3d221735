/**
 * One database, one writer: PGlite is a single-process database, and two processes on one data
 * directory lose and corrupt data without any error. So the process that opens a directory
 * holds `lagebild.lock` in it: created atomically (a complete temporary file hard-linked into
 * place, which fails when a lock exists), holding pid, host, port (a server adds it once it
 * listens), start time and installation path. A lock of a dead process on this host is taken
 * over; a live holder makes the next process fail with a German message naming it.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  linkSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { LagebildError } from '../core/errors.ts';
import { INSTALLATION_ROOT } from '../core/paths.ts';

export const LOCK_FILE = 'lagebild.lock';

/** What the lock file holds (JSON, file mode 0600 because of `token`). */
export interface LockInfo {
  pid: number;
  host: string;
  /** `server` for `lagebild serve`, else `cli`. */
  role: 'server' | 'cli';
  /** The command line, shown to the next process. */
  command: string;
  /** The HTTP port once the server listens. */
  port: number | null;
  /** The address the server listens on. */
  listenHost: string | null;
  /** When the holder opened the database (ISO 8601). */
  startedAt: string;
  /** The checkout the holder runs from: the CLI forwards only to a server of its own installation. */
  installation: string;
  /** Random id of this holding: a process only ever removes its own lock. */
  nonce: string;
  /** Secret the local command line presents to the server (server only). */
  token?: string;
}

/** The checkout this process runs from. */
export const INSTALLATION = INSTALLATION_ROOT;

let role: LockInfo['role'] = 'cli';

/** Marks this process as the server, before it opens the database (for the message to others). */
export function declareServerProcess(): void {
  role = 'server';
}

/** The arguments without `--db <spec>` (the directory is named in the message anyway). */
function commandLine(): string {
  const args = process.argv.slice(2);
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--db') i++;
    else if (!args[i]!.startsWith('--db=')) out.push(args[i]!);
  }
  return out.join(' ');
}

/** A held directory lock: `update` once the server listens, `release` on close. */
export class DirLock {
  #info: LockInfo;
  #released = false;

  constructor(
    readonly dir: string,
    readonly path: string,
    info: LockInfo,
  ) {
    this.#info = info;
  }

  get info(): Readonly<LockInfo> {
    return this.#info;
  }

  /** Rewrites the lock with `patch` (atomically: a temporary file renamed over it). */
  update(patch: Partial<Pick<LockInfo, 'port' | 'listenHost' | 'token'>>): void {
    if (this.#released || ownLock(this.path)?.nonce !== this.#info.nonce) return;
    this.#info = { ...this.#info, ...patch };
    const tmp = tempName(this.path, this.#info.nonce);
    writeFileSync(tmp, JSON.stringify(this.#info, null, 2), { mode: 0o600 });
    renameSync(tmp, this.path);
  }

  /** Removes the lock file if it is still this holding's. Idempotent, synchronous (exit handler). */
  release(): void {
    if (this.#released) return;
    this.#released = true;
    held.delete(this.path);
    try {
      if (ownLock(this.path)?.nonce === this.#info.nonce) unlinkSync(this.path);
    } catch {
      // the directory is gone (a test removed it): nothing left to release
    }
  }
}

/** Locks this process holds, by lock file path; released on exit and on termination signals. */
const held = new Map<string, DirLock>();

/** The lock this process holds on `dir`, if any (the server adds its port to it). */
export function heldLock(dir: string): DirLock | undefined {
  return held.get(join(resolve(dir), LOCK_FILE));
}

const tempName = (path: string, nonce: string) => `${path}.${process.pid}.${nonce}.tmp`;

/**
 * The lock file's content; null when there is none or it is not a lock (being written, damaged).
 * @throws the file system's error when it exists but may not be read (another user's lock)
 */
export function readLock(path: string): LockInfo | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  try {
    const info = JSON.parse(text) as LockInfo;
    return typeof info.pid === 'number' && typeof info.nonce === 'string' ? info : null;
  } catch {
    return null;
  }
}

/** `readLock` for the holder itself: its own file is always readable, or gone with its directory. */
function ownLock(path: string): LockInfo | null {
  try {
    return readLock(path);
  } catch {
    return null;
  }
}

/**
 * Start time of process `pid` from /proc (Linux), to notice a pid that a new process reuses after
 * the holder died (containers restart with the same small pids). Null where /proc is absent.
 */
function processStart(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // fields after the command name in parentheses; starttime is field 22 of the whole line
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[19]);
    const btime = /^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1];
    if (!Number.isFinite(ticks) || !btime) return null;
    return (Number(btime) + ticks / 100) * 1000; // USER_HZ is 100 on Linux
  } catch {
    return null;
  }
}

/** True when the holder is certainly gone: same host, and its pid is dead, reused or our own. */
export function isStale(info: LockInfo): boolean {
  if (info.host !== hostname()) return false; // another machine (network share): cannot tell
  if (info.pid === process.pid) return ![...held.values()].some((l) => l.info.nonce === info.nonce);
  try {
    process.kill(info.pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ESRCH';
  }
  const started = processStart(info.pid);
  // the holder started before it took the lock; a process started well after that is a new one
  return started !== null && started > Date.parse(info.startedAt) + 2000;
}

/**
 * The live holder of `dir`'s lock; null when the directory is free, its holder is dead, or the
 * lock may not be read (opening the database then explains why).
 */
export function liveHolder(dir: string): LockInfo | null {
  const info = ownLock(join(resolve(dir), LOCK_FILE));
  return info && !isStale(info) ? info : null;
}

/** Creates the lock file with complete content in one step; false when a lock exists. */
function tryCreate(path: string, info: LockInfo): boolean {
  const json = JSON.stringify(info, null, 2);
  const tmp = tempName(path, info.nonce);
  writeFileSync(tmp, json, { mode: 0o600 });
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP') throw e;
    // file systems without hard links: exclusive create (a reader may see it empty for a moment)
    try {
      writeFileSync(path, json, { flag: 'wx', mode: 0o600 });
      return true;
    } catch (e2) {
      if ((e2 as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw e2;
    }
  } finally {
    unlinkSync(tmp);
  }
}

/**
 * Removes a stale lock. Two processes may find the same stale lock; a takeover file created
 * exclusively lets one of them remove it, so the other cannot delete the lock the first then made.
 */
function removeStale(path: string, stillStale: (current: LockInfo | null) => boolean): void {
  const takeover = `${path}.takeover`;
  let fd: number;
  try {
    fd = openSync(takeover, 'wx', 0o600);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    // a process that died during a takeover leaves the file; a live one needs milliseconds
    try {
      if (ageMs(takeover) > 30_000) unlinkSync(takeover);
    } catch {
      // removed meanwhile by its owner
    }
    return;
  }
  try {
    if (existsSync(path) && stillStale(readLock(path))) unlinkSync(path);
  } finally {
    closeSync(fd);
    unlinkSync(takeover);
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Takes the lock of PGlite directory `dir` for this process.
 * @throws db.locked naming the holder (pid, server port, since when) when a live process holds it
 */
export async function acquireDirLock(dir: string): Promise<DirLock> {
  const abs = resolve(dir);
  const path = join(abs, LOCK_FILE);
  const info: LockInfo = {
    pid: process.pid,
    host: hostname(),
    role,
    command: commandLine(),
    port: null,
    listenHost: null,
    startedAt: new Date().toISOString(),
    installation: INSTALLATION,
    nonce: randomBytes(12).toString('hex'),
  };
  for (let attempt = 0; attempt < 200; attempt++) {
    if (tryCreate(path, info)) {
      const lock = new DirLock(abs, path, info);
      held.set(path, lock);
      installReleaseHandlers();
      return lock;
    }
    let holder: LockInfo | null;
    try {
      holder = readLock(path);
    } catch (e) {
      throw unreadableError(abs, path, e);
    }
    if (holder && !isStale(holder)) throw lockedError(abs, path, holder);
    if (holder) removeStale(path, (current) => current?.nonce === holder.nonce);
    // unreadable for long: not a lock being written right now but a damaged one
    else removeStale(path, (current) => current === null && ageMs(path) > 10_000);
    await sleep(25);
  }
  throw new LagebildError(
    'db.lock_failed',
    `Die Sperrdatei ${path} ließ sich nicht anlegen. Bitte prüfen, ob das Verzeichnis beschreibbar ist.`,
    409,
    { dir: abs },
  );
}

let handlersInstalled = false;

/**
 * Releases every held lock when the process ends: on normal exit, and on SIGINT/SIGTERM
 * when nothing else handles the signal (the server closes the database itself, which releases).
 */
function installReleaseHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  const releaseAll = () => [...held.values()].forEach((l) => l.release());
  process.on('exit', releaseAll);
  // not SIGHUP: a handler would end servers started with nohup when their terminal closes; a
  // hangup ends the process without releasing, and the next process takes the stale lock over
  const signals: [NodeJS.Signals, number][] = [
    ['SIGINT', 2],
    ['SIGTERM', 15],
  ];
  for (const [signal, number] of signals) {
    const handler = () => {
      if (process.listenerCount(signal) > 1) return;
      releaseAll();
      process.exit(128 + number);
    };
    process.on(signal, handler);
  }
}

const since = (iso: string) =>
  new Date(iso).toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'medium' });

/** The German message for a lock file this process may not read (another user's process holds it). */
function unreadableError(dir: string, path: string, cause: unknown): LagebildError {
  return new LagebildError(
    'db.locked',
    `Die Datenbank ${dir} ist von einem anderen Prozess gesperrt; seine Sperrdatei ${path} ist nicht lesbar (${(cause as Error).message}). Vermutlich läuft Lagebild dort unter einem anderen Benutzer.`,
    409,
    { dir, lockFile: path },
  );
}

/** The German message for a directory a live process holds. */
function lockedError(dir: string, path: string, h: LockInfo): LagebildError {
  const remote = h.host !== hostname();
  const what =
    h.role === 'server'
      ? h.port !== null
        ? `Server auf Port ${h.port}`
        : 'Server, startet gerade'
      : `Befehl „lagebild ${h.command}“`;
  const where = remote ? ` auf dem Rechner „${h.host}“` : '';
  const hint = remote
    ? `Läuft dort kein Lagebild mehr, bitte die Sperrdatei ${path} löschen.`
    : h.role === 'server'
      ? `Bitte die Web-App verwenden${h.port !== null ? ` (http://localhost:${h.port})` : ''} oder den Server beenden; Importe der Kommandozeile gehen über den laufenden Server derselben Installation.`
      : 'Bitte warten, bis er fertig ist, und den Befehl dann wiederholen.';
  return new LagebildError(
    'db.locked',
    `Die Datenbank ${dir} wird bereits von Prozess ${h.pid}${where} (${what}, seit ${since(h.startedAt)}) verwendet. Eine eingebettete Datenbank (PGlite) kann immer nur ein Prozess öffnen. ${hint}`,
    409,
    { dir, lockFile: path, pid: h.pid, host: h.host, role: h.role, port: h.port, since: h.startedAt },
  );
}
