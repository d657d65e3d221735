/**
 * Indicator values per area and Stichtag, computed from counts at request time, with
 * disclosure control for everyone who may not see unprotected data.
 */
import type { User } from '../auth/auth.schema.ts';
import { can } from '../auth/policy.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import * as areaRepo from '../areas/area.repository.ts';
import { aggregateUp, sumCells, type Cell } from './aggregate.ts';
import { DEFAULT_RULES, protect } from './disclosure.ts';
import { applyFormula } from './formula.ts';
import type { AreaProfile, Indicator, IndicatorValues, Series } from './indicator.schema.ts';
import * as repo from './indicator.repository.ts';

/** Population variable used for the minimum-population rule. */
const POPULATION = 'ew';

/** Whether `user` sees unprotected values (planners) or only protected ones (everyone else). */
export const seesUnprotected = (user: User | null) => can(user, 'data.readUnpublished');

export function presentIndicator(r: repo.IndicatorRow): Indicator {
  return {
    key: r.key,
    name: r.name,
    theme: r.theme,
    unit: r.unit,
    formula: r.formula,
    polarity: r.polarity,
    decimals: r.decimals,
    description: r.description,
    published: r.published,
  };
}

export async function listIndicators(db: Db, user: User | null): Promise<Indicator[]> {
  return (await repo.listIndicators(db, !seesUnprotected(user))).map(presentIndicator);
}

async function requireIndicator(db: Db, key: string, user: User | null) {
  const ind = await repo.findIndicator(db, key);
  if (!ind || (!ind.published && !seesUnprotected(user)))
    throw notFound('indicators.not_found', `Den Indikator „${key}“ gibt es nicht.`, { indicator: key });
  return ind;
}

interface Computed {
  cell: Cell;
  num: number | null;
  den: number | null;
  pop: number | null;
}

/** Context shared by all computations of one request: the area tree and the counts. */
async function loadContext(db: Db, ind: repo.IndicatorRow, date: string | null) {
  const tree = await areaRepo.listAllAreas(db);
  const vars = [ind.numerator, ind.denominator, POPULATION].filter((v): v is string => v !== null);
  const totals = await repo.loadTotals(db, vars, date);
  const nodes = tree.map((a) => ({ id: a.id, parentId: a.parent_id }));
  const aggregated = (variable: string | null, d: string) =>
    variable ? aggregateUp(nodes, totals.get(variable)?.get(d) ?? new Map<number, Cell>()) : null;
  const compute = (d: string) => {
    const num = aggregated(ind.numerator, d)!;
    const den = aggregated(ind.denominator, d);
    const pop = aggregated(POPULATION, d)!;
    const at = (id: number): Computed => {
      const n = num.get(id) ?? { value: null, status: 'missing' as const };
      const dn = den ? (den.get(id) ?? { value: null, status: 'missing' as const }) : null;
      return {
        cell: applyFormula(ind.formula, n, dn),
        num: n.value,
        den: dn?.value ?? null,
        pop: pop.get(id)?.value ?? null,
      };
    };
    const sumOf = (ids: number[]): Computed => {
      const n = sumCells(ids.map((id) => num.get(id) ?? { value: null, status: 'missing' }));
      const dn = den ? sumCells(ids.map((id) => den.get(id) ?? { value: null, status: 'missing' })) : null;
      const p = sumCells(ids.map((id) => pop.get(id) ?? { value: null, status: 'missing' }));
      return { cell: applyFormula(ind.formula, n, dn), num: n.value, den: dn?.value ?? null, pop: p.value };
    };
    return { at, sumOf };
  };
  const root = tree.filter((a) => a.parent_id === null);
  return { tree, compute, root };
}

function publish(ind: repo.IndicatorRow, c: Computed, unprotected: boolean) {
  if (unprotected) return { ...c.cell, numerator: c.num, denominator: c.den };
  const cell = protect(ind.formula, c.cell, c.num, c.den, c.pop, DEFAULT_RULES);
  return { ...cell, numerator: null, denominator: null };
}

