/**
 * Indicator values per area and Stichtag, computed from counts at request time, with
 * disclosure control for everyone who may not see unprotected data.
 */
import * as areaRepo from '../areas/area.repository.ts';
import type { AreaRow } from '../areas/area.repository.ts';
import { convertedAreas, convertedDates, type ConvertedFrom } from '../areas/convert/convert.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { can, canInScope } from '../auth/policy.ts';
import { scopeAreaIds } from '../auth/scope.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { indicatorAvailability, unavailableText } from './availability.ts';
import { makeCalculator, POPULATION, type Computed } from './calculator.ts';
import { aggregateConversionMarks, cityConvertedAt } from './converted-aggregates.ts';
import type { Indicator, IndicatorEntry, IndicatorValues, Series } from './indicator.schema.ts';
import * as repo from './indicator.repository.ts';
import { listDates, loadTotals } from '../observations/observation.repository.ts';
import type { SecretCells } from './linked-protection.ts';
import { publicSnapshot, secretCellsOf } from './public-snapshot.ts';
import { projectionTotals, publishedProjection } from '../projection/projection-series.service.ts';
import type { StoredProjection } from '../projection/projection-series.schema.ts';
import { projectable } from '../projection/projectable.ts';

export { projectable };

/** Whether `user` sees unprotected values (planners) or only protected ones (everyone else). */
export const seesUnprotected = (user: User | null) => can(user, 'data.readUnpublished');

/**
 * The areas whose unprotected values `user` sees although `seesUnprotected` is false: a scoped
 * planner's own municipality and everything in it (auth/scope.ts). Empty for everyone else. The
 * values of areas that reach beyond it (the Kreis, other municipalities) stay protected, so what
 * such a planner learns about others is what the public learns.
 */
export async function ownAreas(db: Db, user: User | null): Promise<Set<number>> {
  if (seesUnprotected(user) || !canInScope(user, 'data.readUnpublished')) return new Set();
  return (await scopeAreaIds(db, user)) ?? new Set();
}

/**
 * Whether an area with key `areaKey` (on any level) lies in `user`'s own areas (`ownAreas`): the
 * pages about it may then show its values unprotected.
 */
export async function ownsArea(db: Db, user: User | null, areaKey: string | undefined): Promise<boolean> {
  if (areaKey === undefined) return false;
  const own = await ownAreas(db, user);
  if (!own.size) return false;
  const rows = await db.query<{ id: number }>('SELECT id FROM area WHERE key = $1', [areaKey]);
  return rows.some((r) => own.has(r.id));
}

/**
 * One area's value as `user` sees it: unprotected inside their own areas (`ownAreas`, computed
 * in the unprotected context `ownCtx`), else as `ctx` gives it.
 */
export function presentFor(
  key: string,
  areaId: number,
  date: string,
  view: {
    ctx: Awaited<ReturnType<typeof indicatorContext>>;
    unprotected: boolean;
    own: Set<number>;
    ownCtx: Awaited<ReturnType<typeof indicatorContext>> | null;
  },
) {
  return view.ownCtx && view.own.has(areaId)
    ? present(view.ownCtx.calc(key)(areaId, date), true)
    : present(view.ctx.calc(key)(areaId, date), view.unprotected);
}

export async function listIndicators(db: Db, user: User | null): Promise<Indicator[]> {
  return repo.listIndicators(db, !seesUnprotected(user));
}

/** The catalogue the user may see, each entry saying whether its inputs have values. */
export async function listCatalogue(db: Db, user: User | null): Promise<IndicatorEntry[]> {
  const indicators = await listIndicators(db, user);
  const availability = await indicatorAvailability(db, indicators);
  return indicators.map((i) => {
    const a = availability.get(i.key) ?? { available: true, missing: [] };
    return { ...i, ...a, missingText: a.available ? null : unavailableText(a.missing) };
  });
}

