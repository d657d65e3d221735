/** SQL of travel-cost matrices (migration 011): one row per matrix, one per (origin, destination). */
import type { Db } from '../db/db.ts';

export interface MatrixRow {
  id: number;
  name: string;
  level: string;
  facilityType: string;
  unit: string;
  fileName: string;
  importedAt: string;
  pairs: number;
  [k: string]: unknown;
}

const SELECT = `SELECT m.id, m.name, m.level, m.facility_type AS "facilityType", m.unit, m.file_name AS "fileName",
         to_char(m.imported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "importedAt",
         (SELECT count(*)::int FROM travel_cost c WHERE c.matrix_id = m.id) AS pairs
    FROM travel_matrix m`;

export async function listMatrices(db: Db): Promise<MatrixRow[]> {
  return db.query<MatrixRow>(`${SELECT} ORDER BY m.name`);
}

export async function findMatrix(db: Db, id: number): Promise<MatrixRow | null> {
  const [row] = await db.query<MatrixRow>(`${SELECT} WHERE m.id = $1`, [id]);
  return row ?? null;
}

export async function findMatrixByName(db: Db, name: string): Promise<MatrixRow | null> {
  const [row] = await db.query<MatrixRow>(`${SELECT} WHERE m.name = $1`, [name]);
  return row ?? null;
}

/** The costs of a matrix as parallel arrays. */
export async function matrixCosts(
  db: Db,
  id: number,
): Promise<{ origin: string[]; destination: string[]; cost: number[] }> {
  const rows = await db.query<{ origin: string; destination: string; cost: number }>(
    'SELECT origin, destination, cost FROM travel_cost WHERE matrix_id = $1 ORDER BY origin, destination',
    [id],
  );
  return {
    origin: rows.map((r) => r.origin),
    destination: rows.map((r) => r.destination),
    cost: rows.map((r) => Number(r.cost)),
  };
}

/** Stores a matrix with its costs (one statement for the costs). @returns its id */
export async function insertMatrix(
  db: Db,
  m: {
    name: string;
    level: string;
    facilityType: string;
    unit: string;
    fileName: string;
    userId: number | null;
  },
  costs: { origin: string[]; destination: string[]; cost: number[] },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO travel_matrix (name, level, facility_type, unit, file_name, imported_by)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [m.name, m.level, m.facilityType, m.unit, m.fileName, m.userId],
  );
  const id = row!.id;
  await db.query(
    `INSERT INTO travel_cost (matrix_id, origin, destination, cost)
     SELECT $1, o, d, c FROM unnest($2::text[], $3::text[], $4::float8[]) AS t(o, d, c)`,
    [id, costs.origin, costs.destination, costs.cost],
  );
  return id;
}

export async function deleteMatrix(db: Db, id: number): Promise<void> {
  await db.query('DELETE FROM travel_matrix WHERE id = $1', [id]);
}

/** Keys of the norms whose open or past versions use matrix `id`. */
export async function normsUsingMatrix(db: Db, id: number): Promise<string[]> {
  const rows = await db.query<{ key: string }>(
    `SELECT DISTINCT key FROM norm WHERE catchment->'costs'->>'matrix' = $1 ORDER BY key`,
    [String(id)],
  );
  return rows.map((r) => r.key);
}
