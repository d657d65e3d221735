/** SQL of scenarios and their changes (migration 011). */
import type { Db } from '../db/db.ts';
import type { Scenario, ScenarioChange, ScenarioChangeInput } from './scenario.schema.ts';

interface ScenarioRow {
  id: number;
  name: string;
  description: string;
  createdAt: string;
  [k: string]: unknown;
}

const SELECT = `SELECT id, name, description,
         to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS "createdAt"
    FROM scenario`;

async function changesOf(db: Db, ids: number[]): Promise<Map<number, ScenarioChange[]>> {
  const rows = await db.query<{ id: number; scenario_id: number; change: ScenarioChangeInput }>(
    'SELECT id, scenario_id, change FROM scenario_change WHERE scenario_id = ANY($1::int[]) ORDER BY id',
    [ids],
  );
  const out = new Map<number, ScenarioChange[]>();
  for (const r of rows) {
    const list = out.get(r.scenario_id) ?? [];
    list.push({ ...r.change, id: r.id });
    out.set(r.scenario_id, list);
  }
  return out;
}

export async function listScenarios(db: Db): Promise<Scenario[]> {
  const rows = await db.query<ScenarioRow>(`${SELECT} ORDER BY name`);
  const changes = await changesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, changes: changes.get(r.id) ?? [] }));
}

export async function findScenario(db: Db, name: string): Promise<Scenario | null> {
  const [row] = await db.query<ScenarioRow>(`${SELECT} WHERE name = $1`, [name]);
  if (!row) return null;
  return { ...row, changes: (await changesOf(db, [row.id])).get(row.id) ?? [] };
}

export async function insertScenario(
  db: Db,
  s: { name: string; description: string; userId: number | null },
): Promise<number> {
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO scenario (name, description, created_by) VALUES ($1, $2, $3)
     ON CONFLICT (name) DO NOTHING RETURNING id`,
    [s.name, s.description, s.userId],
  );
  return row?.id ?? 0;
}

export async function insertChanges(db: Db, scenarioId: number, changes: readonly ScenarioChangeInput[]) {
  if (changes.length === 0) return;
  await db.query(
    `INSERT INTO scenario_change (scenario_id, kind, change)
     SELECT $1, k, c::jsonb FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS t(k, c, n) ORDER BY n`,
    [scenarioId, changes.map((c) => c.kind), changes.map((c) => JSON.stringify(c))],
  );
}

/** @returns whether the change existed */
export async function deleteChange(db: Db, scenarioId: number, id: number): Promise<boolean> {
  const rows = await db.query('DELETE FROM scenario_change WHERE scenario_id = $1 AND id = $2 RETURNING id', [
    scenarioId,
    id,
  ]);
  return rows.length > 0;
}

export async function deleteScenario(db: Db, id: number): Promise<void> {
  await db.query('DELETE FROM scenario WHERE id = $1', [id]);
}

export async function scenarioNames(db: Db): Promise<string[]> {
  return (await db.query<{ name: string }>('SELECT name FROM scenario ORDER BY name')).map((r) => r.name);
}
