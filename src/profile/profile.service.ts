/**
 * The area profile (Gebietsprofil) in two depths, with values as the user may see them (planners
 * unprotected, everyone else disclosure-protected):
 * - the Steckbrief loads the level table once, compares the area with district and city
 *   (compare.ts), adds the index classes and the warnings, writes the text (profile-text.ts) and
 *   adds the published projection (profile-projection.ts);
 * - the short profile lists the area's indicators beside the city's values, for the atlas, with
 *   the „umgerechnet“ marks of both (short-profile-marks.ts).
 */
import * as areaRepo from '../areas/area.repository.ts';
import type { User } from '../auth/auth.schema.ts';
import { notFound } from '../core/errors.ts';
import type { Db } from '../db/db.ts';
import { currentDate, listDates } from '../observations/observation.repository.ts';
import { availableIndicators } from '../indicators/availability.ts';
import {
  indicatorContext,
  levelAreas,
  listIndicators,
  present,
  projectable,
  projectionAt,
  ownAreas,
  presentFor,
  seesUnprotected,
} from '../indicators/indicator.service.ts';
import { loadLevelTable } from '../indicators/level-table.ts';
import { pickStichtag } from '../indicators/stichtag.ts';
import { publishedProjection } from '../projection/projection-series.service.ts';
import { evaluateWarnings } from '../warnings/warning.service.ts';
import { compareIndicator } from './compare.ts';
import { profileIndex } from './profile-index.ts';
import { profileProjection } from './profile-projection.ts';
import { profileText } from './profile-text.ts';
import { shortProfileMarks, type RowMarks } from './short-profile-marks.ts';
import type { AreaProfile, ProfileIndicator, ProfileQuery, Steckbrief } from './profile.schema.ts';

/**
 * The Stichtag of the profile: the one asked for, else the Datenstand `current`, else the latest.
 * @throws profile.unknown_date (404) when there are no values at that Stichtag
 */
export const pickDate = (dates: readonly string[], date: string | undefined, current: string | null = null) =>
  pickStichtag(dates, date, current, 'profile.unknown_date');

/** Indicators grouped by theme, themes and indicators in catalogue order. */
function byTheme(indicators: ProfileIndicator[]): Steckbrief['themes'] {
  const themes = new Map<string, ProfileIndicator[]>();
  for (const i of indicators) themes.set(i.theme, [...(themes.get(i.theme) ?? []), i]);
  return [...themes].map(([theme, list]) => ({ theme, indicators: list }));
}

/**
 * The Steckbrief of area `areaKey` on level `levelKey`.
 * @param options.own for a scoped planner's own area, its values and those of the other own areas
 *   unprotected (the page, and the area report internal to their scope, reports/report-scope.ts —
 *   see `loadLevelTable`). Another
 *   area's Steckbrief stays exactly the public one, ranks included.
 * @throws areas.unknown_level, profile.unknown_area (404, German message), profile.unknown_date,
 *   indices.not_found when an index that does not exist is asked for
 */
