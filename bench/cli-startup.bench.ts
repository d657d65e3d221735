/**
 * CLI start, as a user runs it (`node bin/lagebild.js …` in a child process): `lagebild --help`
 * (target ≤ 300 ms) and the first output of a real command (≤ 1 s), from the build in `dist/cli`
 * (rebuilt here from the current sources, so it is the one bin/lagebild.js runs) and from the
 * sources through tsx (what runs while the build is missing or stale; no target).
 *
 * The real command is `areas list --level sozialraum` on the demo city in an embedded database:
 * its output starts right after the database is open, so it shows what every database command
 * pays before it can do anything — its chunk, PGlite's start, the checks of migrations and
 * defaults — and nothing of the work itself (a report's first line comes after seconds of
 * rendering). PGlite's start is measured alone as well: the part no build or lazy loading can take
 * away, once as a command starts it (V8 flags of main.ts, small buffer cache of db.ts) and once
 * with PGlite's defaults, as the server starts it.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildCli } from '../esbuild.config.ts';
import { COMMAND_V8_FLAGS } from '../src/cli/commands.ts';
import { COMMAND_BUFFERS } from '../src/db/db.ts';
import type { Measurement } from './harness.ts';

const bin = resolve('bin/lagebild.js');

type From = 'build' | 'sources';

/**
 * Runs a process to its end and returns the milliseconds to its first output on stdout.
 * @throws when it prints nothing or exits with an error
 */
function firstOutput(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  return new Promise((done, failed) => {
    const t0 = performance.now();
    let first: number | null = null;
    let stderr = '';
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', () => (first ??= performance.now() - t0));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', failed);
    child.on('close', (code) =>
      code === 0 && first !== null
        ? done(first)
        : failed(new Error(`${command} ${args.join(' ')}: exit ${code}\n${stderr}`)),
    );
  });
}

/** `lagebild …` from the build or from the sources (fails when the build went stale meanwhile). */
const lagebild = (from: From, args: string[]) =>
  firstOutput(process.execPath, [bin, ...args], { ...process.env, LAGEBILD_CLI: from });

/**
 * What any command on the embedded database pays before it can print: PGlite's start, with the
 * start parameters added to PGlite's defaults in argv[2] (JSON).
 */
const PGLITE_OPEN = `
  import { PGlite } from '@electric-sql/pglite';
  const startParams = [...PGlite.defaultStartParams, ...JSON.parse(process.argv[2])];
  const db = await PGlite.create(process.argv[1], { startParams });
  console.log((await db.query('SELECT 1 AS one')).rows[0].one);
  await db.close();`;

/** PGlite's start alone, in a process with `v8Flags` and the start parameters `params`. */
const pgliteOpen = (db: string, v8Flags: string[], params: string[]) =>
  firstOutput(process.execPath, [
    ...v8Flags,
    '--input-type=module',
    '-e',
    PGLITE_OPEN,
    db,
    JSON.stringify(params),
  ]);

/** Median of `runs` starts (first outputs, in ms). */
async function median(runs: number, run: () => Promise<number>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push(await run());
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}

export async function benchCliStartup(record: (m: Measurement) => void): Promise<void> {
  const { inputs } = await buildCli();
  const dir = await mkdtemp(join(tmpdir(), 'lagebild-bench-cli-'));
  try {
    const db = join(dir, 'db');
    await firstOutput(process.execPath, [bin, '--db', db, 'demo']);
    const list = ['--db', db, 'areas', 'list', '--level', 'sozialraum'];
    for (const from of ['build', 'sources'] as const) {
      const built = from === 'build';
      const note = built ? `dist/cli from ${inputs.length} sources` : 'tsx fallback, no target';
      record({
        name: `CLI ${from}: lagebild --help (median of 10)`,
        value: await median(10, () => lagebild(from, ['--help'])),
        unit: 'ms',
        ...(built ? { target: 300 } : {}),
        note,
      });
      record({
        name: `CLI ${from}: first output of areas list, demo city (median of 7)`,
        value: await median(7, () => lagebild(from, list)),
        unit: 'ms',
        ...(built ? { target: 1000 } : {}),
        note,
      });
    }
    record({
      name: 'PGlite alone, as a command opens it: the demo city, first row (median of 7)',
      value: await median(7, () => pgliteOpen(db, [COMMAND_V8_FLAGS], COMMAND_BUFFERS)),
      unit: 'ms',
      note: `part of every command on the embedded database (${COMMAND_V8_FLAGS}, ${COMMAND_BUFFERS.filter((p) => p !== '-c').join(' ')})`,
    });
    record({
      name: 'PGlite alone, its defaults: the demo city, first row (median of 7)',
      value: await median(7, () => pgliteOpen(db, [], [])),
      unit: 'ms',
      note: 'as the server opens it (128 MB buffer cache, optimizing compiler)',
    });
    record({
      name: 'CLI build: npx lagebild --help (median of 5)',
      value: await median(5, () => firstOutput('npx', ['--no-install', 'lagebild', '--help'])),
      unit: 'ms',
      note: 'npx adds its own start',
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
