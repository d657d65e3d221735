/** SQL of measures, their areas, goals and history (migration 017). */
import type { Db } from '../db/db.ts';

export interface MeasureRow {
  id: number;
  parent_id: number | null;
  kind: string;
  title: string;
  description: string;
  status: string;
  weight: number;
  organisation: string;
  funding: string;
  budget_planned: number | null;
  budget_spent: number | null;
  start_date: string | null;
  end_date: string | null;
  decision: { body: string; meeting: string; date: string; text: string } | null;
  output: string;
  outcome: string;
  impact: string;
  milestones: { title: string; due: string | null; done: boolean }[];
  updated_at: string;
  [k: string]: unknown;
}

const COLUMNS = `id, parent_id, kind, title, description, status, weight, organisation, funding,
  budget_planned::float8 AS budget_planned, budget_spent::float8 AS budget_spent,
  start_date::text AS start_date, end_date::text AS end_date, decision, output, outcome, impact,
  milestones, to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS updated_at`;

export async function listMeasures(db: Db): Promise<MeasureRow[]> {
  return db.query<MeasureRow>(`SELECT ${COLUMNS} FROM measure ORDER BY id`);
}

export async function findMeasure(db: Db, id: number): Promise<MeasureRow | null> {
  const [row] = await db.query<MeasureRow>(`SELECT ${COLUMNS} FROM measure WHERE id = $1`, [id]);
  return row ?? null;
}

/** The measure's columns by their SQL names, as stored (jsonb columns as JSON text). */
export type MeasureColumns = Partial<Record<string, unknown>>;

const JSON_COLUMNS = new Set(['decision', 'milestones']);

export async function insertMeasure(db: Db, values: MeasureColumns): Promise<number> {
  const keys = Object.keys(values);
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO measure (${keys.join(', ')}) VALUES (${keys
      .map((k, i) => `$${i + 1}${JSON_COLUMNS.has(k) ? '::jsonb' : ''}`)
      .join(', ')}) RETURNING id`,
    keys.map((k) => (JSON_COLUMNS.has(k) ? JSON.stringify(values[k]) : values[k])),
  );
  return row!.id;
}

export async function updateMeasure(db: Db, id: number, values: MeasureColumns): Promise<void> {
  const keys = Object.keys(values);
  if (!keys.length) return;
  await db.query(
    `UPDATE measure SET ${keys
      .map((k, i) => `${k} = $${i + 2}${JSON_COLUMNS.has(k) ? '::jsonb' : ''}`)
      .join(', ')}, updated_at = now() WHERE id = $1`,
    [id, ...keys.map((k) => (JSON_COLUMNS.has(k) ? JSON.stringify(values[k]) : values[k]))],
  );
}

export async function deleteMeasure(db: Db, id: number): Promise<boolean> {
  return (await db.query('DELETE FROM measure WHERE id = $1 RETURNING id', [id])).length > 0;
}

export async function hasChildren(db: Db, id: number): Promise<boolean> {
  return (await db.query('SELECT 1 FROM measure WHERE parent_id = $1 LIMIT 1', [id])).length > 0;
}

/** Current area ids by `level|key`. */
export async function areaIds(db: Db, refs: { level: string; key: string }[]): Promise<Map<string, number>> {
  if (!refs.length) return new Map();
  const rows = await db.query<{ id: number; level: string; key: string }>(
    `SELECT a.id, l.key AS level, a.key FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE a.valid_to IS NULL AND (l.key || '|' || a.key) = ANY($1::text[])`,
    [refs.map((r) => `${r.level}|${r.key}`)],
  );
  return new Map(rows.map((r) => [`${r.level}|${r.key}`, r.id]));
}

export interface GoalRow {
  id: number;
  measure_id: number;
  indicator_key: string;
  level_key: string;
  area_key: string | null;
  area_name: string | null;
  baseline_date: string;
  baseline_value: number;
  target_value: number;
  target_date: string;
  [k: string]: unknown;
}

export async function listGoals(db: Db): Promise<GoalRow[]> {
  return db.query<GoalRow>(
    `SELECT g.id, g.measure_id, g.indicator_key, g.level_key, a.key AS area_key, a.name AS area_name,
            g.baseline_date::text AS baseline_date, g.baseline_value, g.target_value,
            g.target_date::text AS target_date
       FROM measure_goal g LEFT JOIN area a ON a.id = g.area_id ORDER BY g.id`,
  );
}

export async function insertGoal(
  db: Db,
  g: {
    measureId: number;
    indicator: string;
    level: string;
    areaId: number | null;
    baselineDate: string;
    baselineValue: number;
    targetValue: number;
    targetDate: string;
  },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO measure_goal (measure_id, indicator_key, level_key, area_id, baseline_date,
                               baseline_value, target_value, target_date)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      g.measureId,
      g.indicator,
      g.level,
      g.areaId,
      g.baselineDate,
      g.baselineValue,
      g.targetValue,
      g.targetDate,
    ],
  );
  return row!.id;
}

export async function deleteGoal(db: Db, measureId: number, goalId: number): Promise<GoalRow | null> {
  const [row] = await db.query<GoalRow>(
    `DELETE FROM measure_goal WHERE measure_id = $1 AND id = $2
     RETURNING id, measure_id, indicator_key, level_key, NULL::text AS area_key, NULL::text AS area_name,
               baseline_date::text AS baseline_date, baseline_value, target_value, target_date::text AS target_date`,
    [measureId, goalId],
  );
  return row ?? null;
}

export async function addHistory(
  db: Db,
  e: { measureId: number; by: number | null; action: string; before: unknown; after: unknown },
): Promise<void> {
  await db.query(
    `INSERT INTO measure_history (measure_id, changed_by, action, before, after)
     VALUES ($1, $2, $3, $4::jsonb, $5::jsonb)`,
    [
      e.measureId,
      e.by,
      e.action,
      e.before === null ? null : JSON.stringify(e.before),
      e.after === null ? null : JSON.stringify(e.after),
    ],
  );
}

export interface HistoryRow {
  at: string;
  by: string | null;
  action: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  [k: string]: unknown;
}

export async function history(db: Db, measureId: number): Promise<HistoryRow[]> {
  return db.query<HistoryRow>(
    `SELECT to_char(h.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at,
            u.display_name AS by, h.action, h.before, h.after
       FROM measure_history h LEFT JOIN app_user u ON u.id = h.changed_by
      WHERE h.measure_id = $1 ORDER BY h.id`,
    [measureId],
  );
}
