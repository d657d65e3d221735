/**
 * Travel-cost matrices: imported from a routing tool's long-form CSV (matrix-file.ts), checked
 * against the areas of a level (origins) and the facilities of a type (destinations), stored in
 * one transaction. Lagebild does not route itself; floating catchments use the matrix instead of
 * straight lines when a norm names it (`catchment.costs.matrix`).
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import * as areaRepo from '../areas/area.repository.ts';
import { requireLevel } from '../areas/area.service.ts';
import { importError, LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import * as facilityRepo from '../facilities/facility.repository.ts';
import { requireType } from '../facilities/facility.service.ts';
import type { ImportMatrixResult } from './coverage.schema.ts';
import { readCostMatrix, type MatrixColumns } from './matrix-file.ts';
import * as repo from './matrix.repository.ts';
import { coverageMessages } from './messages.ts';

export interface ImportMatrixInput {
  name: string;
  level: string;
  type: string;
  unit?: string | undefined;
  columns?: MatrixColumns;
  /** The file's bytes and name, or a path to read. */
  file: { name: string; data: Uint8Array } | { path: string };
  userId: number | null;
}

/**
 * Imports a matrix: every origin must be an area of the level (else refused); destinations that
 * are no facility of the type are dropped with a warning (a routing tool may list more).
 * @throws import.matrix_invalid, import.matrix_unknown_origins (422), coverage.matrix_exists (409)
 */
export async function importMatrix(db: Db, input: ImportMatrixInput): Promise<ImportMatrixResult> {
  const file =
    'path' in input.file
      ? { name: basename(input.file.path), data: new Uint8Array(await readFile(input.file.path)) }
      : input.file;
  await requireLevel(db, input.level);
  await requireType(db, input.type);
  const rows = readCostMatrix(file.data, file.name, input.columns);
  const areas = new Set((await areaRepo.listAreas(db, input.level)).map((a) => a.key));
  const unknownOrigins = [...new Set(rows.origin.filter((o) => !areas.has(o)))];
  if (unknownOrigins.length)
    throw importError(
      'matrix_unknown_origins',
      coverageMessages.unknownOrigins(file.name, input.level, unknownOrigins),
      { file: file.name, origins: unknownOrigins.slice(0, 100) },
    );
  const facilities = new Set((await facilityRepo.versionsOfType(db, input.type)).map((v) => v.key));
  const keep = rows.destination.map((d) => facilities.has(d));
  const unknownDestinations = [...new Set(rows.destination.filter((_, i) => !keep[i]))];
  if (rows.destination.length > 0 && unknownDestinations.length === new Set(rows.destination).size)
    throw importError('matrix_no_destination', coverageMessages.noKnownDestination(file.name, input.type), {
      file: file.name,
    });
  const warnings = unknownDestinations.length
    ? [coverageMessages.unknownDestinations(file.name, input.type, unknownDestinations)]
    : [];
  const pick = <T>(xs: T[]) => xs.filter((_, i) => keep[i]);
  const id = await db.transaction(async (tx) => {
    if (await repo.findMatrixByName(tx, input.name))
      throw new LagebildError('coverage.matrix_exists', coverageMessages.matrixExists(input.name), 409, {
        matrix: input.name,
      });
    return repo.insertMatrix(
      tx,
      {
        name: input.name,
        level: input.level,
        facilityType: input.type,
        unit: input.unit ?? 'm',
        fileName: file.name,
        userId: input.userId,
      },
      { origin: pick(rows.origin), destination: pick(rows.destination), cost: pick(rows.cost) },
    );
  });
  return { ...(await repo.findMatrix(db, id))!, columns: rows.columns, warnings };
}

export const listMatrices = (db: Db) => repo.listMatrices(db);

/** Deletes a matrix that no norm uses. */
export async function deleteMatrix(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const m = await repo.findMatrix(tx, id);
    if (!m) throw notFound('coverage.unknown_matrix', coverageMessages.unknownMatrix(id), { id });
    const using = await repo.normsUsingMatrix(tx, id);
    if (using.length)
      throw new LagebildError('coverage.matrix_in_use', coverageMessages.matrixInUse(m.name, using), 409, {
        norms: using,
      });
    await repo.deleteMatrix(tx, id);
  });
}
