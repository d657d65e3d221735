/**
 * Stores imported counts as the current version of each (variable, Stichtag) on a level, in the
 * caller's transaction. What they replace is copied to observation_history first, so a
 * re-import keeps the previous version (who, when, which file: via data_source).
 */
import { importError } from '../core/errors.ts';
import type { ValueStatus } from '../core/value-status.ts';
import type { Db } from '../db/db.ts';
import { appendObservations, insertMissingVariables } from './observation.repository.ts';
import { assertNotSums, refreshSums } from './variable.service.ts';

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

/**
 * Resolves area ids of a level and variable ids (creating unknown variables).
 * @throws import.sum_variable when a variable is defined as a sum (its values are computed)
 */
export async function prepareStore(
  tx: Db,
  opts: { levelKey: string; fileName: string; variableNames?: Record<string, string> },
  variables: string[],
) {
  const areas = await tx.query<{ id: number; key: string }>(
    `SELECT a.id, a.key FROM area a JOIN area_level l ON l.id = a.level_id WHERE l.key = $1 AND a.valid_to IS NULL`,
    [opts.levelKey],
  );
  const areaIds = new Map(areas.map((a) => [a.key, a.id]));
  await assertNotSums(tx, variables, opts.fileName);
  const varIds = await insertMissingVariables(
    tx,
    variables.map((v) => ({
      key: v,
      name: opts.variableNames?.[v] ?? v,
      unit: 'Personen',
      description: `Importiert aus ${opts.fileName}`,
    })),
  );
  return { areaIds, varIds };
}

/**
 * Moves the current values of (variables × Stichtage) on the level's areas to history and
 * removes them, so the new delivery becomes the current version. Returns how many were replaced.
 */
export async function replaceSlices(
  tx: Db,
  sourceId: number,
  varIds: number[],
  dates: string[],
  areaIds: number[],
): Promise<number> {
  await tx.query(
    `INSERT INTO observation_history (variable_id, area_id, ref_date, breakdown, value, status, source_id, replaced_by)
     SELECT variable_id, area_id, ref_date, breakdown, value, status, source_id, $4
       FROM observation WHERE variable_id = ANY($1::int[]) AND ref_date = ANY($2::date[]) AND area_id = ANY($3::int[])`,
    [varIds, dates, areaIds, sourceId],
  );
  const deleted = await tx.query(
    `DELETE FROM observation WHERE variable_id = ANY($1::int[]) AND ref_date = ANY($2::date[]) AND area_id = ANY($3::int[])
     RETURNING 1`,
    [varIds, dates, areaIds],
  );
  return deleted.length;
}

/** Converts records to rows of the prepared ids; an unknown area key refuses the import. */
export function toRows(
  records: CountRecord[],
  ids: { areaIds: Map<string, number>; varIds: Map<string, number> },
  opts: { levelKey: string; sourceId: number; fileName: string },
) {
  return records.map((r) => {
    const areaId = ids.areaIds.get(r.areaKey);
    if (areaId === undefined)
      throw importError(
        'unknown_area_key',
        `${opts.fileName}: Gebiet „${r.areaKey}“ gibt es auf der Ebene „${opts.levelKey}“ nicht.`,
      );
    return {
      variableId: ids.varIds.get(r.variable)!,
      areaId,
      date: r.date,
      breakdown: r.breakdown,
      value: r.value,
      status: r.status,
      sourceId: opts.sourceId,
    };
  });
}

/** All of it at once (small deliveries, microdata aggregates). */
export async function storeCounts(
  tx: Db,
  opts: { levelKey: string; sourceId: number; fileName: string; variableNames?: Record<string, string> },
  records: CountRecord[],
): Promise<StoreResult> {
  const variables = [...new Set(records.map((r) => r.variable))];
  const dates = [...new Set(records.map((r) => r.date))].sort();
  const ids = await prepareStore(tx, opts, variables);
  const replaced = await replaceSlices(tx, opts.sourceId, [...ids.varIds.values()], dates, [
    ...ids.areaIds.values(),
  ]);
  const rows = toRows(records, ids, opts);
  await appendObservations(tx, rows);
  await refreshSums(tx, variables, dates);
  return { stored: rows.length, replaced, variables, dates };
}
