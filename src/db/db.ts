/**
 * One PostgreSQL dialect, two engines: PGlite embedded (default, a data directory or memory)
 * and a PostgreSQL server (a `postgres://` URL). Both run the same migrations and queries.
 */
import { mkdirSync } from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';
import { currentActor, isWrite, SET_ACTOR } from './actor.ts';
import { acquireDirLock } from './lock.ts';

export type Row = Record<string, unknown>;

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** Human-readable location (directory, `memory` or the URL without password). */
  readonly location: string;
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Bulk load of CSV text (`COPY … FROM … WITH (FORMAT csv)`): PGlite from a blob, a PostgreSQL
   * server from a stream (`COPY … FROM STDIN`). PGlite does NOT check foreign keys: only for rows
   * whose ids the caller has just read from the database. Callers fall back to inserts when it
   * is absent.
   */
  copyCsv?(table: string, columns: string[], csv: string): Promise<void>;
  /** Runs `fn` in one transaction: all of it commits, or nothing does. */
  transaction<T>(fn: (tx: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** True when `spec` names a PostgreSQL server rather than a PGlite directory. */
export const isPostgresUrl = (spec: string) => /^postgres(ql)?:\/\//.test(spec);

// Dates stay 'YYYY-MM-DD' strings and int8 counts become numbers on both engines, so that
// results do not depend on the engine (node-pg would give local-time Date objects).
const DATE_OID = 1082;
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const asString = (v: string) => v;

export interface OpenOptions {
  /**
   * Opened for one command of the command line, not for a server: the embedded engine then starts
   * with a small buffer cache (see COMMAND_BUFFERS). No effect on a PostgreSQL server.
   */
  forCommand?: boolean;
}

/**
 * The embedded engine's settings for one command. PostgreSQL allocates its shared memory at start
 * and PGlite's WebAssembly runtime zero-fills it page by page: with PGlite's 128 MB buffer cache
 * that is about 0.4 s of every command's start. A command reads its pages a few times at most,
 * and pages the cache does not hold come from the file system's cache; the server, running for
 * hours, keeps the large one. The WAL buffers stay at the 4 MB they derive from 128 MB.
 */
export const COMMAND_BUFFERS = ['-c', 'shared_buffers=16MB', '-c', 'wal_buffers=4MB'];

/** Opens the database named by `spec`: a directory, `memory://`, or a postgres URL. */
export async function openDb(spec: string, options: OpenOptions = {}): Promise<Db> {
  if (isPostgresUrl(spec)) return openPostgres(spec);
  return openPglite(spec, options);
}

async function openPglite(spec: string, options: OpenOptions): Promise<Db> {
  const inMemory = spec === '' || spec === 'memory://';
  if (!inMemory) mkdirSync(spec, { recursive: true });
  // PGlite is single-process: the directory's lock file makes a second process fail with the
  // holder's name instead of corrupting the data; a memory database belongs to one process anyway.
  const lock = inMemory ? null : await acquireDirLock(spec);
  const parsers = { [DATE_OID]: asString, [INT8_OID]: Number, [NUMERIC_OID]: Number };
  let client: PGlite;
  try {
    client = await PGlite.create(inMemory ? undefined : spec, {
      parsers,
      ...(options.forCommand ? { startParams: [...PGlite.defaultStartParams, ...COMMAND_BUFFERS] } : {}),
    });
  } catch (err) {
    lock?.release();
    throw err;
  }
  const wrap = (q: { query: PGlite['query']; exec: PGlite['exec'] }): Omit<Db, 'transaction' | 'close'> => ({
    kind: 'pglite',
    async copyCsv(table: string, columns: string[], csv: string) {
      // Foreign keys are checked by per-row triggers, which cost more than the load itself in
      // PGlite; callers pass ids they have just read in the same transaction, so the bulk load
      // runs with triggers off (replica role) and switches them back on right after.
      await q.exec('SET session_replication_role = replica');
      try {
        await q.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
          blob: new Blob([csv]),
        });
      } finally {
        await q.exec('SET session_replication_role = origin');
      }
    },
    location: inMemory ? 'memory' : spec,
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const res = await q.query<T>(sql, params);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const db: Db = withActor({
    ...wrap(client),
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      return client.transaction(async (tx) => {
        const txDb: Db = {
          ...wrap(tx),
          transaction: (inner) => inner(txDb), // nested: join the outer transaction
          close: () => Promise.resolve(),
        };
        const actor = currentActor();
        if (actor !== undefined) await tx.query(SET_ACTOR, [actor]);
        return fn(txDb);
      });
    },
    async close() {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  });
  return db;
}

async function openPostgres(url: string): Promise<Db> {
  // loaded here: the embedded database, the CLI's default, does without it
  const { default: pg } = await import('pg');
  const types = new pg.TypeOverrides();
  types.setTypeParser(DATE_OID, asString);
  types.setTypeParser(INT8_OID, Number);
  types.setTypeParser(NUMERIC_OID, Number);
  const pool = new pg.Pool({ connectionString: url, max: 5, types });
  // An idle connection dropped by the server (restart, admin) must not crash the process;
  // the pool replaces it on the next query.
  pool.on('error', (err) => process.stderr.write(`PostgreSQL-Verbindung getrennt: ${err.message}\n`));
  // Fail early with a clear message rather than on the first query.
  const probe = await pool.connect();
  probe.release();
  const { from: copyFrom } = await import('pg-copy-streams');
  const location = url.replace(/:[^:@/]*@/, ':***@');
  const forClient = (c: Pool | PoolClient): Omit<Db, 'transaction' | 'close' | 'copyCsv'> => ({
    kind: 'postgres',
    location,
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      const res = await c.query<T>(sql, params);
      return res.rows;
    },
    async exec(sql: string) {
      await c.query(sql);
    },
  });
  // A server parses COPY's stream several times faster than the parameters of a multi-row
  // insert; its triggers (audit, data version, foreign keys) fire as for any insert.
  const copyCsv = async (c: PoolClient, table: string, columns: string[], csv: string) => {
    const sink = c.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`));
    await pipeline(Readable.from([csv]), sink);
  };
  const db: Db = withActor({
    ...forClient(pool),
    // on a connection of its own, in a transaction that names the actor for the audit triggers
    copyCsv: (table, columns, csv) => db.transaction((tx) => tx.copyCsv!(table, columns, csv)),
    async transaction<T>(fn: (tx: Db) => Promise<T>) {
      const c = await pool.connect();
      try {
        await c.query('BEGIN');
        const actor = currentActor();
        if (actor !== undefined) await c.query(SET_ACTOR, [actor]);
        const txDb: Db = {
          ...forClient(c),
          copyCsv: (table, columns, csv) => copyCsv(c, table, columns, csv),
          transaction: (inner) => inner(txDb),
          close: () => Promise.resolve(),
        };
        const result = await fn(txDb);
        await c.query('COMMIT');
        return result;
      } catch (err) {
        await c.query('ROLLBACK');
        throw err;
      } finally {
        c.release();
      }
    },
    close: () => pool.end(),
  });
  return db;
}

/**
 * A write outside a transaction, made for an actor, runs in a transaction of its own that
 * first names the actor (`lagebild.actor`, read by the audit triggers); writes inside a
 * transaction have it already. Without an actor nothing changes.
 */
function withActor(db: Db): Db {
  const query = db.query.bind(db);
  return {
    ...db,
    query<T extends Row>(sql: string, params?: unknown[]) {
      return currentActor() !== undefined && isWrite(sql)
        ? db.transaction((tx) => tx.query<T>(sql, params))
        : query<T>(sql, params);
    },
  };
}
