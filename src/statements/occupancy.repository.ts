/**
 * SQL of occupancy profiles (migration 013): one row per version, valid from `valid_from`
 * (inclusive, NULL: since always) to `valid_to` (exclusive, NULL: open); at most one open version
 * per key. The dwelling types with their values are one JSON document per version.
 */
import type { Db } from '../db/db.ts';
import type { DwellingType, OccupancyProfile } from './occupancy.schema.ts';

const COLUMNS = `id, key, name, description, source, types,
  valid_from::text AS "validFrom", valid_to::text AS "validTo"`;

/** Every version of every profile (or of `key`), by key and then oldest first. */
export async function listProfileVersions(db: Db, key?: string): Promise<OccupancyProfile[]> {
  return db.query<OccupancyProfile & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM occupancy_profile WHERE ($1::text IS NULL OR key = $1)
      ORDER BY key, valid_from NULLS FIRST`,
    [key ?? null],
  );
}

/** A version to store. */
export interface NewProfileVersion {
  key: string;
  name: string;
  description: string;
  source: string;
  types: DwellingType[];
  validFrom: string | null;
  recordedBy: number | null;
}

export async function insertProfileVersion(db: Db, v: NewProfileVersion): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO occupancy_profile (key, name, description, source, types, valid_from, recorded_by)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7) RETURNING id`,
    [v.key, v.name, v.description, v.source, JSON.stringify(v.types), v.validFrom, v.recordedBy],
  );
  return row!.id;
}

/** The open version of `key`, locked for a change in the running transaction. */
export async function lockOpenProfile(db: Db, key: string): Promise<OccupancyProfile | null> {
  const [row] = await db.query<OccupancyProfile & Record<string, unknown>>(
    `SELECT ${COLUMNS} FROM occupancy_profile WHERE key = $1 AND valid_to IS NULL FOR UPDATE`,
    [key],
  );
  return row ?? null;
}

/** Replaces the values of a version in place (a change from the day it starts). */
export async function correctProfileVersion(db: Db, id: number, v: NewProfileVersion): Promise<void> {
  await db.query(
    `UPDATE occupancy_profile SET name = $2, description = $3, source = $4, types = $5::jsonb,
            recorded_by = $6, recorded_at = now() WHERE id = $1`,
    [id, v.name, v.description, v.source, JSON.stringify(v.types), v.recordedBy],
  );
}

export async function closeProfileVersion(db: Db, id: number, validTo: string): Promise<void> {
  await db.query('UPDATE occupancy_profile SET valid_to = $2::date WHERE id = $1', [id, validTo]);
}

/** Inserts a first version (since always) unless a profile of the key exists. */
export async function insertProfileIfMissing(
  db: Db,
  p: Omit<NewProfileVersion, 'validFrom' | 'recordedBy'>,
): Promise<void> {
  await db.query(
    `INSERT INTO occupancy_profile (key, name, description, source, types)
     SELECT $1, $2, $3, $4, $5::jsonb WHERE NOT EXISTS (SELECT FROM occupancy_profile WHERE key = $1)
     ON CONFLICT DO NOTHING`,
    [p.key, p.name, p.description, p.source, JSON.stringify(p.types)],
  );
}
