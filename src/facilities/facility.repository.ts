/**
 * SQL of facility types and facility versions. A version is valid from `valid_from` (inclusive,
 * NULL: since an unknown date) to `valid_to` (exclusive, NULL: open); the versions of one facility
 * never overlap, and at most one is open (migration 010).
 */
import type { Db } from '../db/db.ts';
import { propertyNumber } from './capacity-parts.ts';
import type { Facility, FacilityType } from './facility.schema.ts';

export async function listTypes(db: Db): Promise<FacilityType[]> {
  return db.query<FacilityType & Record<string, unknown>>(
    `SELECT key, name, capacity_unit AS "capacityUnit", description, sort,
            capacity_parts AS "capacityParts"
       FROM facility_type ORDER BY sort, key`,
  );
}

export async function findType(db: Db, key: string): Promise<FacilityType | null> {
  return (await listTypes(db)).find((t) => t.key === key) ?? null;
}

/** A stored version, as the import and the edits compare and change it. */
export interface VersionRow {
  id: number;
  type: string;
  key: string;
  name: string;
  capacity: number | null;
  carrier: string | null;
  address: string | null;
  lon: number;
  lat: number;
  area_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  [k: string]: unknown;
}

const VERSION_COLUMNS = `id, type, key, name, capacity, carrier, address, lon, lat, area_id, valid_from, valid_to`;

/** Every version of the facilities of `type` (the import checks a delivery against all of them). */
export async function versionsOfType(db: Db, type: string): Promise<VersionRow[]> {
  return db.query<VersionRow>(`SELECT ${VERSION_COLUMNS} FROM facility WHERE type = $1`, [type]);
}

/** A version with the key of its area (null: outside every area) and its properties. */
export type StoredVersion = VersionRow & { area: string | null; properties: Record<string, unknown> };

export async function findVersion(db: Db, id: number): Promise<StoredVersion | null> {
  const [row] = await db.query<StoredVersion>(
    `SELECT f.${VERSION_COLUMNS.split(', ').join(', f.')}, f.properties, a.key AS area
       FROM facility f LEFT JOIN area a ON a.id = f.area_id WHERE f.id = $1`,
    [id],
  );
  return row ?? null;
}

export async function versionsOf(db: Db, type: string, key: string): Promise<VersionRow[]> {
  return db.query<VersionRow>(
    `SELECT ${VERSION_COLUMNS} FROM facility WHERE type = $1 AND key = $2 ORDER BY valid_from NULLS FIRST`,
    [type, key],
  );
}

/** The keys of `type` that start with `prefix`. */
export async function keysStartingWith(db: Db, type: string, prefix: string): Promise<string[]> {
  const rows = await db.query<{ key: string }>(
    'SELECT DISTINCT key FROM facility WHERE type = $1 AND starts_with(key, $2)',
    [type, prefix],
  );
  return rows.map((r) => r.key);
}

/** Whether a version is in operation at `date` (SQL over the columns of `facility f`). */
const IN_OPERATION = `(f.valid_from IS NULL OR f.valid_from <= $1::date) AND (f.valid_to IS NULL OR f.valid_to > $1::date)`;

/**
 * Each facility as it is at `date`: the version in operation then, else the next planned one,
 * else the last one (closed). Sorted by type and key (code-point order on every engine).
 */
