/**
 * The Prognose of a Steckbrief: the published population projection for one area, beside its
 * district and the city, at the last observed Stichtag and a few projected ones. The values are
 * computed from the run's counts by the same calculators as the atlas (indicatorContext with the
 * run), so the public sees exactly what it sees there: counts rounded to tens, small areas only
 * within their district (projection/publish-projection.ts); planners the unrounded counts.
 */
import type { Cell } from '../core/value-status.ts';
import type { Db } from '../db/db.ts';
import { dataVersion } from '../db/data-version.ts';
import type { Indicator } from '../indicators/indicator.schema.ts';
import { indicatorContext, present, projectable } from '../indicators/indicator.service.ts';
import type { LevelTable } from '../indicators/level-table.ts';
import type { StoredProjection } from '../projection/projection-series.schema.ts';
import type { ProfileIndicator, ProfileProjection, ProfileProjectionValue } from './profile.schema.ts';

/** Years between the projected Stichtage a Steckbrief shows (after the base; the last always). */
export const PROJECTION_STEP_YEARS = 5;

/**
 * The projected Stichtage a Steckbrief shows: every {@link PROJECTION_STEP_YEARS} years after the
 * base and the run's last one, each after the last observed Stichtag (an observed value is never
 * replaced by a projected one).
 * @param runDates the run's projected Stichtage, ascending
 * @param lastObserved the last Stichtag with data; null when there is none
 * @example projectionDates('2024-12-31', ['2025-12-31', …, '2032-12-31'], '2024-12-31')
 * // ['2029-12-31', '2032-12-31']
 */
export function projectionDates(
  base: string,
  runDates: readonly string[],
  lastObserved: string | null,
  step = PROJECTION_STEP_YEARS,
): string[] {
  const baseYear = Number(base.slice(0, 4));
  const last = runDates.at(-1);
  return runDates.filter(
    (d) =>
      (lastObserved === null || d > lastObserved) &&
      (d === last || (Number(d.slice(0, 4)) - baseYear) % step === 0),
  );
}

/** The area's, its district's and the city's value of one indicator at one Stichtag. */
export interface ColumnValues {
  value: Cell;
  district: Cell | null;
  city: Cell;
}

/**
 * The section from its parts (pure): the run's note, and per indicator the observed column (from
 * the Steckbrief's series) followed by the projected ones (from `at`).
 * @param rows the Steckbrief's indicators that the run can give, in the Steckbrief's order
 * @param at the projected values of an indicator at a Stichtag, as the user may see them
 */
export function projectionSection(
  run: StoredProjection,
  rows: readonly ProfileIndicator[],
  lastObserved: string | null,
  dates: readonly string[],
  at: (key: string, date: string) => ColumnValues,
  rounded: boolean,
): ProfileProjection {
  const observed = (row: ProfileIndicator): ProfileProjectionValue[] => {
    if (lastObserved === null) return [];
    const p = row.series.find((s) => s.date === lastObserved);
    const none = { value: null, status: 'missing' as const };
    return [
      {
        date: lastObserved,
        projected: false,
        value: p ? { value: p.value, status: p.status } : none,
        district: p?.districtStatus ? { value: p.districtValue, status: p.districtStatus } : null,
        city: p ? { value: p.cityValue, status: p.cityStatus } : none,
      },
    ];
  };
  return {
    id: run.id,
    name: run.name,
    level: run.level,
    base: run.base,
    method: run.method,
    variant: run.variant,
    minPopulation: run.minPopulation,
    rounded,
    dates: [...(lastObserved === null ? [] : [lastObserved]), ...dates],
    indicators: rows.map((row) => ({
      key: row.key,
      name: row.name,
      unit: row.unit,
      decimals: row.decimals,
      formula: row.formula,
      values: [...observed(row), ...dates.map((date) => ({ date, projected: true, ...at(row.key, date) }))],
    })),
  };
}

type Context = Awaited<ReturnType<typeof indicatorContext>>;

/**
 * The projection's calculators of one audience, shared until the data version, the definitions or
 * the run change: a Sozialbericht asks for them once per Steckbrief. Runs are never changed, only
 * published or deleted (a new run has a new id). Callers must not mutate the result.
 */
async function projectionContext(
  db: Db,
  indicators: Indicator[],
  unprotected: boolean,
  run: StoredProjection,
): Promise<Context> {
  const key = [await dataVersion(db), run.id, unprotected, JSON.stringify(indicators)].join('|');
  let cache = contexts.get(db);
  if (!cache) contexts.set(db, (cache = new Map<string, Promise<Context>>()));
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size >= MAX_CONTEXTS) cache.delete(cache.keys().next().value as string);
    hit = indicatorContext(db, indicators, unprotected, run);
    cache.set(key, hit);
    const entries = cache;
    hit.catch(() => entries.delete(key));
  }
  return hit;
}
const contexts = new WeakMap<Db, Map<string, Promise<Context>>>();
const MAX_CONTEXTS = 4;

/**
 * The Prognose of the Steckbrief of `table.areas[areaIndex]`, or null: without a published run
 * (`run` null), on a level finer than the run's, when the run gives none of the Steckbrief's
 * indicators, or when none of its Stichtage lies after the last observed one.
 * @param rows the Steckbrief's indicators (the user may see them; values and series computed)
 * @param levelRank / runLevelRank ranks of the area's and the run's level (0 = city, finer = higher)
 * @param withDistrict whether the Steckbrief has a district column (its parent is not the city)
 */
export async function profileProjection(
  db: Db,
  input: {
    run: StoredProjection | null;
    table: LevelTable;
    areaIndex: number;
    rows: readonly ProfileIndicator[];
    levelRank: number;
    runLevelRank: number | undefined;
    withDistrict: boolean;
  },
): Promise<ProfileProjection | null> {
  const { run, table } = input;
  if (!run || input.runLevelRank === undefined || input.levelRank > input.runLevelRank) return null;
  const rows = input.rows.filter((r) => {
    const ind = table.grids.get(r.key)?.indicator;
    return ind !== undefined && projectable(ind, run);
  });
  const lastObserved = table.dates.at(-1) ?? null;
  const dates = projectionDates(run.base, run.dates, lastObserved);
  if (!rows.length || !dates.length) return null;
  const unprotected = table.unprotected;
  const ctx = await projectionContext(
    db,
    rows.map((r) => table.grids.get(r.key)!.indicator),
    unprotected,
    run,
  );
  const area = table.areas[input.areaIndex]!;
  const parentId = input.withDistrict ? ctx.tree.find((a) => a.id === area.id)?.parent_id : null;
  const city = ctx.cityTarget(table.areas.map((a) => a.id));
  const cell = (c: Cell): Cell => ({ value: c.value, status: c.status });
  const at = (key: string, date: string): ColumnValues => {
    const calc = ctx.calc(key);
    const seen = (target: number | number[]) => cell(present(calc(target, date), unprotected));
    return {
      value: seen(area.id),
      district: parentId === null || parentId === undefined ? null : seen(parentId),
      city: seen(city),
    };
  };
  return projectionSection(run, rows, lastObserved, dates, at, !unprotected);
}
