/**
 * Measures and their goals (docs/methods.md §9.1): a tree of programmes, fields of action and
 * measures that moves through a workflow from idea to evaluation, with every change kept; goals on
 * indicators whose progress is read from the latest data as the reader may see them (planners
 * unprotected, everyone else disclosure-protected). The public sees decided measures only — the
 * accountability view: what was decided, by whom, status, progress and money.
 */
import { AREA_LINKS, linkedAreas, replaceLinkedAreas } from '../areas/area-links.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { can } from '../auth/policy.ts';
import { badRequest, LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { indicatorValues, requireIndicator } from '../indicators/indicator.service.ts';
import { findIndicator } from '../indicators/indicator.repository.ts';
import { currentDate } from '../observations/observation.repository.ts';
import type {
  Goal,
  HistoryEntry,
  Measure,
  MeasurePatch,
  NewGoal,
  NewMeasure,
  StatusChange,
} from './measure.schema.ts';
import * as repo from './measure.repository.ts';
import { ownMeasures } from './measure-scope.ts';
import { capped, goalProgress, isPublic, nextStatuses, rollUp, type Status } from './progress.ts';

const KIND_RANK: Record<string, number> = { programm: 0, handlungsfeld: 1, massnahme: 2 };

/** API field → column. */
const COLUMN: Record<string, string> = {
  parentId: 'parent_id',
  kind: 'kind',
  title: 'title',
  description: 'description',
  weight: 'weight',
  organisation: 'organisation',
  funding: 'funding',
  budgetPlanned: 'budget_planned',
  budgetSpent: 'budget_spent',
  startDate: 'start_date',
  endDate: 'end_date',
  output: 'output',
  outcome: 'outcome',
  impact: 'impact',
  milestones: 'milestones',
};

const sees = (user: User | null) => can(user, 'data.readUnpublished');

const missing = (id: number) =>
  notFound('measures.not_found', `Die Maßnahme Nr. ${id} gibt es nicht.`, { id });

/**
 * Every measure the reader may see, with goals and rolled-up progress; for the public only decided
 * ones, each hung under its nearest visible ancestor.
 */
export async function listMeasures(db: Db, user: User | null): Promise<Measure[]> {
  const [rows, areas, goals] = await Promise.all([
    repo.listMeasures(db),
    linkedAreas(db, AREA_LINKS.measure),
    repo.listGoals(db),
  ]);
  const goalsOf = await presentGoals(db, user, goals);
  const progress = rollUp(
    rows.map((r) => {
      const own = goalsOf.get(r.id)?.filter((g) => g.progress !== null) ?? [];
      return {
        id: r.id,
        parentId: r.parent_id,
        weight: r.weight,
        own: own.length ? own.reduce((s, g) => s + capped(g.progress!), 0) / own.length : null,
      };
    }),
  );
  // a scoped planner also reads the undecided measures inside their municipality
  const own = sees(user) ? null : await ownMeasures(db, user);
  const seesRow = (r: { id: number; status: string }) =>
    sees(user) || isPublic(r.status as Status) || !!own?.has(r.id);
  const visible = rows.filter(seesRow);
  const shown = new Set(visible.map((r) => r.id));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const visibleParent = (id: number | null): number | null => {
    for (let p = id; p !== null; p = byId.get(p)?.parent_id ?? null) if (shown.has(p)) return p;
    return null;
  };
  return visible.map((r) => ({
    id: r.id,
    parentId: visibleParent(r.parent_id),
    kind: r.kind as Measure['kind'],
    title: r.title,
    description: r.description,
    status: r.status as Status,
    nextStatuses: sees(user) || own?.has(r.id) ? nextStatuses(r.status as Status) : [],
    weight: r.weight,
    organisation: r.organisation,
    funding: r.funding,
    budgetPlanned: r.budget_planned,
    budgetSpent: r.budget_spent,
    startDate: r.start_date,
    endDate: r.end_date,
    decision: r.decision,
    output: r.output,
    outcome: r.outcome,
    impact: r.impact,
    milestones: r.milestones,
    areas: areas.filter((a) => a.owner_id === r.id).map(({ level, key, name }) => ({ level, key, name })),
    goals: goalsOf.get(r.id) ?? [],
    progress: progress.get(r.id) ?? null,
    updatedAt: r.updated_at,
  }));
}

/** The measures working in one area, or with a goal there (an area profile's „Maßnahmen im Gebiet“). */
export function inArea(measures: readonly Measure[], level: string, area: string): Measure[] {
  return measures.filter(
    (m) =>
      m.areas.some((a) => a.level === level && a.key === area) ||
      m.goals.some((g) => g.level === level && g.area === area),
  );
}

/** @throws measures.not_found (404), also for a measure the reader may not see */
export async function getMeasure(db: Db, user: User | null, id: number): Promise<Measure> {
  return pickMeasure(await listMeasures(db, user), id);
}

/**
 * One measure out of a list the reader got from {@link listMeasures}.
 * @throws measures.not_found (404)
 */
export function pickMeasure(measures: readonly Measure[], id: number): Measure {
  const found = measures.find((m) => m.id === id);
  if (!found) throw missing(id);
  return found;
}

/**
 * Goals with their current value (latest Stichtag, as the reader may see it) and progress. An
 * indicator the reader may not see (unpublished) gives no current value.
 */
async function presentGoals(db: Db, user: User | null, goals: repo.GoalRow[]): Promise<Map<number, Goal[]>> {
  const date = await currentDate(db);
  const tables = new Map<string, Promise<Awaited<ReturnType<typeof indicatorValues>> | null>>();
  const table = (indicator: string, level: string) => {
    const key = `${indicator}|${level}`;
    let t = tables.get(key);
    if (!t) {
      t = date
        ? indicatorValues(db, user, indicator, level, date).catch((e: unknown) => {
            if (e instanceof LagebildError && e.status === 404) return null;
            throw e;
          })
        : Promise.resolve(null);
      tables.set(key, t);
    }
    return t;
  };
  const definitions = new Map<string, Promise<Awaited<ReturnType<typeof findIndicator>>>>();
  const indicatorDefinition = (key: string) => {
    let d = definitions.get(key);
    if (!d) definitions.set(key, (d = findIndicator(db, key)));
    return d;
  };
  const out = new Map<number, Goal[]>();
  for (const g of goals) {
    const values = await table(g.indicator_key, g.level_key);
    const cell = !values
      ? { value: null, status: 'missing' as const }
      : g.area_key === null
        ? values.city
        : (values.values.find((v) => v.id === g.area_key) ?? { value: null, status: 'missing' as const });
    const ind = await indicatorDefinition(g.indicator_key);
    out.set(g.measure_id, [
      ...(out.get(g.measure_id) ?? []),
      {
        id: g.id,
        indicator: g.indicator_key,
        indicatorName: ind?.name ?? g.indicator_key,
        unit: ind?.unit ?? '',
        decimals: ind?.decimals ?? 1,
        level: g.level_key,
        area: g.area_key,
        areaName: g.area_name ?? 'Stadt',
        baselineDate: g.baseline_date,
        baselineValue: g.baseline_value,
        targetValue: g.target_value,
        targetDate: g.target_date,
        current: { date: date ?? g.baseline_date, value: cell.value, status: cell.status },
        progress: goalProgress(g.baseline_value, g.target_value, cell.value),
      },
    ]);
  }
  return out;
}

/** The SQL columns of the given API fields. */
function columns(fields: Partial<NewMeasure>): repo.MeasureColumns {
  const out: repo.MeasureColumns = {};
  for (const [k, v] of Object.entries(fields)) if (COLUMN[k] && v !== undefined) out[COLUMN[k]] = v;
  return out;
}

/**
 * @throws measures.bad_parent (400) for a parent that does not exist, is itself, or is no coarser
 *   kind (Programm → Handlungsfeld → Maßnahme)
 */
async function checkParent(db: Db, id: number | null, parentId: number | null, kind: string) {
  if (parentId === null) return;
  const parent = await repo.findMeasure(db, parentId);
  const rows = parent ? await repo.listMeasures(db) : [];
  const byId = new Map(rows.map((r) => [r.id, r]));
  let cycle = false;
  for (let p: number | null = parentId; p !== null; p = byId.get(p)?.parent_id ?? null)
    if (p === id) cycle = true;
  if (!parent || cycle || KIND_RANK[parent.kind]! >= KIND_RANK[kind]!)
    throw badRequest(
      'measures.bad_parent',
      `Die übergeordnete Nr. ${parentId} passt nicht: Ein Programm enthält Handlungsfelder, ein Handlungsfeld Maßnahmen.`,
      { parentId },
    );
}

/** @throws measures.unknown_area (400) naming the areas that do not exist */
async function resolveAreas(db: Db, refs: { level: string; key: string }[]): Promise<number[]> {
  const ids = await repo.areaIds(db, refs);
  const unknown = refs.filter((r) => !ids.has(`${r.level}|${r.key}`));
  if (unknown.length)
    throw badRequest(
      'measures.unknown_area',
      `Diese Gebiete gibt es nicht: ${unknown.map((r) => `${r.key} (${r.level})`).join(', ')}.`,
      { areas: unknown },
    );
  return refs.map((r) => ids.get(`${r.level}|${r.key}`)!);
}

export async function createMeasure(db: Db, body: NewMeasure, by: number | null): Promise<number> {
  await checkParent(db, null, body.parentId, body.kind);
  const areaIds = await resolveAreas(db, body.areas);
  return db.transaction(async (tx) => {
    const id = await repo.insertMeasure(tx, columns(body));
    await replaceLinkedAreas(tx, AREA_LINKS.measure, id, areaIds);
    await repo.addHistory(tx, { measureId: id, by, action: 'created', before: null, after: body });
    return id;
  });
}

/** @throws measures.not_found, measures.bad_parent, measures.unknown_area */
export async function patchMeasure(
  db: Db,
  id: number,
  patch: MeasurePatch,
  by: number | null,
): Promise<void> {
  const row = await repo.findMeasure(db, id);
  if (!row) throw missing(id);
  const kind = patch.kind ?? row.kind;
  if (patch.parentId !== undefined || patch.kind !== undefined)
    await checkParent(db, id, patch.parentId === undefined ? row.parent_id : patch.parentId, kind);
  const areaIds = patch.areas && (await resolveAreas(db, patch.areas));
  const before: Record<string, unknown> = {};
  for (const k of Object.keys(patch)) if (COLUMN[k]) before[k] = row[COLUMN[k]];
  if (patch.areas)
    before.areas = (await linkedAreas(db, AREA_LINKS.measure))
      .filter((a) => a.owner_id === id)
      .map(({ level, key }) => ({ level, key }));
  await db.transaction(async (tx) => {
    await repo.updateMeasure(tx, id, columns(patch));
    if (areaIds) await replaceLinkedAreas(tx, AREA_LINKS.measure, id, areaIds);
    await repo.addHistory(tx, { measureId: id, by, action: 'changed', before, after: patch });
  });
}

/**
 * Moves a measure in its workflow.
 * @throws measures.not_found (404), measures.bad_status (400) for a step the workflow does not
 *   allow, measures.decision_required (400) for `beschlossen` without the decision
 */
export async function changeStatus(
  db: Db,
  id: number,
  change: StatusChange,
  by: number | null,
): Promise<void> {
  const row = await repo.findMeasure(db, id);
  if (!row) throw missing(id);
  const allowed = nextStatuses(row.status as Status);
  if (!allowed.includes(change.status))
    throw badRequest(
      'measures.bad_status',
      `Von „${row.status}“ geht es nur nach ${allowed.map((s) => `„${s}“`).join(' oder ') || 'nirgends mehr'}.`,
      { from: row.status, to: change.status, allowed },
    );
  if (change.status === 'beschlossen' && !change.decision)
    throw badRequest(
      'measures.decision_required',
      'Für „beschlossen“ bitte angeben, welches Gremium wann was beschlossen hat.',
    );
  await db.transaction(async (tx) => {
    await repo.updateMeasure(tx, id, {
      status: change.status,
      ...(change.decision && { decision: change.decision }),
    });
    await repo.addHistory(tx, {
      measureId: id,
      by,
      action: 'status',
      before: { status: row.status },
      after: change,
    });
  });
}

/**
 * Deletes a measure that was never decided and has nothing below it; decided ones stay on record.
 * @throws measures.not_found (404), measures.decided (409), measures.has_children (409)
 */
export async function deleteMeasure(db: Db, id: number): Promise<void> {
  const row = await repo.findMeasure(db, id);
  if (!row) throw missing(id);
  if (isPublic(row.status as Status))
    throw new LagebildError(
      'measures.decided',
      'Eine beschlossene Maßnahme bleibt dokumentiert; sie kann abgeschlossen, aber nicht gelöscht werden.',
      409,
      { id },
    );
  if (await repo.hasChildren(db, id))
    throw new LagebildError('measures.has_children', 'Es hängen noch Einträge darunter.', 409, { id });
  await repo.deleteMeasure(db, id);
}

/**
 * Adds a goal; without a baseline value, the indicator's (unprotected) value at the baseline
 * Stichtag.
 * @throws measures.not_found, indicators.not_found, areas.unknown_level (404), measures.unknown_area,
 *   measures.no_baseline (400) when the indicator has no value there, measures.bad_goal (400)
 */
export async function addGoal(db: Db, user: User, id: number, g: NewGoal): Promise<number> {
  if (!(await repo.findMeasure(db, id))) throw missing(id);
  await requireIndicator(db, g.indicator, user);
  const [areaId] = g.area === null ? [null] : await resolveAreas(db, [{ level: g.level, key: g.area }]);
  let baseline = g.baselineValue;
  if (baseline === null) {
    const values = await indicatorValues(db, user, g.indicator, g.level, g.baselineDate);
    const cell = g.area === null ? values.city : values.values.find((v) => v.id === g.area);
    if (cell?.value === null || cell?.value === undefined)
      throw badRequest(
        'measures.no_baseline',
        `Der Indikator hat am ${g.baselineDate} für ${g.area ?? 'die Stadt'} keinen Wert: bitte den Ausgangswert angeben.`,
        { indicator: g.indicator, date: g.baselineDate },
      );
    baseline = cell.value;
  }
  if (baseline === g.targetValue || g.targetDate <= g.baselineDate)
    throw badRequest(
      'measures.bad_goal',
      'Der Zielwert muss sich vom Ausgangswert unterscheiden, und das Zieldatum nach dem Ausgangsstichtag liegen.',
    );
  return db.transaction(async (tx) => {
    const goalId = await repo.insertGoal(tx, {
      measureId: id,
      indicator: g.indicator,
      level: g.level,
      areaId: areaId ?? null,
      baselineDate: g.baselineDate,
      baselineValue: baseline,
      targetValue: g.targetValue,
      targetDate: g.targetDate,
    });
    await repo.addHistory(tx, {
      measureId: id,
      by: user.id || null,
      action: 'goal_added',
      before: null,
      after: { ...g, baselineValue: baseline },
    });
    return goalId;
  });
}

/** @throws measures.goal_not_found (404) */
export async function removeGoal(db: Db, id: number, goalId: number, by: number | null): Promise<void> {
  await db.transaction(async (tx) => {
    const removed = await repo.deleteGoal(tx, id, goalId);
    if (!removed)
      throw notFound(
        'measures.goal_not_found',
        `Das Ziel Nr. ${goalId} der Maßnahme Nr. ${id} gibt es nicht.`,
      );
    await repo.addHistory(tx, { measureId: id, by, action: 'goal_removed', before: removed, after: null });
  });
}

/** @throws measures.not_found (404) */
export async function measureHistory(db: Db, id: number): Promise<HistoryEntry[]> {
  if (!(await repo.findMeasure(db, id))) throw missing(id);
  return repo.history(db, id);
}
