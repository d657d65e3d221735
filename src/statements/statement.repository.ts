/** SQL of statements on land-use plans (migration 013). */
import type { MultiPolygon, Polygon } from 'geojson';
import type { Db } from '../db/db.ts';
import type { Statement } from './statement.schema.ts';

const TIME = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const SELECT = `SELECT s.id, s.name, s.plan_number AS "planNumber", s.geometry AS "planArea",
       s.area_m2 AS "areaM2", s.crs, s.dwellings, s.profile_key AS profile, s.level, s.notes,
       ${TIME('s.created_at')} AS "createdAt", u.display_name AS "createdBy", ${TIME('s.updated_at')} AS "updatedAt"
  FROM plan_statement s LEFT JOIN app_user u ON u.id = s.created_by`;

type Row = Statement & Record<string, unknown>;
const present = (r: Row): Statement => ({ ...r, areaM2: Number(r.areaM2) });

export async function listStatements(db: Db): Promise<Statement[]> {
  return (await db.query<Row>(`${SELECT} ORDER BY s.updated_at DESC, s.id DESC`)).map(present);
}

export async function findStatement(db: Db, id: number): Promise<Statement | null> {
  const [row] = await db.query<Row>(`${SELECT} WHERE s.id = $1`, [id]);
  return row ? present(row) : null;
}

/** What is stored of a statement. */
export interface StatementValues {
  name: string;
  planNumber: string;
  geometry: Polygon | MultiPolygon;
  areaM2: number;
  crs: string;
  dwellings: Statement['dwellings'];
  profile: string;
  level: string | null;
  notes: string;
}

const params = (v: StatementValues) => [
  v.name,
  v.planNumber,
  JSON.stringify(v.geometry),
  v.areaM2,
  v.crs,
  JSON.stringify(v.dwellings),
  v.profile,
  v.level,
  v.notes,
];

export async function insertStatement(db: Db, v: StatementValues, userId: number | null): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO plan_statement (name, plan_number, geometry, area_m2, crs, dwellings, profile_key, level, notes,
                                 created_by, updated_by)
     VALUES ($1, $2, $3::jsonb, $4, $5, $6::jsonb, $7, $8, $9, $10, $10) RETURNING id`,
    [...params(v), userId],
  );
  return row!.id;
}

export async function updateStatement(db: Db, id: number, v: StatementValues, userId: number | null) {
  await db.query(
    `UPDATE plan_statement SET name = $1, plan_number = $2, geometry = $3::jsonb, area_m2 = $4, crs = $5,
            dwellings = $6::jsonb, profile_key = $7, level = $8, notes = $9, updated_by = $10, updated_at = now()
      WHERE id = $11`,
    [...params(v), userId, id],
  );
}

/** @returns whether it existed */
export async function deleteStatement(db: Db, id: number): Promise<boolean> {
  return (await db.query('DELETE FROM plan_statement WHERE id = $1 RETURNING id', [id])).length > 0;
}
