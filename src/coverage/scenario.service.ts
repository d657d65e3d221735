/**
 * Scenarios (Planungsvarianten): named sets of planned changes — openings, closures, capacity
 * changes, new residential quarters — that coverage shows beside the Bestand. Each change is
 * checked when it is added (the facility, the area and the variables must exist).
 */
import * as areaRepo from '../areas/area.repository.ts';
import { LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import * as facilityRepo from '../facilities/facility.repository.ts';
import { requireType } from '../facilities/facility.service.ts';
import { existingVariables } from '../observations/observation.repository.ts';
import { coverageMessages } from './messages.ts';
import * as repo from './scenario.repository.ts';
import type { CreateScenarioBody, Scenario, ScenarioChangeInput } from './scenario.schema.ts';

export const listScenarios = (db: Db): Promise<Scenario[]> => repo.listScenarios(db);

/** @throws coverage.unknown_scenario (404) */
export async function requireScenario(db: Db, name: string): Promise<Scenario> {
  const found = await repo.findScenario(db, name);
  if (found) return found;
  throw notFound(
    'coverage.unknown_scenario',
    coverageMessages.unknownScenario(name, await repo.scenarioNames(db)),
    {
      scenario: name,
    },
  );
}

async function checkChange(db: Db, c: ScenarioChangeInput): Promise<void> {
  if (c.kind === 'quarter') {
    if (!(await areaRepo.findArea(db, c.level, c.area)))
      throw notFound('coverage.unknown_area', coverageMessages.unknownArea(c.level, c.area), {
        level: c.level,
        area: c.area,
      });
    const vars = Object.keys(c.population);
    const present = await existingVariables(db, vars);
    const missing = vars.filter((v) => !present.has(v));
    if (missing.length)
      throw new LagebildError('coverage.unknown_variables', coverageMessages.unknownVariables(missing), 400, {
        variables: missing,
      });
    return;
  }
  await requireType(db, c.type);
  if (c.kind === 'opening') return;
  if ((await facilityRepo.versionsOf(db, c.type, c.facility)).length === 0)
    throw notFound('coverage.unknown_facility', coverageMessages.unknownFacility(c.type, c.facility), {
      type: c.type,
      facility: c.facility,
    });
}

/** Creates a scenario, with its first changes if given (all checked, all or nothing). */
export async function createScenario(
  db: Db,
  input: CreateScenarioBody,
  userId: number | null,
): Promise<Scenario> {
  return db.transaction(async (tx) => {
    for (const c of input.changes ?? []) await checkChange(tx, c);
    const id = await repo.insertScenario(tx, {
      name: input.name,
      description: input.description ?? '',
      userId,
    });
    if (!id)
      throw new LagebildError('coverage.scenario_exists', coverageMessages.scenarioExists(input.name), 409, {
        scenario: input.name,
      });
    await repo.insertChanges(tx, id, input.changes ?? []);
    return (await repo.findScenario(tx, input.name))!;
  });
}

/** Adds planned changes to a scenario. */
export async function addChanges(db: Db, name: string, changes: ScenarioChangeInput[]): Promise<Scenario> {
  return db.transaction(async (tx) => {
    const s = await requireScenario(tx, name);
    for (const c of changes) await checkChange(tx, c);
    await repo.insertChanges(tx, s.id, changes);
    return (await repo.findScenario(tx, name))!;
  });
}

export async function removeChange(db: Db, name: string, id: number): Promise<Scenario> {
  const s = await requireScenario(db, name);
  if (!(await repo.deleteChange(db, s.id, id)))
    throw notFound('coverage.unknown_change', coverageMessages.unknownChange(name, id), {
      scenario: name,
      id,
    });
  return (await repo.findScenario(db, name))!;
}

export async function deleteScenario(db: Db, name: string): Promise<void> {
  const s = await requireScenario(db, name);
  await repo.deleteScenario(db, s.id);
}
