/** SQL for count series (variables) and their observations. */
import type { Cell, ValueStatus } from '../core/value-status.ts';
import type { Db } from '../db/db.ts';

export interface NewObservation {
  variableId: number;
  areaId: number;
  date: string;
  breakdown: string;
  value: number | null;
  status: ValueStatus;
  sourceId: number;
}

export async function upsertVariables(
  db: Db,
  vars: { key: string; name: string; unit: string; description: string }[],
): Promise<Map<string, number>> {
  const rows = await db.query<{ id: number; key: string }>(
    `INSERT INTO variable (key, name, unit, description)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (key) DO UPDATE SET name = excluded.name, unit = excluded.unit, description = excluded.description
     RETURNING id, key`,
    [
      vars.map((v) => v.key),
      vars.map((v) => v.name),
      vars.map((v) => v.unit),
      vars.map((v) => v.description),
    ],
  );
  return new Map(rows.map((r) => [r.key, r.id]));
}

/**
 * Creates the variables that do not exist yet and returns the ids of all of them. Safe when
 * several imports create the same variables at once (one PostgreSQL, several processes): an
 * existing key is left as it is (ON CONFLICT DO NOTHING waits for a concurrent insert of that key
 * to commit), and the keys go in sorted, so two imports lock them in the same order and cannot
 * deadlock.
 */
export async function insertMissingVariables(
  db: Db,
  vars: { key: string; name: string; unit: string; description: string }[],
): Promise<Map<string, number>> {
  const sorted = [...new Map(vars.map((v) => [v.key, v])).values()].sort((a, b) =>
    a.key < b.key ? -1 : a.key > b.key ? 1 : 0,
  );
  await db.query(
    `INSERT INTO variable (key, name, unit, description)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
     ON CONFLICT (key) DO NOTHING`,
    [
      sorted.map((v) => v.key),
      sorted.map((v) => v.name),
      sorted.map((v) => v.unit),
      sorted.map((v) => v.description),
    ],
  );
  const rows = await db.query<{ id: number; key: string }>(
    'SELECT id, key FROM variable WHERE key = ANY($1::text[])',
    [sorted.map((v) => v.key)],
  );
  return new Map(rows.map((r) => [r.key, r.id]));
}

const CHUNK = 20000;

/**
 * Bulk insert through unnest of parallel arrays, in chunks: one round trip per 20,000 rows on
 * both engines. Existing rows for the same key are replaced.
 */
export async function insertObservations(db: Db, rows: NewObservation[]): Promise<number> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const c = rows.slice(i, i + CHUNK);
    await db.query(
      `INSERT INTO observation (variable_id, area_id, ref_date, breakdown, value, status, source_id)
       SELECT * FROM unnest($1::int[], $2::int[], $3::date[], $4::text[], $5::float8[], $6::text[], $7::int[])
       ON CONFLICT (variable_id, area_id, ref_date, breakdown)
       DO UPDATE SET value = excluded.value, status = excluded.status, source_id = excluded.source_id`,
      [
        c.map((r) => r.variableId),
        c.map((r) => r.areaId),
        c.map((r) => r.date),
        c.map((r) => r.breakdown),
        c.map((r) => r.value),
        c.map((r) => r.status),
        c.map((r) => r.sourceId),
      ],
    );
  }
  return rows.length;
}

const csvText = (s: string) => `"${s.replace(/"/g, '""')}"`;

/**
 * Appends observations that cannot exist yet (their slices were removed, or the database is
 * new): COPY where the engine offers it, else the same multi-row insert as above.
 */
export async function appendObservations(db: Db, rows: NewObservation[]): Promise<number> {
  if (!db.copyCsv) return insertObservations(db, rows);
  for (let i = 0; i < rows.length; i += 100_000) {
    const lines: string[] = [];
    for (const r of rows.slice(i, i + 100_000))
      lines.push(
        `${r.variableId},${r.areaId},${r.date},${csvText(r.breakdown)},${r.value ?? ''},${r.status},${r.sourceId}`,
      );
    await db.copyCsv(
      'observation',
      ['variable_id', 'area_id', 'ref_date', 'breakdown', 'value', 'status', 'source_id'],
      lines.join('\n'),
    );
  }
  return rows.length;
}

/** A variable as defined, without values. */
export interface VariableDefinition {
  key: string;
  name: string;
  unit: string;
  description: string;
}

/** Every variable's definition, by key. */
export async function listVariableDefinitions(db: Db): Promise<VariableDefinition[]> {
  return db.query<VariableDefinition & Record<string, unknown>>(
    'SELECT key, name, unit, description FROM variable ORDER BY key',
  );
}

/** The keys among `keys` that name a variable. */
export async function existingVariables(db: Db, keys: string[]): Promise<Set<string>> {
  const rows = await db.query<{ key: string }>('SELECT key FROM variable WHERE key = ANY($1::text[])', [
    keys,
  ]);
  return new Set(rows.map((r) => r.key));
}

/** Totals (breakdown '') of the given variables for all current areas and Stichtage. */
export async function loadTotals(
  db: Db,
  variableKeys: string[],
): Promise<Map<string, Map<string, Map<number, Cell>>>> {
  const rows = await db.query<{
    variable: string;
    area_id: number;
    ref_date: string;
    value: number | null;
    status: ValueStatus;
  }>(
    `SELECT v.key AS variable, o.area_id, o.ref_date, o.value, o.status
       FROM observation o JOIN variable v ON v.id = o.variable_id JOIN area a ON a.id = o.area_id
      WHERE v.key = ANY($1::text[]) AND o.breakdown = '' AND a.valid_to IS NULL`,
    [variableKeys],
  );
  // variable → date → area id → cell
  const out = new Map<string, Map<string, Map<number, Cell>>>();
  for (const r of rows) {
    let byDate = out.get(r.variable);
    if (!byDate) out.set(r.variable, (byDate = new Map<string, Map<number, Cell>>()));
    let byArea = byDate.get(r.ref_date);
    if (!byArea) byDate.set(r.ref_date, (byArea = new Map<number, Cell>()));
    byArea.set(r.area_id, { value: r.value, status: r.status });
  }
  return out;
}

/** Every Stichtag with observations, ascending. */
export async function listDates(db: Db): Promise<string[]> {
  // A skip scan over the date index: one index probe per Stichtag instead of reading every row.
  const rows = await db.query<{ d: string }>(
    `WITH RECURSIVE t AS (
       SELECT min(ref_date) AS d FROM observation
       UNION ALL
       SELECT (SELECT min(ref_date) FROM observation WHERE ref_date > t.d) FROM t WHERE t.d IS NOT NULL
     ) SELECT d FROM t WHERE d IS NOT NULL ORDER BY d`,
  );
  return rows.map((r) => r.d);
}

/**
 * The Datenstand: the latest Stichtag with population counts (`ew`). Pages open there rather than
 * at the latest date of any import — a single table delivered for a later year must not leave
 * every other indicator empty. Falls back to the latest Stichtag of any data.
 */
export async function currentDate(db: Db): Promise<string | null> {
  const [row] = await db.query<{ d: string | null }>(
    `SELECT max(o.ref_date) AS d FROM observation o JOIN variable v ON v.id = o.variable_id
      WHERE v.key = 'ew' AND o.breakdown = ''`,
  );
  return row?.d ?? (await listDates(db)).at(-1) ?? null;
}
