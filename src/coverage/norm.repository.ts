/**
 * SQL of norms (migration 011): one row per version, valid from `valid_from` (inclusive, NULL:
 * since always) to `valid_to` (exclusive, NULL: open); at most one open version per key.
 */
import type { Db } from '../db/db.ts';
import type { Catchment, Norm } from './norm.schema.ts';

const COLUMNS = `n.id, n.key, n.facility_type AS "facilityType", t.capacity_unit AS "capacityUnit", n.name,
  n.demand, n.weights, n.factor, n.supply_property AS "supplyProperty", n.catchment, n.source, n.description,
  n.published,
  n.valid_from AS "validFrom", n.valid_to AS "validTo"`;
const FROM = 'norm n JOIN facility_type t ON t.key = n.facility_type';

/** Every version of every norm (or of `key`), by key and then oldest first. */
export async function listVersions(db: Db, key?: string): Promise<Norm[]> {
  const rows = await db.query<Omit<Norm, 'weights'> & { weights: number[] | null } & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM ${FROM} WHERE ($1::text IS NULL OR n.key = $1)
      ORDER BY n.key, n.valid_from NULLS FIRST`,
    [key ?? null],
  );
  return rows.map((r) => ({
    ...r,
    factor: Number(r.factor),
    weights: r.weights?.map(Number) ?? r.demand.map(() => 1),
  }));
}

/** Weights as stored: NULL when every variable counts once (the common case stays readable). */
const storedWeights = (weights: readonly number[] | undefined) =>
  weights && weights.some((w) => w !== 1) ? [...weights] : null;

/** The open version of `key`, locked for a change in the running transaction. */
export async function lockOpenVersion(db: Db, key: string): Promise<Norm | null> {
  const [row] = await db.query<{ id: number }>(
    'SELECT id FROM norm WHERE key = $1 AND valid_to IS NULL FOR UPDATE',
    [key],
  );
  if (!row) return null;
  return (await listVersions(db, key)).find((v) => v.id === row.id) ?? null;
}

/** A version to store. */
export interface NewNormVersion {
  key: string;
  facilityType: string;
  name: string;
  demand: string[];
  /** Per demand variable; absent or all 1: each counts once. */
  weights?: readonly number[] | undefined;
  factor: number;
  /** The facility property that is the supply; absent or null: the capacity. */
  supplyProperty?: string | null | undefined;
  catchment: Catchment;
  source: string;
  description: string;
  published: boolean;
  validFrom: string | null;
  recordedBy: number | null;
}

export async function insertVersion(db: Db, v: NewNormVersion): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO norm (key, facility_type, name, demand, factor, catchment, source, description, published,
                       valid_from, recorded_by, weights, supply_property)
     VALUES ($1, $2, $3, $4::text[], $5, $6::jsonb, $7, $8, $9, $10, $11, $12::float8[], $13) RETURNING id`,
    [
      v.key,
      v.facilityType,
      v.name,
      v.demand,
      v.factor,
      JSON.stringify(v.catchment),
      v.source,
      v.description,
      v.published,
      v.validFrom,
      v.recordedBy,
      storedWeights(v.weights),
      v.supplyProperty ?? null,
    ],
  );
  return row!.id;
}

/** Replaces the values of a version in place (a change from the day it starts). */
export async function correctVersion(db: Db, id: number, v: NewNormVersion): Promise<void> {
  await db.query(
    `UPDATE norm SET facility_type = $2, name = $3, demand = $4::text[], factor = $5, catchment = $6::jsonb,
            source = $7, description = $8, published = $9, recorded_by = $10, recorded_at = now(),
            weights = $11::float8[], supply_property = $12
      WHERE id = $1`,
    [
      id,
      v.facilityType,
      v.name,
      v.demand,
      v.factor,
      JSON.stringify(v.catchment),
      v.source,
      v.description,
      v.published,
      v.recordedBy,
      storedWeights(v.weights),
      v.supplyProperty ?? null,
    ],
  );
}

export async function closeVersion(db: Db, id: number, validTo: string): Promise<void> {
  await db.query('UPDATE norm SET valid_to = $2::date WHERE id = $1', [id, validTo]);
}

/** The keys of the norms present (any version). */
export async function normKeys(db: Db): Promise<string[]> {
  const rows = await db.query<{ key: string }>('SELECT DISTINCT key FROM norm ORDER BY key');
  return rows.map((r) => r.key);
}

/** Inserts a first version (since always, published) unless a norm of the key exists. */
export async function insertIfMissing(
  db: Db,
  n: Omit<NewNormVersion, 'validFrom' | 'recordedBy' | 'published'>,
): Promise<void> {
  await db.query(
    `INSERT INTO norm (key, facility_type, name, demand, factor, catchment, source, description, published,
                       weights, supply_property)
     SELECT $1, $2, $3, $4::text[], $5, $6::jsonb, $7, $8, true, $9::float8[], $10
      WHERE NOT EXISTS (SELECT FROM norm WHERE key = $1)
     ON CONFLICT DO NOTHING`,
    [
      n.key,
      n.facilityType,
      n.name,
      n.demand,
      n.factor,
      JSON.stringify(n.catchment),
      n.source,
      n.description,
      storedWeights(n.weights),
      n.supplyProperty ?? null,
    ],
  );
}

/** How many of `keys` name a norm (the seed's check). */
export async function countNormKeys(db: Db, keys: readonly string[]): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    'SELECT count(DISTINCT key)::int AS n FROM norm WHERE key = ANY($1::text[])',
    [keys],
  );
  return row?.n ?? 0;
}
