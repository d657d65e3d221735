/**
 * Stored projections (docs/methods.md §8.7): a run of the population projection kept as a series
 * per area, variable and projected Stichtag, with its method and assumptions beside it. Runs are
 * never changed, only published or withdrawn; the newest published one is what the atlas,
 * profiles and reports show as „Prognose“ — to the public rounded, with small areas only within
 * their parent (publish-projection.ts).
 */
import { listAllAreas, listLevels } from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { can } from '../auth/policy.ts';
import { badRequest, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { dataVersion } from '../db/data-version.ts';
import { projectPopulationWithMethod } from './projection.service.ts';
import * as repo from './projection-series.repository.ts';
import type { RunValues, SaveProjectionBody, StoredProjection } from './projection-series.schema.ts';
import { projectedTotals, type Totals } from './publish-projection.ts';

/** The population variable the minimum-population rule counts. */
const POPULATION = 'ew';

const withYear = (iso: string, y: number) => `${String(y).padStart(4, '0')}${iso.slice(4)}`;

/** Every projected Stichtag of a run: whole years after the base up to its target. */
export function runDates(base: string, to: string): string[] {
  const first = Number(base.slice(0, 4));
  return Array.from({ length: Number(to.slice(0, 4)) - first }, (_, i) => withYear(base, first + i + 1));
}

function toStored(r: repo.StoredRunRow): StoredProjection {
  return {
    id: r.id,
    name: r.name,
    level: r.level,
    base: r.base,
    to: r.to_date,
    dates: runDates(r.base, r.to_date),
    method: r.method as StoredProjection['method'],
    variant: r.variant as StoredProjection['variant'],
    control: r.control,
    variables: r.variables,
    minPopulation: r.min_population,
    published: r.published,
    createdAt: r.created_at,
    createdBy: r.created_by,
  };
}

const sees = (user: User | null) => can(user, 'data.readUnpublished');

/**
 * Computes the projection and stores it with its assumptions, in one transaction.
 * @throws what projectPopulation throws (unknown level, bad horizon, no age structure …)
 */
export async function saveProjection(
  db: Db,
  body: SaveProjectionBody,
  createdBy: number | null,
): Promise<StoredProjection> {
  const variables = body.variables && [...new Set([POPULATION, ...body.variables])].sort();
  const { method, rows } = await projectPopulationWithMethod(db, {
    level: body.level,
    base: body.base,
    to: body.to,
    method: body.method,
    variables,
    control: body.control,
    variant: body.variant,
  });
  const stored = variables ?? [...new Set(rows.map((r) => r.variable))].sort();
  const id = await db.transaction((tx) =>
    repo.insertRun(
      tx,
      {
        name: body.name,
        level: body.level,
        base: body.base,
        to: body.to,
        method,
        variant: body.variant,
        control: body.control ?? null,
        variables: stored,
        minPopulation: body.minPopulation,
        published: body.published,
        createdBy,
      },
      rows,
    ),
  );
  return toStored((await repo.findRun(db, id))!);
}

/** Runs the user may see, newest first: planners all, everyone else the published ones. */
export async function listProjections(db: Db, user: User | null): Promise<StoredProjection[]> {
  return (await repo.listRuns(db, !sees(user))).map(toStored);
}

/**
 * A run the user may see.
 * @throws projection.not_found (404), also for an unpublished run asked for by a visitor
 */
export async function requireProjection(db: Db, user: User | null, id: number): Promise<StoredProjection> {
  const run = await repo.findRun(db, id);
  if (!run || (!run.published && !sees(user)))
    throw notFound('projection.not_found', `Die gespeicherte Prognose Nr. ${id} gibt es nicht.`, { id });
  return toStored(run);
}

/** @throws projection.not_found (404) */
export async function publishProjection(db: Db, id: number, published: boolean): Promise<StoredProjection> {
  if (!(await repo.setPublished(db, id, published)))
    throw notFound('projection.not_found', `Die gespeicherte Prognose Nr. ${id} gibt es nicht.`, { id });
  return toStored((await repo.findRun(db, id))!);
}

/** @throws projection.not_found (404) */
export async function deleteProjection(db: Db, id: number): Promise<void> {
  if (!(await repo.deleteRun(db, id)))
    throw notFound('projection.not_found', `Die gespeicherte Prognose Nr. ${id} gibt es nicht.`, { id });
}

/** The newest published run, or null: the „Prognose“ of atlas, profiles and reports. */
export async function publishedProjection(db: Db): Promise<StoredProjection | null> {
  const run = await repo.latestPublishedRun(db);
  return run && toStored(run);
}

type RunTotals = { tree: Awaited<ReturnType<typeof listAllAreas>>; totals: Totals };

/** Count tables per database, kept while the data version (which stored runs raise) stays. */
const kept = new WeakMap<Db, Map<string, Promise<RunTotals>>>();

/**
 * The count tables of a run as the indicator calculator reads them, over the current area tree:
 * unprotected, or as the public may see them (rounded, small areas only within their parent).
 * Computed once per data version: every atlas request of a projected Stichtag reads the same.
 */
export async function projectionTotals(
  db: Db,
  run: StoredProjection,
  unprotected: boolean,
): Promise<RunTotals> {
  const version = await dataVersion(db);
  let cache = kept.get(db);
  if (!cache) kept.set(db, (cache = new Map<string, Promise<RunTotals>>()));
  const key = `${version}|${run.id}|${unprotected}`;
  const hit = cache.get(key);
  if (hit) return hit;
  for (const k of cache.keys()) if (!k.startsWith(`${version}|`)) cache.delete(k);
  const next = loadTotals(db, run, unprotected);
  cache.set(key, next);
  next.catch(() => cache.delete(key));
  return next;
}

async function loadTotals(db: Db, run: StoredProjection, unprotected: boolean): Promise<RunTotals> {
  const [tree, values] = await Promise.all([listAllAreas(db), repo.runValues(db, run.id)]);
  const nodes = tree.map((a) => ({ id: a.id, parentId: a.parent_id }));
  const counts = values.map((v) => ({
    areaId: v.area_id,
    date: v.ref_date,
    variable: v.variable,
    value: v.value,
  }));
  const totals = projectedTotals(
    nodes,
    counts,
    unprotected
      ? { public: false }
      : { public: true, minPopulation: run.minPopulation, populationVariable: POPULATION },
  );
  return { tree, totals };
}

/**
 * A run's values per area of its level (or a coarser one, as sums) and Stichtag, as the user may
 * see them.
 * @throws projection.not_found, areas.unknown_level (404), projection.finer_level (400)
 */
export async function projectionValues(
  db: Db,
  user: User | null,
  id: number,
  levelKey?: string,
): Promise<RunValues> {
  const run = await requireProjection(db, user, id);
  const level = levelKey ?? run.level;
  const levels = await listLevels(db);
  const asked = levels.find((l) => l.key === level);
  if (!asked) throw notFound('areas.unknown_level', `Die Ebene „${level}“ gibt es nicht.`, { level });
  const own = levels.find((l) => l.key === run.level);
  if (own && asked.rank > own.rank)
    throw badRequest(
      'projection.finer_level',
      `Die Prognose „${run.name}“ gilt für die Ebene „${own.name}“; die feinere Ebene „${asked.name}“ hat keine Prognosewerte.`,
      { level, projectionLevel: run.level },
    );
  const unprotected = sees(user);
  const { tree, totals } = await projectionTotals(db, run, unprotected);
  const areas = tree.filter((a) => a.level === level).sort((a, b) => (a.key < b.key ? -1 : 1));
  const values: RunValues['values'] = [];
  for (const a of areas)
    for (const date of run.dates)
      for (const variable of run.variables) {
        const cell = totals.get(variable)?.get(date)?.get(a.id) ?? {
          value: null,
          status: 'missing' as const,
        };
        values.push({ area: a.key, name: a.name, date, variable, value: cell.value, status: cell.status });
      }
  return { projection: run, level, values };
}
