/**
 * SQL of the care assumptions (migration 015): one row per version, the newest row of a key in
 * force. Rates, shares and occupancy are one JSON document each.
 */
import type { Db } from '../db/db.ts';
import type { CareAssumptions } from './care-rates.ts';

/** A stored version: the assumptions without a scenario's trend, with who recorded them when. */
export type StoredCareAssumptions = Omit<CareAssumptions, 'trend'> & {
  id: number;
  recordedAt: string;
  recordedBy: string | null;
};

const COLUMNS = `c.id, c.key, c.name, c.source, c.rate_year AS "rateYear", c.bands, c.shares, c.occupancy,
  to_char(c.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "recordedAt",
  u.username AS "recordedBy"`;
const FROM = 'care_assumption c LEFT JOIN app_user u ON u.id = c.recorded_by';

/** The version in force of every key (or of `key`), by key. */
export async function currentAssumptions(db: Db, key?: string): Promise<StoredCareAssumptions[]> {
  return db.query<StoredCareAssumptions & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM ${FROM}
      WHERE c.id IN (SELECT max(id) FROM care_assumption WHERE ($1::text IS NULL OR key = $1) GROUP BY key)
      ORDER BY c.key`,
    [key ?? null],
  );
}

/** Every version of `key`, oldest first. */
export async function assumptionHistory(db: Db, key: string): Promise<StoredCareAssumptions[]> {
  return db.query<StoredCareAssumptions & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE c.key = $1 ORDER BY c.id`,
    [key],
  );
}

/** The stored columns key … occupancy of a version, in the order of the INSERTs below. */
const values = (a: Omit<CareAssumptions, 'trend'>) => [
  a.key,
  a.name,
  a.source,
  a.rateYear,
  JSON.stringify(a.bands),
  JSON.stringify(a.shares),
  JSON.stringify(a.occupancy),
];

export async function insertAssumptions(
  db: Db,
  a: Omit<CareAssumptions, 'trend'>,
  recordedBy: number | null,
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO care_assumption (key, name, source, rate_year, bands, shares, occupancy, recorded_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb, $8) RETURNING id`,
    [...values(a), recordedBy],
  );
  return row!.id;
}

/** Inserts a first version unless the key exists (the defaults, at every start). */
export async function insertAssumptionsIfMissing(db: Db, a: Omit<CareAssumptions, 'trend'>): Promise<void> {
  await db.query(
    `INSERT INTO care_assumption (key, name, source, rate_year, bands, shares, occupancy)
     SELECT $1, $2, $3, $4, $5::jsonb, $6::jsonb, $7::jsonb
      WHERE NOT EXISTS (SELECT FROM care_assumption WHERE key = $1)`,
    values(a),
  );
}
