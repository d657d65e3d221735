/** SQL of remarks on the map (migration 019). */
import type { Db } from '../db/db.ts';

export interface RemarkRow {
  id: number;
  lon: number;
  lat: number;
  area_id: number | null;
  area_key: string | null;
  area_name: string | null;
  category: string;
  text: string;
  status: 'pending' | 'approved' | 'rejected';
  created_at: string;
  [k: string]: unknown;
}

export async function insertRemark(
  db: Db,
  r: { lon: number; lat: number; areaId: number | null; category: string; text: string },
): Promise<void> {
  await db.query('INSERT INTO remark (lon, lat, area_id, category, text) VALUES ($1, $2, $3, $4, $5)', [
    r.lon,
    r.lat,
    r.areaId,
    r.category,
    r.text,
  ]);
}

export async function listRemarks(db: Db, status: RemarkRow['status']): Promise<RemarkRow[]> {
  return db.query<RemarkRow>(
    `SELECT r.id, r.lon, r.lat, r.area_id, a.key AS area_key, a.name AS area_name, r.category, r.text, r.status,
            r.created_at::text AS created_at
       FROM remark r LEFT JOIN area a ON a.id = r.area_id
      WHERE r.status = $1 ORDER BY r.id`,
    [status],
  );
}

export async function setStatus(db: Db, id: number, status: 'approved' | 'rejected'): Promise<boolean> {
  const rows = await db.query(
    'UPDATE remark SET status = $2, moderated_at = now() WHERE id = $1 RETURNING id',
    [id, status],
  );
  return rows.length > 0;
}