export async function requireIndicator(db: Db, key: string, user: User | null): Promise<Indicator> {
  const ind = await repo.findIndicator(db, key);
  if (!ind || (!ind.published && !seesUnprotected(user)))
    throw notFound('indicators.not_found', `Den Indikator „${key}“ gibt es nicht.`, { indicator: key });
  return ind;
}

/**
 * Area tree, counts and one calculator per indicator, for one request. For everyone who may
 * not see unprotected data, the count tables behind the indicators are protected first.
 * With `projection`, the counts are that stored projection's (its Stichtage only), as the user
 * may see them.
 */
export async function indicatorContext(
  db: Db,
  indicators: Indicator[],
  unprotected: boolean,
  projection?: StoredProjection,
) {
  let tree: AreaRow[];
  let totals: Awaited<ReturnType<typeof loadTotals>>;
  let secret: SecretCells | undefined;
  if (projection) {
    ({ tree, totals } = await projectionTotals(db, projection, unprotected));
  } else if (unprotected) {
    tree = await areaRepo.listAllAreas(db);
    const vars = new Set<string>([POPULATION]);
    for (const i of indicators) {
      vars.add(i.numerator);
      if (i.denominator) vars.add(i.denominator);
    }
    totals = await loadTotals(db, [...vars]);
  } else {
    // Everyone else sees only what the protected snapshot of the data version publishes.
    const snapshot = await publicSnapshot(db);
    ({ tree, totals } = snapshot);
    secret = await secretCellsOf(snapshot, await listDates(db));
  }
  const nodes = tree.map((a) => ({ id: a.id, parentId: a.parent_id }));
  const parentOf = new Map(tree.map((a) => [a.id, a.parent_id]));
  const topOf = (id: number): number => {
    let cur = id;
    for (let p = parentOf.get(cur); p !== null && p !== undefined; p = parentOf.get(cur)) cur = p;
    return cur;
  };
  const calculators = new Map(
    indicators.map((i) => [i.key, makeCalculator(i, nodes, totals, undefined, secret)]),
  );
  return {
    tree,
    calc: (key: string) => calculators.get(key)!,
    /**
     * The city: the one top ancestor all of the level's areas share (e.g. the Stadt), else the
     * sum of the level's areas (e.g. Berlin's Planungsräume imported without a city level).
     */
    cityTarget: (levelIds: number[]) => {
      const tops = new Set(levelIds.map(topOf));
      const [top] = tops;
      return tops.size === 1 && top !== undefined && !levelIds.includes(top) ? top : levelIds;
    },
  };
}

/** The value as the user may see it: planners unprotected with counts, others protected without. */
export function present(c: Computed, unprotected: boolean) {
  return unprotected
    ? { ...c.cell, numerator: c.numerator, denominator: c.denominator }
    : { ...c.published, numerator: null, denominator: null };
}

/**
 * The current areas of a level.
 * @throws areas.unknown_level (404) when the level has no areas
 */
export async function levelAreas(db: Db, levelKey: string) {
  const areas = await areaRepo.listAreas(db, levelKey);
  if (!areas.length) throw notFound('areas.unknown_level', `Die Ebene „${levelKey}“ hat keine Gebiete.`);
  return areas;
}

/**
 * The published projection when `date` is one of its Stichtage and no observed one: the date is
 * then a „Prognose“ of counts, not data.
 */
export async function projectionAt(db: Db, date: string): Promise<StoredProjection | null> {
  const run = await publishedProjection(db);
  if (!run?.dates.includes(date)) return null;
  return (await listDates(db)).includes(date) ? null : run;
}

/** What a response says about the projection its values come from. */
const projectionNote = (run: StoredProjection) => ({
  id: run.id,
  name: run.name,
  base: run.base,
  method: run.method,
  variant: run.variant,
  minPopulation: run.minPopulation,
});

/**
 * The „umgerechnet“ marks of the city value of `ind` at `dates` (Stichtag → mark), by the rule for
 * summed values the level table uses (`aggregateConversionMarks`).
 */