export async function areaSteckbrief(
  db: Db,
  user: User | null,
  levelKey: string,
  areaKey: string,
  query: ProfileQuery,
  options: { own?: boolean } = {},
): Promise<Steckbrief> {
  const levels = await areaRepo.listLevels(db);
  const level = levels.find((l) => l.key === levelKey);
  if (!level)
    throw notFound('areas.unknown_level', `Die Ebene „${levelKey}“ gibt es nicht.`, { level: levelKey });
  const area = await areaRepo.findArea(db, levelKey, areaKey);
  if (!area)
    throw notFound(
      'profile.unknown_area',
      `Das Gebiet „${areaKey}“ gibt es auf der Ebene „${level.name}“ nicht.`,
      { level: levelKey, area: areaKey },
    );
  // the Stichtag first, so that the level table, the index and the warnings load side by side
  const dates = await listDates(db);
  const date = dates[pickDate(dates, query.date, await currentDate(db))]!;
  const mine = { own: options.own === true && (await ownAreas(db, user)).has(area.id) };
  const [table, index, warnings, run] = await Promise.all([
    loadLevelTable(db, user, levelKey, undefined, mine),
    profileIndex(db, user, query.index, levelKey, areaKey, date),
    evaluateWarnings(db, user, { level: levelKey, date, area: areaKey }, mine),
    publishedProjection(db),
  ]);
  const dateIndex = pickDate(table.dates, date);
  // a parent on the city level (rank 0) is the city itself, not a district
  const parentLevel = levels.find((l) => l.key === level.parent && l.rank >= 1);
  const areas = parentLevel
    ? table.areas
    : table.areas.map((a) => ({ ...a, parentKey: null, parentName: null }));
  const areaIndex = areas.findIndex((a) => a.key === areaKey);
  const own = areas[areaIndex]!;

  const indicators = [...table.grids.values()].map((grid) =>
    compareIndicator({ grid, dates: table.dates, areas, areaIndex, dateIndex, years: query.years }),
  );
  const entries = warnings.entries.filter((e) => e.area === areaKey);
  const text = profileText({
    areaName: area.name,
    levelName: level.name,
    years: query.years,
    indicators,
    index,
    warnings: entries,
    wholeLevelName: levels.find((l) => l.rank === 0)?.name,
  });
  const projection = await profileProjection(db, {
    run,
    table,
    areaIndex,
    rows: indicators,
    levelRank: level.rank,
    runLevelRank: levels.find((l) => l.key === run?.level)?.rank,
    withDistrict: parentLevel !== undefined,
  });

  return {
    area: {
      id: area.key,
      name: area.name,
      level: levelKey,
      levelName: level.name,
      parent: own.parentKey,
      parentName: own.parentName,
      // in a ragged hierarchy the parent may lie on a level between (a Sozialraum, not the Gemeinde)
      parentLevelName: parentLevel
        ? (levels.find((l) => l.key === area.parent_level)?.name ?? parentLevel.name)
        : null,
      areaKm2: area.area_m2 / 1e6,
    },
    date,
    dates: table.dates,
    years: query.years,
    unprotected: table.unprotected,
    own: table.own.has(area.id),
    themes: byTheme(indicators),
    index,
    warnings: entries,
    text: text.sentences,
    highlights: text.indicators,
    projection,
  };
}

/**
 * The short profile of area `areaKey` on level `levelKey` at `date`: every indicator with inputs,
 * beside the city's value, as the user may see them (the atlas's table of a selected area).
 * @throws areas.not_found, areas.unknown_level (404)
 */
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
  const levelIds = (await levelAreas(db, levelKey)).map((a) => a.id);
  const unprotected = seesUnprotected(user);
  // indicators without inputs would only add rows of „–“; on a Stichtag of the published
  // projection, only those it gives values for (a Prognose of counts, not data)
  const run = await projectionAt(db, date);
  const available = await availableIndicators(db, await listIndicators(db, user));
  const indicators = run ? available.filter((i) => projectable(i, run)) : available;
  const ctx = await indicatorContext(db, indicators, unprotected, run ?? undefined);
  const own = await ownAreas(db, user);
  const ownCtx = own.has(area.id) ? await indicatorContext(db, indicators, true, run ?? undefined) : null;
  const view = { ctx, unprotected, own, ownCtx };
  const parent = ctx.tree.find((a) => a.id === area.parent_id);
  const city = ctx.cityTarget(levelIds);
  // a Prognose is no conversion: its values carry no mark, as in the values route
  const marks = run
    ? new Map<string, RowMarks>()
    : await shortProfileMarks(db, area.id, city, date, indicators);
  return {
    area: {
      id: area.key,
      name: area.name,
      level: area.level,
      parent: area.parent,
      parentName: parent?.name ?? null,
      parentLevel: area.parent_level,
      areaM2: area.area_m2,
    },
    date,
    indicators: indicators.map((ind) => {
      const v = presentFor(ind.key, area.id, date, view);
      const c = present(ctx.calc(ind.key)(city, date), unprotected);
      return {
        key: ind.key,
        name: ind.name,
        theme: ind.theme,
        unit: ind.unit,
        decimals: ind.decimals,
        value: v.value,
        status: v.status,
        cityValue: c.value,
        cityStatus: c.status,
        ...marks.get(ind.key),
      };
    }),
  };
}
