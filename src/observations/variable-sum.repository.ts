/** SQL for variables defined as sums (table variable_sum) and their materialised observations. */
import type { Db } from '../db/db.ts';

export interface VariableRow {
  id: number;
  key: string;
  name: string;
  unit: string;
  description: string;
}

export async function findVariables(db: Db, keys: readonly string[]): Promise<Map<string, VariableRow>> {
  const rows = await db.query<VariableRow & Record<string, unknown>>(
    'SELECT id, key, name, unit, description FROM variable WHERE key = ANY($1::text[])',
    [keys],
  );
  return new Map(rows.map((r) => [r.key, r]));
}

/** Every sum definition: variable key → term keys in the order written. */
export async function loadSumDefinitions(db: Db): Promise<Map<string, string[]>> {
  const rows = await db.query<{ key: string; term: string }>(
    `SELECT v.key, t.key AS term FROM variable_sum s
       JOIN variable v ON v.id = s.variable_id JOIN variable t ON t.id = s.term_variable_id
      ORDER BY v.key, s.position`,
  );
  const defs = new Map<string, string[]>();
  for (const r of rows) defs.set(r.key, [...(defs.get(r.key) ?? []), r.term]);
  return defs;
}

export async function replaceSumDefinition(db: Db, variableId: number, termIds: number[]): Promise<void> {
  await db.query('DELETE FROM variable_sum WHERE variable_id = $1', [variableId]);
  await db.query(
    `INSERT INTO variable_sum (variable_id, term_variable_id, position)
     SELECT $1, t, p FROM unnest($2::int[]) WITH ORDINALITY AS x(t, p)`,
    [variableId, termIds],
  );
}

export async function deleteSumDefinition(db: Db, variableId: number): Promise<boolean> {
  return (
    (await db.query('DELETE FROM variable_sum WHERE variable_id = $1 RETURNING 1', [variableId])).length > 0
  );
}

/** Number of values (totals and breakdowns) a variable has, `missing` cells not counted. */
export async function countValues(db: Db, variableId: number): Promise<number> {
  const [row] = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM observation WHERE variable_id = $1 AND status <> 'missing'`,
    [variableId],
  );
  return row?.n ?? 0;
}

/** Values (totals, `missing` not counted) per variable key, for all variables. */
export async function countTotalsByVariable(db: Db): Promise<Map<string, number>> {
  const rows = await db.query<{ key: string; n: number }>(
    `SELECT v.key, count(o.*)::int AS n FROM variable v
       LEFT JOIN observation o ON o.variable_id = v.id AND o.breakdown = '' AND o.status <> 'missing'
      GROUP BY v.key`,
  );
  return new Map(rows.map((r) => [r.key, r.n]));
}

/**
 * Replaces the observations of sum variable `variableId` (on `dates`, or all Stichtage when null)
 * by the sums of its terms: per area, Stichtag and breakdown where every term has a cell. The
 * sum is secret when a term is secret, missing when a term is missing, estimated when a term is
 * estimated; its source is the latest delivery among the terms.
 * @returns the number of cells written
 */
export async function recomputeSum(
  db: Db,
  variableId: number,
  termIds: number[],
  dates: readonly string[] | null,
): Promise<number> {
  await db.query(
    `DELETE FROM observation WHERE variable_id = $1 AND ($2::date[] IS NULL OR ref_date = ANY($2::date[]))`,
    [variableId, dates],
  );
  const rows = await db.query(
    `INSERT INTO observation (variable_id, area_id, ref_date, breakdown, value, status, source_id)
     SELECT $1, o.area_id, o.ref_date, o.breakdown,
            CASE WHEN bool_and(o.status IN ('value', 'estimated')) THEN sum(o.value) END,
            CASE WHEN bool_or(o.status = 'secret') THEN 'secret'
                 WHEN bool_or(o.status = 'missing') THEN 'missing'
                 WHEN bool_or(o.status = 'estimated') THEN 'estimated'
                 ELSE 'value' END,
            max(o.source_id)
       FROM observation o
      WHERE o.variable_id = ANY($2::int[]) AND ($3::date[] IS NULL OR o.ref_date = ANY($3::date[]))
      GROUP BY o.area_id, o.ref_date, o.breakdown
     HAVING count(*) = $4
     RETURNING 1`,
    [variableId, termIds, dates, termIds.length],
  );
  return rows.length;
}

export async function deleteObservationsOf(db: Db, variableId: number): Promise<void> {
  await db.query('DELETE FROM observation WHERE variable_id = $1', [variableId]);
}

export async function insertVariable(
  db: Db,
  v: { key: string; name: string; unit: string; description: string },
): Promise<VariableRow> {
  await db.query(
    `INSERT INTO variable (key, name, unit, description) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING`,
    [v.key, v.name, v.unit, v.description],
  );
  const row = (await findVariables(db, [v.key])).get(v.key);
  return row!;
}

export async function updateVariableName(
  db: Db,
  id: number,
  name: string,
  description: string,
): Promise<void> {
  await db.query('UPDATE variable SET name = $2, description = $3 WHERE id = $1', [id, name, description]);
}