/** City value: the single top area (rank 0) if there is one, else the sum over the level. */
function cityOf(
  ctx: Awaited<ReturnType<typeof loadContext>>,
  calc: ReturnType<typeof ctx.compute>,
  levelIds: number[],
) {
  const top = ctx.root.length === 1 ? ctx.root[0] : undefined;
  return top && !levelIds.includes(top.id) ? calc.at(top.id) : calc.sumOf(levelIds);
}

export async function indicatorValues(
  db: Db,
  user: User | null,
  key: string,
  levelKey: string,
  date: string,
): Promise<IndicatorValues> {
  const ind = await requireIndicator(db, key, user);
  const areas = await areaRepo.listAreas(db, levelKey);
  if (!areas.length) throw notFound('areas.unknown_level', `Die Ebene „${levelKey}“ hat keine Gebiete.`);
  const ctx = await loadContext(db, ind, date);
  const calc = ctx.compute(date);
  const unprotected = seesUnprotected(user);
  const city = publish(
    ind,
    cityOf(
      ctx,
      calc,
      areas.map((a) => a.id),
    ),
    unprotected,
  );
  return {
    indicator: ind.key,
    level: levelKey,
    date,
    city: { value: city.value, status: city.status },
    values: areas.map((a) => ({ id: a.key, name: a.name, ...publish(ind, calc.at(a.id), unprotected) })),
  };
}

export async function indicatorSeries(
  db: Db,
  user: User | null,
  key: string,
  levelKey: string,
  areaKey: string,
): Promise<Series> {
  const ind = await requireIndicator(db, key, user);
  const area = await areaRepo.findArea(db, levelKey, areaKey);
  if (!area)
    throw notFound('areas.not_found', `Das Gebiet „${areaKey}“ gibt es auf der Ebene „${levelKey}“ nicht.`);
  const levelIds = (await areaRepo.listAreas(db, levelKey)).map((a) => a.id);
  const ctx = await loadContext(db, ind, null);
  const unprotected = seesUnprotected(user);
  const dates = await repo.listDates(db);
  return {
    indicator: ind.key,
    id: area.key,
    points: dates.map((date) => {
      const calc = ctx.compute(date);
      const v = publish(ind, calc.at(area.id), unprotected);
      const c = publish(ind, cityOf(ctx, calc, levelIds), unprotected);
      return { date, value: v.value, status: v.status, cityValue: c.value, cityStatus: c.status };
    }),
  };
}

export async function areaProfile(
  db: Db,
  user: User | null,
  levelKey: string,
  areaKey: string,
  date: string,
): Promise<AreaProfile> {
  const area = await areaRepo.findArea(db, levelKey, areaKey);
  if (!area)
    throw notFound('areas.not_found', `Das Gebiet „${areaKey}“ gibt es auf der Ebene „${levelKey}“ nicht.`);
  const parent = area.parent_id
    ? (await db.query<{ name: string }>('SELECT name FROM area WHERE id = $1', [area.parent_id]))[0]
    : undefined;
  const levelIds = (await areaRepo.listAreas(db, levelKey)).map((a) => a.id);
  const unprotected = seesUnprotected(user);
  const indicators = [];
  for (const ind of await repo.listIndicators(db, !unprotected)) {
    const ctx = await loadContext(db, ind, date);
    const calc = ctx.compute(date);
    const v = publish(ind, calc.at(area.id), unprotected);
    const c = publish(ind, cityOf(ctx, calc, levelIds), unprotected);
    indicators.push({
      key: ind.key,
      name: ind.name,
      theme: ind.theme,
      unit: ind.unit,
      decimals: ind.decimals,
      value: v.value,
      status: v.status,
      cityValue: c.value,
      cityStatus: c.status,
    });
  }
  return {
    area: {
      id: area.key,
      name: area.name,
      level: area.level,
      parent: area.parent,
      parentName: parent?.name ?? null,
      areaM2: area.area_m2,
    },
    date,
    indicators,
  };
}
