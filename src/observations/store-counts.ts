/**
 * Stores imported counts as the current version of each (variable, Stichtag) on a level, in the
 * caller's transaction. What they replace is copied to observation_history first, so a
 * re-import keeps the previous version (who, when, which file: via data_source).
 */
import { importError } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import type { ValueStatus } from '../indicators/indicator.schema.ts';
import { insertObservations, upsertVariables } from './observation.repository.ts';

export interface CountRecord {
  areaKey: string;
  date: string;
  variable: string;
  breakdown: string;
  value: number | null;
  status: ValueStatus;
}

export interface StoreResult {
  stored: number;
  replaced: number;
  variables: string[];
  dates: string[];
}

export async function storeCounts(
  tx: Db,
  opts: { levelKey: string; sourceId: number; fileName: string; variableNames?: Record<string, string> },
  records: CountRecord[],
): Promise<StoreResult> {
  const areas = await tx.query<{ id: number; key: string }>(
    `SELECT a.id, a.key FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = $1 AND a.valid_to IS NULL`,
    [opts.levelKey],
  );
  const areaIds = new Map(areas.map((a) => [a.key, a.id]));
  const variables = [...new Set(records.map((r) => r.variable))];
  const existing = new Set(
    (
      await tx.query<{ key: string }>('SELECT key FROM variable WHERE key = ANY($1::text[])', [variables])
    ).map((r) => r.key),
  );
  const varIds = await upsertVariables(
    tx,
    variables
      .filter((v) => !existing.has(v))
      .map((v) => ({
        key: v,
        name: opts.variableNames?.[v] ?? v,
        unit: 'Personen',
        description: `Importiert aus ${opts.fileName}`,
      })),
  );
  for (const r of await tx.query<{ id: number; key: string }>(
    'SELECT id, key FROM variable WHERE key = ANY($1::text[])',
    [variables],
  ))
    varIds.set(r.key, r.id);
  const dates = [...new Set(records.map((r) => r.date))].sort();
  const ids = [...varIds.values()];
  const levelAreaIds = [...areaIds.values()];
  // History first, then replace: the whole (variable, Stichtag) slice of this level.
  await tx.query(
    `INSERT INTO observation_history (variable_id, area_id, ref_date, breakdown, value, status, source_id, replaced_by)
     SELECT variable_id, area_id, ref_date, breakdown, value, status, source_id, $4
       FROM observation WHERE variable_id = ANY($1::int[]) AND ref_date = ANY($2::date[]) AND area_id = ANY($3::int[])`,
    [ids, dates, levelAreaIds, opts.sourceId],
  );
  const deleted = await tx.query(
    `DELETE FROM observation WHERE variable_id = ANY($1::int[]) AND ref_date = ANY($2::date[]) AND area_id = ANY($3::int[])
     RETURNING 1`,
    [ids, dates, levelAreaIds],
  );
  const rows = records.map((r) => {
    const areaId = areaIds.get(r.areaKey);
    if (areaId === undefined)
      throw importError(
        'unknown_area_key',
        `${opts.fileName}: Gebiet „${r.areaKey}“ gibt es auf der Ebene „${opts.levelKey}“ nicht.`,
      );
    return {
      variableId: varIds.get(r.variable)!,
      areaId,
      date: r.date,
      breakdown: r.breakdown,
      value: r.value,
      status: r.status,
      sourceId: opts.sourceId,
    };
  });
  await insertObservations(tx, rows);
  return { stored: rows.length, replaced: deleted.length, variables, dates };
}