async function cityConverted(
  db: Db,
  cityTarget: number | readonly number[],
  ind: Indicator,
  dates: readonly string[],
): Promise<Map<string, ConvertedFrom>> {
  const marks = (await aggregateConversionMarks(db, cityTarget, new Map(), dates, [ind])).get(ind.key);
  const out = new Map<string, ConvertedFrom>();
  dates.forEach((d, k) => {
    const mark = marks && cityConvertedAt(marks, k);
    if (mark) out.set(d, mark);
  });
  return out;
}

export async function indicatorValues(
  db: Db,
  user: User | null,
  key: string,
  levelKey: string,
  date: string,
): Promise<IndicatorValues> {
  const ind = await requireIndicator(db, key, user);
  const areas = await levelAreas(db, levelKey);
  const run = await projectionAt(db, date);
  const unprotected = seesUnprotected(user);
  const ctx = await indicatorContext(db, [ind], unprotected, run ?? undefined);
  const own = await ownAreas(db, user);
  const ownCtx = own.size ? await indicatorContext(db, [ind], true, run ?? undefined) : null;
  const view = { ctx, unprotected, own, ownCtx };
  const converted = await convertedAreas(
    db,
    areas.map((a) => a.id),
    [ind.numerator, ...(ind.denominator ? [ind.denominator] : [])],
    date,
  );
  const calc = ctx.calc(ind.key);
  const cityTarget = ctx.cityTarget(areas.map((a) => a.id));
  const city = present(calc(cityTarget, date), unprotected);
  // the mark follows the counts summed, not the cell's disclosure status: everyone sees it
  const cityFrom = run
    ? undefined
    : await cityConverted(db, cityTarget, ind, [date]).then((m) => m.get(date));
  return {
    indicator: ind.key,
    level: levelKey,
    date,
    ...(run && { projection: projectionNote(run) }),
    city: { value: city.value, status: city.status, ...(cityFrom ? { converted: cityFrom } : {}) },
    values: areas.map((a) => {
      const from = run ? undefined : converted.get(a.id);
      return {
        id: a.key,
        name: a.name,
        ...presentFor(ind.key, a.id, date, view),
        ...(from ? { converted: from } : {}),
      };
    }),
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
  const levelIds = (await levelAreas(db, levelKey)).map((a) => a.id);
  const unprotected = seesUnprotected(user);
  // a scoped planner's own area: its whole series unprotected, the city's value protected
  const mine = (await ownAreas(db, user)).has(area.id);
  const dates = await listDates(db);
  const run = await publishedProjection(db);
  const last = dates.at(-1) ?? '';
  const ahead = run && projectable(ind, run) ? run.dates.filter((d) => d > last) : [];
  const contexts = async (projection?: StoredProjection) => {
    const ctx = await indicatorContext(db, [ind], unprotected, projection);
    return { ctx, areaCtx: mine ? await indicatorContext(db, [ind], true, projection) : ctx };
  };
  const point = (c: Awaited<ReturnType<typeof contexts>>, date: string) => {
    const city = c.ctx.cityTarget(levelIds);
    const v = present(c.areaCtx.calc(ind.key)(area.id, date), unprotected || mine);
    const cv = present(c.ctx.calc(ind.key)(city, date), unprotected);
    return { date, value: v.value, status: v.status, cityValue: cv.value, cityStatus: cv.status };
  };
  const observed = await contexts();
  const converted = await convertedDates(db, area.id, [
    ind.numerator,
    ...(ind.denominator ? [ind.denominator] : []),
  ]);
  const cityMarks = await cityConverted(db, observed.ctx.cityTarget(levelIds), ind, dates);
  const points = dates.map((date) => {
    const from = converted.get(date);
    const cityFrom = cityMarks.get(date);
    return {
      ...point(observed, date),
      ...(from ? { converted: from } : {}),
      ...(cityFrom ? { cityConverted: cityFrom } : {}),
    };
  });
  if (run && ahead.length > 0) {
    const projected = await contexts(run);
    points.push(...ahead.map((date) => ({ ...point(projected, date), projected: true })));
  }
  return { indicator: ind.key, id: area.key, points };
}
