/**
 * Norms (Richtwerte) as data with a history: listing the versions valid at a day, creating a
 * norm, changing it from a day on (the previous version stays, closed at that day), and the
 * built-in defaults. The public sees published norms only.
 */
import type { User } from '../auth/auth.schema.ts';
import { LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { requireType, today } from '../facilities/facility.service.ts';
import { seesUnprotected } from '../indicators/indicator.service.ts';
import { existingVariables } from '../observations/observation.repository.ts';
import * as repo from './norm.repository.ts';
import type { Catchment, CreateNormBody, Norm, UpdateNormBody } from './norm.schema.ts';
import { coverageMessages } from './messages.ts';
import { findMatrix } from './matrix.repository.ts';

/** Whether a version holds at `date` (valid_from inclusive, valid_to exclusive). */
export const holdsAt = (v: Pick<Norm, 'validFrom' | 'validTo'>, date: string) =>
  (v.validFrom === null || v.validFrom <= date) && (v.validTo === null || v.validTo > date);

/** The version of `versions` (one norm) valid at `date`, or null. */
export const versionAt = (versions: readonly Norm[], date: string): Norm | null =>
  versions.find((v) => holdsAt(v, date)) ?? null;

/** Each norm's version valid at `date` (default today); the public gets the published ones. */
export async function listNorms(db: Db, user: User | null, date = today()): Promise<Norm[]> {
  const all = await repo.listVersions(db);
  const unprotected = seesUnprotected(user);
  return all.filter((v) => holdsAt(v, date) && (unprotected || v.published));
}

/**
 * Every version of the norm `key` (oldest first); the public only a norm with a published
 * version, and only its published versions.
 * @throws coverage.unknown_norm (404)
 */
export async function normVersions(db: Db, key: string, user: User | null): Promise<Norm[]> {
  const versions = (await repo.listVersions(db, key)).filter((v) => seesUnprotected(user) || v.published);
  if (versions.length > 0) return versions;
  const known = (await listNorms(db, user)).map((n) => n.key);
  throw notFound('coverage.unknown_norm', coverageMessages.unknownNorm(key, known), { norm: key });
}

/** The norm with its history: the version valid today (else the latest) and every version. */
export async function showNorm(db: Db, key: string, user: User | null) {
  const history = await normVersions(db, key, user);
  const current = versionAt(history, today()) ?? history.at(-1)!;
  return { ...current, history };
}

/** Refuses variables that do not exist, weights that do not match them and missing matrices. */
async function checkInputs(
  db: Db,
  facilityType: string,
  demand: string[],
  catchment: Catchment,
  weights?: readonly number[],
) {
  await requireType(db, facilityType);
  if (weights && weights.length !== demand.length)
    throw new LagebildError(
      'coverage.weights_length',
      coverageMessages.weightsLength(weights.length, demand.length),
      400,
      { weights: weights.length, demand: demand.length },
    );
  const present = await existingVariables(db, demand);
  const missing = demand.filter((v) => !present.has(v));
  if (missing.length)
    throw new LagebildError('coverage.unknown_variables', coverageMessages.unknownVariables(missing), 400, {
      variables: missing,
    });
  if (catchment.kind === 'fca' && catchment.costs) {
    const matrix = await findMatrix(db, catchment.costs.matrix);
    if (!matrix)
      throw notFound('coverage.unknown_matrix', coverageMessages.unknownMatrix(catchment.costs.matrix));
    if (matrix.facilityType !== facilityType)
      throw new LagebildError(
        'coverage.matrix_type',
        coverageMessages.matrixType(matrix.name, matrix.facilityType, facilityType),
        400,
      );
  }
}

/** Creates a norm from `validFrom` (default: since always). */
export async function createNorm(db: Db, input: CreateNormBody, userId: number | null): Promise<Norm> {
  const catchment = input.catchment ?? { kind: 'area' };
  return db.transaction(async (tx) => {
    if ((await repo.listVersions(tx, input.key)).length > 0)
      throw new LagebildError('coverage.norm_exists', coverageMessages.normExists(input.key), 409, {
        norm: input.key,
      });
    await checkInputs(tx, input.facilityType, input.demand, catchment, input.weights);
    await repo.insertVersion(tx, {
      key: input.key,
      facilityType: input.facilityType,
      name: input.name,
      demand: input.demand,
      weights: input.weights,
      factor: input.factor,
      supplyProperty: input.supplyProperty ?? null,
      catchment,
      source: input.source ?? '',
      description: input.description ?? '',
      published: input.published ?? true,
      validFrom: input.validFrom ?? null,
      recordedBy: userId,
    });
    return (await repo.listVersions(tx, input.key)).at(-1)!;
  });
}

/**
 * Changes a norm from `validFrom` (default today): the open version ends there and a new one
 * with the changes starts. A change from the day the open version starts corrects it instead.
 * Nothing changed: the open version as it is.
 */
export async function changeNorm(
  db: Db,
  key: string,
  changes: UpdateNormBody,
  userId: number | null,
): Promise<Norm> {
  const validFrom = changes.validFrom ?? today();
  return db.transaction(async (tx) => {
    const open = await repo.lockOpenVersion(tx, key);
    if (!open) {
      const known = await repo.normKeys(tx);
      throw notFound('coverage.unknown_norm', coverageMessages.unknownNorm(key, known), { norm: key });
    }
    const demand = changes.demand ?? open.demand;
    // a new list of variables without weights counts each once; the old weights were for the old list
    const weights = changes.weights ?? (changes.demand ? demand.map(() => 1) : open.weights);
    const next: repo.NewNormVersion & { weights: readonly number[]; supplyProperty: string | null } = {
      key,
      facilityType: changes.facilityType ?? open.facilityType,
      name: changes.name ?? open.name,
      demand,
      weights,
      factor: changes.factor ?? open.factor,
      supplyProperty: changes.supplyProperty === undefined ? open.supplyProperty : changes.supplyProperty,
      catchment: changes.catchment ?? open.catchment,
      source: changes.source ?? open.source,
      description: changes.description ?? open.description,
      published: changes.published ?? open.published,
      validFrom: open.validFrom,
      recordedBy: userId,
    };
    const same =
      next.facilityType === open.facilityType &&
      next.name === open.name &&
      JSON.stringify(next.demand) === JSON.stringify(open.demand) &&
      JSON.stringify(next.weights) === JSON.stringify(open.weights) &&
      next.factor === open.factor &&
      next.supplyProperty === open.supplyProperty &&
      JSON.stringify(next.catchment) === JSON.stringify(open.catchment) &&
      next.source === open.source &&
      next.description === open.description &&
      next.published === open.published;
    if (same) return open;
    await checkInputs(tx, next.facilityType, next.demand, next.catchment, next.weights);
    if (open.validFrom !== null && open.validFrom >= validFrom) {
      if (open.validFrom > validFrom)
        throw new LagebildError(
          'coverage.norm_start_taken',
          coverageMessages.normStartTaken(key, open.validFrom),
          409,
          { norm: key, validFrom: open.validFrom },
        );
      await repo.correctVersion(tx, open.id, next);
      return (await repo.listVersions(tx, key)).find((v) => v.id === open.id)!;
    }
    await repo.closeVersion(tx, open.id, validFrom);
    const id = await repo.insertVersion(tx, { ...next, validFrom });
    return (await repo.listVersions(tx, key)).find((v) => v.id === id)!;
  });
}
