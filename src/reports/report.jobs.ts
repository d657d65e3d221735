/**
 * Background generation of stored reports in the server process. A Sozialbericht with every area
 * profile takes tens of seconds, so a request only stores the row (`running`) and the work runs
 * here: one job at a time per process, because assembling and printing are CPU-bound and the
 * server shares its cores with the API. Jobs are kept per database, so tests and the server's
 * shutdown can wait for them (`waitForReport`, `settleReports`).
 *
 * Several servers may share one PostgreSQL. Each report is claimed in the database by the process
 * that makes it (`claimed_by` = `JOB_CLAIMANT`), which keeps the claim's heartbeat fresh while the
 * report waits or is made. Another process marks a report failed only when its heartbeat is stale:
 * its process has stopped. On PGlite the directory lock admits one process, so every report
 * another process left running is interrupted.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { failReport, failStale, heartbeat } from './report.repository.ts';

/** Stored as the error of reports a stopped or crashed process left `running`. */
export const INTERRUPTED = 'Abgebrochen (Server neu gestartet)';
const INTERNAL_FAILURE = 'Interner Fehler bei der Erzeugung des Berichts.';

/** This process in `report.claimed_by`: host, pid and a random part (pids are reused). */
export const JOB_CLAIMANT = `${hostname()}:${process.pid}:${randomBytes(6).toString('hex')}`;

/** How often a process renews the heartbeat of its claimed reports. */
const HEARTBEAT_MS = 15_000;
/**
 * A claim whose heartbeat is older than this belongs to a stopped process. Far above the
 * heartbeat interval: a busy process renews late, and it must never lose a report it still makes.
 */
export const STALE_SECONDS = 120;
/** How often a server on PostgreSQL looks for reports of stopped processes. */
const SWEEP_MS = 60_000;

/** Called with errors that are not a named LagebildError (their text is not shown to people). */
export type JobLog = (err: unknown, reportId: number) => void;

const pending = new WeakMap<Db, Map<number, Promise<void>>>();
const heartbeats = new WeakMap<Db, NodeJS.Timeout>();
const sweeps = new WeakMap<Db, NodeJS.Timeout>();
let queue: Promise<void> = Promise.resolve();

/** Renews the claims of `db`'s reports while any of them waits or runs in this process. */
function keepAlive(db: Db, jobs: Map<number, Promise<void>>) {
  const timer = heartbeats.get(db);
  if (jobs.size > 0 && !timer) {
    const t = setInterval(() => void heartbeat(db, JOB_CLAIMANT).catch(() => undefined), HEARTBEAT_MS);
    t.unref();
    heartbeats.set(db, t);
  } else if (jobs.size === 0 && timer) {
    clearInterval(timer);
    heartbeats.delete(db);
  }
}

/**
 * Runs `work` for report `id` (stored claimed by `JOB_CLAIMANT`) after the jobs before it. A thrown
 * error marks the report failed with its German message (named errors) or a generic one
 * (anything else, passed to `log`).
 */
export function enqueueReport(db: Db, id: number, work: () => Promise<void>, log?: JobLog): void {
  let jobs = pending.get(db);
  if (!jobs) pending.set(db, (jobs = new Map<number, Promise<void>>()));
  const run = async () => {
    try {
      await work();
    } catch (err) {
      if (!(err instanceof LagebildError)) log?.(err, id);
      const message = err instanceof LagebildError ? err.message : INTERNAL_FAILURE;
      // the database may be gone already (shutdown); nothing left to record then
      await failReport(db, id, message).catch((e: unknown) => log?.(e, id));
    }
  };
  const job = queue.then(run);
  queue = job;
  const entries = jobs;
  entries.set(id, job);
  keepAlive(db, entries);
  void job.finally(() => {
    entries.delete(id);
    keepAlive(db, entries);
  });
}

/** Resolves when report `id` of `db` is finished (done or failed); at once when it is not running here. */
export async function waitForReport(db: Db, id: number): Promise<void> {
  await pending.get(db)?.get(id);
}

/**
 * Resolves when every job of `db` started so far is finished (before the database closes), and
 * ends the periodic look for interrupted reports that `failInterrupted` started.
 */
export async function settleReports(db: Db): Promise<void> {
  clearInterval(sweeps.get(db));
  sweeps.delete(db);
  const jobs = pending.get(db);
  if (jobs) await Promise.all([...jobs.values()]);
}

/**
 * Marks the reports that a stopped process left `running` as failed. Called when the server
 * starts. PGlite: every report not claimed by this process (the directory lock admits no other).
 * PostgreSQL: only reports whose claim's heartbeat is stale, never those of live servers beside
 * this one; and again every minute until `settleReports`, for servers that stop meanwhile.
 * @returns how many reports were marked now
 */
export async function failInterrupted(db: Db): Promise<number> {
  const sweep = () => failStale(db, INTERRUPTED, JOB_CLAIMANT, db.kind === 'pglite' ? 0 : STALE_SECONDS);
  const marked = await sweep();
  if (db.kind === 'postgres' && !sweeps.has(db)) {
    const t = setInterval(() => void sweep().catch(() => undefined), SWEEP_MS);
    t.unref();
    sweeps.set(db, t);
  }
  return marked;
}