export async function facilitiesAt(db: Db, date: string, type: string | null): Promise<Facility[]> {
  const rows = await db.query<Omit<Facility, 'parts'> & { parts: Record<string, unknown> }>(
    `SELECT id, type, key, name, capacity, parts, carrier, address, lon, lat, area, "validFrom", "validTo",
            status
       FROM (SELECT DISTINCT ON (f.type, f.key)
                    f.id, f.type, f.key, f.name, f.capacity, f.carrier, f.address, f.lon, f.lat,
                    a.key AS area, f.valid_from AS "validFrom", f.valid_to AS "validTo",
                    CASE WHEN ${IN_OPERATION} THEN 'in Betrieb'
                         WHEN f.valid_from > $1::date THEN 'geplant' ELSE 'geschlossen' END AS status,
                    (SELECT coalesce(jsonb_object_agg(p ->> 'key', f.properties -> (p ->> 'key')), '{}')
                       FROM jsonb_array_elements(t.capacity_parts) p) AS parts
               FROM facility f JOIN facility_type t ON t.key = f.type
                    LEFT JOIN area a ON a.id = f.area_id
              WHERE ($2::text IS NULL OR f.type = $2)
              ORDER BY f.type, f.key,
                       CASE WHEN ${IN_OPERATION} THEN 0 WHEN f.valid_from > $1::date THEN 1 ELSE 2 END,
                       CASE WHEN f.valid_from > $1::date THEN f.valid_from END ASC,
                       f.valid_to DESC) AS at_date`,
    [date, type],
  );
  return rows
    .map((r) => ({
      ...r,
      parts: Object.fromEntries(Object.entries(r.parts).map(([k, v]) => [k, propertyNumber(v)])),
    }))
    .sort((a, b) => compare(a.type, b.type) || compare(a.key, b.key));
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The facilities of `type` in operation at `date`: position and capacity (for counts). */
export async function pointsInOperation(
  db: Db,
  type: string,
  date: string,
): Promise<{ lon: number; lat: number; capacity: number | null }[]> {
  return db.query(`SELECT f.lon, f.lat, f.capacity FROM facility f WHERE f.type = $2 AND ${IN_OPERATION}`, [
    date,
    type,
  ]);
}

/** A version to store. */
export interface NewVersion {
  type: string;
  key: string;
  name: string;
  capacity: number | null;
  carrier: string | null;
  address: string | null;
  lon: number;
  lat: number;
  areaId: number | null;
  validFrom: string | null;
  /** Set only for a version that fills the time before a later one; else null (open). */
  validTo: string | null;
  properties: Record<string, unknown>;
  sourceId: number | null;
  recordedBy: number | null;
}

/**
 * Inserts versions in one statement (unnest of parallel arrays: one round trip however many).
 * @returns the new ids in the order of `rows` (at most one version per facility in one call)
 */
export async function insertVersions(db: Db, rows: readonly NewVersion[]): Promise<number[]> {
  if (rows.length === 0) return [];
  const col = <T>(pick: (r: NewVersion) => T) => rows.map(pick);
  const inserted = await db.query<{ id: number; type: string; key: string }>(
    `INSERT INTO facility (type, key, name, capacity, carrier, address, lon, lat, area_id, valid_from,
                           valid_to, properties, source_id, recorded_by)
     SELECT t, k, n, c, tr, ad, x, y, ar, vf, vt, p::jsonb, s, rb
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::text[], $6::text[],
                   $7::float8[], $8::float8[], $9::int[], $10::date[], $11::date[], $12::text[],
                   $13::int[], $14::int[])
            AS v(t, k, n, c, tr, ad, x, y, ar, vf, vt, p, s, rb)
     RETURNING id, type, key`,
    [
      col((r) => r.type),
      col((r) => r.key),
      col((r) => r.name),
      col((r) => r.capacity),
      col((r) => r.carrier),
      col((r) => r.address),
      col((r) => r.lon),
      col((r) => r.lat),
      col((r) => r.areaId),
      col((r) => r.validFrom),
      col((r) => r.validTo),
      col((r) => JSON.stringify(r.properties)),
      col((r) => r.sourceId),
      col((r) => r.recordedBy),
    ],
  );
  const ids = new Map(inserted.map((r) => [`${r.type}\u0000${r.key}`, r.id]));
  return rows.map((r) => ids.get(`${r.type}\u0000${r.key}`)!);
}

/** Ends open versions: no longer valid from `validTo`. */
export async function closeVersions(db: Db, ids: readonly number[], validTo: string): Promise<void> {
  if (ids.length === 0) return;
  await db.query('UPDATE facility SET valid_to = $2::date WHERE id = ANY($1::int[]) AND valid_to IS NULL', [
    ids,
    validTo,
  ]);
}

/** Removes versions that were never valid (opened and closed on the same day). */
export async function deleteVersions(db: Db, ids: readonly number[]): Promise<void> {
  if (ids.length === 0) return;
  await db.query('DELETE FROM facility WHERE id = ANY($1::int[])', [ids]);
}

/**
 * Corrects open versions in place: a change that holds from the day the version starts (or
 * before it, while planned) replaces its values rather than adding a version of no length.
 */
export async function correctVersions(db: Db, rows: readonly (NewVersion & { id: number })[]): Promise<void> {
  if (rows.length === 0) return;
  const col = <T>(pick: (r: NewVersion & { id: number }) => T) => rows.map(pick);
  await db.query(
    `UPDATE facility f
        SET name = v.n, capacity = v.c, carrier = v.tr, address = v.ad, lon = v.x, lat = v.y,
            area_id = v.ar, valid_from = v.vf, properties = v.p::jsonb, source_id = v.s,
            recorded_by = v.rb, recorded_at = now()
       FROM unnest($1::int[], $2::text[], $3::float8[], $4::text[], $5::text[], $6::float8[],
                   $7::float8[], $8::int[], $9::date[], $10::text[], $11::int[], $12::int[])
            AS v(id, n, c, tr, ad, x, y, ar, vf, p, s, rb)
      WHERE f.id = v.id`,
    [
      col((r) => r.id),
      col((r) => r.name),
      col((r) => r.capacity),
      col((r) => r.carrier),
      col((r) => r.address),
      col((r) => r.lon),
      col((r) => r.lat),
      col((r) => r.areaId),
      col((r) => r.validFrom),
      col((r) => JSON.stringify(r.properties)),
      col((r) => r.sourceId),
      col((r) => r.recordedBy),
    ],
  );
}
