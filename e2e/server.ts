/**
 * The servers the browser tests run against. Every spec file has a server of its own, so that no
 * file sees what another one changed and the files pass in any order and alone: a copy of the demo
 * city built once per run (global-setup.ts), a copy of the demo Kreis (`lagebild demo --kreis`,
 * built once per run by the first file that asks for it), or an empty database without the demo
 * for the Einrichtung. A spec file (or a describe block) calls `useServer()` at its top; what a file needs
 * beyond the demo city it creates itself, in its tests or in a `beforeAll` after that call.
 *
 * LAGEBILD_E2E_PORT: the servers listen on free ports from this one up to 39 above it (default 3917).
 * LAGEBILD_E2E_BASE_URL (development): the files that need the demo city use the server already
 * running there, all the same one, and see each other's changes.
 */
import { execFile, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { test } from '@playwright/test';

/** The start of the name of every directory the tests create in the temporary directory. */
export const TMP_PREFIX = 'lagebild-e2e-';
/** Where global-setup.ts leaves the demo database the servers start from (a directory). */
export const TEMPLATE_ENV = 'LAGEBILD_E2E_TEMPLATE';
/**
 * Where the demo Kreis is built for the run (a directory global-setup.ts creates empty): only the
 * files that need it pay for it, the first of them builds it, the others copy it.
 */
export const KREIS_TEMPLATE_ENV = 'LAGEBILD_E2E_KREIS_TEMPLATE';

const CLI = fileURLToPath(new URL('../bin/lagebild.js', import.meta.url));
const BASE_PORT = Number(process.env.LAGEBILD_E2E_PORT ?? 3917);
const PORT_RANGE = 40;
/** A server is ready within this time, even on a busy machine (loading the demo itself: a minute). */
const START_TIMEOUT = 180_000;

export type Database = 'demo' | 'kreis' | 'empty';

export interface Server {
  /** e.g. `http://127.0.0.1:3918` */
  origin: string;
  /** What the server printed so far (stdout and stderr). */
  output: () => string;
  /** Stops the server and removes its database. */
  stop: () => Promise<void>;
}

/** Whether nothing listens on `port` of the loopback address (the servers listen there). */
function portFree(port: number): Promise<boolean> {
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', () => done(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => done(true)));
  });
}

// Each worker starts at a port of its own and moves on with every server, so that a new server
// does not take the port the previous one has just left.
let nextPort = (Number(process.env.TEST_PARALLEL_INDEX ?? 0) * 7) % PORT_RANGE;

/** A free port from LAGEBILD_E2E_PORT on. */
async function freePort(): Promise<number> {
  for (let tried = 0; tried < PORT_RANGE; tried++) {
    const port = BASE_PORT + (nextPort++ % PORT_RANGE);
    if (await portFree(port)) return port;
  }
  throw new Error(`Kein freier Port zwischen ${BASE_PORT} und ${BASE_PORT + PORT_RANGE - 1}.`);
}

async function healthy(origin: string): Promise<boolean> {
  try {
    return (await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(10_000) })).ok;
  } catch {
    return false;
  }
}

/**
 * `lagebild serve` on `dir` at `port`, once /api/health answers and the start is printed;
 * null when another process took the port first.
 */
