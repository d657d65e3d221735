/**
 * Coverage (Versorgung) of a norm on a level at a Stichtag or over every Stichtag, with
 * scenarios beside the Bestand (docs/methods.md §7). Planners get it from the unprotected
 * counts; everyone else from the protected snapshot, the same one every public value comes from
 * (indicators/public-snapshot.ts): a demand whose counts are secret is secret, and so are the
 * rate and the balance beside it — the capacity is public, so a rate would give the demand away.
 */
import type { AreaRow } from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { authorize } from '../auth/policy.ts';
import { badRequest } from '../core/errors.ts';
import type { Cell } from '../core/value-status.ts';
import type { Db } from '../db/db.ts';
import { seesUnprotected } from '../indicators/indicator.service.ts';
import type { SecretCells } from '../indicators/linked-protection.ts';
import { publicSnapshot, secretCellsOf } from '../indicators/public-snapshot.ts';
import { currentDate, listDates } from '../observations/observation.repository.ts';
import { versionCache, type VersionCache } from './coverage-cache.ts';
import { coverageSide, type MatrixCosts, type SideRows } from './coverage-compute.ts';
import {
  byCodePoint,
  levelContext,
  pointsAt,
  unprotectedData,
  withParentLevel,
  type LevelContext,
} from './coverage-data.ts';
import type { Coverage, CoverageQuery, CoverageRow, CoverageSide } from './coverage.schema.ts';
import { demandAt, type CountsAtDate, type Target } from './demand.ts';
import { findMatrix, matrixCosts } from './matrix.repository.ts';
import { coverageMessages } from './messages.ts';
import type { Norm } from './norm.schema.ts';
import { normVersions, versionAt } from './norm.service.ts';
import { applyFacilityChanges, quarterDemand, type SupplyPoint } from './scenario-apply.ts';
import type { Scenario } from './scenario.schema.ts';
import { requireScenario } from './scenario.service.ts';

type Totals = Map<string, Map<string, Map<number, Cell>>>;

const yes = (flag: string | undefined) => flag === '1' || flag === 'true';

/** The latest Stichtag with data on or before `date` (a future date: the latest of all). */
export function populationDate(dataDates: readonly string[], date: string): string | null {
  let found: string | null = null;
  for (const d of dataDates) if (d <= date) found = d;
  return found;
}

/**
 * Coverage rows for every area of the level (zeros included), the parent level and the city.
 * @throws coverage.unknown_norm, coverage.unknown_level (404); auth errors for scenarios asked
 *   for without planning rights
 */
export async function computeCoverage(db: Db, user: User | null, q: CoverageQuery): Promise<Coverage> {
  const names = (q.scenario ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length) authorize(user, 'coverage.edit');
  const series = yes(q.series);
  if (series && q.date) throw badRequest('coverage.date_and_series', coverageMessages.dateAndSeries());
  if (series && names.length)
    throw badRequest('coverage.scenario_series', coverageMessages.scenarioNeedsDate());
  const unprotected = seesUnprotected(user);
  const versions = await normVersions(db, q.norm, user);
  const dataDates = await listDates(db);
  const latest = (await currentDate(db)) ?? dataDates.at(-1);
  if (!latest) throw badRequest('coverage.no_dates', coverageMessages.noDates());
  const dates = series ? dataDates : [q.date ?? latest];
  const popDates = new Map(dates.map((d) => [d, populationDate(dataDates, d)]));
  const variables = [...new Set(versions.flatMap((v) => v.demand))];

  const cache = await versionCache(db);
  let tree: AreaRow[];
  let totals: Totals;
  let secret: SecretCells | undefined;
  if (unprotected) ({ tree, totals } = await unprotectedData(cache, db, variables));
  else {
    const snapshot = await publicSnapshot(db);
    ({ tree, totals } = snapshot);
    const used = [...new Set([...popDates.values()].filter((d): d is string => d !== null))];
    secret = await secretCellsOf(snapshot, used);
  }
  const ctx = await levelContext(cache, db, q.level, tree);
  const scenarios = await Promise.all(names.map((n) => requireScenario(db, n)));
  const nodes = tree.map((a) => ({ id: a.id, parentId: a.parent_id }));

  const bestand: SideRows[] = [];
  const sides = scenarios.map(() => [] as SideRows[]);
  const stichtage: Coverage['stichtage'] = [];
  for (const date of dates) {
    const version = versionAt(versions, date);
    const popDate = popDates.get(date) ?? null;
    if (!version) {
      const empty = missingSide(ctx, date);
      bestand.push(empty);
      sides.forEach((s) => s.push(empty));
      stichtage.push({ date, populationDate: popDate, version: null, outside: { count: 0, capacity: 0 } });
      continue;
    }
    const counts: CountsAtDate = new Map(
      version.demand.map((v) => [v, (popDate && totals.get(v)?.get(popDate)) || new Map<number, Cell>()]),
    );
    const demand = demandAt(
      nodes,
      counts,
      version.demand,
      version.demand.map((_, i) => version.factor * (version.weights[i] ?? 1)),
      secret && popDate ? (v) => secret(v, popDate) : undefined,
    );
    const points = await pointsAt(cache, db, version.facilityType, date, version.supplyProperty);
    const matrix = await matrixFor(cache, db, version);
    const base = { db, cache, ctx, version, date, unprotected, matrix };
    const side = await coverageSide({ ...base, points, demand });
    bestand.push({ ...side, notes: [...supplyNotes(version, points, false), ...side.notes] });
    stichtage.push({
      date,
      populationDate: popDate,
      version: {
        id: version.id,
        demand: version.demand,
        weights: version.weights,
        factor: version.factor,
        supplyProperty: version.supplyProperty,
        catchment: version.catchment,
        validFrom: version.validFrom,
        validTo: version.validTo,
      },
      outside: side.outside,
    });
    for (const [i, s] of scenarios.entries()) {
      const quarters = withQuarters(ctx, demand, s, version, date);
      const planned = applyFacilityChanges(
        points,
        s.changes,
        version.facilityType,
        date,
        version.supplyProperty,
      );
      const result = await coverageSide({ ...base, points: planned, demand: quarters.demand });
      sides[i]!.push({
        ...result,
        notes: [...quarters.notes, ...supplyNotes(version, planned, true), ...result.notes],
      });
    }
  }
  const last = versionAt(versions, dates.at(-1)!) ?? versions.at(-1)!;
  return {
    norm: {
      key: last.key,
      name: last.name,
      facilityType: last.facilityType,
      capacityUnit: last.capacityUnit,
      source: last.source,
    },
    level: ctx.level,
    levelName: ctx.levelName,
    parentLevel: ctx.parentLevel,
    parentLevelName: ctx.parentLevelName,
    stichtage,
    ...merge(bestand),
    scenarios: scenarios.map((s, i) => ({ name: s.name, ...merge(sides[i]!) })),
  };
}

