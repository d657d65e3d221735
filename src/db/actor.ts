/**
 * Who makes a change, for the audit log (migration 021): the app runs each request and each
 * command as an actor, and every write made meanwhile carries it into its transaction as the
 * setting `lagebild.actor`, where the audit triggers read it. Async context rather than a
 * parameter, so that no service, repository or import can forget to pass it on.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const actors = new AsyncLocalStorage<string>();

/** Runs `fn` (and everything it starts) as `actor`, e.g. a username or `cli:<os user>`. */
export const runAs = <T>(actor: string, fn: () => T): T => actors.run(actor, fn);

/** Runs `fn` as no one, even inside an actor's context (anonymous requests to a server a command started). */
export const runWithoutActor = <T>(fn: () => T): T => actors.exit(fn);

/** The actor of the current request or command, if any. */
export const currentActor = (): string | undefined => actors.getStore();

/** Sets the actor for the rest of the transaction that runs it (first statement of a write). */
export const SET_ACTOR = "SELECT set_config('lagebild.actor', $1, true)";

// Statements that may change rows: a data-modifying CTE counts too. A false positive only costs a
// short transaction; a false negative would log a change without its actor.
const WRITE =
  /^\s*(insert|update|delete|merge|copy|truncate)\b|\b(insert\s+into|update\s+\w+\s+set|delete\s+from)\b/i;

/**
 * True when `sql` may change rows.
 * @example isWrite('UPDATE measure SET title = $1 WHERE id = $2') // true
 * @example isWrite('SELECT * FROM measure') // false
 */
export const isWrite = (sql: string): boolean => WRITE.test(sql);
