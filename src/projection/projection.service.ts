/**
 * Population projection on the database (docs/methods.md §8.6): reads one level's stocks by age
 * up to the base, projects every area (Hamilton–Perry, §8.2, or cohort-component, §8.3, where
 * births, deaths and moves are counted) and returns every requested age variable for every year
 * up to the target. Writes nothing.
 */
import { variableRange } from '../core/age-range.ts';
import { badRequest, LagebildError, notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { dataVersion } from '../db/data-version.ts';
import { addVectors, MAX_AGE, sumAges, type AgeVector } from './age-vector.ts';
import { indirectFactor, projectCohortComponent } from './cohort-component.ts';
import { stocksTotal } from './control.ts';
import { applyControl, checkControl, type ControlPoint, type VariantKey } from './control-totals.ts';
import { addQuarters, type ScenarioQuarter } from './quarters.ts';
import { gompertzHazard, projectHamiltonPerry, type Stocks } from './hamilton-perry.ts';
import { groupCounts, loadLevel, stocksAt, type AreaRef } from './level-stocks.ts';

export const PROJECTION_METHODS = ['auto', 'hamilton-perry', 'cohort-component'] as const;
export type ProjectionMethod = (typeof PROJECTION_METHODS)[number];

/** Yearly counts per area of births, deaths, moves in and out, for the cohort-component method. */
export const COMPONENT_VARIABLES = ['geburten', 'sterbefaelle', 'zuzuege', 'fortzuege'] as const;

/** Longest projection horizon in years. */
export const MAX_HORIZON = 50;

export interface ProjectPopulationQuery {
  /** Area level key, e.g. `sozialraum`. */
  level: string;
  /** Base date (Stichtag, YYYY-MM-DD): no data after it is read. */
  base: string;
  /** Last projected date, whole years after the base, included. */
  to: string;
  method?: ProjectionMethod;
  /** Age variables to return (default: every age variable the level has at the base). */
  variables?: string[];
  /**
   * City totals to control to (e.g. the state office's projection for the municipality): the
   * years between them and the base are interpolated linearly; the last must not be before `to`.
   */
  control?: readonly ControlPoint[];
  /** `low`/`high`: the main total (controlled, or the projection's own) ∓ 0.5 % a year; default `main`. */
  variant?: VariantKey;
  /**
   * New residential quarters (a scenario's `quarter` changes): their residents are added to the
   * area of the level holding them from their first Stichtag on, on top of any control total.
   */
  quarters?: readonly ScenarioQuarter[];
}

/** One projected value: an area's count of a variable at a future Stichtag (whole persons). */
export interface ProjectionRow {
  area: string;
  date: string;
  variable: string;
  value: number;
}

const day = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const year = (iso: string) => Number(iso.slice(0, 4));
const withYear = (iso: string, y: number) => `${String(y).padStart(4, '0')}${iso.slice(4)}`;

/**
 * Projects the population of every area of a level from `base` to `to`.
 *
 * @returns rows sorted by area, date and variable, every year after the base up to `to`
 * @throws areas.unknown_level (404) when the level has no areas
 * @throws projection.bad_horizon (400) when `to` is not 1–50 whole years after the base
 * @throws data.unknown_date (404) when the level has no population at the base
 * @throws projection.no_age_structure (422) when the counts give no ages (no `ew` with age groups)
 * @throws projection.no_earlier_stock (422) when no Stichtag whole years before the base has the
 *   same ages
 * @throws projection.no_components (422) for cohort-component without births, deaths and moves
 * @throws projection.unknown_variable (400) for a requested variable that is no age group
 * @throws projection.bad_control (400) for control totals off the projection's years or ending before `to`
 */
export async function projectPopulation(db: Db, q: ProjectPopulationQuery): Promise<ProjectionRow[]> {
  return (await projectPopulationWithMethod(db, q)).rows;
}

/** The method `auto` chose, or the one asked for. */
export type UsedMethod = Exclude<ProjectionMethod, 'auto'>;

/**
 * {@link projectPopulation} with the method actually used, for callers that report it (the API).
 * @throws what {@link projectPopulation} throws
 */
export async function projectPopulationWithMethod(
  db: Db,
  q: ProjectPopulationQuery,
): Promise<{ method: UsedMethod; rows: ProjectionRow[] }> {
  const horizon = year(q.to) - year(q.base);
  if (q.to.slice(4) !== q.base.slice(4) || horizon < 1 || horizon > MAX_HORIZON)
    throw badRequest(
      'projection.bad_horizon',
      `Das Zieldatum ${day(q.to)} muss 1 bis ${MAX_HORIZON} ganze Jahre nach dem Basisstichtag ${day(q.base)} liegen.`,
      { base: q.base, to: q.to },
    );
  const variables = q.variables ?? null;
  for (const v of variables ?? [])
    if (!variableRange(v))
      throw badRequest(
        'projection.unknown_variable',
        `„${v}“ ist keine Altersgruppe (erlaubt: ew, ew_u<n>, ew_<a>_<b>, ew_<a>plus).`,
        { variable: v },
      );
  if (q.control) checkControl(q.control, q.base, q.to);

  const { areas, holder, used, yearly, ageVariables } = await projectedStocks(db, q, horizon);
  const quarters = (q.quarters ?? []).map((c) => {
    const area = holder(c.level, c.area);
    if (area === null)
      throw badRequest(
        'projection.quarter_area',
        `Das Quartier${c.name ? ` „${c.name}“` : ''} liegt im Gebiet „${c.area}“ der Ebene „${c.level}“, das es nicht gibt oder das nicht in einem Gebiet der Ebene „${q.level}“ liegt.`,
        { level: c.level, area: c.area },
      );
    return { area, validFrom: c.validFrom, population: c.population };
  });
  const wanted = variables ?? ageVariables;
  const rows: ProjectionRow[] = [];
  areas.forEach((a, i) => {
    for (let j = 1; j <= horizon; j++) {
      const all = addVectors(Object.values(yearly[i]![j - 1]!));
      for (const v of wanted)
        rows.push({
          area: a.key,
          date: withYear(q.base, year(q.base) + j),
          variable: v,
          value: Math.round(sumAges(all, variableRange(v)!)),
        });
    }
  });
  const all = quarters.length ? addQuarters(rows, quarters) : rows;
  all.sort((x, y) =>
    x.area !== y.area
      ? x.area < y.area
        ? -1
        : 1
      : x.date !== y.date
        ? x.date < y.date
          ? -1
          : 1
        : x.variable < y.variable
          ? -1
          : x.variable > y.variable
            ? 1
            : 0,
  );
  return { method: used, rows: all };
}

/** The projected single-year stocks of a query, before its variables are summed. */
interface ProjectedStocks {
  areas: AreaRef[];
  holder: (levelKey: string, areaKey: string) => string | null;
  used: UsedMethod;
  /** Per area, per projected year: the stocks by sex. */
  yearly: Stocks[][];
  /** Every age variable the level has at the base, sorted. */
  ageVariables: string[];
}

/**
 * Projections kept per database and data version: a care plan, its scenario and the age groups
 * of one report ask for the same projection with other variables, and the stocks are the work.
 * The newest few queries are kept.
 */
const keptStocks = new WeakMap<Db, Map<string, Promise<ProjectedStocks>>>();
const KEPT_QUERIES = 4;

async function projectedStocks(db: Db, q: ProjectPopulationQuery, horizon: number): Promise<ProjectedStocks> {
  const version = await dataVersion(db);
  const key = JSON.stringify([
    version,
    q.level,
    q.base,
    q.to,
    q.method ?? 'auto',
    q.control ?? null,
    q.variant ?? 'main',
  ]);
  let cache = keptStocks.get(db);
  if (!cache) keptStocks.set(db, (cache = new Map<string, Promise<ProjectedStocks>>()));
  const hit = cache.get(key);
  if (hit) {
    // most recently used last
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const next = computeStocks(db, q, horizon);
  cache.set(key, next);
  next.catch(() => cache.delete(key));
  for (const k of cache.keys()) if (cache.size > KEPT_QUERIES) cache.delete(k);
  return next;
}

async function computeStocks(db: Db, q: ProjectPopulationQuery, horizon: number): Promise<ProjectedStocks> {
  const { areas, counts, holder } = await loadLevel(db, q.level, q.base, COMPONENT_VARIABLES);
  const byDate = groupCounts(counts);
  const atBase = byDate.get(q.base);
  if (!atBase)
    throw notFound('data.unknown_date', `Für den Stichtag ${day(q.base)} liegen keine Einwohnerzahlen vor.`, {
      date: q.base,
    });
  const baseStocks = stocksAt(atBase, areas);
  if (!baseStocks)
    throw new LagebildError(
      'projection.no_age_structure',
      `Die Ebene „${q.level}“ hat am ${day(q.base)} keine Einwohner nach Alter (ew mit Altersgruppen wie ew_u6, ew_65plus oder Einzelaltersjahre).`,
      422,
      { level: q.level, date: q.base },
    );
  const earlier = [...byDate.keys()]
    .filter((d) => d < q.base && d.slice(4) === q.base.slice(4))
    .sort()
    .reverse()
    .map((d) => ({ date: d, stocks: stocksAt(byDate.get(d)!, areas, baseStocks.kind) }))
    .find((e) => e.stocks !== null);
  if (!earlier?.stocks)
    throw new LagebildError(
      'projection.no_earlier_stock',
      `Für eine Prognose ab ${day(q.base)} fehlt ein früherer Stichtag mit denselben Altersangaben (ganze Jahre davor, z. B. ${day(withYear(q.base, year(q.base) - 1))}).`,
      422,
      { base: q.base },
    );
  const interval = year(q.base) - year(earlier.date);
  const method = q.method ?? 'auto';
  const hasComponents = COMPONENT_VARIABLES.every((v) =>
    areas.every((a) => atBase.get(a.id)?.totals[v] !== undefined),
  );
  if (method === 'cohort-component' && !hasComponents)
    throw new LagebildError(
      'projection.no_components',
      `Für die Komponentenmethode fehlen am ${day(q.base)} Geburten, Sterbefälle, Zuzüge und Fortzüge (${COMPONENT_VARIABLES.join(', ')}) je Gebiet.`,
      422,
      { variables: COMPONENT_VARIABLES },
    );

  const used: UsedMethod =
    method === 'cohort-component' || (method === 'auto' && hasComponents)
      ? 'cohort-component'
      : 'hamilton-perry';
  const own: Stocks[][] =
    used === 'cohort-component'
      ? cohortComponent(
          baseStocks.stocks,
          areas.map((a) => atBase.get(a.id)!.totals),
          horizon,
        )
      : hamiltonPerry(earlier.stocks.stocks, baseStocks.stocks, interval, horizon);
  const yearly =
    q.control || (q.variant && q.variant !== 'main')
      ? applyControl(own, {
          baseYear: year(q.base),
          baseTotal: baseStocks.stocks.reduce((s, x) => s + stocksTotal(x), 0),
          control: q.control,
          variant: q.variant,
        })
      : own;

  const ageVariables = [...new Set(areas.flatMap((a) => Object.keys(atBase.get(a.id)?.totals ?? {})))]
    .filter((v) => variableRange(v) !== null)
    .sort();
  return { areas, holder, used, yearly, ageVariables };
}

/** Hamilton–Perry for every area, ratios shrunk towards the level's sum; yearly results. */
function hamiltonPerry(earlier: Stocks[], base: Stocks[], interval: number, horizon: number): Stocks[][] {
  const sexes = Object.keys(base[0] ?? {});
  const sum = (list: Stocks[]) =>
    Object.fromEntries(sexes.map((s) => [s, addVectors(list.map((x) => x[s]!))]));
  const reference = { earlier: sum(earlier), base: sum(base) };
  const steps = Math.ceil(horizon / interval);
  const female = sexes.includes('w') ? 'w' : null;
  return base.map((b, i) => {
    const out = projectHamiltonPerry({ earlier: earlier[i]!, base: b, reference }, steps, {
      interval,
      female,
    });
    // Years between two steps: linear between them (and the base).
    return Array.from({ length: horizon }, (_, y) => {
      const t = (y + 1) / interval;
      const lo = Math.floor(t);
      const f = t - lo;
      const a = lo === 0 ? b : out[lo - 1]!;
      const c = out[Math.min(lo, steps - 1)]!;
      return f === 0
        ? a
        : Object.fromEntries(sexes.map((s) => [s, a[s]!.map((x, k) => x + f * (c[s]![k]! - x))]));
    });
  });
}

/**
 * Standard age schedules the city's counts scale (docs/methods.md §8.3): fertility as a normal
 * curve around 31 (SD 5.5, ages 15–49), mortality from the Gompertz hazard of §8.2, net migration
 * peaking at 26 (SD 8) with a small share of children moving with their parents.
 */
const FERTILITY_SHAPE = Array.from({ length: MAX_AGE + 1 }, (_, a) =>
  a >= 15 && a < 50 ? Math.exp(-(((a - 31) / 5.5) ** 2) / 2) : 0,
);
const MORTALITY = Array.from({ length: MAX_AGE + 1 }, (_, a) => 1 - Math.exp(-gompertzHazard(a + 0.5)));
const MIGRATION_SHAPE = (() => {
  const v = Array.from(
    { length: MAX_AGE + 1 },
    (_, a) => Math.exp(-(((a - 26) / 8) ** 2) / 2) + 0.1 * Math.exp(-a / 10),
  );
  const t = v.reduce((s, x) => s + x, 0);
  return v.map((x) => x / t);
})();

/** Cohort-component for every area from the level's births and deaths (city rates scaled). */
function cohortComponent(base: Stocks[], totals: Record<string, number>[], horizon: number): Stocks[][] {
  const sexes = Object.keys(base[0] ?? {});
  const female = sexes.includes('w') ? 'w' : null;
  const women = (s: Stocks): AgeVector =>
    female ? s[female]! : addVectors(Object.values(s)).map((x) => x / 2);
  const all = (s: Stocks) => addVectors(Object.values(s));
  const sumOf = (k: string) => totals.reduce((s, t) => s + (t[k] ?? 0), 0);
  const cityWomen = addVectors(base.map(women));
  const cityAll = addVectors(base.map(all));
  const fertility = FERTILITY_SHAPE.map(
    (x) => x * indirectFactor(sumOf('geburten'), cityWomen, FERTILITY_SHAPE),
  );
  const mScale = indirectFactor(sumOf('sterbefaelle'), cityAll, MORTALITY);
  const mortality = Object.fromEntries(sexes.map((s) => [s, MORTALITY.map((q) => Math.min(1, q * mScale))]));
  const profile = Object.fromEntries(sexes.map((s) => [s, MIGRATION_SHAPE.map((x) => x / sexes.length)]));
  return base.map((b, i) => {
    const t = totals[i]!;
    return projectCohortComponent(
      {
        base: b,
        fertility,
        mortality,
        fertilityFactor: indirectFactor(t.geburten ?? 0, women(b), fertility),
        mortalityFactor: indirectFactor(t.sterbefaelle ?? 0, all(b), mortality[sexes[0]!]!),
        netMigration: (t.zuzuege ?? 0) - (t.fortzuege ?? 0),
        migrationProfile: profile,
        female,
      },
      horizon,
    );
  });
}
