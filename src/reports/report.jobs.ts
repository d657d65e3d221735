/**
 * Background generation of stored reports in the server process. A Sozialbericht with every area
 * profile takes tens of seconds, so a request only stores the row (`running`) and the work runs
 * here: one job at a time per process, because assembling and printing are CPU-bound and the
 * server shares its cores with the API. Jobs are kept per database, so tests and the server's
 * shutdown can wait for them (`waitForReport`, `settleReports`).
 */
import { LagebildError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { failReport, failRunning } from './report.repository.ts';

/** Stored as the error of reports a stopped or crashed process left `running`. */
export const INTERRUPTED = 'Abgebrochen (Server neu gestartet)';
const INTERNAL_FAILURE = 'Interner Fehler bei der Erzeugung des Berichts.';

/** Called with errors that are not a named LagebildError (their text is not shown to people). */
export type JobLog = (err: unknown, reportId: number) => void;

const pending = new WeakMap<Db, Map<number, Promise<void>>>();
let queue: Promise<void> = Promise.resolve();

/**
 * Runs `work` for report `id` after the jobs before it. A thrown error marks the report failed
 * with its German message (named errors) or a generic one (anything else, passed to `log`).
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
  void job.finally(() => entries.delete(id));
}

/** Resolves when report `id` of `db` is finished (done or failed); at once when it is not running here. */
export async function waitForReport(db: Db, id: number): Promise<void> {
  await pending.get(db)?.get(id);
}

/** Resolves when every job of `db` started so far is finished (before the database closes). */
export async function settleReports(db: Db): Promise<void> {
  const jobs = pending.get(db);
  if (jobs) await Promise.all([...jobs.values()]);
}

/**
 * Marks the reports that are `running` in the database but not in this process as failed: a
 * previous process stopped while making them. Called when the server starts.
 * @returns how many reports were marked
 */
export function failInterrupted(db: Db): Promise<number> {
  return failRunning(db, INTERRUPTED, [...(pending.get(db)?.keys() ?? [])]);
}
