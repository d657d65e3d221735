/** SQL of the conversion between Gebietsstände: areas valid at a date, their counts, provenance. */
import type { MultiPolygon, Polygon } from 'geojson';
import type { ValueStatus } from '../../core/value-status.ts';
import type { Db } from '../../db/db.ts';
import type { AppliedMethod } from './messages.ts';

/** An area of the Gebietsstand valid at a date. */
export interface StandArea {
  id: number;
  key: string;
  parent: string | null;
  geometry: Polygon | MultiPolygon;
  valid_from: string;
  valid_to: string | null;
  [k: string]: unknown;
}

/** The areas of a level valid at `date` (valid_from ≤ date < valid_to), by key. */
export async function areasValidAt(db: Db, levelId: number, date: string): Promise<StandArea[]> {
  return db.query<StandArea>(
    `SELECT a.id, a.key, p.key AS parent, a.geometry, a.valid_from::text AS valid_from,
            a.valid_to::text AS valid_to
       FROM area a LEFT JOIN area p ON p.id = a.parent_id
      WHERE a.level_id = $1 AND a.valid_from <= $2::date AND (a.valid_to IS NULL OR a.valid_to > $2::date)
      ORDER BY a.key`,
    [levelId, date],
  );
}

/** A stored count of one area (all breakdowns), with whether it was itself converted. */
export interface StoredCount {
  variable_id: number;
  area_id: number;
  ref_date: string;
  breakdown: string;
  value: number | null;
  status: ValueStatus;
  converted: boolean;
  [k: string]: unknown;
}

const COUNT_COLUMNS = `o.variable_id, o.area_id, o.ref_date::text AS ref_date, o.breakdown, o.value, o.status,
            coalesce(s.kind = 'conversion', false) AS converted`;

/** Every count stored for the given areas. */
export async function countsOf(db: Db, areaIds: readonly number[]): Promise<StoredCount[]> {
  return db.query<StoredCount>(
    `SELECT ${COUNT_COLUMNS}
       FROM observation o LEFT JOIN data_source s ON s.id = o.source_id
      WHERE o.area_id = ANY($1::int[])`,
    [areaIds],
  );
}

/**
 * The counted (not converted) totals of a variable on the given areas at the first Stichtag on or
 * after `since` that has any (else the latest before it), by area key; null when there is none.
 * Counts delivered for the new areas before their Gebietsstand began are often partial.
 */
export async function firstCountedTotals(
  db: Db,
  variableKey: string,
  areaIds: readonly number[],
  since: string,
): Promise<{ date: string; values: Map<string, number> } | null> {
  const rows = await db.query<{ ref_date: string; key: string; value: number }>(
    `WITH counted AS (
       SELECT o.ref_date, a.key, o.value
         FROM observation o JOIN variable v ON v.id = o.variable_id JOIN area a ON a.id = o.area_id
         LEFT JOIN data_source s ON s.id = o.source_id
        WHERE v.key = $1 AND o.breakdown = '' AND o.area_id = ANY($2::int[])
          AND o.status IN ('value', 'estimated') AND coalesce(s.kind, '') <> 'conversion')
     SELECT ref_date::text AS ref_date, key, value FROM counted
      WHERE ref_date = (SELECT ref_date FROM counted
                         ORDER BY ref_date >= $3::date DESC, abs(ref_date - $3::date) LIMIT 1)`,
    [variableKey, areaIds, since],
  );
  if (rows.length === 0) return null;
  return { date: rows[0]!.ref_date, values: new Map(rows.map((r) => [r.key, r.value])) };
}

/** One conversion run as a data_source row (kind `conversion`; see migration 022). */
export async function recordConversion(
  db: Db,
  s: { name: string; stichtag: string; importedBy: number | null; details: Record<string, unknown> },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO data_source (kind, name, stichtag, imported_by, details)
     VALUES ('conversion', $1, $2, $3, $4::jsonb) RETURNING id`,
    [s.name, s.stichtag, s.importedBy, JSON.stringify(s.details)],
  );
  return row!.id;
}

/** Converted marker of an observation source: method and source Gebietsstand. */
export interface ConvertedFrom {
  /** A `methodNames` key: area, population (target density), population_finer, population_grid. */
  method: AppliedMethod;
  /** Gebietsstand the values were converted from: its valid_from. */
  from: string;
}

/** One converted total: area, Stichtag, variable, with the conversion's method and source. */
export interface ConvertedCount extends ConvertedFrom {
  area_id: number;
  ref_date: string;
  variable: string;
  [k: string]: unknown;
}

/**
 * The converted totals (breakdown '') of the variables on the areas, optionally at one Stichtag,
 * with method and source Gebietsstand read from the conversion's data_source. The one query
 * behind every „umgerechnet“ mark (values, series, level tables), so all of them agree.
 */
export async function convertedCounts(
  db: Db,
  areaIds: readonly number[],
  variableKeys: readonly string[],
  date?: string,
): Promise<ConvertedCount[]> {
  return db.query<ConvertedCount>(
    `SELECT DISTINCT o.area_id, o.ref_date::text AS ref_date, v.key AS variable,
            -- the variant (population_finer …) where the run recorded one; older runs have only method
            coalesce(s.details->>'variant', s.details->>'method') AS method,
            s.details->>'fromValidFrom' AS "from"
       FROM observation o JOIN variable v ON v.id = o.variable_id JOIN data_source s ON s.id = o.source_id
      WHERE o.area_id = ANY($1::int[]) AND v.key = ANY($2::text[]) AND o.breakdown = ''
        AND s.kind = 'conversion' AND ($3::date IS NULL OR o.ref_date = $3::date)
        -- a one-time filter: a city that never converted reads no observation here (the join on
        -- the source has no index to start from)
        AND EXISTS (SELECT 1 FROM data_source c WHERE c.kind = 'conversion')
      ORDER BY 1, 2, 3`,
    [areaIds, variableKeys, date ?? null],
  );
}

const mark = (r: ConvertedCount): ConvertedFrom => ({ method: r.method, from: r.from });

/**
 * The Stichtage at which any of the variables of an area were converted, with method and source
 * Gebietsstand (read from the conversion's data_source).
 */
export async function convertedDates(
  db: Db,
  areaId: number,
  variableKeys: readonly string[],
): Promise<Map<string, ConvertedFrom>> {
  const rows = await convertedCounts(db, [areaId], variableKeys);
  return new Map(rows.map((r) => [r.ref_date, mark(r)]));
}

/**
 * The areas of `areaIds` whose counts of any of the variables at `date` were converted, with
 * method and source Gebietsstand: the „umgerechnet“ mark of a level's values.
 */
export async function convertedAreas(
  db: Db,
  areaIds: readonly number[],
  variableKeys: readonly string[],
  date: string,
): Promise<Map<number, ConvertedFrom>> {
  const rows = await convertedCounts(db, areaIds, variableKeys, date);
  return new Map(rows.map((r) => [r.area_id, mark(r)]));
}
