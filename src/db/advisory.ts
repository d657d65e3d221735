/**
 * Transaction-level advisory locks: several processes on one PostgreSQL (servers and the CLI)
 * serialize the writes that must not interleave. Released at commit or rollback, so a crashed
 * process never leaves one behind. On PGlite (one process, one connection) they cost nothing.
 * Every transaction takes its advisory locks before its first write and in one fixed order
 * (migrations, then level, then Stichtage sorted, then variable sums), so they cannot deadlock
 * each other.
 */
import type { Db } from './db.ts';

/** First key of the two-key form: one namespace per use, so different uses never collide. */
const NAMESPACE = {
  migrations: 7301,
  level: 7302,
  slice: 7303,
  demo: 7304,
  sums: 7305,
  facilities: 7306,
} as const;

const lock = (tx: Db, ns: number, key: string, shared = false) =>
  tx.query(`SELECT pg_advisory_xact_lock${shared ? '_shared' : ''}($1::int, hashtext($2))`, [ns, key]);

/** Schema migrations: one process migrates, the others wait and then see them applied. */
export async function lockMigrations(tx: Db): Promise<void> {
  await lock(tx, NAMESPACE.migrations, 'schema');
}

/** Loading the demo city into an empty database: the first process loads, the others find it. */
export async function lockDemoLoad(tx: Db): Promise<void> {
  await lock(tx, NAMESPACE.demo, 'demo');
}

/** A new Gebietsstand of `level`: waits for every running import of values on that level. */
export async function lockLevelAreas(tx: Db, level: string): Promise<void> {
  await lock(tx, NAMESPACE.level, level);
}

/**
 * Values of `level` at the Stichtage `dates`: two imports of the same level and Stichtag run one
 * after the other (each replaces the other's current values completely, never half of them);
 * imports of other Stichtage run alongside. The level is held shared, so its areas stay as read.
 */
export async function lockImportSlices(tx: Db, level: string, dates: readonly string[]): Promise<void> {
  await lock(tx, NAMESPACE.level, level, true);
  for (const date of [...new Set(dates)].sort()) await lock(tx, NAMESPACE.slice, `${level}|${date}`);
}

/**
 * Variables defined as sums: a definition and the recomputation of sums after an import run one
 * after the other, so neither stores sums of values the other is replacing. Taken last.
 */
export async function lockVariableSums(tx: Db): Promise<void> {
  await lock(tx, NAMESPACE.sums, 'sums');
}

/**
 * Facilities of one type: imports and edits of the same type run one after the other, so each
 * compares the delivery with the versions the other has finished. Taken alone, before any write.
 */
export async function lockFacilities(tx: Db, type: string): Promise<void> {
  await lock(tx, NAMESPACE.facilities, type);
}
