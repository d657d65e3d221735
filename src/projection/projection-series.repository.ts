/** SQL of the stored projections (migration 016): runs with their assumptions, and their values. */
import type { Db } from '../db/db.ts';

export interface StoredRunRow {
  id: number;
  name: string;
  level: string;
  base: string;
  to_date: string;
  method: string;
  variant: string;
  control: { date: string; total: number }[] | null;
  variables: string[];
  min_population: number;
  published: boolean;
  created_at: string;
  created_by: string | null;
  [k: string]: unknown;
}

const RUN_COLUMNS = `p.id, p.name, l.key AS level, p.base::text AS base, p.to_date::text AS to_date,
  p.method, p.variant, p.control, p.variables, p.min_population, p.published,
  to_char(p.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at,
  u.display_name AS created_by`;
const RUN_FROM = `FROM projection p JOIN area_level l ON l.id = p.level_id
  LEFT JOIN app_user u ON u.id = p.created_by`;

/** Runs, newest first; only published ones when `publishedOnly`. */
export async function listRuns(db: Db, publishedOnly: boolean): Promise<StoredRunRow[]> {
  return db.query<StoredRunRow>(
    `SELECT ${RUN_COLUMNS} ${RUN_FROM} ${publishedOnly ? 'WHERE p.published' : ''} ORDER BY p.id DESC`,
  );
}

export async function findRun(db: Db, id: number): Promise<StoredRunRow | null> {
  const [row] = await db.query<StoredRunRow>(`SELECT ${RUN_COLUMNS} ${RUN_FROM} WHERE p.id = $1`, [id]);
  return row ?? null;
}

/** The newest published run: the one the atlas, profiles and reports show as „Prognose“. */
export async function latestPublishedRun(db: Db): Promise<StoredRunRow | null> {
  const [row] = await db.query<StoredRunRow>(
    `SELECT ${RUN_COLUMNS} ${RUN_FROM} WHERE p.published ORDER BY p.id DESC LIMIT 1`,
  );
  return row ?? null;
}

export interface NewRun {
  name: string;
  level: string;
  base: string;
  to: string;
  method: string;
  variant: string;
  control: { date: string; total: number }[] | null;
  variables: string[];
  minPopulation: number;
  published: boolean;
  createdBy: number | null;
}

/** Inserts the run and its values (area keys of the run's level) in the caller's transaction. */
export async function insertRun(
  db: Db,
  run: NewRun,
  rows: readonly { area: string; date: string; variable: string; value: number }[],
): Promise<number> {
  const [created] = await db.query<{ id: number }>(
    `INSERT INTO projection (name, level_id, base, to_date, method, variant, control, variables,
                             min_population, published, created_by)
     SELECT $1, l.id, $3::date, $4::date, $5, $6, $7::jsonb, $8::text[], $9, $10, $11
       FROM area_level l WHERE l.key = $2
     RETURNING id`,
    [
      run.name,
      run.level,
      run.base,
      run.to,
      run.method,
      run.variant,
      run.control === null ? null : JSON.stringify(run.control),
      run.variables,
      run.minPopulation,
      run.published,
      run.createdBy,
    ],
  );
  const id = created!.id;
  const areas = await db.query<{ id: number; key: string }>(
    `SELECT a.id, a.key FROM area a JOIN area_level l ON l.id = a.level_id
      WHERE l.key = $1 AND a.valid_to IS NULL`,
    [run.level],
  );
  const areaId = new Map(areas.map((a) => [a.key, a.id]));
  if (db.copyCsv) {
    // the embedded engine's bulk load: ids were just read in this transaction
    const lines = rows.map(
      (r) => `${id},${areaId.get(r.area)!},${r.date},"${r.variable.replace(/"/g, '""')}",${r.value}`,
    );
    await db.copyCsv(
      'projection_value',
      ['projection_id', 'area_id', 'ref_date', 'variable', 'value'],
      lines.join('\n'),
    );
    return id;
  }
  // else few large statements: 542 areas × 8 variables × 20 years are 87,000 rows
  const CHUNK = 20_000;
  for (let i = 0; i < rows.length; i += CHUNK) {
    const part = rows.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO projection_value (projection_id, area_id, ref_date, variable, value)
       SELECT $1, v.area, v.d, v.var, v.val
         FROM unnest($2::int[], $3::date[], $4::text[], $5::int[]) AS v(area, d, var, val)`,
      [
        id,
        part.map((r) => areaId.get(r.area)!),
        part.map((r) => r.date),
        part.map((r) => r.variable),
        part.map((r) => r.value),
      ],
    );
  }
  return id;
}

export async function setPublished(db: Db, id: number, published: boolean): Promise<boolean> {
  const rows = await db.query<{ id: number }>(
    'UPDATE projection SET published = $2 WHERE id = $1 RETURNING id',
    [id, published],
  );
  return rows.length > 0;
}

export async function deleteRun(db: Db, id: number): Promise<boolean> {
  const rows = await db.query<{ id: number }>('DELETE FROM projection WHERE id = $1 RETURNING id', [id]);
  return rows.length > 0;
}

export interface RunValueRow {
  area_id: number;
  ref_date: string;
  variable: string;
  value: number;
  [k: string]: unknown;
}

/** Every value of a run. */
export async function runValues(db: Db, id: number): Promise<RunValueRow[]> {
  return db.query<RunValueRow>(
    `SELECT area_id, ref_date::text AS ref_date, variable, value FROM projection_value
      WHERE projection_id = $1`,
    [id],
  );
}
