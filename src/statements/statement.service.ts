/**
 * Statements on land-use plans as stored objects: created, changed, read and deleted by planners
 * (the caller has checked `statements.edit`) and computed on demand (statement.compute.ts); the
 * document is made in statement.document.ts.
 */
import type { User } from '../auth/auth.schema.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { statementMessages } from './messages.ts';
import { DEFAULT_PROFILE_KEY } from './occupancy.defaults.ts';
import { requireProfile } from './occupancy.service.ts';
import { readPlanAreaJson } from './plan-area.ts';
import { checkDwellings, computeStatement, type StatementInput } from './statement.compute.ts';
import * as repo from './statement.repository.ts';
import type {
  CreateStatementBody,
  Statement,
  StatementResult,
  UpdateStatementBody,
} from './statement.schema.ts';

/** @throws statements.not_found (404) */
export async function requireStatement(db: Db, id: number): Promise<Statement> {
  const s = await repo.findStatement(db, id);
  if (!s) throw notFound('statements.not_found', statementMessages.notFound(id), { id });
  return s;
}

export async function listStatements(db: Db) {
  return (await repo.listStatements(db)).map((s) => ({
    id: s.id,
    name: s.name,
    planNumber: s.planNumber,
    areaM2: s.areaM2,
    profile: s.profile,
    createdAt: s.createdAt,
    updatedAt: s.updatedAt,
    dwellings: s.dwellings.reduce((sum, d) => sum + d.count, 0),
  }));
}

/** The values to store from a body: the plan area read and converted, the dwellings checked. */
async function valuesOf(db: Db, body: CreateStatementBody): Promise<repo.StatementValues> {
  const plan = readPlanAreaJson(body.planArea, { crs: body.crs });
  const profile = body.profile ?? DEFAULT_PROFILE_KEY;
  checkDwellings(body.dwellings, await requireProfile(db, profile));
  return {
    name: body.name,
    planNumber: body.planNumber ?? '',
    geometry: plan.geometry,
    areaM2: plan.areaM2,
    crs: plan.crs,
    dwellings: body.dwellings,
    profile,
    level: body.level ?? null,
    notes: body.notes ?? '',
  };
}

export async function createStatement(db: Db, body: CreateStatementBody, userId: number | null) {
  const id = await repo.insertStatement(db, await valuesOf(db, body), userId);
  return requireStatement(db, id);
}

/** Changes the fields given; a new plan area is read as on creation. */
export async function updateStatement(db: Db, id: number, body: UpdateStatementBody, userId: number | null) {
  const s = await requireStatement(db, id);
  if (body.crs !== undefined && body.planArea === undefined)
    throw badRequest(
      'statements.crs_without_area',
      'Ein Koordinatensystem gilt nur zusammen mit einem neuen Plangebiet.',
    );
  const values = await valuesOf(db, {
    name: body.name ?? s.name,
    planNumber: body.planNumber ?? s.planNumber,
    planArea: body.planArea ?? s.planArea,
    crs: body.planArea ? body.crs : undefined,
    dwellings: body.dwellings ?? s.dwellings,
    profile: body.profile ?? s.profile,
    level: body.level === undefined ? (s.level ?? undefined) : (body.level ?? undefined),
    notes: body.notes ?? s.notes,
  });
  // a stored plan area keeps the CRS it came in
  if (!body.planArea) values.crs = s.crs;
  await repo.updateStatement(db, id, values, userId);
  return requireStatement(db, id);
}

export async function deleteStatement(db: Db, id: number) {
  if (!(await repo.deleteStatement(db, id)))
    throw notFound('statements.not_found', statementMessages.notFound(id), { id });
}

export const inputOf = (s: Statement): StatementInput => ({
  id: s.id,
  name: s.name,
  planNumber: s.planNumber,
  geometry: s.planArea as StatementInput['geometry'],
  areaM2: s.areaM2,
  crs: s.crs,
  dwellings: s.dwellings,
  profile: s.profile,
  level: s.level,
  notes: s.notes,
});

/** The computation of a stored statement. */
export async function statementResult(db: Db, user: User, id: number): Promise<StatementResult> {
  return computeStatement(db, user, inputOf(await requireStatement(db, id)));
}

/** A statement computed without storing it (the CLI, a preview). */
export async function computeUnstored(
  db: Db,
  user: User,
  body: CreateStatementBody,
): Promise<StatementResult> {
  const v = await valuesOf(db, body);
  return computeStatement(db, user, {
    id: null,
    ...v,
  });
}
