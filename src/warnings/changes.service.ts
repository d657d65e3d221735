/**
 * Zeitvergleich of one area: for every indicator the user may see, the change against the
 * previous Stichtag, the same change of the city and the difference of both, the current gap to
 * the city, the trend over n years (area and city) and the latest run of rises or falls.
 */
import type { User } from '../auth/auth.schema.ts';
import { notFound } from '../core/errors.ts';
import { currentDate } from '../observations/observation.repository.ts';
import type { Db } from '../db/db.ts';
import type { Cell } from '../core/value-status.ts';
import { ownsArea } from '../indicators/indicator.service.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { changeUnit, compareWithCity, consecutiveRun, trendOver } from './change.ts';
import { convertedMarks } from './converted.ts';
import { pickDate } from './warning.service.ts';
import type { Changes, ChangesQuery, IndicatorChange } from './warning.schema.ts';

const MISSING: Cell = { value: null, status: 'missing' };
const valueOf = (c: Cell | undefined) =>
  c && c.value !== null && (c.status === 'value' || c.status === 'estimated') ? c.value : null;
const round = (v: number | null, decimals: number) =>
  v === null ? null : Math.round(v * 10 ** decimals) / 10 ** decimals;

/**
 * @throws areas.unknown_level, areas.not_found, monitoring.unknown_date
 */
export async function areaChanges(
  db: Db,
  user: User | null,
  query: Pick<ChangesQuery, 'level' | 'area' | 'date' | 'years'>,
  /** `own`: a scoped planner's own area on unprotected values (see `loadLevelTable`) */
  options: { own?: boolean } = {},
): Promise<Changes> {
  const table = await loadLevelTable(db, user, query.level, undefined, {
    own: options.own === true && (await ownsArea(db, user, query.area)),
  });
  const a = table.areas.findIndex((x) => x.key === query.area);
  const area = table.areas[a];
  if (!area)
    throw notFound(
      'areas.not_found',
      `Das Gebiet „${query.area}“ gibt es auf der Ebene „${query.level}“ nicht.`,
      {
        area: query.area,
      },
    );
  const { date, at } = pickDate(table.dates, query.date, await currentDate(db));
  const previousDate = table.dates[at - 1] ?? null;
  const indicators: IndicatorChange[] = [];
  for (const grid of table.grids.values()) {
    const { indicator: ind, cells, city } = grid;
    const series = cells.map((row) => row[a] ?? MISSING);
    const now = series[at] ?? MISSING;
    const cmp = compareWithCity({ now, before: series[at - 1] }, { now: city[at], before: city[at - 1] });
    const trend = trendOver(table.dates, series, at, query.years);
    // runs of the values as shown, like the warning rules (no „rise“ from 18,2 to 18,2)
    const run = consecutiveRun(
      series.map((c) => round(valueOf(c), ind.decimals)),
      at,
    );
    // every Stichtag the row compares: the previous one, the trend window and the run
    const trendStart = trend.from === null ? at : table.dates.indexOf(trend.from);
    const converted = convertedMarks(grid, table.dates, a, Math.min(at - 1, trendStart, at - run.length), at);
    indicators.push({
      indicator: ind.key,
      name: ind.name,
      theme: ind.theme,
      unit: ind.unit,
      changeUnit: changeUnit(ind.unit),
      decimals: ind.decimals,
      polarity: ind.polarity,
      value: valueOf(now),
      status: now.status,
      previous: valueOf(series[at - 1]),
      change: cmp.change,
      cityValue: valueOf(city[at]),
      cityPrevious: valueOf(city[at - 1]),
      cityChange: cmp.cityChange,
      changeVsCity: cmp.changeVsCity,
      gapToCity: cmp.gapToCity,
      trend: {
        from: trend.from,
        points: trend.points,
        slope: trend.slope,
        citySlope: trendOver(table.dates, city, at, query.years).slope,
      },
      run,
      ...(converted && { converted }),
    });
  }
  return {
    level: query.level,
    area: area.key,
    areaName: area.name,
    date,
    previousDate,
    years: query.years,
    indicators,
  };
}
