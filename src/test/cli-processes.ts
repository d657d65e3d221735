/**
 * The command line as real processes (`node bin/lagebild.js …`), for the tests of several
 * processes on one database: starting, watching and pausing them, the lock file they hold, a
 * PGlite database with the Köln Stadtteile to copy per test, long-format tables to import, and
 * what an import left in the database. Data from ../shared/data (cwd = repository root).
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { expect } from 'vitest';
import { openDb, type Db } from '../db/db.ts';
import { LOCK_FILE, readLock, type LockInfo } from '../db/lock.ts';

const bin = resolve('bin/lagebild.js');
export const koelnShp = resolve('../shared/data/koeln-stadtteile/Stadtteil.shp');
/** Timeout of a test or hook that runs whole processes (ms). */
export const LONG = 600_000;

export interface Proc {
  child: ChildProcess;
  pid: number;
  out: () => string;
  err: () => string;
  exit: Promise<number | null>;
}

/** `lagebild …args` in a child process, its output collected. */
export function lagebild(args: string[], env: Record<string, string> = {}): Proc {
  const child = spawn('node', [bin, ...args], { env: { ...process.env, ...env } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((r) => child.on('close', (code) => r(code)));
  return { child, pid: child.pid!, out: () => out, err: () => err, exit };
}

/** What a finished `lagebild` process left: its exit code and output. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

const execLagebild = promisify(execFile);

/**
 * Runs `lagebild --db <db> …args` to its end. A non-zero exit is a result, not an error: the
 * tests check the code and the German message together.
 */
export async function runCli(db: string, args: string[]): Promise<CliResult> {
  try {
    const { stdout, stderr } = await execLagebild('node', [bin, '--db', db, ...args], {
      maxBuffer: 64 << 20,
    });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const err = e as CliResult;
    return { code: err.code, stdout: err.stdout, stderr: err.stderr };
  }
}

/** Waits until `check` holds, polling every 100 ms. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 300_000) {
  const t0 = Date.now();
  while (!(await check())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The lock file of PGlite directory `dir`, if there is one. */
export const lockOf = (dir: string): LockInfo | null => readLock(join(dir, LOCK_FILE));

/** A long-format table: `variables` × the Köln Stadtteile at `date`, values `offset + i`. */
export async function table(path: string, keys: string[], variables: number, date: string, offset = 0) {
  const lines = ['Gebiet;Stichtag;Merkmal;Wert'];
  let i = 0;
  for (let v = 0; v < variables; v++)
    for (const k of keys) lines.push(`${k};${date};Merkmal ${String(v).padStart(4, '0')};${offset + i++}`);
  await writeFile(path, lines.join('\n') + '\n');
  return keys.length * variables;
}

/** Opens the database in this process, runs `fn` and closes it again. */
export async function withDb<T>(spec: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb(spec);
  try {
    return await fn(db);
  } finally {
    await db.close();
  }
}

/** Observations of the test variables at `date`, and whether variable keys are unique. */
export async function slice(db: Db, date: string) {
  const [row] = await db.query<{ n: number; low: number | null; high: number | null }>(
    `SELECT count(*)::int AS n, min(o.value) AS low, max(o.value) AS high
       FROM observation o JOIN variable v ON v.id = o.variable_id
      WHERE v.key LIKE 'merkmal_%' AND o.ref_date = $1`,
    [date],
  );
  const [keys] = await db.query<{ all: number; distinct: number }>(
    'SELECT count(*)::int AS all, count(DISTINCT key)::int AS distinct FROM variable',
  );
  return { ...row!, uniqueKeys: keys!.all === keys!.distinct };
}

export interface KoelnTemplate {
  /** The scratch folder: the template, its copies and the tables written for the tests. */
  root: string;
  /** The keys of the 86 Stadtteile. */
  keys: string[];
  /** A copy of the database with the Köln Stadtteile, for one test. */
  fresh: (name: string) => Promise<string>;
  /** Removes the scratch folder. */
  remove: () => Promise<void>;
}

/**
 * A scratch folder with a PGlite database of the Köln Stadtteile, imported by the CLI as a user
 * would (which leaves no lock behind).
 */
export async function koelnTemplate(prefix: string): Promise<KoelnTemplate> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  const template = join(root, 'template');
  const p = lagebild([
    '--db',
    template,
    '--json',
    'import',
    'areas',
    koelnShp,
    '--level',
    'stadtteil',
    '--id-field',
    'STT_NR',
    '--name-field',
    'STT_NAME',
  ]);
  expect(await p.exit, p.err()).toBe(0);
  expect(existsSync(join(template, LOCK_FILE))).toBe(false);
  const keys = await withDb(template, async (db) =>
    (await db.query<{ key: string }>('SELECT key FROM area ORDER BY key')).map((r) => r.key),
  );
  expect(keys).toHaveLength(86);
  return {
    root,
    keys,
    async fresh(name) {
      const dir = join(root, name);
      await cp(template, dir, { recursive: true });
      return dir;
    },
    remove: () => rm(root, { recursive: true, force: true }),
  };
}