async function serve(dir: string, port: number, database: Database): Promise<Server | null> {
  const origin = `http://127.0.0.1:${port}`;
  const args = [CLI, 'serve', '--db', dir, '--port', String(port), '--host', '127.0.0.1'];
  // the demo's known passwords: the tests log in as admin, planer and gast (helpers.ts)
  args.push(database === 'empty' ? '--no-demo' : '--demo-passwords');
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    // every test logs in afresh from one address: more than the default 10 logins a minute
    env: { ...process.env, LAGEBILD_LOGIN_LIMIT: '1000' },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  // a worker that ends without the file's afterAll (a crash) takes its server with it
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  const halt = async () => {
    process.off('exit', killOnExit);
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(15_000)]);
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGKILL');
        await exited;
      }
    }
  };

  const deadline = Date.now() + START_TIMEOUT;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await halt();
      if (output.includes('EADDRINUSE')) return null;
      throw new Error(`Der Testserver hat sich beendet:\n${output}`);
    }
    // the lines after „Lagebild läuft“ (the Einrichtung link among them) are printed at once
    if (output.includes('API-Dokumentation:') && (await healthy(origin))) break;
    if (Date.now() > deadline) {
      await halt();
      throw new Error(`Der Testserver ist nach ${START_TIMEOUT / 1000} s nicht bereit:\n${output}`);
    }
    await sleep(200);
  }
  return {
    origin,
    output: () => output,
    stop: async () => {
      await halt();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `lagebild demo --kreis` with the known passwords into the database directory `dir`. */
async function loadDemoKreis(dir: string): Promise<void> {
  // like the demo city, about a minute on a busy machine
  await promisify(execFile)(process.execPath, [CLI, 'demo', '--kreis', '--db', dir, '--demo-passwords'], {
    timeout: 300_000,
  });
}

/**
 * The run's demo Kreis, built on first use into the directory global-setup.ts made; a marker file
 * tells a later worker (after a crash) that the build finished. Null without that directory.
 */
async function kreisTemplate(): Promise<string | null> {
  const root = process.env[KREIS_TEMPLATE_ENV];
  if (!root) return null;
  const db = join(root, 'db');
  const ready = join(root, 'ready');
  if (!existsSync(ready)) {
    rmSync(db, { recursive: true, force: true });
    mkdirSync(db);
    await loadDemoKreis(db);
    writeFileSync(ready, '');
  }
  return db;
}

/**
 * Starts a server on a fresh database: a copy of the demo city or of the demo Kreis (with their
 * known passwords), or an empty one without the demo.
 */
export async function startServer(
  database: Database,
  prepare?: (dir: string) => Promise<void>,
): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), `${TMP_PREFIX}${database}-`));
  try {
    // without the template (none is built for LAGEBILD_E2E_BASE_URL) `serve` loads the demo itself
    const template = process.env[TEMPLATE_ENV];
    if (database === 'demo' && template) cpSync(template, dir, { recursive: true });
    if (database === 'kreis') {
      const kreis = await kreisTemplate();
      if (kreis) cpSync(kreis, dir, { recursive: true });
      else await loadDemoKreis(dir);
    }
    await prepare?.(dir);
    for (let attempt = 1; attempt <= 5; attempt++) {
      const server = await serve(dir, await freePort(), database);
      if (server) return server;
    }
    throw new Error('Der Testserver fand fünfmal nacheinander seinen Port belegt.');
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

export interface FileServer {
  /** The server's address; known from the first hook of the file (or block) on. */
  readonly origin: string;
  /** What the server printed (empty for a server the tests did not start). */
  output(): string;
}

export interface ServerOptions {
  /**
   * `empty`: without the demo (`serve --no-demo`), for the Einrichtung; `kreis`: the demo Kreis
   * (always a server of its own). Default: the demo city.
   */
  database?: Database;
  /**
   * A server of its own even with LAGEBILD_E2E_BASE_URL: for changes that cannot be undone and
   * would change what the other files see (new area levels).
   */
  own?: boolean;
  /**
   * Fills the database directory before the server starts on it (the server holds the directory
   * while it runs): data no API can make, e.g. counts converted by the service. Implies `own`.
   */
  prepare?: (dir: string) => Promise<void>;
}

/**
 * A server of its own for the spec file or describe block this is called in: started before its
 * first test, stopped (its database removed) after the last. Every page, `request` and browser
 * context of its tests goes there (`baseURL`). With LAGEBILD_E2E_BASE_URL the demo city is the
 * one of that server, unless `own` or an empty database is asked for.
 */
export function useServer({ database = 'demo', own = false, prepare }: ServerOptions = {}): FileServer {
  const external = database === 'demo' && !own && !prepare ? process.env.LAGEBILD_E2E_BASE_URL : undefined;
  let server: Server | null = null;
  const handle: FileServer = {
    get origin() {
      if (external) return external;
      if (!server) throw new Error('Der Testserver läuft erst in den Hooks und Tests der Datei.');
      return server.origin;
    },
    output: () => server?.output() ?? '',
  };
  if (!external) {
    test.beforeAll(async () => {
      // the first file on the demo Kreis builds it as well
      test.setTimeout(START_TIMEOUT + (database === 'kreis' ? 360_000 : 60_000));
      server = await startServer(database, prepare);
    });
    test.afterAll(async () => {
      await server?.stop();
      server = null;
    });
  }
  // Playwright resolves baseURL for the hooks too, the first beforeAll included: before the start
  // eslint-disable-next-line no-empty-pattern -- Playwright reads a fixture's dependencies from this pattern
  test.use({ baseURL: async ({}, use) => use(external ?? server?.origin) });
  return handle;
}