/**
 * What a supply property leaves out: the facilities without it (the Bestand), or the planned
 * openings without it (a scenario).
 */
function supplyNotes(version: Norm, points: readonly SupplyPoint[], openings: boolean): string[] {
  const property = version.supplyProperty;
  if (property === null) return [];
  if (openings)
    return points
      .filter((p) => p.noSupply && p.name !== undefined)
      .map((p) => coverageMessages.openingWithoutProperty(p.name!, property));
  const missing = points.filter((p) => p.noSupply).length;
  return missing ? [coverageMessages.missingSupply(missing, points.length, property)] : [];
}

/** The travel costs of a norm's matrix, if it uses one (kept per data version). */
async function matrixFor(cache: VersionCache, db: Db, version: Norm): Promise<MatrixCosts | undefined> {
  const c = version.catchment;
  if (c.kind !== 'fca' || !c.costs) return undefined;
  const id = c.costs.matrix;
  return cache.get(`matrix|${id}`, async () => {
    const m = await findMatrix(db, id);
    if (!m) throw badRequest('coverage.unknown_matrix', coverageMessages.unknownMatrix(id));
    return { level: m.level, name: m.name, ...(await matrixCosts(db, id)) };
  });
}

/** Rows of every date together: areas sorted by key, each area's dates in order. */
function merge(sides: readonly SideRows[]): CoverageSide {
  const byArea = (rows: CoverageRow[]) => rows.sort((a, b) => byCodePoint(a.area, b.area));
  return {
    rows: byArea(sides.flatMap((s) => s.rows)),
    parents: byArea(sides.flatMap((s) => s.parents)),
    city: sides.map((s) => s.city),
    notes: [...new Set(sides.flatMap((s) => s.notes))],
  };
}

/** Rows without a norm version at the date: nothing is known. */
function missingSide(ctx: LevelContext, date: string): SideRows {
  const empty = (a: { key: string; name: string }): CoverageRow => ({
    area: a.key,
    name: a.name,
    date,
    supply: null,
    demand: null,
    rate: null,
    balance: null,
    status: 'missing',
  });
  return {
    rows: ctx.areas.map(empty),
    parents: ctx.parents.map((p) => withParentLevel(ctx, p, empty(p))),
    city: empty(ctx.city),
    outside: { count: 0, capacity: 0 },
    notes: [],
  };
}

/**
 * The demand with a scenario's new residential quarters: each quarter's people of the norm's
 * variables × factor, added to its area and every area above it.
 */
function withQuarters(
  ctx: LevelContext,
  demand: (t: Target) => Cell,
  s: Scenario,
  version: Norm,
  date: string,
) {
  const notes: string[] = [];
  const extra = new Map<number, number>();
  const byId = new Map(ctx.tree.map((a) => [a.id, a]));
  const levelIds = new Set(ctx.areas.map((a) => a.id));
  for (const q of quarterDemand(s.changes, version.demand, date, version.weights)) {
    const area = ctx.tree.find((a) => a.level === q.level && a.key === q.area);
    if (!area) {
      notes.push(coverageMessages.unknownArea(q.level, q.area));
      continue;
    }
    let onLevel = false;
    for (let cur: AreaRow | undefined = area; cur; cur = byId.get(cur.parent_id ?? -1)) {
      extra.set(cur.id, (extra.get(cur.id) ?? 0) + q.people * version.factor);
      if (levelIds.has(cur.id)) onLevel = true;
    }
    if (!onLevel) notes.push(coverageMessages.quarterAbove(q.area, q.level, ctx.level));
  }
  const add = (t: Target) =>
    typeof t === 'number' ? (extra.get(t) ?? 0) : t.reduce((sum, id) => sum + (extra.get(id) ?? 0), 0);
  return {
    notes,
    demand: (t: Target): Cell => {
      const c = demand(t);
      return c.value === null ? c : { ...c, value: c.value + add(t) };
    },
  };
}
